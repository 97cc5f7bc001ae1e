import * as assert from 'node:assert/strict';
import { decideDebate, lint, parseDraft } from '../../src/core';
import { lintOrdinaryMarkdown } from '../accuracy/ordinary';

const README = `# tool

> [!NOTE]
> Requires Node 20.

> **Warning**
> Deleting the cache cannot be undone.

> The best way to predict the future is to invent it. — Alan Kay

## Options

- \`--fast\`: skip the checks
- \`--fast\`: skip the checks

This option modifies the original data.

## Other options

This option modifies the original data.
`;

const MAIL = `Hi,

On Tue, 3 Mar 2020 at 10:12, Jane Doe <jane@example.org> wrote:
> The cache should be keyed by the tree hash.

I disagree: the tarball hash is known before unpacking.
`;

const rulesOf = (text: string, fileName?: string, setting?: 'auto' | 'always' | 'never') =>
  lint(text, { fileName, config: setting ? { rules: {}, debate: setting } : undefined }).map((d) => `${d.range.start.line + 1} ${d.rule}`);

describe('debate drafts and ordinary Markdown', () => {
  it('reads a README as ordinary Markdown: no quote rule, no repeat across sections, no list item as a paragraph', () => {
    assert.equal(decideDebate(parseDraft(README), { fileName: 'README.md' }).debate, false);
    assert.deepEqual(rulesOf(README, 'README.md'), []);
  });

  it('reads plain Markdown whose text attributes a quote as a debate draft', () => {
    const decision = decideDebate(parseDraft(MAIL), { fileName: 'notes.md' });
    assert.equal(decision.debate, true);
    assert.match(decision.reason, /line 3 attributes a quote/);
  });

  it('lets the file name, the mode, front matter and the setting decide, the file itself first', () => {
    const plain = parseDraft('> A quote that names nobody.\n\nMy answer.\n');
    assert.equal(decideDebate(plain, { fileName: 'a.md' }).debate, false);
    assert.equal(decideDebate(plain, { fileName: 'a.reply.md' }).debate, true);
    assert.equal(decideDebate(plain, { fileName: 'a.md', languageId: 'debate-markdown' }).debate, true);
    assert.equal(decideDebate(plain, { fileName: 'a.md', setting: 'always' }).debate, true);
    assert.equal(decideDebate(plain, { fileName: 'a.reply.md', setting: 'never' }).debate, false);
    assert.equal(decideDebate(plain, {}).debate, true, 'a text without a file name is a draft');
    const optedOut = parseDraft('---\nriposte: false\n---\n> A quote that names nobody.\n');
    assert.equal(decideDebate(optedOut, { fileName: 'a.reply.md', setting: 'always' }).debate, false);
    assert.deepEqual(rulesOf('> A quote that names nobody.\n\nMy answer.\n', 'a.md'), []);
    assert.deepEqual(rulesOf('> A quote that names nobody.\n\nMy answer.\n', 'a.md', 'always'), ['1 unattributed-quote']);
  });

  it('never takes an alert or a callout for a quote of a person, even in a debate draft', () => {
    const draft = parseDraft('> [!WARNING]\n> Back up first.\n\n> **Note:** slow on big files.\n\n> Someone said this.\n\nI answer it.\n');
    assert.deepEqual(
      draft.quotes.map((quote) => quote.callout),
      [true, true, false],
    );
    assert.deepEqual(rulesOf(draft.text), ['6 unattributed-quote']);
  });

  it('leaves badge rows and lists out of the paragraph rules, and one sentence a line is not a lost break in documentation', () => {
    const badges = '[![npm](https://img.shields.io/npm/v/x.svg)](https://npmjs.com/x) [![ci](https://github.com/x/x/actions/workflows/ci.yml/badge.svg)](https://github.com/x/x/actions)\n[![cov](https://codecov.io/gh/x/x/badge.svg)](https://codecov.io/gh/x/x) [![size](https://img.shields.io/bundlephobia/min/x)](https://bundlephobia.com/x)\n';
    assert.deepEqual(rulesOf(badges, 'README.md'), []);
    const semantic = `${'Each sentence of this documentation sits on a line of its own, which is a common way to write it.'}\n${'The renderer joins the lines into one paragraph, which is exactly what the writer wanted here.'}\n`;
    assert.deepEqual(rulesOf(semantic, 'README.md'), []);
    const pasted = `${'A pasted paragraph holds sentences. It goes on for a while, well past the width that a hand-wrapped line would have.'}\n${'The next one lost its blank line. It also holds more than one sentence, as the paragraphs of pasted web text do.'}\n`;
    assert.deepEqual(rulesOf(pasted, 'README.md'), ['1 lost-paragraph-breaks']);
  });

  it('lets English double a word where it means to', () => {
    assert.deepEqual(rulesOf('When you set it it will set it also on the storage adapter.\n', 'a.md'), []);
    assert.deepEqual(rulesOf('Use a per-option option object for the settings of each one.\n', 'a.md'), []);
    assert.deepEqual(rulesOf('It seems to me to me that this is wrong.\n', 'a.md'), ['1 repeated-words']);
    // A word that is part of a file name or of a compound is not the same word standing alone again.
    assert.deepEqual(rulesOf('- Make package.json JSON when it is written out.\n', 'CHANGELOG.md'), []);
    assert.deepEqual(rulesOf('You can specify a minimum minimum-number-of-calls value to use.\n', 'a.md'), []);
    assert.deepEqual(rulesOf('Compare Sync vs Async vs Async/Await in the table below.\n', 'a.md'), []);
    assert.deepEqual(rulesOf('It can be called again and again and it will always return the same value.\n', 'a.md'), []);
    // …while a doubled pair of words stays a slip, at a sentence's end too.
    assert.deepEqual(rulesOf('To report a bug, please follow the follow the guidelines.\n', 'a.md'), ['1 repeated-words']);
    assert.deepEqual(rulesOf('The default is a is a more sensible one than the other.\n', 'a.md'), ['1 repeated-words']);
    assert.deepEqual(rulesOf('This is what the number means means.\n', 'a.md'), ['1 repeated-words']);
  });

  it('finds no quote problem in the READMEs and changelogs of the installed packages, and warns on at most 5 % of them', () => {
    const result = lintOrdinaryMarkdown();
    assert.ok(result.files >= 100, `only ${result.files} READMEs and changelogs were found under node_modules`);
    assert.deepEqual(result.quoteRuleFindings, []);
    assert.ok(result.filesWithWarning.length <= result.files * 0.05, `${result.filesWithWarning.length} of ${result.files} files have warnings:\n${result.filesWithWarning.join('\n')}`);
  });
});
