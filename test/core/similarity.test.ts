import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a } from '../../src/core/hash';
import { normalizedHashAndLength, normalizeForMatching, normalizeTypography, stripMarkdown } from '../../src/core/matchingForm';
import { idsOfWords } from '../../src/core/vocabulary';
import { sameWordKey, keysOfText, wordsWithOffsets, wordSpans } from '../../src/core/words';
import { simdMinHashKernel } from '../../src/core/minHashKernel';
import { minHashSignature, mix, signInJavaScript, wordSimilarity } from '../../src/core/similarity';
import { REPO_ROOT } from '../paths';
import { seededRandom } from '../random';

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
    const random = seededRandom(7);
    // The bit-parallel programme works 32 words at a time: lengths on every side of each multiple of 32 matter.
    const lengths = new Set<number>();
    for (let trial = 0; trial < 400; trial++) {
      const vocabulary = 2 + random(12);
      const a = Array.from({ length: random(200) }, () => `w${random(vocabulary)}`);
      const b = Array.from({ length: random(200) }, () => `w${random(vocabulary)}`);
      lengths.add(a.length).add(b.length);
      const expected = a.length + b.length === 0 ? 1 : (2 * lcsByTable(a, b)) / (a.length + b.length);
      assert.equal(wordSimilarity(a, b), expected, `${a.length}×${b.length} words (seed ${random.seed})`);
    }
    assert.ok(lengths.size > 150, `${lengths.size} distinct lengths drawn (seed ${random.seed})`);
  });

  it('scores an edited copy by the words it kept in order', () => {
    const original = 'the snapshot format is versioned separately from the core and plugins read it'.split(' ');
    const edited = 'the snapshot format is versioned apart from the core so plugins read it'.split(' ');
    // 13 words each; 11 kept in order ("separately" became "apart", "and" became "so").
    assert.equal(wordSimilarity(original, edited), (2 * 11) / 26);
  });
});

