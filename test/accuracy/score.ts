// Scores the engine on the real-thread corpus against the hand annotations (see truth.ts): who said what
// (quotes found, speakers named), which quotes name nobody, which quotes lost their marks, what is repeated.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { Diagnostic, Draft, lintDraft, parseDraft } from '../../src/core';
import { REPO_ROOT } from '../paths';
import { Annotated, LineRange, readTruth, sameSpeaker, Truth, TruthQuote } from './truth';

export const CORPUS = join(REPO_ROOT, 'test', 'corpus', 'real');

export interface Ratio {
  hits: number;
  of: number;
}

export interface ThreadScore {
  file: string;
  family: string;
  language: string;
  /** Quotes whose speaker the engine names right (a quote that names nobody: the engine names nobody). */
  attribution: Ratio;
  /** Quotes the engine sees as quotes at all. */
  detection: Ratio;
  unattributedRecall: Ratio;
  unattributedPrecision: Ratio;
  unmarkedRecall: Ratio;
  unmarkedPrecision: Ratio;
  duplicateRecall: Ratio;
  duplicatePrecision: Ratio;
  /** Lines a naive tool would flag (`clean`) that the engine flags. */
  trapsHit: Ratio;
  /** What went wrong, one line each, for the report. */
  misses: string[];
}

export type Measure = Exclude<keyof ThreadScore, 'file' | 'family' | 'language' | 'misses'>;

export const MEASURES: readonly { key: Measure; label: string }[] = [
  { key: 'attribution', label: 'attribution' },
  { key: 'detection', label: 'quote detection' },
  { key: 'unattributedRecall', label: 'unattributed recall' },
  { key: 'unattributedPrecision', label: 'unattributed precision' },
  { key: 'unmarkedRecall', label: 'unmarked recall' },
  { key: 'unmarkedPrecision', label: 'unmarked precision' },
  { key: 'duplicateRecall', label: 'duplicate recall' },
  { key: 'duplicatePrecision', label: 'duplicate precision' },
  { key: 'trapsHit', label: 'traps hit' },
];

const DUPLICATE_RULES = new Set(['duplicate-block', 'duplicate-paragraph', 'near-duplicate-paragraph']);
const QUOTE_RULES = new Set(['unattributed-quote', 'unmarked-quote', 'unanswered-quote']);

export interface CorpusThread {
  file: string;
  text: string;
  truth: Truth;
}

/** Every annotated thread of the corpus, in a stable order. */
export function corpusThreads(root = CORPUS): CorpusThread[] {
  const threads: CorpusThread[] = [];
  if (!existsSync(root)) return threads;
  for (const family of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    const folder = join(root, family);
    for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.md')).sort()) {
      const path = join(folder, name);
      const truthPath = path.replace(/\.md$/, '.truth');
      if (!existsSync(truthPath)) throw new Error(`${relative(REPO_ROOT, path)} has no ${basename(truthPath)} beside it`);
      const text = readFileSync(path, 'utf8');
      const lineCount = text.split(/\r\n|\r|\n/).length;
      threads.push({ file: relative(root, path), text, truth: readTruth(readFileSync(truthPath, 'utf8'), relative(REPO_ROOT, truthPath), lineCount) });
    }
  }
  return threads;
}

