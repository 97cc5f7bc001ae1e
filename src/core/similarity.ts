// Near-duplicate search without comparing every pair: MinHash signatures of word bigrams, bucketed by
// bands (locality-sensitive hashing); only paragraphs that share a bucket are compared word by word.
import { fnv1a, FNV_OFFSET, FNV_PRIME } from './hash';
import { MinHashKernel, simdMinHashKernel } from './minHashKernel';
import { wordHashesById, idsOfWords } from './vocabulary';

const HASHES = 30; // a multiple of three: signInJavaScript computes three at a time
// Two rows a band: short paragraphs have few bigrams, and three-row bands let edited copies slip through.
const BAND_ROWS = 2;
/** How many band keys `bandKeys` gives a paragraph. */
export const BANDS_PER_PARAGRAPH = HASHES / BAND_ROWS;

// Fixed odd multipliers and offsets turn one hash into a family of permutation-like hashes (int32 typed
// arrays: the loop below then runs on small integers, never boxed doubles).
const MULTIPLIERS = Int32Array.from({ length: HASHES }, (_, i) => fnv1a(`m${i}`, FNV_OFFSET ^ 17) | 1);
const OFFSETS = Int32Array.from({ length: HASHES }, (_, i) => fnv1a(`a${i}`, FNV_OFFSET ^ 29));
// Flipping the sign bit makes a signed comparison order numbers as unsigned ones: the minimum taken is
// the unsigned minimum, as before, without any value leaving int32.
const SIGN = -0x80000000;

/** Mixes two 32-bit numbers into one (a shingle of two word ids, a run of ids); no strings built. */
export function mix(hash: number, value: number): number {
  let h = Math.imul(hash ^ value, 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) >>> 0;
}

// The shingles of the paragraph being signed, where the JavaScript loop keeps them: one buffer for all
// paragraphs, grown when one needs more.
let shingles = new Int32Array(256);
/** The WebAssembly kernel, made on first use (not at load: activation does not pay for it); null without SIMD. */
let kernel: MinHashKernel | null | undefined;

/** The MinHash signature of a sequence of word ids, into `signature` if given. */
export function minHashSignature(ids: Int32Array, signature = new Uint32Array(HASHES)): Uint32Array {
  kernel ??= simdMinHashKernel(MULTIPLIERS, OFFSETS);
  return kernel ? signWith(kernel, ids, signature) : signInJavaScript(ids, signature);
}

function signWith(kernel: MinHashKernel, ids: Int32Array, signature: Uint32Array): Uint32Array {
  const count = shingleCount(ids);
  if (count === 0) return signature.fill(0xffffffff);
  writeShingles(ids, kernel.shingles(count), count);
  kernel.sign(count, signature);
  return signature;
}

/** The same signature as the kernel gives, in plain JavaScript. @internal exported for the test that compares the two. */
export function signInJavaScript(ids: Int32Array, signature = new Uint32Array(HASHES)): Uint32Array {
  const count = shingleCount(ids);
  if (shingles.length < count) shingles = new Int32Array(count * 2);
  const buffer = shingles;
  writeShingles(ids, buffer, count);
  // Three hash functions at a time over all shingles (HASHES is a multiple of three): their multipliers,
  // offsets and minimums stay in registers, and each shingle is loaded once for all three.
  for (let i = 0; i < HASHES; i += 3) {
    const multiplier0 = MULTIPLIERS[i];
    const multiplier1 = MULTIPLIERS[i + 1];
    const multiplier2 = MULTIPLIERS[i + 2];
    const offset0 = OFFSETS[i];
    const offset1 = OFFSETS[i + 1];
    const offset2 = OFFSETS[i + 2];
    let minimum0 = 0x7fffffff; // 0xffffffff with its sign bit flipped
    let minimum1 = 0x7fffffff;
    let minimum2 = 0x7fffffff;
    for (let k = 0; k < count; k++) {
      const shingle = buffer[k];
      const value0 = ((Math.imul(shingle, multiplier0) + offset0) | 0) ^ SIGN;
      const value1 = ((Math.imul(shingle, multiplier1) + offset1) | 0) ^ SIGN;
      const value2 = ((Math.imul(shingle, multiplier2) + offset2) | 0) ^ SIGN;
      // Conditional expressions, not ifs: they measured a quarter faster in this loop.
      minimum0 = value0 < minimum0 ? value0 : minimum0;
      minimum1 = value1 < minimum1 ? value1 : minimum1;
      minimum2 = value2 < minimum2 ? value2 : minimum2;
    }
    signature[i] = minimum0 ^ SIGN;
    signature[i + 1] = minimum1 ^ SIGN;
    signature[i + 2] = minimum2 ^ SIGN;
  }
  return signature;
}

/** Word bigrams, or the one word of a one-word paragraph. */
function shingleCount(ids: Int32Array): number {
  return ids.length < 2 ? ids.length : ids.length - 1;
}

function writeShingles(ids: Int32Array, into: Int32Array, count: number): void {
  const hashes = wordHashesById();
  if (ids.length < 2) {
    for (let k = 0; k < count; k++) into[k] = mix(0x2545f491, hashes[ids[k]]);
  } else {
    for (let k = 0; k < count; k++) into[k] = mix(mix(0x2545f491, hashes[ids[k]]), hashes[ids[k + 1]]);
  }
}

