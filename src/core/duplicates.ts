import { Draft, Unit } from './parse';
import { firstIndexWhere } from './search';

/** A run of paragraphs that repeats an earlier run (paragraphs may be missing from either copy). */
export interface RepeatedBlock {
  /** Every unit from the first to the last repeated paragraph of the later copy, in order. */
  later: Unit[];
  /** Each repeated paragraph of the later copy, with its twin in the earlier copy. */
  pairs: Array<{ later: Unit; earlier: Unit }>;
  earlierStart: Unit;
  earlierEnd: Unit;
}

export interface DuplicateIndexOptions {
  /** How many paragraphs either copy may lack between two repeated ones. */
  maxGap: number;
  minParagraphs: number;
  /** Total normalised characters a block must repeat, so two "Thanks!" lines are not a block. */
  minCharacters: number;
  /** How long a repeated paragraph must be to count towards minParagraphs ("Thanks!" does not). */
  substantialCharacters: number;
}

export const DEFAULT_DUPLICATE_INDEX_OPTIONS: DuplicateIndexOptions = { maxGap: 2, minParagraphs: 2, minCharacters: 80, substantialCharacters: 30 };

export interface DuplicateIndex {
  /** Prose units with their normalised text, grouped: equal keys are the same paragraph. */
  byText: ReadonlyMap<string, readonly Unit[]>;
  blocks: readonly RepeatedBlock[];
  /** Units inside the later copy of a repeated block: one finding covers them all. */
  inLaterCopy: ReadonlySet<Unit>;
}

export function isComparable(unit: Unit): boolean {
  return unit.isProse && unit.normalized.length > 0;
}

/** Candidates for the earlier twin: only the few most recent copies are tried, which keeps this linear. */
const MAX_START_CANDIDATES = 8;

export function buildDuplicateIndex(draft: Draft, options: DuplicateIndexOptions = DEFAULT_DUPLICATE_INDEX_OPTIONS): DuplicateIndex {
  const prose = draft.units.filter(isComparable);
  const byText = new Map<string, Unit[]>();
  const positions = new Map<string, number[]>();
  // Positions of each text, in document order (so binary search finds the next twin).
  const twins: number[][] = new Array(prose.length);
  prose.forEach((unit, position) => {
    // Keyed by the cached normalised string itself (its hash is cached too): no per-lint key building.
    const key = unit.normalized;
    const list = positions.get(key);
    if (list) {
      list.push(position);
      byText.get(key)!.push(unit);
    } else {
      positions.set(key, [position]);
      byText.set(key, [unit]);
    }
    twins[position] = positions.get(key)!;
  });
  // Paragraphs at different quote depths are not copies of each other: split such groups by depth.
  for (const [key, list] of positions) {
    const units = byText.get(key)!;
    if (list.length < 2 || units.every((unit) => unit.depth === units[0].depth)) continue;
    byText.delete(key);
    for (const depth of new Set(units.map((unit) => unit.depth))) {
      const same = list.filter((position) => prose[position].depth === depth);
      byText.set(`${depth}\u0000${key}`, same.map((position) => prose[position]));
      for (const position of same) twins[position] = same;
    }
  }

  const extend = (start: number, twin: number): Array<[number, number]> => {
    const pairs: Array<[number, number]> = [[start, twin]];
    let lastLater = start;
    let lastEarlier = twin;
    for (let k = start + 1; k < prose.length && k - lastLater <= options.maxGap + 1; k++) {
      const candidates = twins[k];
      if (candidates.length < 2) continue;
      const match = candidates[firstAbove(candidates, lastEarlier)];
      if (match === undefined || match >= start || match - lastEarlier > options.maxGap + 1) continue;
      pairs.push([k, match]);
      lastLater = k;
      lastEarlier = match;
    }
    return pairs;
  };

  const blocks: RepeatedBlock[] = [];
  const inLaterCopy = new Set<Unit>();
  for (let i = 0; i < prose.length; i++) {
    const own = twins[i];
    if (own.length < 2 || own[0] >= i) continue;
    const before = firstAbove(own, i - 1);
    const earlier = own.slice(Math.max(0, before - MAX_START_CANDIDATES), before);
    let best: Array<[number, number]> | null = null;
    for (const twin of earlier) {
      const pairs = extend(i, twin);
      if (!best || pairs.length > best.length) best = pairs;
    }
    if (!best || best.filter(([later]) => prose[later].normalized.length >= options.substantialCharacters).length < options.minParagraphs) continue;
    const characters = best.reduce((sum, [later]) => sum + prose[later].normalized.length, 0);
    if (characters < options.minCharacters) continue;
    const lastLater = best[best.length - 1][0];
    const first = prose[i];
    const last = prose[lastLater];
    const later = draft.units.slice(first.index, last.index + 1);
    blocks.push({
      later,
      pairs: best.map(([l, e]) => ({ later: prose[l], earlier: prose[e] })),
      earlierStart: prose[best[0][1]],
      earlierEnd: prose[best[best.length - 1][1]],
    });
    for (const unit of later) inLaterCopy.add(unit);
    i = lastLater;
  }
  return { byText, blocks, inLaterCopy };
}

/** Index of the first element of the ascending list that is greater than `value` (list length if none). */
function firstAbove(list: readonly number[], value: number): number {
  return firstIndexWhere(list.length, (index) => list[index] > value);
}