function overlaps(a: LineRange, b: LineRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** A diagnostic's lines, 1-based like the annotations. */
function linesOf(diagnostic: Diagnostic): LineRange {
  return { start: diagnostic.range.start.line + 1, end: diagnostic.range.end.line + 1 };
}

function label(range: LineRange): string {
  return range.start === range.end ? `line ${range.start}` : `lines ${range.start}–${range.end}`;
}

const counted = <T extends Annotated>(items: readonly T[]) => items.filter((item) => !item.debatable);

export function scoreThread(thread: CorpusThread): ThreadScore {
  const { text, truth, file } = thread;
  const draft = parseDraft(text);
  const diagnostics = lintDraft(draft);
  const misses: string[] = [];
  const score: ThreadScore = {
    file,
    family: truth.family || file.split(/[\\/]/)[0],
    language: truth.language,
    attribution: { hits: 0, of: 0 },
    detection: { hits: 0, of: 0 },
    unattributedRecall: { hits: 0, of: 0 },
    unattributedPrecision: { hits: 0, of: 0 },
    unmarkedRecall: { hits: 0, of: 0 },
    unmarkedPrecision: { hits: 0, of: 0 },
    duplicateRecall: { hits: 0, of: 0 },
    duplicatePrecision: { hits: 0, of: 0 },
    trapsHit: { hits: 0, of: 0 },
    misses,
  };

  /** The innermost annotated quote holding a line. */
  const truthQuoteAt = (line: number): TruthQuote | null => {
    let best: TruthQuote | null = null;
    for (const quote of truth.quotes) if (line >= quote.range.start && line <= quote.range.end && (!best || quote.depth > best.depth)) best = quote;
    return best;
  };

  const unattributed = diagnostics.filter((d) => d.rule === 'unattributed-quote');
  const flaggedQuotes = new Set<TruthQuote>();
  for (const diagnostic of unattributed) {
    const range = linesOf(diagnostic);
    let quote: TruthQuote | null = null;
    // A `[quote]` or header line opens the quote the annotation starts a line or two below it.
    for (let line = range.start; line <= range.end + 2 && !quote; line++) quote = truthQuoteAt(line);
    if (quote?.debatable) continue;
    if (quote) flaggedQuotes.add(quote);
    const right = quote !== null && quote.speaker === null;
    score.unattributedPrecision.of++;
    if (right) score.unattributedPrecision.hits++;
    else misses.push(`unattributed-quote on ${label(range)}: ${quote ? `the quote is ${quote.speaker}'s` : 'no quote there'}`);
  }

  for (const quote of counted(truth.quotes)) {
    const own = ownLines(draft, truth, quote);
    const found = own.map((line) => draft.quoteOfLine(line - 1)).filter((engineQuote) => engineQuote !== null);
    const detected = found.length * 2 >= own.length && found.length > 0;
    score.detection.of++;
    score.attribution.of++;
    if (detected) score.detection.hits++;
    else misses.push(`quote ${label(quote.range)} (${quote.speaker ?? 'nobody'}) not seen as a quote`);
    const speaker = detected ? majority(found.map((engineQuote) => engineQuote.speaker)) : undefined;
    const right = detected && (quote.speaker === null ? speaker === null : speaker != null && sameSpeaker(truth, speaker, quote.speaker));
    if (right) score.attribution.hits++;
    else if (detected) misses.push(`quote ${label(quote.range)}: speaker ${speaker ?? 'nobody'}, should be ${quote.speaker ?? 'nobody'}`);
    if (quote.speaker === null) {
      score.unattributedRecall.of++;
      if (flaggedQuotes.has(quote)) score.unattributedRecall.hits++;
      else misses.push(`quote ${label(quote.range)} names nobody and is not flagged`);
    }
  }

  const unmarked = diagnostics.filter((d) => d.rule === 'unmarked-quote');
  const quoteWithoutMarks = (range: LineRange) => {
    for (let line = range.start; line <= range.end; line++) {
      const quote = truthQuoteAt(line);
      if (quote && !/^\s{0,3}>/.test(draft.lines[line - 1]?.text ?? '')) return true;
    }
    return false;
  };
  const debatableUnmarked = truth.unmarked.filter((u) => u.debatable);
  for (const diagnostic of unmarked) {
    const range = linesOf(diagnostic);
    if (debatableUnmarked.some((u) => overlaps(u.range, range))) continue;
    // On a quote that lost its marks (a forum header above it), "not marked as a quote" is the user's fix
    // either way: counted neither right nor wrong.
    if (!counted(truth.unmarked).some((u) => overlaps(u.range, range)) && quoteWithoutMarks(range)) continue;
    score.unmarkedPrecision.of++;
    if (counted(truth.unmarked).some((u) => overlaps(u.range, range))) score.unmarkedPrecision.hits++;
    else misses.push(`unmarked-quote on ${label(range)} is not a quote that lost its marks`);
  }
  for (const item of counted(truth.unmarked)) {
    score.unmarkedRecall.of++;
    if (unmarked.some((d) => overlaps(item.range, linesOf(d)))) score.unmarkedRecall.hits++;
    else misses.push(`unmarked quote ${label(item.range)} (${item.speaker ?? 'nobody'}) not flagged`);
  }

  const duplicates = diagnostics.filter((d) => DUPLICATE_RULES.has(d.rule));
  const copies = (item: { range: LineRange; of: LineRange }) => [item.range, item.of];
  // A later post quoting an earlier one repeats it by design: a repeat is only counted between copies at
  // the same quote depth, the way the duplicate rules compare (FORMAT.md says so to annotators).
  const depthAt = (line: number) => truthQuoteAt(line)?.depth ?? 0;
  const quotesItsOriginal = (item: { range: LineRange; of: LineRange }) => depthAt(item.range.start) !== depthAt(item.of.start);
  const debatableDuplicates = truth.duplicates.filter((d) => d.debatable || quotesItsOriginal(d)).flatMap(copies);
  const sameLevelDuplicates = counted(truth.duplicates).filter((d) => !quotesItsOriginal(d));
  for (const diagnostic of duplicates) {
    const range = linesOf(diagnostic);
    if (debatableDuplicates.some((copy) => overlaps(copy, range))) continue;
    score.duplicatePrecision.of++;
    if (sameLevelDuplicates.flatMap(copies).some((copy) => overlaps(copy, range))) score.duplicatePrecision.hits++;
    else misses.push(`${diagnostic.rule} on ${label(range)} is not a repeat`);
  }
  for (const item of sameLevelDuplicates) {
    score.duplicateRecall.of++;
    if (duplicates.some((d) => copies(item).some((copy) => overlaps(copy, linesOf(d))))) score.duplicateRecall.hits++;
    else misses.push(`repeat ${label(item.range)} of ${label(item.of)} not flagged`);
  }

  for (const trap of counted(truth.clean)) {
    score.trapsHit.of++;
    const hit = diagnostics.find((d) => (QUOTE_RULES.has(d.rule) || DUPLICATE_RULES.has(d.rule)) && overlaps(trap.range, linesOf(d)));
    if (hit) {
      score.trapsHit.hits++;
      misses.push(`${hit.rule} on ${label(trap.range)}, a trap (${trap.reason})`);
    }
  }
  return score;
}

/** A quote's own lines: not blank, and not inside a quote annotated within it. */
function ownLines(draft: Draft, truth: Truth, quote: TruthQuote): number[] {
  const inner = truth.quotes.filter((other) => other !== quote && other.depth > quote.depth && other.range.start >= quote.range.start && other.range.end <= quote.range.end);
  const lines: number[] = [];
  for (let line = quote.range.start; line <= quote.range.end; line++) {
    if (inner.some((other) => line >= other.range.start && line <= other.range.end)) continue;
    // (Nor a line of bare `[quote…]`/`[/quote]` tags: a closing tag of the inner quote is no word of the outer one.)
    if (/^[\s>]*(?:\[\/?quote\b[^\]]*\][\s>]*)*$/i.test(draft.lines[line - 1]?.text ?? '')) continue;
    lines.push(line);
  }
  if (lines.length > 0) return lines;
  for (let line = quote.range.start; line <= quote.range.end; line++) lines.push(line);
  return lines;
}

function majority<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

export function addScores(scores: readonly ThreadScore[], file: string, family = '', language = ''): ThreadScore {
  const total: ThreadScore = { ...scoreOfNothing(file, family, language) };
  for (const score of scores) {
    for (const { key } of MEASURES) {
      total[key] = { hits: total[key].hits + score[key].hits, of: total[key].of + score[key].of };
    }
  }
  return total;
}

function scoreOfNothing(file: string, family: string, language: string): ThreadScore {
  const zero = () => ({ hits: 0, of: 0 });
  return {
    file,
    family,
    language,
    attribution: zero(),
    detection: zero(),
    unattributedRecall: zero(),
    unattributedPrecision: zero(),
    unmarkedRecall: zero(),
    unmarkedPrecision: zero(),
    duplicateRecall: zero(),
    duplicatePrecision: zero(),
    trapsHit: zero(),
    misses: [],
  };
}

/** The ratio as a fraction, or null when there was nothing to count. */
export function fraction(ratio: Ratio): number | null {
  return ratio.of === 0 ? null : ratio.hits / ratio.of;
}
