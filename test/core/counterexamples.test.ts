// What the property tests (properties.test.ts) found, each shrunk to a plain case a user could type.
import * as assert from 'node:assert/strict';
import { applyFixes, lint, replyTree } from '../../src/api';
import { keysOfText } from '../../src/core/words';

describe('counterexamples found by the property tests', () => {
  it('deleting a repeated paragraph keeps the [quote] tag on the line after it', () => {
    // The tag's line has no text of its own, so the deletion took it for a blank separator and removed it,
    // and with it the name of whoever the quote was from.
    const text = 'I wrote this paragraph twice by mistake.\n\n# Heading\nI wrote this paragraph twice by mistake.\n[quote="Bob"]\nHello there.\n[/quote]\n';
    const diagnostics = lint(text, { config: false });
    assert.ok(diagnostics.some((d) => d.rule === 'duplicate-paragraph' && d.range.start.line === 3));
    assert.equal(applyFixes(text, diagnostics), 'I wrote this paragraph twice by mistake.\n\n# Heading\n[quote="Bob"]\nHello there.\n[/quote]\n');
  });

  it('deleting a repeated paragraph keeps the [/quote] tag on the line before it', () => {
    const text = 'I wrote this paragraph twice by mistake.\n\n[quote="Bob"]\nHello there.\n[/quote]\nI wrote this paragraph twice by mistake.';
    const diagnostics = lint(text, { config: false });
    assert.ok(diagnostics.some((d) => d.rule === 'duplicate-paragraph' && d.range.start.line === 5));
    assert.equal(applyFixes(text, diagnostics), 'I wrote this paragraph twice by mistake.\n\n[quote="Bob"]\nHello there.\n[/quote]');
  });

  it('a heading underlined across a [quote] tag is not a reply that overlaps the quote', () => {
    // markdown-it reads "Hi." and the "-" under the tag as one setext heading, lines 1–3 as a whole; the
    // tree made it a reply of lines 1–3 beside a quote of lines 2–4.
    const tree = replyTree('Hi.\n[quote]\n- \nSome text here.');
    assert.deepEqual(
      tree.root.children.map((node) => `${node.kind} ${node.range.startLine}-${node.range.endLine}`),
      ['reply 0-0', 'quote 1-3'],
    );
  });

  it('the words of a text are all there when it is the longest text scanned yet', () => {
    // idsOfText sliced the scratch array it had read before the scan grew it: the first text longer than
    // any before (a source document of more than 1,024 words, in a fresh CLI run) lost its words past
    // the old length, so which words a source held depended on what the process had read before. The
    // buffer doubles from 1,024: one word past each size reaches whatever size it has now.
    for (let size = 1024; size <= 1 << 21; size *= 2) {
      const words = keysOfText('a '.repeat(size + 1));
      assert.equal(words.length, size + 1, `${size + 1} words`);
    }
  });
});
