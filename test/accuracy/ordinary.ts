// `npm run accuracy -- --ordinary` (or node out/test/accuracy/ordinary.js): lints the READMEs and changelogs
// of the installed npm packages, none of them a debate, as the files they are with default settings, and
// counts the files Riposte would cover in warnings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint } from '../../src/api';
import { REPO_ROOT } from '../paths';

const NAMES = /^(?:readme|changelog|changes|history)(?:\.[\w-]+)?\.(?:md|markdown)$/i;

/** The README and changelog files of every package under node_modules (nested ones too). */
export function ordinaryMarkdownFiles(root = join(REPO_ROOT, 'node_modules')): string[] {
  const found: string[] = [];
  const visit = (folder: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth < 6 && entry.name !== '.bin') visit(path, depth + 1);
      else if (entry.isFile() && NAMES.test(entry.name) && statSync(path).size < 2_000_000) found.push(path);
    }
  };
  visit(root, 0);
  return found.sort();
}

export interface OrdinaryResult {
  files: number;
  filesWithWarning: string[];
  quoteRuleFindings: { file: string; rule: string; line: number; message: string }[];
  byRule: Map<string, number>;
}

const QUOTE_RULES = new Set(['unattributed-quote', 'unmarked-quote', 'unanswered-quote', 'misquote']);

export function lintOrdinaryMarkdown(files = ordinaryMarkdownFiles()): OrdinaryResult {
  const result: OrdinaryResult = { files: files.length, filesWithWarning: [], quoteRuleFindings: [], byRule: new Map() };
  for (const file of files) {
    const diagnostics = lint(readFileSync(file, 'utf8'), { fileName: file, config: false });
    const warnings = diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error');
    if (warnings.length > 0) result.filesWithWarning.push(file);
    for (const d of diagnostics) {
      result.byRule.set(d.rule, (result.byRule.get(d.rule) ?? 0) + 1);
      if (QUOTE_RULES.has(d.rule)) result.quoteRuleFindings.push({ file: relative(REPO_ROOT, file), rule: d.rule, line: d.range.start.line + 1, message: d.message });
    }
  }
  return result;
}

if (require.main === module) {
  const result = lintOrdinaryMarkdown();
  const share = result.files === 0 ? 0 : (100 * result.filesWithWarning.length) / result.files;
  console.log(`${result.files} READMEs and changelogs under node_modules: a warning on ${result.filesWithWarning.length} (${share.toFixed(1)} %), ${result.quoteRuleFindings.length} quote-rule findings`);
  console.log([...result.byRule].map(([rule, count]) => `  ${rule}: ${count}`).join('\n'));
  if (process.argv.includes('--list')) {
    for (const file of result.filesWithWarning) console.log(`  ${relative(REPO_ROOT, file)}`);
    for (const finding of result.quoteRuleFindings) console.log(`  ${finding.file}:${finding.line} ${finding.rule} ${finding.message.slice(0, 100)}`);
  }
}
