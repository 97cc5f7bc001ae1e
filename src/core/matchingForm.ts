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
/** What normalizeTypography puts in place of each typographic variant (the word scanner folds by it too). */
export const TYPOGRAPHIC_REPLACEMENT: ReadonlyMap<string, string> = new Map<string, string>(TYPOGRAPHY.flatMap(([variants, plain]) => [...variants].map((variant): [string, string] => [variant, plain])));
// A dash between words is punctuation however it was typed: "a—b", "a — b" and "a -- b" are the same. The
// dash alternative comes first, so it takes the white space around a dash before a variant could.
const DASHES = '\u2013\u2014\u2015';
const DASH_OR_VARIANT = new RegExp(`\\s*(?:[${DASHES}]|--+)\\s*|[${TYPOGRAPHY.map(([variants]) => variants).join('')}]`, 'g');

export function normalizeTypography(text: string): string {
  // Plain ASCII without double hyphens has nothing to normalise (most text): skip the replacements.
  if (!/[^\x00-\x7f]|--/.test(text)) return text;
  return text.replace(DASH_OR_VARIANT, (found) => (found.length === 1 && !DASHES.includes(found) ? TYPOGRAPHIC_REPLACEMENT.get(found)! : ' - '));
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
 * vanishes or is not in the table yet). Two loops, because without those cases this one runs twice as
 * fast, and one loop that tests the common case first is slower than the two together.
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
    } else if (folded === MATCHES_SPACE) {
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
    if (folded === MATCH_NOT_WORKED_OUT) folded = MATCHING[code] = matchingFoldOf(code);
    if (code === 96 && (backtickStays ??= !/[^\x00-\x7f]|--/.test(stripped))) folded = 96;
    if (folded === 45 && code === 45 && stripped.charCodeAt(i + 1) === 45) {
      // Two hyphens or more are a dash, like –, — and ―.
      while (stripped.charCodeAt(i + 1) === 45) i++;
      folded = MATCHES_DASH;
    }
    if (folded >= 0) {
      if (pendingSpace) {
        hash = Math.imul(hash ^ 32, FNV_PRIME);
        length++;
        pendingSpace = false;
      }
      hash = Math.imul(hash ^ folded, FNV_PRIME);
      length++;
    } else if (folded === MATCHES_SPACE) {
      pendingSpace = length > 0;
    } else if (folded === MATCHES_DASH || folded === MATCHES_ELLIPSIS) {
      // A dash takes the white space around it and becomes " - " (trimmed at either end); … becomes "...".
      if (folded === MATCHES_DASH) pendingSpace = length > 0;
      if (pendingSpace) {
        hash = Math.imul(hash ^ 32, FNV_PRIME);
        length++;
      }
      const dots = folded === MATCHES_DASH ? 1 : 3;
      for (let dot = 0; dot < dots; dot++) hash = Math.imul(hash ^ (folded === MATCHES_DASH ? 45 : 46), FNV_PRIME);
      length += dots;
      pendingSpace = folded === MATCHES_DASH;
    } else if (folded === MATCH_NEEDS_STRING) {
      // The long way, rare enough to build the string.
      const normalized = normalizeForMatching(text);
      return normalized.length * 0x100000000 + (fnv1a(normalized) >>> 0);
    }
    // MATCHES_NOTHING: the character vanishes.
  }
  return length * 0x100000000 + (hash >>> 0);
}

// Per BMP character, what normalizeForMatching makes of it: a character code, or one of these.
const MATCH_NOT_WORKED_OUT = -1;
const MATCHES_SPACE = -2;
const MATCHES_NOTHING = -3;
const MATCHES_DASH = -4;
const MATCHES_ELLIPSIS = -5;
/** No character that stands for it alone: the text's normalised string must be built. */
const MATCH_NEEDS_STRING = -6;
const MATCHING = new Int32Array(0x10000).fill(MATCH_NOT_WORKED_OUT);

function matchingFoldOf(code: number): number {
  const character = String.fromCharCode(code);
  if (DASHES.includes(character)) return MATCHES_DASH;
  // Typography first: the backtick is a variant of the apostrophe.
  const plain = TYPOGRAPHIC_REPLACEMENT.get(character);
  if (plain !== undefined) return plain === '' ? MATCHES_NOTHING : plain === '...' ? MATCHES_ELLIPSIS : plain === ' ' ? MATCHES_SPACE : plain.charCodeAt(0);
  if (isWhiteSpace(code)) return MATCHES_SPACE;
  const lower = simpleLowerCase(code);
  return lower === NO_SIMPLE_LOWER_CASE ? MATCH_NEEDS_STRING : lower;
}

/** What `simpleLowerCase` says of a character whose lower case is not one character standing alone. */
export const NO_SIMPLE_LOWER_CASE = -1;

/**
 * The character `toLowerCase` makes of `code` wherever it stands in a text, or NO_SIMPLE_LOWER_CASE when
 * that is not one character independent of its neighbours: a surrogate, Σ (ς at the end of a word), İ
 * (two characters).
 */
export function simpleLowerCase(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  if ((code >= 0xd800 && code <= 0xdfff) || code === 0x3a3) return NO_SIMPLE_LOWER_CASE;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : NO_SIMPLE_LOWER_CASE;
}
