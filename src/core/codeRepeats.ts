// Repeats the paragraph rules cannot see, as they compare paragraphs and code is not one: a quote that holds
// code pasted again right under itself, and a run of lines pasted twice inside one code block. Read only in
// a debate draft: documentation repeats its examples by design, a reply pasted twice is a mistake.
import { LineageCache } from './lineageCache';
import { UnitMemo } from './model';
import { Draft, Unit } from './parse';

/** A repeat found in lines: the later copy's lines and the earlier copy's (inclusive). */
export interface CodeRepeat {
  later: { startLine: number; endLine: number };
  earlier: { startLine: number; endLine: number };
  /** The units the later copy is made of, when it is whole units (a quote): a fix may delete them. */
  laterUnits: readonly Unit[];
}

/** Fewest characters of text a repeat must hold: a fence and a word or two twice are not a paste. */
const MIN_REPEATED_CHARACTERS = 40;
/** A line of writing: this many words of letters (a sentence of a comment, not a statement of code). */
const WRITTEN_LINE_WORDS = 8;
/** Shortest line that could hold that many words (the cheap test before counting them). */
const WRITTEN_LINE_MIN_LENGTH = 30;
/** Fewest lines (not blank) a run repeated inside code must hold. */
const MIN_REPEATED_LINES = 2;

/** The text of a line once quote markers and spaces around it are removed. */
function contentAt(draft: Draft, line: number): string {
  const info = draft.lineInfo[line];
  return draft.lines[line].text.slice(info.contentStart, info.contentEnd).trim();
}

/**
 * Quotes holding code that repeat the quote right above them word for word, at the same depth, with only blank
 * lines between: the same passage quoted twice in a row (quote-reply pressed twice, a paste pasted again). A
 * reply that quotes a passage again to answer another point of it has its answer between the two.
 */
