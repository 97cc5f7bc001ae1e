// The editor-free core: parse a draft once, run the rules over the model, build the reply tree.
import { lint, LintOptions } from './engine';
import { applyFixes } from './applyFixes';
import { parseDraft } from './parse';
import { buildReplyTree, ReplyTree } from './thread';
import { Diagnostic } from './types';

export * from './types';
export { ConfigError, emptyConfig, mergeConfigs, parseConfigText, validateConfig, SEVERITIES } from './config';
export type { ConfigProblem, RiposteConfig, RuleSettings } from './config';
export { lint, lintDraft } from './engine';
export { decideDebate, DEBATE_SETTINGS } from './debate';
export type { DebateDecision, DebateInputs, DebateSetting } from './debate';
export type { LintOptions, SourceRefusal } from './engine';
export { applyFixes } from './applyFixes';
export type { ApplyFixesOptions } from './applyFixes';
export { joinLines, parseDraft } from './parse';
export { parseFrontMatter } from './frontMatter';
export type { FrontMatter } from './frontMatter';
export type { Draft, DraftCarry, Quote, Unit, Attribution } from './parse';
export { buildReplyTree, formatTreeText, treeNodeToJson } from './thread';
export type { ReplyTree, TreeNode, TreeNodeJson } from './thread';
export { RULES, ruleById } from './rules';
export type { Rule, RuleOptionSpec } from './rule';
export type { Speaker } from './model';
export { splitLineTexts, stripBom, restoreBom } from './text';
export type { LineText } from './text';

export function replyTree(text: string): ReplyTree {
  return buildReplyTree(parseDraft(text));
}

export interface FixAllResult {
  text: string;
  /** Lint passes that changed the text. */
  passes: number;
  /** Diagnostics left after the last pass. */
  remaining: Diagnostic[];
}

/** Applies every safe fix, linting again after each pass until nothing changes (at most ten passes). */
export function fixAll(text: string, options: LintOptions = {}): FixAllResult {
  let current = text;
  let passes = 0;
  let diagnostics = lint(current, options);
  while (passes < 10) {
    const next = applyFixes(current, diagnostics);
    if (next === current) break;
    current = next;
    passes++;
    diagnostics = lint(current, options);
  }
  return { text: current, passes, remaining: diagnostics };
}
export { diagnosticToJson, treeToJson } from './json';
export type { DiagnosticJson, FileResultJson, TreeJson } from './json';
export { attributionEdit, authorOfSource, disableForFileEdit, disableForLineEdit, minimalEdit, quoteBlock, toggleQuoteEdits } from './draftingCommands';
export { quotePrefix } from './quoteMarkers';
export { buildViewModel, renderExcerpt } from './preview/viewModel';
export type { ViewBadge, ViewModel, ViewNode, ViewSpeaker, ViewSummary } from './preview/viewModel';
export type { HostMessage, PreviewState, WebviewMessage } from './preview/messages';
export { applyViewPatch, diffViewModels, sentModelOf } from './preview/patch';
export type { SentModel } from './preview/patch';
export type { KeptRun, PatchedNode, PatchItem, ViewPatch } from './preview/patch';
export { DraftSession } from './session';
export { replaceInPlace, updateDraft } from './updateDraft';
export { editsSince, onlyProseEdited } from './unitChanges';
export { FOLD_NO_KIND, FOLD_REGION, foldingRanges } from './folding';
export type { TextChange } from './updateDraft';
export { buildOutline, OUTLINE_NAME_CHARS, outlineSignature, sameValues } from './outline';
export type { OutlineKind, OutlineNode } from './outline';
export { enclosingSpans } from './selection';
export type { LineSpan } from './selection';
export { copyForForum, FORUM_STYLES } from './forum/quoteStyles';
export type { ForumCopy, ForumStyle, ForumStyleSpec, QuoteCounts } from './forum/quoteStyles';
export { pasteThread } from './forum/pasteThread';
export type { PastedThread } from './forum/pasteThread';
export { firstAtLeast } from './search';
