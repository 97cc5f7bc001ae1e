// Matching must not care how a paragraph was typed or pasted: curly or straight quotes, dashes,
// non-breaking spaces, Markdown emphasis and link syntax, letter case and line wrapping.
import { fnv1a, FNV_OFFSET, FNV_PRIME } from './hash';

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
const DASH_OR_VARIANT = new RegExp(`\\s*(?:[${DASHES}]|--+)\\s*|[${TYPOGRAPHY.map(([variants]) => variants).join('')}]`, 'g');

export function normalizeTypography(text: string): string {
  // Plain ASCII without double hyphens has nothing to normalise (most text): skip the replacements.
  if (!/[^\x00-\x7f]|--/.test(text)) return text;
  return text.replace(DASH_OR_VARIANT, (found) => (found.length === 1 && !DASHES.includes(found) ? REPLACEMENT.get(found)! : ' - '));
}

/** Strips Markdown syntax that does not change what a paragraph says. */
export function stripMarkdown(text: string): string {
  // Each pattern needs one of these characters, or a line starting with a list or heading marker.
  if (!/[[*_~`]/.test(text) && !/^\s{0,3}[-#*+\d]/m.test(text)) return text;
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+)/gm, '')
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^]*?\S)\1/g, '$2');
}

/** The form two paragraphs are compared in: equal normalised text means "the same paragraph". */
export function normalizeForMatching(text: string): string {
  // Single spaces are left alone: replacing every one of them was a third of this function's time.
  return normalizeTypography(stripMarkdown(text)).toLowerCase().replace(/\s{2,}|[^\S ]/g, ' ').trim();
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
  scanWords(text, (start, end) => {
    const word = text.slice(start, end);
    found.push({ text: word, key: normalizeTypography(word).toLowerCase(), start, end });
  });
  return found;
}

// Every distinct word is one string and one small integer for the life of the process: word lists share
// the strings (a long draft repeats a few thousand words a hundred thousand times), and sequences of words
// compare as numbers. Words are found by a hash of their characters, checked against the text in place.
const vocabulary: string[] = [];
const idsByHash = new Map<number, number | number[]>();

function isWordAt(id: number, text: string, start: number, end: number): boolean {
  const word = vocabulary[id];
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** The id of the word text[start..end) whose hash is `hash`, added to the vocabulary if new. */
function internWord(text: string, start: number, end: number, hash: number): number {
  const known = idsByHash.get(hash);
  if (typeof known === 'number') {
    if (isWordAt(known, text, start, end)) return known;
  } else if (known) {
    for (const id of known) if (isWordAt(id, text, start, end)) return id;
  }
  const id = vocabulary.length;
  vocabulary.push(text.slice(start, end));
  if (known === undefined) idsByHash.set(hash, id);
  else if (typeof known === 'number') idsByHash.set(hash, [known, id]);
  else known.push(id);
  return id;
}

/** A text's words as strings (for messages and text search) and as vocabulary ids (for comparing). */
export interface WordList {
  keys: string[];
  ids: Int32Array;
}

/** The lower-cased, typography-normalised words of a text, with their ids. */
export function wordList(text: string): WordList {
  const normalized = normalizeTypography(text).toLowerCase();
  const keys: string[] = [];
  const ids: number[] = [];
  scanWords(normalized, (start, end, hash) => {
    const id = internWord(normalized, start, end, hash);
    keys.push(vocabulary[id]);
    ids.push(id);
  });
  return { keys, ids: new Int32Array(ids) };
}

/** The lower-cased, typography-normalised words of a text (the keys of `words`, without the offsets). */
export function wordKeys(text: string): string[] {
  return wordList(text).keys;
}

/** The vocabulary ids of any list of words (a unit has its own, from `wordList`). */
export function wordIds(words: readonly string[]): Int32Array {
  const ids = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) ids[i] = internWord(words[i], 0, words[i].length, fnv1a(words[i]));
  return ids;
}
