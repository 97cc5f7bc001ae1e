import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeTypography, wordKeys } from '../../src/core/normalize';
import { wordSimilarity } from '../../src/core/similarity';
import { REPO_ROOT } from '../paths';

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

describe('wordKeys', () => {
  // The reference: one Unicode-aware pattern for every text (wordKeys takes a quicker one for ASCII).
  const reference = (text: string) => normalizeTypography(text).toLowerCase().match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu) ?? [];

  it('finds the same words in ASCII text as the Unicode pattern does', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
    const samples = [
      ...readFileSync(join(REPO_ROOT, 'examples', 'mailing-list.reply.md'), 'utf8').split('\n\n'),
      ...generateDraft(30 * 1024, 3).split('\n\n'),
      "It's the model`s view -- don't 42x, a_b, CAPS and O'Neil's 'quoted' words.",
    ];
    let ascii = 0;
    for (const sample of samples) {
      if (!/[^\x00-\x7f]/.test(normalizeTypography(sample))) ascii++;
      assert.deepEqual(wordKeys(sample), reference(sample), sample);
    }
    assert.ok(ascii > samples.length / 2, 'most samples take the ASCII path');
  });

  it('keeps letters and digits of other scripts whole', () => {
    assert.deepEqual(wordKeys('Über naïve café — 東京 2024 l’été'), ['über', 'naïve', 'café', '東京', '2024', "l'été"]);
  });
});
