// Matching must not care how a paragraph was typed or pasted: curly or straight quotes, dashes,
// non-breaking spaces, Markdown emphasis and link syntax, letter case and line wrapping.
import { fnv1a, FNV_OFFSET, FNV_PRIME } from './hash';
import { isWhiteSpace } from './text';

// Each typographic variant and what it stands for (one pass replaces them all: no output is an input).
const TYPOGRAPHY: ReadonlyArray<[string, string]> = [
  ['\u2018\u2019\u201A\u201B\u2032\u00B4\u0060', "'"],
  ['\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB', '"'],
  ['\u2010\u2011\u2012\u2013\u2014\u2015\u2212', '-'],
  ['\u2026', '...'],
  ['\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000', ' '],
  ['\u200B\u200C\u200D\uFEFF', ''],
];
const REPLACEMENT = new Map<string, string>(TYPOGRAPHY.flatMap(([variants, plain]) => [...variants].map((variant): [string, string] => [variant, plain])));
// A dash between words is punctuation however it was typed: "a—b", "a — b" and "a -- b" are the same. The
// dash alternative comes first, so it takes the white space around a dash before a variant could.
const DASHES = '\u2013\u2014\u2015';
/** Not yet worked out, in the per-character tables below. */
const UNKNOWN = -1;
const DASH_OR_VARIANT = new RegExp(`\\s*(?:[${DASHES}]|--+)\\s*|[${TYPOGRAPHY.map(([variants]) => variants).join('')}]`, 'g');

export function normalizeTypography(text: string): string {
  // Plain ASCII without double hyphens has nothing to normalise (most text): skip the replacements.
  if (!/[^\x00-\x7f]|--/.test(text)) return text;
  return text.replace(DASH_OR_VARIANT, (found) => (found.length === 1 && !DASHES.includes(found) ? REPLACEMENT.get(found)! : ' - '));
}

