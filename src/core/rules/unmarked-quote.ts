import { unitChangesSince } from '../changes';
import { quoteLinesEdits } from '../edits';
import { IntMap } from '../intMap';
import { mix } from '../similarity';
import { Draft, Unit, UnitMemo } from '../parse';
import { lineRangeLabel } from '../preview/labels';
import { Finding, Rule } from '../rule';
import { firstIndexWhere } from '../search';
import { range } from '../types';
import { addToBucket, removeFromBucket, UnitBuckets } from '../unitBuckets';
import { containsRun } from '../vocabulary';
import { wordIdsOf } from '../words';

// Phrases that end a sentence announcing someone else's words: "… was this argument:", "you wrote that:".
const LEAD_IN_PHRASES = [
  /\b(?:this|that|the following|following|the|your|his|her|their)\s+(?:argument|claim|point|passage|statement|sentence|comment|objection|assertion|quote|paragraph|line|section|reasoning|question|remark|bit|part)s?\s*(?:\([^)]*\))?\s*:\s*$/i,
  /\b(?:you|he|she|they|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:wrote|write|writes|said|say|says|claim|claims|claimed|argue|argues|argued|state|states|stated|suggest|suggests|suggested|assert|asserts|asserted|put it|mention|mentions|mentioned|mean|meant)(?:\s+(?:that|this|the following))?\s*:\s*$/i,
];

const MIN_MATCH_WORDS = 8;

export const unmarkedQuote: Rule = {
  id: 'unmarked-quote',
  description: "Someone else's words pasted without `>`: a paragraph announced by a lead-in (\"this argument:\", \"you wrote:\"), or text found in the source or in an earlier quote.",
  defaultSeverity: 'warning',
  scope: 'debate',
  options: {},
  check(draft, { analysis }) {
    const findings: Finding[] = [];
    const flagged = new Set<Unit>();
    const { inLaterCopy } = analysis.duplicates;
    const isCandidate = (unit: Unit) => (unit.kind === 'paragraph' || unit.kind === 'list-item') && !inLaterCopy.has(unit);
    const leadInLines = new Map(draft.leadIns.filter((leadIn) => leadIn.names === undefined).map((leadIn) => [leadIn.line, leadIn.text]));
    const leadInLineList = [...leadInLines.keys()].sort((a, b) => a - b);

    const flag = (unit: Unit, why: string, firstLine = unit.startLine) => {
      if (flagged.has(unit)) return;
      flagged.add(unit);
      findings.push({
        range: range(firstLine, 0, unit.endLine, draft.lines[unit.endLine].text.length),
        message: `This looks like someone else's words (${why}) but it is not marked as a quote.`,
        fixes: [{ title: 'Mark as a quote', edits: quoteLinesEdits(draft, firstLine, unit.endLine), safe: false }],
      });
    };
    const leadInAt = (unit: Unit, segment: number): string | undefined => {
      const found = leadInLines.size > 0 ? leadInLines.get(unit.segmentLine(segment)) : undefined;
      // Every lead-in phrase ends with a colon: most lines are rejected before the patterns run.
      return found ?? (unit.isProse && endsWithColon(unit.segmentText(segment)) ? leadInPhrase(unit, segment) : undefined);
    };

    // 1. Announced by the paragraph before it, or by a line of its own paragraph ("… You wrote:" + their words).
    const units = draft.units;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      if (!isCandidate(unit)) continue;
      const previous = units[i - 1];
      const before = previous && previous.depth === unit.depth ? leadInAt(previous, previous.segmentCount - 1) : undefined;
      if (before) {
        flag(unit, `introduced by “${shorten(before.trim())}” on ${lineRangeLabel(previous.endLine)}`);
        continue;
      }
      const segment = firstInnerLeadIn(unit, leadInLineList);
      if (segment >= 0) {
        const inside = leadInAt(unit, segment)!;
        const line = unit.segmentLine(segment);
        flag(unit, `introduced by “${shorten(inside.trim())}” on ${lineRangeLabel(line)}`, line + 1);
      }
    }

    // 2. Words found in the source document or in an earlier quote (the earliest such quote of each
    // paragraph is kept in an index that edits update rather than rebuild).
    const source = analysis.source ? sourceWordIds(analysis.source.text) : null;
    const quoted = earliestQuotes(draft);
    for (const unit of units) {
      if (unit.depth > 0 || flagged.has(unit) || !isCandidate(unit) || unit.wordCount < MIN_MATCH_WORDS) continue;
      if (source && containsRun(source, unit.wordIds)) {
        flag(unit, `it appears word for word in ${analysis.source!.path}`);
        continue;
      }
      const earliest = quoted.earliest.get(unit);
      if (earliest) flag(unit, `it repeats words quoted at ${lineRangeLabel(earliest.startLine)}`);
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line);
  },
};