describe('wordKeys', () => {
  // The reference: the Unicode-aware pattern wordKeys's scanner stands for.
  const reference = (text: string) => normalizeTypography(text).toLowerCase().match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu) ?? [];

  it('finds the same words in drafts as the Unicode pattern does', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
    const samples = [
      ...readFileSync(join(REPO_ROOT, 'examples', 'mailing-list.reply.md'), 'utf8').split('\n\n'),
      ...generateDraft(30 * 1024, 3).split('\n\n'),
      "It's the model`s view -- don't 42x, a_b, CAPS and O'Neil's 'quoted' words.",
    ];
    for (const sample of samples) assert.deepEqual(keysOfText(sample), reference(sample), sample);
  });

  it('words() gives the same words, keys and offsets as the Unicode pattern', () => {
    const reference = (text: string) =>
      [...text.matchAll(/[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu)].map((match) => ({ text: match[0], key: normalizeTypography(match[0]).toLowerCase(), start: match.index, end: match.index + match[0].length }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
    for (const sample of [...generateDraft(20 * 1024, 8).split('\n\n'), "Don't DON'T 42 l’été Über x--y"]) assert.deepEqual(wordsWithOffsets(sample), reference(sample), sample);
  });

  it('scans words exactly as the Unicode pattern matches them, in random text of every kind', () => {
    const alphabet = ['a', 'Z', '7', "'", '\u2019', ' ', '-', '.', 'é', 'ß', 'Ω', '東', '٣', '\u0301', '😀', '𝐀', '\ud835', '\udc00', '_', '`', '\u00a0', '—', 'İ', 'Σ', 'ΑΣ', '\u200b', '\u2018', '\u00b4', '\u2026', '\u2033', 'Ǆ'];
    const random = seededRandom(12345);
    const pattern = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;
    for (let sample = 0; sample < 3000; sample++) {
      let text = '';
      for (let k = random(24); k > 0; k--) text += alphabet[random(alphabet.length)];
      const expected = [...text.matchAll(pattern)].map((match) => [match.index, match[0]]);
      assert.deepEqual(wordsWithOffsets(text).map((word) => [word.start, word.text]), expected, `${JSON.stringify(text)} (seed ${random.seed})`);
      assert.deepEqual(keysOfText(text), normalizeTypography(text).toLowerCase().match(pattern) ?? [], `${JSON.stringify(text)} (seed ${random.seed})`);
    }
  });

  it('gives equal words one id, and words whose hashes collide different ids', () => {
    // "costarring" and "liquid" (and "declinate" and "macallums") have the same 32-bit FNV-1a hash.
    const first = keysOfText('Costarring liquid declinate macallums liquid costarring');
    const second = keysOfText('liquid, costarring; macallums.');
    assert.deepEqual(first, ['costarring', 'liquid', 'declinate', 'macallums', 'liquid', 'costarring']);
    const ids = [...idsOfWords(first)];
    assert.equal(new Set(ids).size, 4);
    assert.deepEqual([ids[4], ids[5]], [ids[1], ids[0]]);
    assert.deepEqual([...idsOfWords(second)], [ids[1], ids[0], ids[3]]);
    assert.deepEqual([...idsOfWords(['liquid', 'costarring'])], [ids[1], ids[0]], 'lists not made by wordKeys too');
  });

  it('wordSpans and sameWordKey agree with words() and its keys', () => {
    const alphabet = ['a', 'A', 'b', 'B', "'", '\u2019', 'é', 'É', 'σ', 'ς', 'Σ', '7', ' ', ' ', '.'];
    const random = seededRandom(31);
    for (let sample = 0; sample < 3000; sample++) {
      let text = '';
      for (let k = random(12); k > 0; k--) text += alphabet[random(alphabet.length)];
      const found = wordsWithOffsets(text);
      assert.deepEqual([...wordSpans(text)], found.flatMap((word) => [word.start, word.end]), `${JSON.stringify(text)} (seed ${random.seed})`);
      for (const a of found) {
        for (const b of found) assert.equal(sameWordKey(text, a.start, a.end, b.start, b.end), a.key === b.key, `${JSON.stringify(text)}: ${a.text} ~ ${b.text} (seed ${random.seed})`);
      }
    }
  });

  it('keeps letters and digits of other scripts whole', () => {
    assert.deepEqual(keysOfText('Über naïve café — 東京 2024 l’été'), ['über', 'naïve', 'café', '東京', '2024', "l'été"]);
  });
});

describe('normalisation fast paths give what the plain patterns give', () => {
  // The definitions before the fast paths, kept here as the reference.
  const typographyReference = (text: string) => {
    if (!/[^\x00-\x7f]|--/.test(text)) return text;
    let result = text.replace(/\s*(?:[\u2013\u2014\u2015]|--+)\s*/g, ' - ');
    const steps: Array<[RegExp, string]> = [
      [/[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g, "'"],
      [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
      [/[\u2010-\u2015\u2212]/g, '-'],
      [/\u2026/g, '...'],
      [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
      [/[\u200B-\u200D\uFEFF]/g, ''],
    ];
    for (const [pattern, replacement] of steps) result = result.replace(pattern, replacement);
    return result;
  };
  const stripReference = (text: string) =>
    text
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+)/gm, '')
      .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^]*?\S)\1/g, '$2');
  const normalizedReference = (text: string) => typographyReference(stripReference(text)).toLowerCase().replace(/\s+/g, ' ').trim();

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
  const samples = [
    ...generateDraft(30 * 1024, 9).split('\n\n'),
    ...readFileSync(join(REPO_ROOT, 'examples', 'interpretability-reply.reply.md'), 'utf8').split('\n\n'),
    '“Curly” ‘quotes’ — dashes – and -- doubles ‒ ‑ ‐ −, an ellipsis… and\u00a0odd\u2009spaces\u200b\ufeff `ticks´ «guillemets» ″',
    'Tabs\tand  double  spaces\nand\r\nline breaks\u3000here',
    '  1. a list item\n- another\n## a heading *with* _emphasis_ and [a link](https://x.org)',
  ];

  it('normalizeTypography replaces every variant in one pass', () => {
    for (const sample of samples) assert.equal(normalizeTypography(sample), typographyReference(sample), sample);
  });

  it('normalizeTypography agrees with the reference on random runs of dashes, spaces and variants', () => {
    const alphabet = ['a', ' ', '-', '--', '\u2013', '\u2014', '\u2015', '\u2010', '\u2212', '\u00a0', '\u2009', '\u200b', '\ufeff', '\u3000', '\u2019', '\u201c', '\u2026', '`', '\t', '\n'];
    const random = seededRandom(777);
    // The generator this test once used drew 15 pieces 2,997 times in 3,000: every length must come up.
    const lengths = new Set<number>();
    for (let sample = 0; sample < 3000; sample++) {
      let text = '';
      const length = random(16);
      lengths.add(length);
      for (let k = length; k > 0; k--) text += alphabet[random(alphabet.length)];
      assert.equal(normalizeTypography(text), typographyReference(text), `${JSON.stringify(text)} (seed ${random.seed})`);
    }
    assert.equal(lengths.size, 16, `lengths drawn: ${[...lengths].sort((a, b) => a - b).join(', ')} (seed ${random.seed})`);
  });

  it('stripMarkdown agrees with its three patterns in a row on random runs of Markdown syntax', () => {
    const alphabet = ['[', ']', '(', ')', '](', '![', '- ', '* ', '+ ', '#', '## ', '1. ', '2) ', ' ', '   ', '\t', '\n', 'a', 'b c', '**', '__', '_', '*', '~~', '`'];
    const random = seededRandom(99);
    // Unwrapping a link can bring a list marker to the start of a line: "[- a](u)" is "- a", then "a".
    const texts = ['[- a](u) b', 'x\n[## t](u)', '[*a*](u)'];
    for (let sample = 0; sample < 6000; sample++) {
      let text = '';
      for (let k = random(12); k > 0; k--) text += alphabet[random(alphabet.length)];
      texts.push(text);
    }
    for (const text of texts) assert.equal(stripMarkdown(text), stripReference(text), `${JSON.stringify(text)} (seed ${random.seed})`);
  });

  it('normalizeForMatching skips what it need not do and keeps single spaces', () => {
    for (const sample of samples) assert.equal(normalizeForMatching(sample), normalizedReference(sample), sample);
  });

  it('normalizedHashAndLength hashes the normalised text as fnv1a does, white space of every kind included', () => {
    const alphabet = ['a', 'Q', ' ', '  ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u2029', '\u202f', '\u3000', '\ufeff', '\u0085', '\u180e', '*', '-', '--', '\u2013', '\u2014', '\u2015', '\u2010', '\u2212', '\u2026', '\u200b', '\u2019', '\u201c', '\u00b4', 'É', 'Σ', 'İ', 'ß', '😀', '\ud835', '1.', '[x](y)', '`', 'é`'];
    const random = seededRandom(4242);
    const texts = [...samples];
    for (let sample = 0; sample < 6000; sample++) {
      let text = '';
      for (let k = random(14); k > 0; k--) text += alphabet[random(alphabet.length)];
      texts.push(text);
    }
    for (const text of texts) {
      const normalized = normalizeForMatching(text);
      assert.equal(normalizedHashAndLength(text), normalized.length * 0x100000000 + (fnv1a(normalized) >>> 0), `${JSON.stringify(text)} (seed ${random.seed})`);
    }
  });
});

