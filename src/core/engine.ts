import { Analysis, SourceDocument } from './analysis';
import { emptyConfig, RiposteConfig } from './config';
import { decideDebate } from './debate';
import { lineageCacheOf } from './lineageCache';
import { Draft, parseDraft } from './parse';
import { Rule, RuleOptionValues } from './rule';
import { RULES } from './rules';
import { comparePositions, Diagnostic } from './types';

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
  readSource?: (path: string) => string | undefined;
  /** Told about a rule that threw; the other rules' results still come back. */
  onRuleError?: (rule: string, error: unknown) => void;
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
  if (sourcePath && options.readSource) {
    const text = options.readSource(sourcePath);
    if (text !== undefined) source = { path: sourcePath, text };
  }
  const cache = lineageCacheOf(draft);
  const analysis = new Analysis(draft, source, cache);
  const diagnostics: Diagnostic[] = [];
  const { debate } = decideDebate(draft, { fileName: options.fileName, languageId: options.languageId, setting: config.debate });
  for (const rule of RULES) {
    const configured = config.rules[rule.id]?.severity;
    if ((configured ?? rule.defaultSeverity) === 'off') continue;
    if (rule.scope === 'debate' && !debate) continue;
    let findings;
    try {
      findings = rule.check(draft, { options: optionsFor(rule, config), analysis, cache, debate });
    } catch (error) {
      (options.onRuleError ?? defaultRuleError)(rule.id, error);
      continue;
    }
    for (const finding of findings) {
      if (draft.suppressions.isSuppressed(rule.id, finding.range.start.line)) continue;
      const severity = configured && configured !== 'off' ? configured : finding.severity ?? (rule.defaultSeverity as Exclude<typeof rule.defaultSeverity, 'off'>);
      diagnostics.push({ rule: rule.id, severity, message: finding.message, range: finding.range, related: finding.related ?? [], fixes: finding.fixes ?? [] });
    }
  }
  return diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end) || a.rule.localeCompare(b.rule));
}

function defaultRuleError(rule: string, error: unknown): void {
  console.error(`riposte: rule ${rule} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
}
