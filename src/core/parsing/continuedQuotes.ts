// Step 2b of the parse: forum quotes whose box the copy lost after its first lines. A forum page copied to
// Markdown often keeps the quote header and the first line of the quoted post as `>` lines ("> **X said:**" /
// "> X's first line"), and the rest of the quoted post runs on as plain lines, then the poster's answer. The
// quoted post is usually on the same page: the box's last line is a line of an earlier post, and the plain
// lines after the box repeat that post's next lines, in order. Those lines are read as the rest of the quote,
// up to the last one that repeats the earlier post; the answer starts after it. A mail header whose quote
// HTML mail flattened to the header's own level ("Jane <j@x> writes:" / her words, unmarked) is read the same way.
import { isBareQuoteBox, matchForumHeader, matchLeadingAttribution } from '../attribution';
import { ContinuationWatch, LineInfo } from '../model';
import { endsWithColon, LineText } from '../text';
import { bagDifference } from '../similarity';
import { contentOf, deeperLineInfo } from './lines';

/** How many lines of the earlier post the quoter may have left out between two repeated ones. */
const MAX_SKIPPED = 3;
/** How far back the earlier copy is looked for: a thread page, not a whole archive (the corpus's farthest is 44 lines). */
const MAX_LOOK_BACK = 400;
/** What the repeated lines must hold at least, beyond the box's own: a line or two of prose. */
const MIN_REPEATED_CHARACTERS = 40;
const MIN_LONG_LINE = 20;
/** Under a bare "Quote" box, what its first line must hold to be looked for: a few words ("This is EPIC!"), not "Thanks". */
const MIN_BOXED_KEY = 8;

/** A line's words for comparing copies: without quote markers, white space collapsed. */
export function comparableText(text: string): string {
  let start = 0;
  while (start < text.length) {
    const code = text.charCodeAt(start);
    if (code === 62 /* > */ || code === 32 || code === 9) start++;
    else break;
  }
  return text.slice(start).replace(/\s+/g, ' ').trim();
}

/** Two lines are one line copied: equal, one holding the other (a line cut short, or fused with the next), or nearly the same words. */
function sameLine(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < MIN_LONG_LINE || b.length < MIN_LONG_LINE) return false;
  if (a.length > b.length ? a.includes(b) : b.includes(a)) return true;
  const wordsA = a.split(' ');
  const wordsB = b.split(' ');
  if (wordsA.length < 6 || wordsB.length < 6 || Math.abs(wordsA.length - wordsB.length) > 2) return false;
  const common = wordsB.length - bagDifference(wordsB, wordsA).length;
  return common >= 0.8 * Math.max(wordsA.length, wordsB.length);
}

/** Whether a line's words (comparableText) are the box's last line's, or hold it (a line fused with the next). */
export function holdsKey(words: string, key: string): boolean {
  return words === key || (key.length >= MIN_LONG_LINE && words.includes(key));
}

const isBlankLine = (lines: readonly LineText[], line: number) => comparableText(lines[line].text) === '';
const isMarked = (text: string) => /^\s{0,3}>/.test(text);

/**
 * Reads the continuations of the quote boxes that start in lines first..last (info filled for those lines),
 * deepening the continued lines' info. Returns what each box's reading watched, and whether a continuation
 * ran past `last` (a region parsed alone cannot hold it: the caller parses the whole draft).
 */
export function continueQuotes(lines: readonly LineText[], info: LineInfo[], first: number, last: number): { watch: ContinuationWatch[]; overrun: boolean } {
  const watch: ContinuationWatch[] = [];
  let overrun = false;
  for (let i = first; i <= last; i++) {
    if (info[i].depth === 0) {
      const stop = flattenedQuoteEnd(lines, info, i, last, watch);
      if (stop === OVERRUN) overrun = true;
      else if (stop > i) {
        for (let line = i + 1; line <= stop; line++) info[line] = deeperLineInfo(info[line], lines[line].text);
        i = stop;
      }
      continue;
    }
    if (i > first && info[i - 1].depth > 0) continue;
    // A quote at the top level starts here: the box runs to the next line outside any quote.
    let end = i;
    while (end < last && info[end + 1].depth > 0) end++;
    const box = i;
    i = end;
    // The box is named by a forum header: its own first line, or (the box lost already) the line above it.
    const headerLine = info[box].pastedQuote && box > 0 && info[box - 1].depth === 0 ? box - 1 : box;
    if (info[end].code || matchForumHeader(headerLine === box ? contentOf(lines, info, box) : lines[headerLine].text.trim())?.speaker == null) continue;
    let boxLast = end;
    while (boxLast > box && info[boxLast].blank) boxLast--;
    if (boxLast === headerLine || info[boxLast].blank) continue;
    let from = end + 1;
    while (from < lines.length && isBlankLine(lines, from)) from++;
    if (from >= lines.length || isMarked(lines[from].text)) continue;
    // The earlier copy holds the box's last line: the rest of the quote repeats the lines after it.
    const stop = repeatedRunEnd(lines, info, watch, box, comparableText(contentOf(lines, info, boxLast)), headerLine, from, 1);
    if (stop < 0) continue;
    if (stop > last) {
      overrun = true;
      continue;
    }
    for (let line = end + 1; line <= stop; line++) info[line] = deeperLineInfo(info[line], lines[line].text);
    i = stop;
  }
  return { watch, overrun };
}

/** What flattenedQuoteEnd answers when the quote runs past the lines parsed. */
const OVERRUN = -2;

