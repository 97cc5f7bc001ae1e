// Near-duplicate search without comparing every pair: MinHash signatures of word bigrams, bucketed by
// bands (locality-sensitive hashing); only paragraphs that share a bucket are compared word by word.

const HASHES = 30;
// Two rows a band: short paragraphs have few bigrams, and three-row bands let edited copies slip through.
const BAND_ROWS = 2;

function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

// Fixed odd multipliers and offsets turn one hash into a family of permutation-like hashes.
const MULTIPLIERS = Array.from({ length: HASHES }, (_, i) => (fnv1a(`m${i}`, 17) | 1) >>> 0);
const OFFSETS = Array.from({ length: HASHES }, (_, i) => fnv1a(`a${i}`, 29));

export function minHashSignature(keys: readonly string[]): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  const shingles = keys.length < 2 ? keys : keys.slice(1).map((key, i) => `${keys[i]} ${key}`);
  for (const shingle of shingles) {
    const base = fnv1a(shingle, 0);
    for (let i = 0; i < HASHES; i++) {
      const value = (Math.imul(base, MULTIPLIERS[i]) + OFFSETS[i]) >>> 0;
      if (value < signature[i]) signature[i] = value;
    }
  }
  return signature;
}

/** One number per band: its rows hashed together with the band's index (numbers make cheap Map keys). */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band * BAND_ROWS < HASHES; band++) {
    let hash = Math.imul(band + 1, 0x9e3779b1) >>> 0;
    for (let row = band * BAND_ROWS; row < (band + 1) * BAND_ROWS; row++) hash = (Math.imul(hash ^ signature[row], 0x01000193) >>> 0);
    keys.push(hash);
  }
  return keys;
}

const bandCache = new WeakMap<readonly string[], number[]>();

/** Band keys of a word list, remembered for as long as the list lives (a unit's cached words). */
export function cachedBandKeys(keys: readonly string[]): number[] {
  let bands = bandCache.get(keys);
  if (!bands) {
    bands = bandKeys(minHashSignature(keys));
    bandCache.set(keys, bands);
  }
  return bands;
}

/** Similarity of two word sequences as difflib's ratio: 2·(words in common, in order) / (total words). */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  return (2 * longestCommonSubsequence(a, b)) / (a.length + b.length);
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let previous = new Uint32Array(short.length + 1);
  let current = new Uint32Array(short.length + 1);
  for (let i = 1; i <= long.length; i++) {
    for (let j = 1; j <= short.length; j++) {
      current[j] = long[i - 1] === short[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[short.length];
}

/** Words only in `a` and only in `b`, in order (for messages that show what changed). */
export function wordDifferences(a: readonly string[], b: readonly string[]): { removed: string[]; added: string[] } {
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