export function repeatedQuotesOfCode(draft: Draft, cache: LineageCache): CodeRepeat[] {
  const repeats: CodeRepeat[] = [];
  // A quote's code lines are a code block of its own depth or deeper: a draft that quotes no code (most, and
  // most keystrokes) has no quote to compare.
  if (cache.unitsWhere(draft, isQuotedCode).size === 0) return repeats;
  const quotes = draft.quotes;
  for (let index = 1; index < quotes.length; index++) {
    const quote = quotes[index];
    const above = quotes[index - 1];
    if (above.depth !== quote.depth || above.endLine >= quote.startLine || quote.endLine - quote.startLine !== above.endLine - above.startLine || quote.callout) continue;
    let between = above.endLine + 1;
    while (between < quote.startLine && draft.lineInfo[between].blank) between++;
    if (between < quote.startLine) continue;
    // A paste repeats the lines as they are, their `>` too: compared whole first, as most quotes differ at once.
    let same = true;
    for (let offset = 0; same && offset <= quote.endLine - quote.startLine; offset++) same = draft.lines[quote.startLine + offset].text === draft.lines[above.startLine + offset].text;
    if (!same) continue;
    let code = false;
    let characters = 0;
    for (let line = quote.startLine; line <= quote.endLine; line++) {
      const text = contentAt(draft, line);
      code ||= draft.lineInfo[line].code;
      if (!/^(?:`{3,}|~{3,})/.test(text)) characters += text.length;
    }
    if (!code || characters < MIN_REPEATED_CHARACTERS) continue;
    const laterUnits = draft.units.filter((unit) => unit.startLine >= quote.startLine && unit.endLine <= quote.endLine);
    // A third copy repeats the first, as the second does.
    const previous = repeats[repeats.length - 1];
    const earlier = previous && previous.later.startLine === above.startLine ? previous.earlier : { startLine: above.startLine, endLine: above.endLine };
    repeats.push({ later: { startLine: quote.startLine, endLine: quote.endLine }, earlier, laterUnits });
  }
  return repeats;
}

/**
 * Whether a line is a sentence of writing: it opens on a letter, holds enough words made of letters and little
 * else, and none of the brackets and operators of code. A doc comment (" * @param …"), a JSON field or a
 * program's message with its positions ("… at position 16 (line 3 column 1)") is not one.
 */
function isWrittenLine(text: string): boolean {
  if (text.length < WRITTEN_LINE_MIN_LENGTH || !/^\p{L}/u.test(text) || /[{}[\]()=<>|\\`$;]/.test(text)) return false;
  const tokens = text.split(/\s+/);
  let words = 0;
  for (const token of tokens) if (/^["'‘“]?\p{L}[\p{L}'’-]*["'’”.,:!?]*$/u.test(token)) words++;
  return words >= WRITTEN_LINE_WORDS && words >= tokens.length * WRITTEN_SHARE;
}

/** The share of a written line's tokens that are words (the rest: a number, a name with a dot…). */
const WRITTEN_SHARE = 0.8;

/**
 * Runs of lines inside one code block that repeat an earlier run of the same block line for line (blank lines
 * aside), opening on a line of writing: a comment of a copied page pasted twice inside a fence. A program
 * repeats statements, not sentences; and an example shown twice in documentation is shown in two blocks.
 */
export function repeatedWritingInCode(draft: Draft, cache: LineageCache): CodeRepeat[] {
  const repeats: CodeRepeat[] = [];
  for (const unit of [...cache.unitsWhere(draft, repeatsWritingInside)].sort((a, b) => a.index - b.index)) {
    const found = unit.memo(REPEATS_IN_BLOCK);
    for (let at = 0; at < found.length; at += 4) {
      repeats.push({
        later: { startLine: unit.segmentLine(found[at]), endLine: unit.segmentLine(found[at + 1]) },
        earlier: { startLine: unit.segmentLine(found[at + 2]), endLine: unit.segmentLine(found[at + 3]) },
        laterUnits: [],
      });
    }
  }
  return repeats;
}

function isQuotedCode(unit: Unit): boolean {
  return unit.kind === 'code' && unit.depth > 0;
}

function repeatsWritingInside(unit: Unit): boolean {
  return unit.kind === 'code' && unit.segmentCount >= 2 * MIN_REPEATED_LINES && unit.memo(REPEATS_IN_BLOCK).length > 0;
}

/**
 * A code block's repeated runs, as its segments' indices (later first, later last, earlier first, earlier
 * last, for each): worked out once per block, as a block's lines do not change while it is the same unit.
 */
const REPEATS_IN_BLOCK = new UnitMemo<number[]>((unit) => {
  const found: number[] = [];
  // Where each written line was first seen; most lines of code are too short to be asked more.
  let firstSeen: Map<string, number> | null = null;
  const count = unit.segmentCount;
  for (let segment = 0; segment < count; segment++) {
    if (unit.segmentText(segment).length < WRITTEN_LINE_MIN_LENGTH) continue;
    const text = unit.segmentText(segment).trim();
    if (!isWrittenLine(text)) continue;
    firstSeen ??= new Map();
    const earlier = firstSeen.get(text);
    if (earlier === undefined) {
      firstSeen.set(text, segment);
      continue;
    }
    // Line for line from both copies, blank lines aside, up to where the earlier copy would run into the later.
    let lines = 1;
    let characters = text.length;
    let earlierEnd = earlier;
    let laterEnd = segment;
    for (;;) {
      const nextEarlier = nextWithText(unit, earlierEnd, segment - 1);
      const nextLater = nextWithText(unit, laterEnd, count - 1);
      if (nextEarlier < 0 || nextLater < 0) break;
      const next = unit.segmentText(nextLater).trim();
      if (next !== unit.segmentText(nextEarlier).trim()) break;
      lines++;
      characters += next.length;
      earlierEnd = nextEarlier;
      laterEnd = nextLater;
    }
    if (lines < MIN_REPEATED_LINES || characters < MIN_REPEATED_CHARACTERS) continue;
    found.push(segment, laterEnd, earlier, earlierEnd);
    segment = laterEnd;
  }
  return found;
});

/** The next segment after `segment`, up to `last`, with text (-1 if none). */
function nextWithText(unit: Unit, segment: number, last: number): number {
  for (let next = segment + 1; next <= last; next++) if (unit.segmentText(next).trim().length > 0) return next;
  return -1;
}
