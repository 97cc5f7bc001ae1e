import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EXAMPLE_DRAFT } from '../paths';

// The package's own name resolves through package.json "exports", as it will for other tools.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const riposte = require('riposte') as typeof import('../../src/api');

describe('require("riposte")', () => {
  const text = readFileSync(EXAMPLE_DRAFT, 'utf8');

  it('lint returns the JSON contract’s diagnostics', () => {
    const diagnostics = riposte.lint(text, { fileName: EXAMPLE_DRAFT });
    assert.deepEqual(diagnostics.map((d) => d.rule), ['lost-paragraph-breaks', 'unmarked-quote', 'repeated-words', 'duplicate-block']);
    assert.deepEqual(JSON.parse(JSON.stringify(diagnostics[0])), diagnostics[0]);
  });

  it('applyFixes applies safe fixes only, and lint again converges', () => {
    let current = text;
    for (let pass = 0; pass < 5; pass++) current = riposte.applyFixes(current, riposte.lint(current));
    assert.deepEqual(riposte.lint(current).map((d) => d.rule), ['unmarked-quote', 'repeated-words']);
  });

  it('replyTree returns the tree contract', () => {
    const tree = riposte.replyTree('> **Ana:** Claim.\n\nAnswer.\n', { fileName: 'x.md' });
    assert.equal(tree.file, 'x.md');
    assert.deepEqual(tree.speakers, [{ name: 'Ana', inferred: false }]);
    assert.equal(tree.root.children[0].children[0].kind, 'reply');
  });

  it('rejects a bad configuration with a ConfigError naming the key', () => {
    assert.throws(() => riposte.lint('x', { config: { rules: { 'repeated-words': 'loud' } } }), (error: Error) => error instanceof riposte.ConfigError && /rules\.repeated-words/.test(error.message));
  });

  it('reads a source document for misquote checks through readSource', () => {
    const draft = '---\nsource: essay.txt\n---\n> The model is completely safe.\n\nNo.\n';
    const diagnostics = riposte.lint(draft, { readSource: (path) => (path === 'essay.txt' ? 'We think the model is mostly safe.' : undefined) });
    const misquote = diagnostics.find((d) => d.rule === 'misquote');
    assert.ok(misquote, 'misquote reported');
    assert.match(misquote.message, /essay\.txt/);
  });
});
