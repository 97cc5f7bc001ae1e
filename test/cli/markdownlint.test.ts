// require("riposte/markdownlint") as markdownlint users load it: through markdownlint's own API, and by running
// markdownlint-cli2 itself with a configuration that names the bundle. Both must report what `riposte lint`
// reports on the real draft.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Configuration, LintError, LintResults, Rule } from 'markdownlint';
import { EXAMPLE_DRAFT, REPO_ROOT } from '../paths';

// The package's own name resolves through package.json "exports" to the bundle, as it will for other tools.
// The annotation checks at compile time that the rules are what markdownlint takes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rules: Rule[] = require('riposte/markdownlint') as typeof import('../../src/markdownlint');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const riposte = require('riposte') as typeof import('../../src/api');

type Markdownlint = typeof import('markdownlint/sync') & Pick<typeof import('markdownlint'), 'applyFixes'>;

/** "rule@line" for Riposte's findings, as `riposte lint` numbers lines (1-based, front matter included). */
function riposteFindings(text: string, fileName?: string): string[] {
  return riposte
    .lint(text, { fileName, config: false })
    .filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => `riposte/${d.rule}@${d.range.start.line + 1}`)
    .sort();
}

describe('riposte/markdownlint: the rules as markdownlint custom rules', () => {
  let markdownlint: Markdownlint;
  before(async () => {
    // markdownlint is an ES module: imported, not required.
    const [sync, main] = await Promise.all([import('markdownlint/sync'), import('markdownlint')]);
    markdownlint = { ...sync, applyFixes: main.applyFixes };
  });

  /** markdownlint's results for one string, Riposte's rules only (markdownlint's own stay on, as users have them). */
  function lintString(text: string, name = 'draft.reply.md', config: Configuration = {}): LintError[] {
    const results: LintResults = markdownlint.lint({ strings: { [name]: text }, customRules: rules, config });
    return results[name].filter((error) => error.ruleNames[0].startsWith('riposte/'));
  }
  const found = (errors: LintError[]) => errors.map((error) => `${error.ruleNames[0]}@${error.lineNumber}`).sort();

  it('exports one rule per Riposte rule, named riposte/<id>, tagged riposte, linking to its page', () => {
    assert.deepEqual(
      rules.map((rule) => rule.names[0]),
      riposte.RULES.map((rule) => `riposte/${rule.id}`),
    );
    for (const rule of rules) {
      assert.ok(rule.tags.includes('riposte'), rule.names[0]);
      assert.match(rule.information?.href ?? '', /docs\/rules\/[a-z-]+\.md$/, rule.names[0]);
    }
  });

  it('reports the real draft’s findings where `riposte lint` does, with its messages and columns', () => {
    const text = readFileSync(EXAMPLE_DRAFT, 'utf8');
    const results = markdownlint.lint({ files: [EXAMPLE_DRAFT], customRules: rules })[EXAMPLE_DRAFT].filter((error) => error.ruleNames[0].startsWith('riposte/'));
    assert.deepEqual(found(results), ['riposte/duplicate-block@13', 'riposte/lost-paragraph-breaks@1', 'riposte/repeated-words@12', 'riposte/unmarked-quote@8']);
    assert.deepEqual(found(results), riposteFindings(text, EXAMPLE_DRAFT));
    const repeated = results.find((error) => error.ruleNames[0] === 'riposte/repeated-words');
    assert.equal(repeated?.errorDetail, '“to me” is repeated: “to me to me”.');
    assert.deepEqual(repeated?.errorRange, [10, 11]);
    assert.equal(repeated?.ruleDescription, riposte.RULES.find((rule) => rule.id === 'repeated-words')?.description);
  });

  it('numbers lines as the file does when markdownlint takes the front matter off, and Riposte still reads it', () => {
    // `riposte: true` in the front matter makes a plain .md a debate draft, so its unnamed quote is reported.
    const text = '---\nriposte: true\n---\nIntro line here.\n\n> Models are completely safe now.\n\nI think it is the the other way round.\n';
    const errors = lintString(text, 'notes.md');
    assert.deepEqual(found(errors), ['riposte/repeated-words@8', 'riposte/unattributed-quote@6']);
    assert.deepEqual(found(errors), riposteFindings(text, 'notes.md'));
    assert.deepEqual(found(lintString(text.replace('riposte: true', 'title: Notes'), 'notes.md')), ['riposte/repeated-words@8']);
  });

  it('is turned off by markdownlint’s configuration: per rule, by the riposte tag, and by inline comments', () => {
    const text = 'It seems to me to me that the the point stands.\n';
    assert.deepEqual(found(lintString(text)), ['riposte/repeated-words@1', 'riposte/repeated-words@1']);
    assert.deepEqual(found(lintString(text, 'draft.reply.md', { 'riposte/repeated-words': false })), []);
    assert.deepEqual(found(lintString(text, 'draft.reply.md', { riposte: false })), []);
    assert.deepEqual(found(lintString(`<!-- markdownlint-disable-next-line riposte/repeated-words -->\n${text}`)), []);
    const warning = lintString(text, 'draft.reply.md', { 'riposte/repeated-words': 'warning' });
    assert.deepEqual(
      warning.map((error) => error.severity),
      ['warning', 'warning'],
    );
  });

  it('passes a rule’s options from markdownlint’s configuration to Riposte, and names a bad one', () => {
    const text = 'We should ship the release on Thursday after the sync.\n\nWe should ship the release on Friday after the sync.\n';
    assert.deepEqual(found(lintString(text)), ['riposte/near-duplicate-paragraph@3']);
    assert.deepEqual(found(lintString(text, 'draft.reply.md', { 'riposte/near-duplicate-paragraph': { threshold: 0.95 } })), []);
    assert.throws(
      () => markdownlint.lint({ strings: { 'draft.reply.md': text }, customRules: rules, config: { 'riposte/near-duplicate-paragraph': { threshold: 'high' } }, handleRuleFailures: false }),
      /riposte\/near-duplicate-paragraph.*threshold: must be a number/,
    );
  });

  it('gives markdownlint a fix only where Riposte’s fix is safe and fits one line, and it fixes the same way', () => {
    const text = 'Tom wrote:\n> The release should wait for the translations.\nThe translations are done since Monday.\n\nIt is the the last blocker.\n';
    const errors = lintString(text);
    assert.deepEqual(found(errors), ['riposte/repeated-words@5', 'riposte/reply-inside-quote@3']);
    // repeated-words' fix is not safe (a person decides): no fixInfo, so markdownlint --fix leaves it.
    assert.equal(errors.find((error) => error.ruleNames[0] === 'riposte/repeated-words')?.fixInfo, null);
    const fixed = markdownlint.applyFixes(text, errors);
    assert.equal(fixed, riposte.applyFixes(text, riposte.lint(text, { fileName: 'draft.reply.md', config: false })));
    assert.equal(fixed, 'Tom wrote:\n> The release should wait for the translations.\n\nThe translations are done since Monday.\n\nIt is the the last blocker.\n');
  });

  describe('markdownlint-cli2', function () {
    // Each run starts Node and loads markdownlint; on a busy 2-core machine that takes a few seconds.
    this.timeout(60_000);
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'riposte-markdownlint-'));
      // As a user configures it: markdownlint's own rules stay on; the custom rules come from the bundle.
      writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), `{\n  // Riposte's rules\n  "customRules": [${JSON.stringify(join(REPO_ROOT, 'dist', 'markdownlint.js'))}]\n}\n`);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const cli2 = (...args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), ...args], { cwd: dir, encoding: 'utf8' });

    it('reports the real draft’s findings, as `riposte lint` does, and fails the run', () => {
      copyFileSync(EXAMPLE_DRAFT, join(dir, 'interpretability-reply.reply.md'));
      const result = cli2('interpretability-reply.reply.md');
      assert.equal(result.status, 1, result.stdout + result.stderr);
      const reported = (result.stdout + result.stderr)
        .split('\n')
        .map((line) => /^interpretability-reply\.reply\.md:(\d+)(?::\d+)? (?:error |warning )?(riposte\/[a-z-]+) /.exec(line))
        .filter((match) => match !== null)
        .map((match) => `${match[2]}@${match[1]}`)
        .sort();
      assert.deepEqual(reported, riposteFindings(readFileSync(EXAMPLE_DRAFT, 'utf8'), EXAMPLE_DRAFT));
      assert.equal(reported.length, 4);
    });

    it('--fix applies Riposte’s safe one-line fixes to the file and leaves the others', () => {
      const file = join(dir, 'draft.reply.md');
      writeFileSync(file, '# Release\n\nTom wrote:\n> The release should wait for the translations.\nThe translations are done since Monday.\n\nIt is the the last blocker.\n');
      cli2('--fix', 'draft.reply.md');
      assert.equal(readFileSync(file, 'utf8'), '# Release\n\nTom wrote:\n> The release should wait for the translations.\n\nThe translations are done since Monday.\n\nIt is the the last blocker.\n');
    });
  });
});