/** Whether the line ends with a colon (and white space): allocation-free, as it runs on every paragraph's last line. */
function endsWithColon(text: string): boolean {
  for (let end = text.length - 1; end >= 0; end--) {
    const code = text.charCodeAt(end);
    if (code === 32 || code === 9) continue;
    if (code < 128) return code === 58; // ':'
    if (!/\s/.test(text[end])) return false;
  }
  return false;
}

/** The lead-in phrase each line of the unit ends with (null where none): matched once per unit. */
const LEAD_IN_PHRASES_OF = new UnitMemo((unit) =>
  Array.from({ length: unit.segmentCount }, (_, segment) => {
    const text = unit.segmentText(segment).trim();
    return (text.endsWith(':') && LEAD_IN_PHRASES.map((pattern) => pattern.exec(text)?.[0]).find(Boolean)) || null;
  }),
);

function leadInPhrase(unit: Unit, segment: number): string | undefined {
  return unit.memo(LEAD_IN_PHRASES_OF)[segment] ?? undefined;
}

/**
 * The first line but the last of a paragraph that is a lead-in (one the parser found, or one ending with
 * a lead-in phrase), as a segment index; -1 when there is none. Every paragraph asks on every lint, so
 * the parser's lead-ins (`leadInLines`, ascending) are bisected rather than looked up line by line: a
 * paragraph's lines are consecutive, so segment i is line startLine + i. Phrases are only matched on
 * lines ending with a colon, once per paragraph (LEAD_IN_PHRASES_OF).
 */
function firstInnerLeadIn(unit: Unit, leadInLines: readonly number[]): number {
  let parsed = -1;
  if (leadInLines.length > 0) {
    const at = firstIndexWhere(leadInLines.length, (k) => leadInLines[k] >= unit.startLine);
    if (at < leadInLines.length) parsed = leadInLines[at] - unit.startLine;
  }
  const inner = unit.segmentCount - 1;
  const end = parsed >= 0 && parsed < inner ? parsed : inner;
  for (let segment = 0; segment < end; segment++) {
    if (endsWithColon(unit.segmentText(segment)) && leadInPhrase(unit, segment)) return segment;
  }
  return end < inner ? end : -1;
}

/** Paragraphs written outside quotes that are long enough to be looked up. */
function isLookedUp(unit: Unit): boolean {
  return unit.depth === 0 && (unit.kind === 'paragraph' || unit.kind === 'list-item') && unit.wordCount >= MIN_MATCH_WORDS;
}

function isQuoted(unit: Unit): boolean {
  return unit.depth > 0 && unit.isProse;
}

/**
 * Each paragraph's earliest quote holding all of its words, kept across edits of the same draft. Only
 * the paragraphs are indexed, by the hash of their first MIN_MATCH_WORDS words, and each quote's runs
 * are looked up in it: a few thousand entries where an index of every quoted run held fifty thousand
 * for a 1 MB draft. Paragraphs keep their order across edits, so a paragraph's earliest quote changes
 * only when a quote holding its first run comes or goes.
 */
interface EarliestQuotes {
  /** The draft version the index reflects. */
  generation: number;
  /** Most first runs belong to one paragraph: a unit alone, an array when several paragraphs share it. */
  byFirstRun: UnitBuckets;
  /** Every looked-up paragraph's earliest quote (null: none); absent while it is to be worked out. */
  earliest: Map<Unit, Unit | null>;
}

const earliestIndexes = new WeakMap<object, EarliestQuotes>();

/** Past this many changed units, looking every quote up again is as quick as replaying the edits. */
const MAX_REPLAYED_UNITS = 50;

