// Which paragraphs repeat words quoted earlier in the draft: each paragraph's earliest quote holding all
// of its words, found through the runs of MIN_MATCH_WORDS words the two share, kept for a draft's
// lineage (in its LineageCache) and brought up to date by the edit log.
import { unitChangesSince } from './unitChanges';
import { IntMap } from './intMap';
import { Draft, Unit } from './parse';
import { mix } from './similarity';
import { addToBucket, removeFromBucket, UnitBuckets } from './unitBuckets';
import { containsRun } from './vocabulary';

/** How many words a paragraph must have, and share in a run with a quote, to be looked up. */
export const MIN_MATCH_WORDS = 8;

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
export interface EarliestQuotes {
  /** The draft version the index reflects. */
  generation: number;
  /** Most first runs belong to one paragraph: a unit alone, an array when several paragraphs share it. */
  byFirstRun: UnitBuckets;
  /** Every looked-up paragraph's earliest quote (null: none); absent while it is to be worked out. */
  earliest: Map<Unit, Unit | null>;
  /** The paragraphs that have one, and it: few of a draft's paragraphs, read by unmarked-quote on every lint. */
  found: Map<Unit, Unit>;
}

function setEarliest(index: EarliestQuotes, paragraph: Unit, quote: Unit | null): void {
  index.earliest.set(paragraph, quote);
  if (quote) index.found.set(paragraph, quote);
  else index.found.delete(paragraph);
}

function deleteEarliest(index: EarliestQuotes, paragraph: Unit): void {
  index.earliest.delete(paragraph);
  index.found.delete(paragraph);
}

/** Past this many changed units, looking every quote up again is as quick as replaying the edits. */
const MAX_REPLAYED_UNITS = 50;

/** The index of `draft`: `kept` (that of an earlier version of its lineage) brought up to date, or a new one. */
export function currentEarliestQuotes(kept: EarliestQuotes | undefined, draft: Draft): EarliestQuotes {
  const changes = kept ? unitChangesSince(draft, kept.generation) : null;
  if (kept && changes && changes.removed.length + changes.added.length <= MAX_REPLAYED_UNITS) {
    replay(kept, draft, changes.removed, changes.added);
    return kept;
  }
  const index: EarliestQuotes = { generation: draft.parts.generation, byFirstRun: new IntMap(draft.units.length), earliest: new Map(), found: new Map() };
  for (const unit of draft.units) if (isLookedUp(unit)) addToBucket(index.byFirstRun, runHash(unit.wordIds, 0), unit, true);
  // In document order, the first quote found for a paragraph is its earliest.
  for (const quote of draft.units) {
    if (!isQuoted(quote)) continue;
    forEachParagraphSharingARun(index, quote, (paragraph) => {
      if (!index.earliest.has(paragraph) && quote.index < paragraph.index && containsRun(quote.wordIds, paragraph.wordIds)) setEarliest(index, paragraph, quote);
    });
  }
  for (const unit of draft.units) if (isLookedUp(unit) && !index.earliest.has(unit)) setEarliest(index, unit, null);
  return index;
}

function replay(index: EarliestQuotes, draft: Draft, removed: readonly Unit[], added: readonly Unit[]): void {
  // Paragraphs whose earliest quote is to be looked for again, by a scan once the edits are in.
  const pending = new Set<Unit>();
  for (const unit of removed) {
    if (isLookedUp(unit)) {
      removeFromBucket(index.byFirstRun, runHash(unit.wordIds, 0), unit);
      deleteEarliest(index, unit);
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
  for (const paragraph of pending) deleteEarliest(index, paragraph);
  // A new quote becomes the earliest of a paragraph after it whose earliest came later or was none.
  for (const quote of added) {
    if (!isQuoted(quote)) continue;
    forEachParagraphSharingARun(index, quote, (paragraph) => {
      const current = index.earliest.get(paragraph);
      if (current === undefined || (current !== null && current.index < quote.index)) return;
      if (quote.index < paragraph.index && containsRun(quote.wordIds, paragraph.wordIds)) setEarliest(index, paragraph, quote);
    });
  }
  for (const paragraph of pending) setEarliest(index, paragraph, firstQuoteHolding(draft, paragraph));
  index.generation = draft.parts.generation;
}

/** The first quote before `paragraph` that holds all of its words: a scan, for the few paragraphs an edit touches. */
function firstQuoteHolding(draft: Draft, paragraph: Unit): Unit | null {
  const units = draft.units;
  const words = paragraph.wordIds;
  // A quote shorter than the paragraph cannot hold all of it; the others are searched where their words are.
  for (let i = 0; i < paragraph.index; i++) if (isQuoted(units[i]) && units[i].wordCount >= words.length && units[i].holdsWords(words)) return units[i];
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