/**
 * HTML mail copied as text loses its quote levels: "Simon Riggs <simon@x> writes:" stands at the top level
 * with the quoted message right under it, unmarked, and the answer right under that. When the thread holds
 * that message earlier (a page of the thread's posts), the lines under the header that repeat it are the
 * quote. The last of them, or -1 (OVERRUN when it lies past `last`).
 */
function flattenedQuoteEnd(lines: readonly LineText[], info: LineInfo[], header: number, last: number, watch: ContinuationWatch[]): number {
  const next = header + 1;
  // Asked of every line outside quotes: only a line ending in a colon (or a bare "Quote"), with a plain line of
  // text under it, may be such a header.
  if (next >= lines.length || info[header].blank || info[header].code || info[header].html) return -1;
  const bareBox = isBareQuoteBox(lines[header].text);
  if (!bareBox && !endsWithColon(lines[header].text)) return -1;
  if (next > last ? isMarked(lines[next].text) || isBlankLine(lines, next) : info[next].depth > 0 || info[next].blank || info[next].code || info[next].html) return -1;
  // ("Quote:" / "Originally Posted by X": the box's label and its header, on two lines; the header opens it.)
  if (bareBox && matchForumHeader(comparableText(lines[next].text))?.speaker != null) return -1;
  if (!bareBox) {
    const attribution = matchLeadingAttribution(contentOf(lines, info, header));
    if (!attribution?.speaker || (attribution.form !== 'mail' && attribution.form !== 'wrote')) return -1;
  }
  // The earlier copy holds the message's first line: the quote repeats it from there. (Under a bare box the
  // box itself says a quote follows: the repeat only tells where it ends, and a short line is enough.)
  const stop = repeatedRunEnd(lines, info, watch, header, comparableText(lines[next].text), header, next, 0, bareBox);
  if (stop > last) return OVERRUN;
  return stop;
}

/**
 * The last of the unmarked lines from `from` that repeat, in order, the thread's earlier copy of `key` (the
 * nearest line above `before` holding it), read from `skip` lines after that copy: the rest of a quote, or
 * -1. What it read is kept in `watch`, for an update to know when to read it again.
 */
function repeatedRunEnd(lines: readonly LineText[], info: readonly LineInfo[], watch: ContinuationWatch[], boxStart: number, key: string, before: number, from: number, skip: number, boxed = false): number {
  const entry: ContinuationWatch = { boxStart, examinedTo: from, sourceFrom: -1, sourceTo: -1, key };
  watch.push(entry);
  if (boxed && key.length < MIN_BOXED_KEY) return -1;
  const copied = earlierCopy(lines, key, before);
  if (copied < 0) return -1;
  const read = readContinuation(lines, from, copied + skip, before, boxed);
  entry.sourceFrom = copied;
  entry.sourceTo = read.sourceTo;
  entry.examinedTo = read.examinedTo;
  // A code or HTML block is read at one depth: the rest of a quote ends before a block it would end inside.
  let stop = read.end;
  if (stop >= 0 && stop + 1 < lines.length && inBlock(info[stop]) && inBlock(info[stop + 1])) {
    while (stop >= from && inBlock(info[stop])) stop--;
    if (stop < from) return -1;
  }
  return stop;
}

function inBlock(line: LineInfo): boolean {
  return line.code || line.html;
}

/** The nearest line above `before` holding the box's last line (or held by it), or -1. */
function earlierCopy(lines: readonly LineText[], key: string, before: number): number {
  if (key.length < 3) return -1;
  // Cheap tests before the comparison, which every line a box looks back over would otherwise pay: a copy
  // is at least as long as the key, and holds the key's longest word as it is (a rare word, unlike its first).
  const probe = longestWord(key);
  for (let line = before - 1; line >= 0 && line >= before - MAX_LOOK_BACK; line--) {
    const text = lines[line].text;
    if (text.length < key.length || !text.includes(probe)) continue;
    if (holdsKey(comparableText(text), key)) return line;
  }
  return -1;
}

function longestWord(text: string): string {
  let best = '';
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    if (end - start > best.length) best = text.slice(start, end);
    start = end + 1;
  }
  return best;
}

/**
 * Follows the plain lines from `from` against the earlier post's lines from `source` (before `limit`):
 * the last plain line that repeats a line of it (lines the quoter left out, and forum headers of quotes
 * whose text was lost, may stand between), or -1 when too little is repeated to tell.
 */
function readContinuation(lines: readonly LineText[], from: number, source: number, limit: number, boxed = false): { end: number; examinedTo: number; sourceTo: number } {
  let end = -1;
  let repeated = 0;
  let long = false;
  let line = from;
  let next = source;
  let sourceTo = source;
  for (; line < lines.length; line++) {
    const text = lines[line].text;
    if (isMarked(text)) break;
    const words = comparableText(text);
    if (words === '') continue;
    let found = -1;
    let skipped = 0;
    for (let candidate = next; candidate < limit && skipped <= MAX_SKIPPED; candidate++) {
      const copy = comparableText(lines[candidate].text);
      if (copy === '') continue;
      sourceTo = candidate;
      if (sameLine(words, copy)) {
        found = candidate;
        break;
      }
      skipped++;
    }
    if (found < 0) {
      // The header of a quote inside the quoted post, whose own text the copy lost: read on past it.
      if (matchForumHeader(words)?.speaker != null) continue;
      break;
    }
    end = line;
    repeated += words.length;
    if (words.length >= MIN_LONG_LINE) long = true;
    next = found + 1;
  }
  const examinedTo = Math.min(line, lines.length - 1);
  return { end: boxed || (repeated >= MIN_REPEATED_CHARACTERS && long) ? end : -1, examinedTo, sourceTo };
}