describe('minHashSignature', () => {
  // The unsigned arithmetic it had before it ran on int32 values.
  const fnv1a = (text: string, seed: number) => {
    let hash = (0x811c9dc5 ^ seed) >>> 0;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return hash;
  };
  const multipliers = Array.from({ length: 30 }, (_, i) => (fnv1a(`m${i}`, 17) | 1) >>> 0);
  const offsets = Array.from({ length: 30 }, (_, i) => fnv1a(`a${i}`, 29));
  const reference = (keys: string[]) => {
    const signature = new Uint32Array(30).fill(0xffffffff);
    // Shingles of the words' own hashes, never of their ids: which paragraphs look alike must not depend on
    // the order in which the process met their words.
    const hashes = keys.map((key) => fnv1a(key, 0) | 0);
    const count = hashes.length < 2 ? hashes.length : hashes.length - 1;
    for (let k = 0; k < count; k++) {
      const base = hashes.length < 2 ? mix(0x2545f491, hashes[k]) : mix(mix(0x2545f491, hashes[k]), hashes[k + 1]);
      for (let i = 0; i < 30; i++) {
        const value = (Math.imul(base, multipliers[i]) + offsets[i]) >>> 0;
        if (value < signature[i]) signature[i] = value;
      }
    }
    return signature;
  };

  it('takes the unsigned minimum of each hash, as the reference does', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
    const paragraphs = generateDraft(20 * 1024, 4).split('\n\n').map((paragraph) => keysOfText(paragraph));
    for (const keys of [...paragraphs, [], ['one'], ['two', 'words']]) {
      assert.deepEqual(minHashSignature(idsOfWords(keys)), reference(keys), keys.join(' '));
      assert.deepEqual(signInJavaScript(idsOfWords(keys)), reference(keys), `without WebAssembly: ${keys.join(' ')}`);
    }
  });

  it('runs on the WebAssembly SIMD kernel in Node, which agrees with the JavaScript loop however long the paragraph', () => {
    // Node has had WebAssembly SIMD since 16.4: here the kernel must be what signs paragraphs.
    assert.ok(simdMinHashKernel(new Int32Array([3]), new Int32Array([5])), 'the kernel compiles');
    const random = seededRandom(31);
    const vocabulary = idsOfWords(Array.from({ length: 5000 }, (_, i) => `word${i}`));
    // Long ones make the kernel grow its memory (64 KB holds some 16,000 shingles); short ones after them use it again.
    for (const length of [0, 1, 2, 3, 5, 31, 200, 16_500, 70_000, 4, 40_000, 9]) {
      const ids = Int32Array.from({ length }, () => vocabulary[random(vocabulary.length)]);
      assert.deepEqual(minHashSignature(ids), signInJavaScript(ids), `${length} word ids (seed ${random.seed})`);
    }
  });

  it('gives a kernel of any number of hash functions the unsigned minimum of each', () => {
    const random = seededRandom(5);
    for (const hashes of [1, 4, 7]) {
      const multipliers = Int32Array.from({ length: hashes }, () => random(1 << 30) * 2 + 1);
      const offsets = Int32Array.from({ length: hashes }, () => random(1 << 30) * 4);
      const kernel = simdMinHashKernel(multipliers, offsets)!;
      const shingles = Array.from({ length: 50 }, () => random(1 << 30) * 3);
      kernel.shingles(shingles.length).set(shingles);
      const signature = new Uint32Array(hashes);
      kernel.sign(shingles.length, signature);
      const expected = Array.from(multipliers, (multiplier, i) => Math.min(...shingles.map((shingle) => (Math.imul(shingle, multiplier) + offsets[i]) >>> 0)));
      assert.deepEqual([...signature], expected, `${hashes} hash functions (seed ${random.seed})`);
    }
  });
});
