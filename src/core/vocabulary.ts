// Every distinct word is one small integer for the life of the process: sequences of words compare as
// numbers, and a long draft repeats a few thousand words a hundred thousand times. The vocabulary is
// process-wide on purpose: every draft's units, the source document and the rules' word lists share
// the ids, so they compare without translation.
//
// Words are found by a hash of their characters in an open-addressing table of typed arrays (a Map
// lookup per word was most of the scanning time), and checked against the text in place. Their
// characters live in one pool of code units (a string each was a pointer chase and a string read per
// check: a quarter of the scanning time); a word's string is made the first time something asks for it.
import { fnv1a } from './hash';

let pool = new Uint16Array(1 << 15);
let poolUsed = 0;
let wordStarts = new Int32Array(1 << 11);
let wordLengths = new Int32Array(1 << 11);
/** Each word's hash, a function of its characters alone (its id depends on what the process read first). */
let wordHashes = new Int32Array(1 << 11);
let vocabularySize = 0;
const wordStrings: (string | undefined)[] = [];
/** In `slotIds`: no word in this slot. */
const EMPTY_SLOT = -1;
let slotMask = (1 << 12) - 1;
let slotHashes = new Int32Array(slotMask + 1);
let slotIds = new Int32Array(slotMask + 1).fill(EMPTY_SLOT);

/**
 * The words' hashes by id: what MinHash shingles, so that which paragraphs it finds alike never depends on
 * the order in which the process met their words. The array is replaced as it grows: ask again per use.
 */
export function wordHashesById(): Int32Array {
  return wordHashes;
}

/** Reads each code unit as itself: `internWord`'s table for text already folded. Made on first use. */
let asWritten: Int32Array | undefined;

export function codeUnitsAsWritten(): Int32Array {
  return (asWritten ??= Int32Array.from({ length: 0x10000 }, (_, code) => code));
}

/**
 * The id of the word text[start..end) whose hash is `hash`, added to the vocabulary if new; each code unit
 * read through `table` (the scanner's folding table for a word scanned folded, whose every character the
 * table knows already; `codeUnitsAsWritten()` for text already folded).
 */
export function internWord(text: string, start: number, end: number, hash: number, table: Int32Array): number {
  const length = end - start;
  let slot = hash & slotMask;
  for (let id = slotIds[slot]; id >= 0; slot = (slot + 1) & slotMask, id = slotIds[slot]) {
    if (slotHashes[slot] !== hash || wordLengths[id] !== length) continue;
    const at = wordStarts[id];
    let k = 0;
    while (k < length && pool[at + k] === table[text.charCodeAt(start + k)]) k++;
    if (k === length) return id;
  }
  return addWord(text, start, end, hash, table, slot);
}

function addWord(text: string, start: number, end: number, hash: number, table: Int32Array, slot: number): number {
  const length = end - start;
  if (poolUsed + length > pool.length) pool = grown(pool, poolUsed + length);
  for (let k = 0; k < length; k++) pool[poolUsed + k] = table[text.charCodeAt(start + k)];
  const id = vocabularySize++;
  if (id === wordStarts.length) {
    wordStarts = grown(wordStarts, id + 1);
    wordLengths = grown(wordLengths, id + 1);
    wordHashes = grown(wordHashes, id + 1);
  }
  wordStarts[id] = poolUsed;
  wordLengths[id] = length;
  wordHashes[id] = hash;
  poolUsed += length;
  slotHashes[slot] = hash;
  slotIds[slot] = id;
  if (vocabularySize * 2 > slotMask) growSlots();
  return id;
}

/** A copy of `array` with room for at least `needed` entries (twice as many). */
export function grown<T extends Uint16Array | Int32Array>(array: T, needed: number): T {
  const copy = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  copy.set(array);
  return copy;
}

function growSlots(): void {
  const hashes = slotHashes;
  const ids = slotIds;
  slotMask = slotMask * 2 + 1;
  slotHashes = new Int32Array(slotMask + 1);
  slotIds = new Int32Array(slotMask + 1).fill(EMPTY_SLOT);
  for (let old = 0; old < ids.length; old++) {
    if (ids[old] < 0) continue;
    let slot = hashes[old] & slotMask;
    while (slotIds[slot] >= 0) slot = (slot + 1) & slotMask;
    slotHashes[slot] = hashes[old];
    slotIds[slot] = ids[old];
  }
}

/** The word a vocabulary id stands for. */
export function keyOfId(id: number): string {
  let word = wordStrings[id];
  if (word === undefined) {
    word = '';
    // In chunks: String.fromCharCode takes its codes as arguments, and a word may be very long.
    for (let at = wordStarts[id], end = at + wordLengths[id]; at < end; at += 4096) word += String.fromCharCode(...pool.subarray(at, Math.min(end, at + 4096)));
    wordStrings[id] = word;
  }
  return word;
}

/** The words that vocabulary ids stand for. */
export function keysOfIds(ids: Int32Array): string[] {
  const found = new Array<string>(ids.length);
  for (let i = 0; i < ids.length; i++) found[i] = keyOfId(ids[i]);
  return found;
}

/** The vocabulary ids of any list of words (a unit has its own, from `idsOfText`). */
export function idsOfWords(words: readonly string[]): Int32Array {
  const ids = new Int32Array(words.length);
  const table = codeUnitsAsWritten();
  for (let i = 0; i < words.length; i++) ids[i] = internWord(words[i], 0, words[i].length, fnv1a(words[i]), table);
  return ids;
}

/** Whether `needle` occurs in `haystack` as a contiguous run (whole words: the lists hold word ids). */
export function containsRun(haystack: Int32Array, needle: Int32Array): boolean {
  const last = haystack.length - needle.length;
  if (needle.length === 0) return last >= 0;
  const first = needle[0];
  outer: for (let start = 0; start <= last; start++) {
    if (haystack[start] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (haystack[start + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}