/** Strips Markdown syntax that does not change what a paragraph says. */
export function stripMarkdown(text: string): string {
  // Each pattern runs only on text that holds what it needs (most paragraphs need one of the three, if
  // any); each test reads the previous step's output, since unwrapping a link can bring a marker to the
  // start of a line.
  let stripped = text;
  if (stripped.includes('](')) stripped = stripped.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (/^\s{0,3}[-#*+\d]/m.test(stripped)) stripped = stripped.replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+)/gm, '');
  if (/[*_~`]/.test(stripped)) stripped = stripped.replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^]*?\S)\1/g, '$2');
  return stripped;
}

/** The form two paragraphs are compared in: equal normalised text means "the same paragraph". */
export function normalizeForMatching(text: string): string {
  // Single spaces are left alone: replacing every one of them was a third of this function's time.
  return normalizeTypography(stripMarkdown(text)).toLowerCase().replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/**
 * `fnv1a(normalizeForMatching(text))` and the normalised length, as length · 2^32 + unsigned hash. After
 * stripMarkdown, each character is folded as normalizeTypography, toLowerCase and the white-space collapse
 * would turn it, and hashed, without building those strings; a character whose lower case takes two
 * characters or depends on the next letter (İ, Σ) or a surrogate sends the text the long way.
 */
export function normalizedHashAndLength(text: string): number {
  const stripped = stripMarkdown(text);
  const common = hashOfCommonCharacters(stripped);
  return common >= 0 ? common : hashOfAnyCharacters(stripped, text);
}

/**
 * The same for a text of letters, digits, punctuation that stays as it is and white space, the bulk of
 * any draft; -1 at the first character that needs more (a dash, hyphen, backtick, ellipsis, one that
 * vanishes or is not in the table yet). Without those cases, the loop runs twice as fast; one loop with
 * the common case tested first measured 13.5-15 ms over a 1 MB draft's paragraphs against 12 for the two.
 */
function hashOfCommonCharacters(stripped: string): number {
  let hash = FNV_OFFSET;
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < stripped.length; i++) {
    const code = stripped.charCodeAt(i);
    const folded = MATCHING[code];
    if (folded >= 0 && code !== 96 && code !== 45) {
      if (pendingSpace) {
        hash = Math.imul(hash ^ 32, FNV_PRIME);
        length++;
        pendingSpace = false;
      }
      hash = Math.imul(hash ^ folded, FNV_PRIME);
      length++;
    } else if (folded === SPACE) {
      pendingSpace = length > 0;
    } else return -1;
  }
  return length * 0x100000000 + (hash >>> 0);
}

function hashOfAnyCharacters(stripped: string, text: string): number {
  let hash = FNV_OFFSET;
  let length = 0;
  let pendingSpace = false;
  // normalizeTypography leaves plain ASCII text as it is, so a backtick there stays one (asked at the first).
  let backtickStays: boolean | undefined;
  for (let i = 0; i < stripped.length; i++) {
    const code = stripped.charCodeAt(i);
    let folded = MATCHING[code];
    if (folded === UNKNOWN) folded = MATCHING[code] = matchingFoldOf(code);
    if (code === 96 && (backtickStays ??= !/[^\x00-\x7f]|--/.test(stripped))) folded = 96;
    if (folded === 45 && code === 45 && stripped.charCodeAt(i + 1) === 45) {
      // Two hyphens or more are a dash, like –, — and ―.
      while (stripped.charCodeAt(i + 1) === 45) i++;
      folded = DASH;
    }
    if (folded >= 0) {
      if (pendingSpace) {
        hash = Math.imul(hash ^ 32, FNV_PRIME);
        length++;
        pendingSpace = false;
      }
      hash = Math.imul(hash ^ folded, FNV_PRIME);
      length++;
    } else if (folded === SPACE) {
      pendingSpace = length > 0;
    } else if (folded === DASH || folded === ELLIPSIS) {
      // A dash takes the white space around it and becomes " - " (trimmed at either end); … becomes "...".
      if (folded === DASH) pendingSpace = length > 0;
      if (pendingSpace) {
        hash = Math.imul(hash ^ 32, FNV_PRIME);
        length++;
      }
      const dots = folded === DASH ? 1 : 3;
      for (let dot = 0; dot < dots; dot++) hash = Math.imul(hash ^ (folded === DASH ? 45 : 46), FNV_PRIME);
      length += dots;
      pendingSpace = folded === DASH;
    } else if (folded === SLOW_FOLD) {
      // The long way, rare enough to build the string.
      const normalized = normalizeForMatching(text);
      return normalized.length * 0x100000000 + (fnv1a(normalized) >>> 0);
    }
    // VANISHES: nothing.
  }
  return length * 0x100000000 + (hash >>> 0);
}

// Per BMP character, what normalizeForMatching makes of it: a character code, or one of these.
const SPACE = -2;
const VANISHES = -3;
const DASH = -4;
const ELLIPSIS = -5;
const SLOW_FOLD = -6;
const MATCHING = new Int32Array(0x10000).fill(UNKNOWN);

function matchingFoldOf(code: number): number {
  const character = String.fromCharCode(code);
  if (DASHES.includes(character)) return DASH;
  // Typography first: the backtick is a variant of the apostrophe.
  const plain = REPLACEMENT.get(character);
  if (plain !== undefined) return plain === '' ? VANISHES : plain === '...' ? ELLIPSIS : plain === ' ' ? SPACE : plain.charCodeAt(0);
  if (isWhiteSpace(code)) return SPACE;
  const lower = simpleLowerCase(code);
  return lower < 0 ? SLOW_FOLD : lower;
}

/**
 * The character `toLowerCase` makes of `code` wherever it stands in a text, or -1 when that is not one
 * character independent of its neighbours: a surrogate, Σ (ς at the end of a word), İ (two characters).
 */
function simpleLowerCase(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  if ((code >= 0xd800 && code <= 0xdfff) || code === 0x3a3) return -1;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : -1;
}

export interface Word {
  text: string;
  /** Lower-cased, typography-normalised form used for comparisons. */
  key: string;
  start: number;
  end: number;
}

// Words are runs of letters and digits, joined by single apostrophes: the pattern
// /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu, scanned by hand (a third of the time, no match arrays).
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Per BMP character: 0 not yet known, 1 letter or number, 2 neither. */
const bmpClass = new Uint8Array(0x10000);

/** How many code units the letter or digit at `i` takes (2 for a surrogate pair), or 0 if there is none. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return LETTER_OR_NUMBER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = bmpClass[code];
  if (known === 0) bmpClass[code] = known = LETTER_OR_NUMBER.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/**
 * Calls `visit` with the start and end of each word, left to right, and the FNV-1a hash of its code units
 * (worked out while scanning, for the vocabulary).
 */
function scanWords(text: string, visit: (start: number, end: number, hash: number) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    let step = wordCharAt(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    for (;;) {
      while (step > 0) {
        hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
        if (step === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), FNV_PRIME);
        i += step;
        step = i < length ? wordCharAt(text, i) : 0;
      }
      const apostrophe = text.charCodeAt(i);
      if ((apostrophe !== 39 && apostrophe !== 0x2019) || i + 1 >= length) break;
      step = wordCharAt(text, i + 1);
      if (step === 0) break;
      hash = Math.imul(hash ^ apostrophe, FNV_PRIME);
      i++;
    }
    visit(start, i, hash);
  }
}

export function words(text: string): Word[] {
  const found: Word[] = [];
  scanWords(text, (start, end) => found.push({ text: text.slice(start, end), key: wordKeyAt(text, start, end), start, end }));
  return found;
}

/** The key (see `Word`) of the word text[start..end). */
export function wordKeyAt(text: string, start: number, end: number): string {
  const word = text.slice(start, end);
  // Inside a word (letters, digits and apostrophes) the only typographic variant is ’, so this is
  // normalizeTypography(word).toLowerCase() without a pattern run per word.
  return (word.includes('\u2019') ? word.replaceAll('\u2019', "'") : word).toLowerCase();
}

/** Where the words of a text start and end, as pairs: `words` without building a string or an object per word. */
export function wordSpans(text: string): Int32Array {
  let count = 0;
  scanWords(text, (start, end) => {
    collect(count++, start);
    collect(count++, end);
  });
  return scratch.slice(0, count);
}

/** Whether the words at text[a..) and text[b..) (spans as `wordSpans` gives them) have the same key. */
export function sameWordKey(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) {
    const a = text.charCodeAt(aStart + k);
    const b = text.charCodeAt(bStart + k);
    if (a === b) continue;
    // ASCII letters, digits and the apostrophe differ only in case when they differ by bit 5; beyond
    // ASCII, the keys themselves are compared.
    if (a < 128 && b < 128) {
      if ((a | 32) !== (b | 32)) return false;
      continue;
    }
    return wordKeyAt(text, aStart, aEnd) === wordKeyAt(text, bStart, bEnd);
  }
  return true;
}

// Every distinct word is one small integer for the life of the process: sequences of words compare as
// numbers, and a long draft repeats a few thousand words a hundred thousand times. Words are found by a
// hash of their characters in an open-addressing table of typed arrays (a Map lookup per word was most of
// the scanning time), and checked against the text in place. Their characters live in one pool of code
// units (a string each was a pointer chase and a string read per check: a quarter of the scanning time);
// a word's string is made the first time something asks for it.
let pool = new Uint16Array(1 << 15);
let poolUsed = 0;
let wordStarts = new Int32Array(1 << 11);
let wordLengths = new Int32Array(1 << 11);
/** Each word's hash, a function of its characters alone (its id depends on what the process read first). */
let wordHashes = new Int32Array(1 << 11);
let vocabularySize = 0;
const wordStrings: (string | undefined)[] = [];
let slotMask = (1 << 12) - 1;
let slotHashes = new Int32Array(slotMask + 1);
let slotIds = new Int32Array(slotMask + 1).fill(-1);

/**
 * The words' hashes by id: what MinHash shingles, so that which paragraphs it finds alike never depends on
 * the order in which the process met their words. The array is replaced as it grows: ask again per use.
 */
export function wordHashesById(): Int32Array {
  return wordHashes;
}

/** Reads each code unit as itself: `internWord`'s table for text already folded. Made on first use. */
let asWritten: Int32Array | undefined;

function unfolded(): Int32Array {
  return (asWritten ??= Int32Array.from({ length: 0x10000 }, (_, code) => code));
}

/**
 * The id of the word text[start..end) whose hash is `hash`, added to the vocabulary if new; each code unit
 * read through `table` (FOLDED for a word scanned folded, whose every character FOLDED knows already).
 */
function internWord(text: string, start: number, end: number, hash: number, table: Int32Array): number {
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
function grown<T extends Uint16Array | Int32Array>(array: T, needed: number): T {
  const copy = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  copy.set(array);
  return copy;
}

function growSlots(): void {
  const hashes = slotHashes;
  const ids = slotIds;
  slotMask = slotMask * 2 + 1;
  slotHashes = new Int32Array(slotMask + 1);
  slotIds = new Int32Array(slotMask + 1).fill(-1);
  for (let old = 0; old < ids.length; old++) {
    if (ids[old] < 0) continue;
    let slot = hashes[old] & slotMask;
    while (slotIds[slot] >= 0) slot = (slot + 1) & slotMask;
    slotHashes[slot] = hashes[old];
    slotIds[slot] = ids[old];
  }
}

// Scanning a paragraph as written, each code unit folded as `normalizeTypography(text).toLowerCase()`
// would turn it, skips building those two copies of every paragraph. FOLDED holds, per BMP code unit: the
// lower-case letter or digit it becomes, APOSTROPHE, NOT_WORD, SLOW where the copies must be built after
// all (a character that disappears, a surrogate, a lower case of two characters or depending on the next
// letter, as Σ does), or UNKNOWN until first met.
const SLOW = -2;
const NOT_WORD = 0;
const APOSTROPHE = 39;
const FOLDED = new Int32Array(0x10000).fill(UNKNOWN);

function foldedCode(code: number): number {
  let folded = FOLDED[code];
  if (folded === UNKNOWN) FOLDED[code] = folded = foldOf(code);
  return folded;
}

function foldOf(code: number): number {
  const character = String.fromCharCode(code);
  const plain = REPLACEMENT.get(character);
  if (plain !== undefined) return plain === "'" ? APOSTROPHE : plain === '' ? SLOW : NOT_WORD;
  if (code === 39) return APOSTROPHE;
  const lower = simpleLowerCase(code);
  if (lower < 0) return SLOW;
  // Every letter and digit folds to a code above the apostrophe's: the scanner tells them apart by that.
  return LETTER_OR_NUMBER.test(String.fromCharCode(lower)) ? lower : NOT_WORD;
}

// Ids are collected here, then copied out at their exact length: one allocation per text.
let scratch = new Int32Array(1024);

function collect(count: number, id: number): void {
  if (count === scratch.length) scratch = grown(scratch, count + 1);
  scratch[count] = id;
}

/** The lower-cased, typography-normalised words of a text, as vocabulary ids. */
export function wordIdsOf(text: string): Int32Array {
  return scratch.slice(0, scanIntoScratch(text));
}

/** `wordIdsOf` into `scratch`: how many ids it put there. */
function scanIntoScratch(text: string): number {
  const count = scanFolded(text);
  return count >= 0 ? count : scanNormalizedIntoScratch(normalizeTypography(text).toLowerCase());
}

/**
 * Where paragraphs keep their word ids: runs in shared chunks. A typed array per paragraph cost some 180
 * bytes of headers besides its ids (more than the ids of a typical paragraph); a paragraph now keeps a
 * chunk, an offset and a count. A chunk lives while any paragraph using it does, so a closed draft's
 * chunks may stay with another draft's paragraphs: at most one chunk per draft interleaved.
 */
export class WordStore {
  private static readonly CHUNK = 1 << 14;
  private static current = new Int32Array(0);
  private static used = 0;

  /** Stores the words of `text` and calls `keep` with where they are. */
  static add(text: string, keep: (chunk: Int32Array, offset: number, count: number) => void): void {
    const count = scanIntoScratch(text);
    if (WordStore.used + count > WordStore.current.length) {
      WordStore.current = new Int32Array(Math.max(WordStore.CHUNK, count));
      WordStore.used = 0;
    }
    const chunk = WordStore.current;
    const offset = WordStore.used;
    for (let i = 0; i < count; i++) chunk[offset + i] = scratch[i];
    WordStore.used += count;
    keep(chunk, offset, count);
  }
}

/**
 * `scanWords` over the folded text, interning each word into `scratch`: its count, or -1 when a character
 * needs the normalised copies built.
 */
function scanFolded(text: string): number {
  const folding = FOLDED;
  const length = text.length;
  let count = 0;
  let i = 0;
  while (i < length) {
    // The table is read in place; a character not met before (or one that needs the long way) takes the call.
    let folded = folding[text.charCodeAt(i)];
    if (folded < 0 && (folded = foldedCode(text.charCodeAt(i))) === SLOW) return -1;
    if (folded <= APOSTROPHE) {
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    for (;;) {
      hash = Math.imul(hash ^ folded, FNV_PRIME);
      if (++i >= length) break;
      folded = folding[text.charCodeAt(i)];
      if (folded > APOSTROPHE) continue;
      if (folded < 0 && (folded = foldedCode(text.charCodeAt(i))) === SLOW) return -1;
      if (folded > APOSTROPHE) continue;
      if (folded === APOSTROPHE && i + 1 < length) {
        const next = foldedCode(text.charCodeAt(i + 1));
        if (next === SLOW) return -1;
        if (next > APOSTROPHE) continue; // the apostrophe joins two parts of one word
      }
      break;
    }
    const id = internWord(text, start, i, hash, folding);
    if (count < scratch.length) scratch[count] = id;
    else collect(count, id);
    count++;
  }
  return count;
}

function scanNormalizedIntoScratch(normalized: string): number {
  let count = 0;
  scanWords(normalized, (start, end, hash) => collect(count++, internWord(normalized, start, end, hash, unfolded())));
  return count;
}

/** The word a vocabulary id stands for. */
export function wordOfId(id: number): string {
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
export function wordsOfIds(ids: Int32Array): string[] {
  const found = new Array<string>(ids.length);
  for (let i = 0; i < ids.length; i++) found[i] = wordOfId(ids[i]);
  return found;
}

/** The lower-cased, typography-normalised words of a text (the keys of `words`, without the offsets). */
export function wordKeys(text: string): string[] {
  return wordsOfIds(wordIdsOf(text));
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

/** The vocabulary ids of any list of words (a unit has its own, from `wordIdsOf`). */
export function wordIds(words: readonly string[]): Int32Array {
  const ids = new Int32Array(words.length);
  const table = unfolded();
  for (let i = 0; i < words.length; i++) ids[i] = internWord(words[i], 0, words[i].length, fnv1a(words[i]), table);
  return ids;
}
