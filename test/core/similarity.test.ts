import * as assert from 'node:assert/strict';
import { wordSimilarity } from '../../src/core/similarity';

/** The textbook dynamic programme, to check the bit-parallel one against. */
function lcsByTable(a: string[], b: string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) table[i][j] = a[i - 1] === b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
  }
  return table[a.length][b.length];
}

describe('word similarity', () => {
  it('agrees with the dynamic programme on random word sequences of every length up to 200', () => {
    let state = 7;
    const random = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    for (let trial = 0; trial < 400; trial++) {
      const vocabulary = 2 + random(12);
      const a = Array.from({ length: random(200) }, () => `w${random(vocabulary)}`);
      const b = Array.from({ length: random(200) }, () => `w${random(vocabulary)}`);
      const expected = a.length + b.length === 0 ? 1 : (2 * lcsByTable(a, b)) / (a.length + b.length);
      assert.equal(wordSimilarity(a, b), expected, `${a.length}×${b.length} words`);
    }
  });

  it('scores an edited copy by the words it kept in order', () => {
    const original = 'the snapshot format is versioned separately from the core and plugins read it'.split(' ');
    const edited = 'the snapshot format is versioned apart from the core so plugins read it'.split(' ');
    // 13 words each; 11 kept in order ("separately" became "apart", "and" became "so").
    assert.equal(wordSimilarity(original, edited), (2 * 11) / 26);
  });
});