/** One number per band: its rows hashed together with the band's index (numbers make cheap Map keys). */
export function bandKeys(signature: Uint32Array): number[] {
  const keys = new Array<number>(BANDS_PER_PARAGRAPH);
  writeBandKeys(signature, keys, 0);
  return keys;
}

function writeBandKeys(signature: Uint32Array, into: number[] | Int32Array, at: number): void {
  for (let band = 0; band * BAND_ROWS < HASHES; band++) {
    let hash = Math.imul(band + 1, 0x9e3779b1) >>> 0;
    for (let row = band * BAND_ROWS; row < (band + 1) * BAND_ROWS; row++) hash = Math.imul(hash ^ signature[row], FNV_PRIME) >>> 0;
    into[at + band] = hash | 0; // int32: small integers to V8, so Map keys need no boxing
  }
}

// The signature being turned into band keys by `writeBandKeysOf`: one for all paragraphs.
const scratchSignature = new Uint32Array(HASHES);

/** `bandKeys(minHashSignature(ids))` into into[at..at + BANDS_PER_PARAGRAPH), with no signature or array made. */
export function writeBandKeysOf(ids: Int32Array, into: Int32Array, at: number): void {
  writeBandKeys(minHashSignature(ids, scratchSignature), into, at);
}

/** Similarity of two word sequences as difflib's ratio: 2·(words in common, in order) / (total words). */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  return idSimilarity(idsOfWords(a), idsOfWords(b));
}

/** `wordSimilarity` of two sequences of vocabulary ids (a unit's `wordIds`). */
export function idSimilarity(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  // The common start and end are in every longest common subsequence: a near copy of a long paragraph
  // differs in a few words, and the quadratic part of the work shrinks to those.
  const { start, endA, endB } = commonEnds(a, b);
  const common = start + (a.length - endA);
  return (2 * (common + bitParallelLcs(a.subarray(start, endA), b.subarray(start, endB)))) / (a.length + b.length);
}

/** Where two sequences stop agreeing from the start (`start`) and from the end (`endA`, `endB`, exclusive). */
function commonEnds<T>(a: ArrayLike<T>, b: ArrayLike<T>): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}

/** The best `wordSimilarity` could be, from the lengths alone: cheap to check before comparing. */
export function similarityBound(a: number, b: number): number {
  return a + b === 0 ? 1 : (2 * Math.min(a, b)) / (a + b);
}

/**
 * Length of the longest common subsequence, 32 positions of `b` per machine word (Allison–Dix, as Hyyrö
 * writes it): V' = (V + U) | (V − U) with U = V & match(a[i]); since U ⊆ V, V − U is V & ~U.
 */
function bitParallelLcs(a: Int32Array, b: Int32Array): number {
  const m = b.length;
  if (m === 0 || a.length === 0) return 0;
  const words = (m + 31) >>> 5;
  const masks = new Map<number, Uint32Array>();
  for (let j = 0; j < m; j++) {
    let mask = masks.get(b[j]);
    if (!mask) masks.set(b[j], (mask = new Uint32Array(words)));
    mask[j >>> 5] |= 1 << (j & 31);
  }
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let i = 0; i < a.length; i++) {
    const match = masks.get(a[i]);
    if (!match) continue;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const u = (v[w] & match[w]) >>> 0;
      const sum = v[w] + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = ((sum >>> 0) | (v[w] & ~u)) >>> 0;
    }
  }
  let ones = 0;
  for (let w = 0; w < words; w++) {
    let bits = (w === words - 1 && m % 32 !== 0 ? v[w] & ((1 << (m % 32)) - 1) : v[w]) >>> 0;
    bits -= (bits >>> 1) & 0x55555555;
    bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
    ones += (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
  }
  return m - ones;
}

/**
 * The most table cells wordDifferences fills (16 MB): its table is quadratic, and two near-duplicate
 * paragraphs of 20,000 words each would need 1.6 GB and seconds, enough to crash the extension host.
 */
const MAX_DIFF_CELLS = 1 << 22;

/**
 * Words only in `a` and only in `b`, in order (for messages that show what changed). The common start and
 * end are set aside first (a near copy differs in a few places); a middle still too large for the table
 * is compared as two bags of words, which names the same words in all but contrived cases.
 */
export function wordDifferences(a: readonly string[], b: readonly string[]): { removed: string[]; added: string[] } {
  const { start, endA, endB } = commonEnds(a, b);
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if ((middleA.length + 1) * (middleB.length + 1) > MAX_DIFF_CELLS) return { removed: bagDifference(middleA, middleB), added: bagDifference(middleB, middleA) };
  return tableDifferences(middleA, middleB);
}

/** The words of `a`, in order, that `b` does not hold as many times. */
export function bagDifference(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const word of b) counts.set(word, (counts.get(word) ?? 0) + 1);
  const only: string[] = [];
  for (const word of a) {
    const count = counts.get(word) ?? 0;
    if (count > 0) counts.set(word, count - 1);
    else only.push(word);
  }
  return only;
}

function tableDifferences(a: readonly string[], b: readonly string[]): { removed: string[]; added: string[] } {
  const table: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) removed.push(a[i++]);
    else added.push(b[j++]);
  }
  removed.push(...a.slice(i));
  added.push(...b.slice(j));
  return { removed, added };
}
