import { Analysis, SourceDocument } from './analysis';
import { emptyConfig, RiposteConfig } from './config';
import { decideDebate } from './debate';
import { lineageCacheOf } from './lineageCache';
import { Draft, parseDraft } from './parse';
import { Finding, Rule, RuleOptionValues } from './rule';
import { RULES } from './rules';
import { comparePositions, Diagnostic, range } from './types';
import { editsSince, wordsOnlyEdited } from './unitChanges';

export interface LintOptions {
  /**
   * The draft's file name, used in messages, to resolve `source:` through `readSource`, and to tell a debate
   * draft (`*.reply.md`) from plain Markdown. Without one, the text is linted as a debate draft.
   */
  fileName?: string;
  /** The editor's language for the file (`debate-markdown` files are always debate drafts). */
  languageId?: string;
  /** Validated configuration (see `validateConfig`); defaults apply where it is silent. */
  config?: RiposteConfig;
  /**
   * Reads the document quotes are checked against, given the path the draft or configuration names
   * (relative paths are the caller's to resolve). Returning undefined means "not available".
   */
  readSource?: (path: string) => string | undefined | SourceRefusal;
  /** Told about a rule that threw; the other rules' results still come back. */
  onRuleError?: (rule: string, error: unknown) => void;
  /**
   * The rules to run, in order (default: RULES). A seam for tests that inject a rule, such as one that
   * throws; the API and the CLI do not expose it, so it is no part of their JSON contract.
   */
  rules?: readonly Rule[];
}

/** A source the reader would not read (outside the project, not a regular file…), and why, for the user. */
export interface SourceRefusal {
  refused: string;
}

export function lint(text: string, options: LintOptions = {}): Diagnostic[] {
  return lintDraft(parseDraft(text), options);
}

export function optionsFor(rule: Rule, config: RiposteConfig): RuleOptionValues {
  const values: RuleOptionValues = {};
  for (const [name, spec] of Object.entries(rule.options)) values[name] = spec.default;
  return { ...values, ...config.rules[rule.id]?.options };
}

function sourcePathOf(draft: Draft, config: RiposteConfig): string | undefined {
  return draft.frontMatter?.values.get('source') || config.source;
}

export function lintDraft(draft: Draft, options: LintOptions = {}): Diagnostic[] {
  const config = options.config ?? emptyConfig();
  const sourcePath = sourcePathOf(draft, config);
  let source: SourceDocument | null = null;
  let refusal: Diagnostic | null = null;
  if (sourcePath && options.readSource) {
    const read = options.readSource(sourcePath);
    if (typeof read === 'string') source = { path: sourcePath, text: read };
    else if (read) refusal = refusedSource(draft, sourcePath, read.refused);
  }
  const cache = lineageCacheOf(draft);
  const analysis = new Analysis(draft, source, cache);
  const diagnostics: Diagnostic[] = [];
  const { debate } = decideDebate(draft, { fileName: options.fileName, languageId: options.languageId, setting: config.debate });
  // Reported by misquote, the rule that reads the source: the key that names it, never the file's words.
  const misquoteSeverity = config.rules.misquote?.severity;
  if (refusal && debate && misquoteSeverity !== 'off' && !draft.suppressions.isSuppressed('misquote', refusal.range.start.line)) {
    diagnostics.push(misquoteSeverity ? { ...refusal, severity: misquoteSeverity } : refusal);
  }
  for (const rule of options.rules ?? RULES) {
    const configured = config.rules[rule.id]?.severity;
    if ((configured ?? rule.defaultSeverity) === 'off') continue;
    if (rule.scope === 'debate' && !debate) continue;
    let findings;
    try {
      findings = rule.reads === 'structure' ? structureFindings(rule, draft, optionsFor(rule, config), analysis, debate) : rule.check(draft, { options: optionsFor(rule, config), analysis, cache, debate });
    } catch (error) {
      (options.onRuleError ?? defaultRuleError)(rule.id, error);
      continue;
    }
    for (const finding of findings) {
      if (draft.suppressions.isSuppressed(rule.id, finding.range.start.line)) continue;
      const severity = configured && configured !== 'off' ? configured : finding.severity ?? (rule.defaultSeverity as Exclude<typeof rule.defaultSeverity, 'off'>);
      // A finding a rule gave again (kept by the rule or the engine) keeps its diagnostic: callers that compare
      // this lint's diagnostics with the last one's (the editor's) find it the same object.
      const made = cache.diagnosticOf.get(finding);
      if (made && made.rule === rule.id && made.severity === severity) diagnostics.push(made);
      else {
        const diagnostic: Diagnostic = { rule: rule.id, severity, message: finding.message, range: finding.range, related: finding.related ?? [], fixes: finding.fixes ?? [] };
        cache.diagnosticOf.set(finding, diagnostic);
        diagnostics.push(diagnostic);
      }
    }
  }
  // (Rule ids are ASCII: `<` orders them as localeCompare would, at a fraction of its cost on every keystroke.)
  return diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/**
 * A structure rule's findings (Rule.reads): its last ones again when every edit since changed only the words
 * of the writer's own paragraphs, and the rule's options and the debate decision are the same; else checked.
 */
function structureFindings(rule: Rule, draft: Draft, options: RuleOptionValues, analysis: Analysis, debate: boolean): readonly Finding[] {
  const cache = analysis.cache;
  const last = cache.structureFindings.get(rule.id);
  if (last && last.debate === debate && sameOptions(last.options, options)) {
    const edits = editsSince(draft, last.generation);
    if (edits && edits.every(wordsOnlyEdited)) {
      last.generation = draft.parts.generation;
      return last.findings;
    }
  }
  const findings = rule.check(draft, { options, analysis, cache, debate });
  cache.structureFindings.set(rule.id, { generation: draft.parts.generation, options, debate, findings });
  return findings;
}

function sameOptions(a: RuleOptionValues, b: RuleOptionValues): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

function defaultRuleError(rule: string, error: unknown): void {
  console.error(`riposte: rule ${rule} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
}

function refusedSource(draft: Draft, path: string, reason: string): Diagnostic {
  const line = draft.frontMatter?.keyLines.get('source');
  const where = line !== undefined ? 'front matter `source:`' : 'configuration `source`';
  const at = line ?? 0;
  return {
    rule: 'misquote',
    severity: 'warning',
    message: `The source "${path}" (${where}) was not read: ${reason}. Quotes are not checked against it.`,
    range: range(at, 0, at, draft.lines[at]?.text.length ?? 0),
    related: [],
    fixes: [],
  };
}
