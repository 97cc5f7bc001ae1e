// Drafts at the edge of what anyone would write: they must lint whole, in time that grows with their size,
// and never overflow the stack or freeze the editor. The 50 MB draft runs under `npm run fuzz` only.
import * as assert from 'node:assert/strict';
import * as api from '../../src/api';
import { buildViewModel, DraftSession, lint, parseDraft } from '../../src/core';
import { MAX_TREE_DEPTH } from '../../src/core/thread';
import { wordDifferences } from '../../src/core/similarity';
import { FUZZ } from '../property';

function treeDepth(node: api.Tree['root']): number {
  let deepest = 0;
  for (const child of node.children) deepest = Math.max(deepest, treeDepth(child));
  return deepest + 1;
}

function assertRangesInBounds(text: string, diagnostics: readonly api.Diagnostic[]): void {
  const lengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
  for (const diagnostic of diagnostics) {
    for (const position of [diagnostic.range.start, diagnostic.range.end]) {
      assert.ok(position.line < lengths.length && position.character <= lengths[position.line], `${diagnostic.rule} at ${JSON.stringify(position)}`);
    }
  }
}

/** Words of a seeded stream, 5,000 distinct ones: prose no rule finds repeated word for word. */
function words(count: number, seed = 1): string[] {
  const out: string[] = [];
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 48271) % 2147483647;
    out.push(`w${state % 5000}`);
  }
  return out;
}

describe('limits', function () {
  // Each case takes well under a second; the bound is for a busy machine, and catches a freeze.
  this.timeout(FUZZ ? 0 : 60_000);

  it('10,000 levels of ">" on one line, or rising to 10,000 over 2,000 lines: linted, and a reply tree JSON can write', () => {
    const staircase = Array.from({ length: 2000 }, (_, i) => `${'>'.repeat(5 * (i + 1))} line ${i}`).join('\n');
    for (const text of [`${'>'.repeat(10_000)} deep`, `${'> '.repeat(10_000)}deep`, staircase, `${'>'.repeat(10_000)} a\n\nMy reply.\n${'>'.repeat(10_000)} b`]) {
      const diagnostics = api.lint(text, { config: false });
      assertRangesInBounds(text, diagnostics);
      const tree = api.replyTree(text);
      // Every consumer walks the tree recursively, JSON.stringify of `riposte tree` included.
      assert.ok(treeDepth(tree.root) <= MAX_TREE_DEPTH + 2, `tree ${treeDepth(tree.root)} deep`);
      assert.ok(JSON.stringify(tree).length > 0);
      const draft = parseDraft(text);
      assert.ok(buildViewModel(draft, lint(text), 'deep.md', 1).nodes.length > 0, 'the preview has something to show');
      // The keystroke path: an edit at the deepest point, then the diagnostics a fresh lint gives.
      const session = new DraftSession(text);
      session.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '>' }]);
      assert.deepEqual(session.diagnostics, lint(session.text));
    }
  });

  it('a 1 MB line: linted whole, its findings in bounds, and an edit in it re-linted as a fresh lint would', () => {
    const prose = words(200_000).join(' ').slice(0, 1 << 20);
    const repeated = 'the '.repeat(1 << 18);
    for (const line of [prose, repeated, 'x'.repeat(1 << 20), `> ${prose}`, `${'😀'.repeat(1 << 18)}`]) {
      const diagnostics = api.lint(line, { config: false });
      assertRangesInBounds(line, diagnostics);
      const session = new DraftSession(line);
      session.update([{ range: { start: { line: 0, character: 1000 }, end: { line: 0, character: 1000 } }, text: ' the the ' }]);
      assert.deepEqual(session.diagnostics, lint(session.text));
    }
    assert.ok(api.lint(repeated, { config: false }).filter((d) => d.rule === 'repeated-words').length > 1000, 'repeated words found all along the line');
  });

  it('names what changed between two near-duplicate paragraphs of 100,000 words each without a quadratic table', () => {
    // The word diff filled a table of a × b cells: 40 GB here, and 1.6 GB (seconds, then a crash of the
    // extension host) for two paragraphs of 20,000 words.
    const a = words(100_000);
    const b = a.map((word, i) => (i % 10 === 5 ? `changed${i}` : word));
    const { removed, added } = wordDifferences(a, b);
    assert.equal(removed.length, 10_000);
    assert.deepEqual(added.slice(0, 2), ['changed5', 'changed15']);
    // One word changed in the middle: the common start and end are set aside, the answer is exact.
    const c = [...a];
    c[50_000] = 'different';
    assert.deepEqual(wordDifferences(a, c), { removed: [a[50_000]], added: ['different'] });
    const text = `${a.join(' ')}\n\n${c.join(' ')}`;
    const found = api.lint(text, { config: false }).filter((d) => d.rule === 'near-duplicate-paragraph');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /became “different”/);
  });

  if (FUZZ) {
    it('a 50 MB draft lints in time linear in its size (50 MB within 15 times the time of 5 MB)', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
      const time = (text: string) => {
        const start = performance.now();
        const diagnostics = lint(text);
        assert.ok(diagnostics.length > 0);
        return performance.now() - start;
      };
      const small = generateDraft(5 << 20, 7);
      time(small);
      const smallTime = time(small);
      const large = generateDraft(50 << 20, 7);
      const largeTime = time(large);
      console.log(`      5 MB: ${smallTime.toFixed(0)} ms, 50 MB: ${largeTime.toFixed(0)} ms (${(largeTime / smallTime).toFixed(1)}×)`);
      assert.ok(largeTime < 15 * smallTime, `50 MB took ${largeTime.toFixed(0)} ms, 5 MB ${smallTime.toFixed(0)} ms`);
    });
  }
});
