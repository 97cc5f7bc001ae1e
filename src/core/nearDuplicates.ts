// Which paragraphs are nearly the same as an earlier one: MinHash buckets of each paragraph's words, and
// each paragraph's best earlier match, kept for a draft's lineage (in its LineageCache) and brought up
// to date by the edit log.
import { unitChangesSince } from './unitChanges';
import { IntMap } from './intMap';
import { Draft, Unit, UnitMemo } from './parse';
import { positionInDocument } from './search';
import { bandKeys, BANDS_PER_PARAGRAPH, idSimilarity, minHashSignature, similarityBound, writeBandKeysOf } from './similarity';
import { addToBucket, removeFromBucket, UnitBuckets } from './unitBuckets';

const MAX_PER_BUCKET = 8;
const MAX_COMPARISONS = 8;
/**
 * A paragraph's MinHash band keys, kept for the paragraphs an edit has made the index look at again. A
 * full build works them out for every paragraph without keeping them: 190 bytes a paragraph, for keys
 * that most paragraphs never need again.
 */
const BANDS = new UnitMemo(bandsOf);

function bandsOf(unit: Unit): number[] {
  return bandKeys(minHashSignature(unit.wordIds));
}

/** Past this many paragraphs added or removed since the last lint, building the index afresh is simpler. */
const MAX_INCREMENTAL_CHANGES = 200;

export interface Match {
  earlier: Unit;
  similarity: number;
}

/**
 * The MinHash buckets and each paragraph's best earlier match, kept from one lint of a draft to the
 * next (edits reuse paragraphs), so an edit re-compares only the paragraphs whose buckets it touched.
 */
export interface NearDuplicateIndex {
  settings: string;
  /** The draft version the index reflects, and that version's later copies of repeated blocks (not candidates). */
  generation: number;
  inLaterCopy: ReadonlySet<Unit>;
  /** Units by MinHash band, in document order; most bands hold one unit, kept without an array. */
  buckets: UnitBuckets;
  /** Every candidate paragraph's best earlier match (null: none). */
  best: Map<Unit, Match | null>;
  /** The paragraphs that have a match, and it: few of a draft's paragraphs, read by the rule on every lint. */
  matches: Map<Unit, Match>;
  /** For each paragraph that is some paragraph's match, those paragraphs (an edit that removes it re-matches them). */
  matchedBy: Map<Unit, Set<Unit>>;
}

/** Records a paragraph's best match (or that it has none), keeping `matches` and `matchedBy` in step. */
function setBest(index: NearDuplicateIndex, unit: Unit, match: Match | null): void {
  forgetMatch(index, unit);
  index.best.set(unit, match);
  if (!match) return;
  index.matches.set(unit, match);
  let by = index.matchedBy.get(match.earlier);
  if (!by) index.matchedBy.set(match.earlier, (by = new Set()));
  by.add(unit);
}

function forgetMatch(index: NearDuplicateIndex, unit: Unit): void {
  const old = index.matches.get(unit);
  if (!old) return;
  index.matches.delete(unit);
  const by = index.matchedBy.get(old.earlier);
  if (by?.delete(unit) && by.size === 0) index.matchedBy.delete(old.earlier);
}

/**
 * The most similar of the paragraphs before `unit` that share at least two MinHash bands with it (one
 * shared band is mostly chance), looking only at the most recent few of each bucket: templated text
 * fills buckets with thousands of entries, and comparing with all of them would be quadratic.
 */
function bestEarlierMatch(unit: Unit, index: NearDuplicateIndex, threshold: number): Match | null {
  return bestMatchInBuckets(unit, unit.memo(BANDS).map((band) => index.buckets.get(band)!), 0, threshold);
}

/** `bestEarlierMatch` given the unit's buckets, buckets[from..from + BANDS_PER_PARAGRAPH). */
function bestMatchInBuckets(unit: Unit, buckets: readonly (Unit | Unit[])[], from: number, threshold: number): Match | null {
  // Earlier paragraphs met in the unit's buckets and how many buckets each shares: a few dozen at most,
  // so two short arrays searched in place: a Map and its sorted entries for every paragraph would be garbage.
  let met: Unit[] | null = null;
  let shared: number[] | null = null;
  for (let b = from; b < from + BANDS_PER_PARAGRAPH; b++) {
    const bucket = buckets[b];
    if (!Array.isArray(bucket)) continue; // the unit alone
    const at = positionInDocument(bucket, unit.index);
    for (let k = at - 1; k >= Math.max(0, at - MAX_PER_BUCKET); k--) {
      met ??= [];
      shared ??= [];
      const seen = met.indexOf(bucket[k]);
      if (seen >= 0) shared[seen]++;
      else {
        met.push(bucket[k]);
        shared.push(1);
      }
    }
  }
  if (!met || !shared) return null;
  // Most shared buckets first, then the nearest paragraph; one shared bucket is mostly chance.
  const ranked: number[] = [];
  for (let i = 0; i < met.length; i++) if (shared[i] >= 2) ranked.push(i);
  ranked.sort((x, y) => shared[y] - shared[x] || met[y].index - met[x].index);
  let best: Match | null = null;
  for (const i of ranked.slice(0, MAX_COMPARISONS)) {
    const other = met[i];
    if (other.depth !== unit.depth || other.sameNormalized(unit)) continue;
    if (similarityBound(unit.wordCount, other.wordCount) < threshold) continue;
    const similarity = idSimilarity(unit.wordIds, other.wordIds);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { earlier: other, similarity };
  }
  return best;
}

