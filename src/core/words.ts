// Words are runs of letters and digits, joined by single apostrophes: the pattern
// /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu, scanned by hand (a third of the time, no match arrays).
// A word's key is its lower-cased, typography-normalised form; scanning into ids interns the keys in
// the vocabulary.
import { FNV_OFFSET, FNV_PRIME } from './hash';
import { NO_SIMPLE_LOWER_CASE, normalizeTypography, simpleLowerCase, TYPOGRAPHIC_REPLACEMENT } from './matchingForm';
import { codeUnitsAsWritten, grown, internWord, keysOfIds } from './vocabulary';

export interface Word {
  text: string;
  /** Lower-cased, typography-normalised form used for comparisons. */
  key: string;
  start: number;
  end: number;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
// Per BMP character, in `bmpClass`, whether it is a letter or a number: worked out on first meeting.
const CLASS_NOT_WORKED_OUT = 0;
const IS_LETTER_OR_NUMBER = 1;
const IS_NEITHER = 2;
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
  if (known === CLASS_NOT_WORKED_OUT) bmpClass[code] = known = LETTER_OR_NUMBER.test(String.fromCharCode(code)) ? IS_LETTER_OR_NUMBER : IS_NEITHER;
  return known === IS_LETTER_OR_NUMBER ? 1 : 0;
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

export function wordsWithOffsets(text: string): Word[] {
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

/** Where the words of a text start and end, as pairs: `wordsWithOffsets` without building a string or an object per word. */
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

// Scanning a paragraph as written, each code unit folded as `normalizeTypography(text).toLowerCase()`
// would turn it, skips building those two copies of every paragraph. FOLDED holds, per BMP code unit: the
// lower-case letter or digit it becomes, APOSTROPHE, NOT_WORD, FOLD_NEEDS_COPIES where the copies must be
// built after all (a character that disappears, a surrogate, a lower case of two characters or depending
// on the next letter, as Σ does), or FOLD_NOT_WORKED_OUT until first met. Every letter and digit folds to
// a code above the apostrophe's, and every sentinel is below it: the scanner tells them apart by that.
const FOLD_NOT_WORKED_OUT = -1;
const FOLD_NEEDS_COPIES = -2;
const NOT_WORD = 0;
const APOSTROPHE = 39;
const FOLDED = new Int32Array(0x10000).fill(FOLD_NOT_WORKED_OUT);

function foldedCode(code: number): number {
  let folded = FOLDED[code];
  if (folded === FOLD_NOT_WORKED_OUT) FOLDED[code] = folded = foldOf(code);
  return folded;
}

function foldOf(code: number): number {
  const character = String.fromCharCode(code);
  const plain = TYPOGRAPHIC_REPLACEMENT.get(character);
  if (plain !== undefined) return plain === "'" ? APOSTROPHE : plain === '' ? FOLD_NEEDS_COPIES : NOT_WORD;
  if (code === 39) return APOSTROPHE;
  const lower = simpleLowerCase(code);
  if (lower === NO_SIMPLE_LOWER_CASE) return FOLD_NEEDS_COPIES;
  return LETTER_OR_NUMBER.test(String.fromCharCode(lower)) ? lower : NOT_WORD;
}

// Ids are collected here, then copied out at their exact length: one allocation per text.
let scratch = new Int32Array(1024);

function collect(count: number, id: number): void {
  if (count === scratch.length) scratch = grown(scratch, count + 1);
  scratch[count] = id;
}

/** The lower-cased, typography-normalised words of a text, as vocabulary ids. */
export function idsOfText(text: string): Int32Array {
  // The scan may grow `scratch` (a new array): read it only after the scan.
  const count = scanIntoScratch(text);
  return scratch.slice(0, count);
}

/** The lower-cased, typography-normalised words of a text (the keys of `wordsWithOffsets`, without the offsets). */
export function keysOfText(text: string): string[] {
  return keysOfIds(idsOfText(text));
}

/** `idsOfText` into `scratch`: how many ids it put there. */
function scanIntoScratch(text: string): number {
  const count = scanFolded(text);
  return count >= 0 ? count : scanNormalizedIntoScratch(normalizeTypography(text).toLowerCase());
}

/**
 * Where paragraphs keep their word ids: runs in shared chunks. A typed array per paragraph cost some 180
 * bytes of headers besides its ids (more than the ids of a typical paragraph); a paragraph keeps a
 * chunk, an offset and a count. A chunk lives while any paragraph using it does, so a closed draft's
 * chunks may stay with another draft's paragraphs: at most one chunk per draft interleaved. It lives
 * here rather than with the vocabulary because it scans the text it stores.
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

/** What `scanFolded` returns when a character needs the normalised copies built. */
const NEEDS_COPIES = -1;

/**
 * `scanWords` over the folded text, interning each word into `scratch`: its count, or NEEDS_COPIES when a
 * character needs the normalised copies built.
 */
function scanFolded(text: string): number {
  const folding = FOLDED;
  const length = text.length;
  let count = 0;
  let i = 0;
  while (i < length) {
    // The table is read in place; a character not met before (or one that needs the long way) takes the call.
    let folded = folding[text.charCodeAt(i)];
    if (folded < 0 && (folded = foldedCode(text.charCodeAt(i))) === FOLD_NEEDS_COPIES) return NEEDS_COPIES;
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
      if (folded < 0 && (folded = foldedCode(text.charCodeAt(i))) === FOLD_NEEDS_COPIES) return NEEDS_COPIES;
      if (folded > APOSTROPHE) continue;
      if (folded === APOSTROPHE && i + 1 < length) {
        const next = foldedCode(text.charCodeAt(i + 1));
        if (next === FOLD_NEEDS_COPIES) return NEEDS_COPIES;
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
  scanWords(normalized, (start, end, hash) => collect(count++, internWord(normalized, start, end, hash, codeUnitsAsWritten())));
  return count;
}