function earliestQuotes(draft: Draft): EarliestQuotes {
  const kept = earliestIndexes.get(draft.parts.carry);
  const changes = kept ? unitChangesSince(draft, kept.generation) : null;
  if (kept && changes && changes.removed.length + changes.added.length <= MAX_REPLAYED_UNITS) {
    replay(kept, draft, changes.removed, changes.added);
    return kept;
  }
  const index: EarliestQuotes = { generation: draft.parts.generation, byFirstRun: new IntMap(draft.units.length), earliest: new Map() };
  for (const unit of draft.units) if (isLookedUp(unit)) addToBucket(index.byFirstRun, runHash(unit.wordIds, 0), unit, true);
  // In document order, the first quote found for a paragraph is its earliest.
  for (const quote of draft.units) {
    if (!isQuoted(quote)) continue;
    forEachParagraphSharingARun(index, quote, (paragraph) => {
      if (!index.earliest.has(paragraph) && quote.index < paragraph.index && containsRun(quote.wordIds, paragraph.wordIds)) index.earliest.set(paragraph, quote);
    });
  }
  for (const unit of draft.units) if (isLookedUp(unit) && !index.earliest.has(unit)) index.earliest.set(unit, null);
  earliestIndexes.set(draft.parts.carry, index);
  return index;
}

function replay(index: EarliestQuotes, draft: Draft, removed: readonly Unit[], added: readonly Unit[]): void {
  // Paragraphs whose earliest quote is to be looked for again, by a scan once the edits are in.
  const pending = new Set<Unit>();
  for (const unit of removed) {
    if (isLookedUp(unit)) {
      removeFromBucket(index.byFirstRun, runHash(unit.wordIds, 0), unit);
      index.earliest.delete(unit);
      pending.delete(unit);
    } else if (isQuoted(unit)) {
      forEachParagraphSharingARun(index, unit, (paragraph) => {
        if (index.earliest.get(paragraph) === unit) pending.add(paragraph);
      });
    }
  }
  for (const unit of added) {
    if (!isLookedUp(unit)) continue;
    addToBucket(index.byFirstRun, runHash(unit.wordIds, 0), unit, false);
    pending.add(unit);
  }
  for (const paragraph of pending) index.earliest.delete(paragraph);
  // A new quote becomes the earliest of a paragraph after it whose earliest came later or was none.
  for (const quote of added) {
    if (!isQuoted(quote)) continue;
    forEachParagraphSharingARun(index, quote, (paragraph) => {
      const current = index.earliest.get(paragraph);
      if (current === undefined || (current !== null && current.index < quote.index)) return;
      if (quote.index < paragraph.index && containsRun(quote.wordIds, paragraph.wordIds)) index.earliest.set(paragraph, quote);
    });
  }
  for (const paragraph of pending) index.earliest.set(paragraph, firstQuoteHolding(draft, paragraph));
  index.generation = draft.parts.generation;
}

/** The first quote before `paragraph` that holds all of its words: a scan, for the few paragraphs an edit touches. */
function firstQuoteHolding(draft: Draft, paragraph: Unit): Unit | null {
  const units = draft.units;
  for (let i = 0; i < paragraph.index; i++) if (isQuoted(units[i]) && containsRun(units[i].wordIds, paragraph.wordIds)) return units[i];
  return null;
}

/** Calls `visit` for each looked-up paragraph whose first run occurs in the quote (possibly more than once). */
function forEachParagraphSharingARun(index: EarliestQuotes, quote: Unit, visit: (paragraph: Unit) => void): void {
  const ids = quote.wordIds;
  for (let start = 0; start + MIN_MATCH_WORDS <= ids.length; start++) {
    const found = index.byFirstRun.get(runHash(ids, start));
    if (found === undefined) continue;
    if (Array.isArray(found)) for (const paragraph of found) visit(paragraph);
    else visit(found);
  }
}

/** A number for the MIN_MATCH_WORDS words from `start` (collisions are checked by the word compare after). */
function runHash(ids: Int32Array, start: number): number {
  let hash = 0x27d4eb2d;
  for (let i = start; i < start + MIN_MATCH_WORDS; i++) hash = mix(hash, ids[i]);
  return hash | 0; // int32: small integers to V8, so Map keys need no boxing
}

let lastSource: { text: string; ids: Int32Array } | undefined;

/** The source's words, remembered while the same source text comes back. */
function sourceWordIds(text: string): Int32Array {
  if (lastSource?.text !== text) lastSource = { text, ids: wordIdsOf(text) };
  return lastSource.ids;
}

function shorten(text: string): string {
  return text.length > 50 ? `…${text.slice(-47)}` : text;
}
