// require("riposte/markdownlint"): Riposte's rules as markdownlint custom rules, for markdownlint-cli2,
// vscode-markdownlint and markdownlint's API. markdownlint calls each rule once per document; the core runs
// once per document and each rule reports its own findings from that run (a rule given options in
// markdownlint's configuration gets a run of its own with them).
//
// markdownlint's configuration turns the rules on and off (`"riposte/repeated-words": false`, the tag
// `"riposte": false`), sets their severity and passes Riposte's options (`{ "threshold": 0.9 }`); inline
// `<!-- markdownlint-disable riposte/… -->` comments work, and so do Riposte's own. A `.riposte.json` at or
// above the file still applies (source, debate, severities): findings Riposte rates as information or hint
// (unanswered-quote by default) are not reported, as they never fail `riposte lint` either.
import * as core from './core';
import { ConfigResolver, sourceReaderFor } from './node/config';
import { existsSync, statSync } from 'node:fs';
import { findRuleDocs } from './node/ruleDocLinks';

/** What markdownlint passes a rule (the fields used here; markdownlint's `RuleParams`). */
interface Params {
  name: string;
  lines: readonly string[];
  frontMatterLines: readonly string[];
  config: unknown;
}

/** markdownlint's `RuleOnErrorFixInfo`: one edit on one line. */
interface FixInfo {
  lineNumber?: number;
  editColumn?: number;
  deleteCount?: number;
  insertText?: string;
}

/** markdownlint's `RuleOnErrorInfo`. */
interface ErrorInfo {
  lineNumber: number;
  detail?: string;
  range?: number[];
  fixInfo?: FixInfo;
}

/** markdownlint's `Rule`, with the `none` parser: the rules read the lines, not markdownlint's tokens. */
interface MarkdownlintRule {
  names: string[];
  description: string;
  information?: URL;
  tags: string[];
  parser: 'none';
  function: (params: Params, onError: (info: ErrorInfo) => void) => void;
}

/** The runs of one document, keyed by the options a rule was given ('' for the shared run). */
const runs = new WeakMap<readonly string[], Map<string, core.Diagnostic[]>>();

const REPORTED = new Set<core.Severity>(['error', 'warning']);

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The rule's markdownlint configuration (what remains after markdownlint takes `enabled` and `severity`) as Riposte options. */
function ruleOptions(rule: core.Rule, config: unknown): core.RiposteConfig {
  if (config === null || typeof config !== 'object' || Object.keys(config).length === 0) return core.emptyConfig();
  const { config: validated, problems } = core.validateConfig({ rules: { [rule.id]: config } }, core.RULES);
  if (problems.length > 0) throw new core.ConfigError(`markdownlint configuration of riposte/${rule.id}`, problems);
  return validated;
}

function run(params: Params, rule: core.Rule): core.Diagnostic[] {
  const options = ruleOptions(rule, params.config);
  const key = Object.keys(options.rules).length === 0 ? '' : JSON.stringify(options.rules);
  let byKey = runs.get(params.lines);
  if (!byKey) runs.set(params.lines, (byKey = new Map()));
  let diagnostics = byKey.get(key);
  if (!diagnostics) {
    // markdownlint hands the front matter over separately; Riposte reads it (replying-to, source, riposte).
    const text = core.stripBom([...params.frontMatterLines, ...params.lines].join('\n')).text;
    const file = isFile(params.name) ? params.name : undefined;
    const base = file ? new ConfigResolver().configFor(file).config : core.emptyConfig();
    diagnostics = core.lint(text, {
      fileName: params.name,
      config: core.mergeConfigs(base, options),
      readSource: file ? sourceReaderFor(file) : undefined,
      rules: key ? [rule] : undefined,
    });
    byKey.set(key, diagnostics);
  }
  return diagnostics;
}

/** The finding's first fix as markdownlint's single-line fixInfo, when it is safe and is one edit within one line (or deletes one whole line). */
function fixInfoOf(diagnostic: core.Diagnostic, lines: readonly string[], offset: number): FixInfo | undefined {
  const fix = diagnostic.fixes[0];
  if (!fix?.safe || fix.edits.length !== 1) return undefined;
  const [{ range, newText }] = fix.edits;
  const line = range.start.line - offset;
  if (line < 0 || line >= lines.length) return undefined;
  if (range.start.line === range.end.line) {
    const length = lines[line].length;
    // markdownlint would rather see a line break at the start of the next line than at the end of this one.
    if (range.start.character === length && range.end.character === length && newText.startsWith('\n') && line + 1 < lines.length) {
      return { lineNumber: line + 2, editColumn: 1, insertText: `${newText.slice(1)}\n` };
    }
    return { lineNumber: line + 1, editColumn: range.start.character + 1, deleteCount: range.end.character - range.start.character, insertText: newText };
  }
  if (newText === '' && range.start.character === 0 && range.end.line === range.start.line + 1 && range.end.character === 0) return { lineNumber: line + 1, deleteCount: -1 };
  return undefined;
}

function report(diagnostic: core.Diagnostic, params: Params, onError: (info: ErrorInfo) => void): void {
  const offset = params.frontMatterLines.length;
  const { start, end } = diagnostic.range;
  const line = start.line - offset;
  if (line >= params.lines.length) return;
  if (line < 0) {
    // On a front matter key (a refused `source:`): markdownlint numbers only the lines after the front matter.
    if (params.lines.length > 0) onError({ lineNumber: 1, detail: `Front matter line ${start.line + 1}: ${diagnostic.message}` });
    return;
  }
  const text = params.lines[line];
  const last = start.line === end.line ? Math.min(end.character, text.length) : text.length;
  const info: ErrorInfo = { lineNumber: line + 1, detail: diagnostic.message };
  if (last > start.character) info.range = [start.character + 1, last - start.character];
  const fixInfo = fixInfoOf(diagnostic, params.lines, offset);
  if (fixInfo) info.fixInfo = fixInfo;
  onError(info);
}

const ruleDocs = findRuleDocs();

function markdownlintRule(rule: core.Rule): MarkdownlintRule {
  const href = ruleDocs?.(rule.id);
  return {
    names: [`riposte/${rule.id}`],
    description: rule.description,
    ...(href ? { information: new URL(href) } : {}),
    tags: ['riposte', rule.scope === 'debate' ? 'riposte-quotes' : 'riposte-prose'],
    parser: 'none',
    function(params, onError) {
      for (const diagnostic of run(params, rule)) {
        if (diagnostic.rule === rule.id && REPORTED.has(diagnostic.severity)) report(diagnostic, params, onError);
      }
    },
  };
}

const rules: MarkdownlintRule[] = core.RULES.map(markdownlintRule);

export = rules;