function build(draft: Draft, isCandidate: (unit: Unit) => boolean, inLaterCopy: ReadonlySet<Unit>, settings: string, threshold: number): NearDuplicateIndex {
  const candidates = draft.units.filter(isCandidate);
  const buckets: UnitBuckets = new IntMap(candidates.length * BANDS_PER_PARAGRAPH);
  const index: NearDuplicateIndex = { settings, generation: draft.parts.generation, inLaterCopy, buckets, best: new Map(), matches: new Map(), matchedBy: new Map() };
  // Every candidate's band keys in one array: an array each would be as many small objects as paragraphs.
  const bands = new Int32Array(candidates.length * BANDS_PER_PARAGRAPH);
  candidates.forEach((unit, i) => writeBandKeysOf(unit.wordIds, bands, i * BANDS_PER_PARAGRAPH));
  // Built in document order, a bucket holds only earlier paragraphs when one joins it: a paragraph that
  // joins fewer than two non-empty buckets shares fewer than two with any earlier one, and has no match
  // without looking (most paragraphs). The bucket each band went into is kept, so the search below need
  // not look it up again: in a long draft's index each lookup misses the processor's cache.
  const sharedBuckets = new Uint8Array(candidates.length);
  const bucketOfBand = new Array<Unit | Unit[]>(bands.length);
  candidates.forEach((unit, i) => {
    for (let b = i * BANDS_PER_PARAGRAPH; b < (i + 1) * BANDS_PER_PARAGRAPH; b++) {
      const bucket = (bucketOfBand[b] = addToBucket(index.buckets, bands[b], unit, true));
      if (bucket !== unit && sharedBuckets[i] < 2) sharedBuckets[i]++;
    }
  });
  candidates.forEach((unit, i) => setBest(index, unit, sharedBuckets[i] < 2 ? null : bestMatchInBuckets(unit, bucketOfBand, i * BANDS_PER_PARAGRAPH, threshold)));
  return index;
}

/**
 * Brings the index up to the draft's paragraphs: the edits since its version (from the draft's log) and
 * the paragraphs that entered or left a repeated block's later copy. Only paragraphs sharing a bucket
 * with a change are re-compared. False when too much changed to be worth it.
 */
function update(index: NearDuplicateIndex, draft: Draft, isCandidate: (unit: Unit) => boolean, inLaterCopy: ReadonlySet<Unit>, threshold: number): boolean {
  const changes = unitChangesSince(draft, index.generation);
  if (!changes || changes.removed.length + changes.added.length > MAX_INCREMENTAL_CHANGES) return false;
  const gone = new Set(changes.removed);
  const removed = changes.removed.filter((unit) => index.best.has(unit));
  const added = changes.added.filter(isCandidate);
  // (The duplicate index kept from the last lint gives the same set: nothing entered or left a later copy.)
  if (inLaterCopy !== index.inLaterCopy) {
    for (const unit of inLaterCopy) if (!index.inLaterCopy.has(unit) && index.best.has(unit)) removed.push(unit);
    for (const unit of index.inLaterCopy) if (!inLaterCopy.has(unit) && !gone.has(unit) && isCandidate(unit)) added.push(unit);
  }
  index.generation = draft.parts.generation;
  index.inLaterCopy = inLaterCopy;
  if (removed.length === 0 && added.length === 0) return true;

  // A paragraph's match is read from the MAX_PER_BUCKET paragraphs before it in each of its buckets: a
  // paragraph that leaves or joins a bucket changes the match of at most the MAX_PER_BUCKET after it there
  // (the bucket's other paragraphs read the same ones as before, and are not looked at again).
  const stale = new Set<Unit>(added);
  const markAfter = (bucket: readonly Unit[], from: number) => {
    for (let k = from; k < bucket.length && k < from + MAX_PER_BUCKET; k++) stale.add(bucket[k]);
  };
  for (const unit of removed) {
    for (const band of unit.memo(BANDS)) {
      const bucket = index.buckets.get(band);
      if (Array.isArray(bucket)) markAfter(bucket, bucket.indexOf(unit) + 1);
      removeFromBucket(index.buckets, band, unit);
    }
    forgetMatch(index, unit);
    index.best.delete(unit);
  }
  for (const unit of added) {
    for (const band of unit.memo(BANDS)) {
      const bucket = addToBucket(index.buckets, band, unit, false);
      if (Array.isArray(bucket)) markAfter(bucket, bucket.indexOf(unit) + 1);
    }
  }
  // A paragraph removed after another in the same bucket was marked before it left.
  for (const unit of removed) stale.delete(unit);
  // And so may every paragraph whose match was removed.
  for (const unit of removed) {
    const by = index.matchedBy.get(unit);
    if (by) for (const other of by) stale.add(other);
  }
  for (const unit of stale) setBest(index, unit, bestEarlierMatch(unit, index, threshold));
  return true;
}

/**
 * The index of `draft`: `kept` (that of an earlier version of its lineage, for the same settings) brought
 * up to date, or a new one. `isCandidate` says which paragraphs are compared at all.
 */
export function currentNearDuplicateIndex(kept: NearDuplicateIndex | undefined, draft: Draft, isCandidate: (unit: Unit) => boolean, inLaterCopy: ReadonlySet<Unit>, threshold: number, minWords: number): NearDuplicateIndex {
  const settings = `${threshold}/${minWords}`;
  if (kept && kept.settings === settings && update(kept, draft, isCandidate, inLaterCopy, threshold)) return kept;
  return build(draft, isCandidate, inLaterCopy, settings, threshold);
}
