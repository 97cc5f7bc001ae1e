// What one lint of a draft leaves for the next lint of the same draft lineage (and one preview build for
// the next): the draft and its edited successors, which share `draft.parts.carry`. Everything here is
// worked out from a draft and could be worked out again; it is kept because a keystroke changes a
// paragraph or two, and each index here replays the edit log (unitChangesSince) instead of reading the
// whole draft again. This is the one place that state outlives a lint: rules read it through their
// context (RuleContext.cache) and keep none of their own.
import { currentDuplicateIndex, currentTextGroups, DuplicateIndex, KeptDuplicateIndex, TextGroups } from './duplicates';
import { DraftCarry } from './model';
import { currentNearDuplicateIndex, NearDuplicateIndex } from './nearDuplicates';
import { Draft, Unit } from './parse';
import { currentEarliestQuotes, EarliestQuotes } from './quotedRuns';
import { Diagnostic, Finding, RuleOptionValues } from './types';
import { unitChangesSince } from './unitChanges';
import { idsOfText } from './words';

/**
 * A test of one unit that reads nothing but the unit and, for its own lines, the draft: its answer holds while
 * the unit does (an edit that changes those lines replaces the unit).
 */
export type UnitTest = (unit: Unit, draft: Draft) => boolean;

/** What near-duplicate-paragraph says changed between a paragraph and its earlier near copy. */
export interface NearCopyChange {
  earlier: Unit;
  /** The change described ("“a” became “b”"). */
  text: string;
  /** The words the earlier copy has and this one lacks, and the other way round. */
  removed: string[];
  added: string[];
}

/** A quote's own words as the preview shows them (preview/viewModel.ts). */
export interface RenderedExcerpt {
  html: string;
  textHash: string;
}

/** A structure rule's findings on the draft version `generation`, checked with these options and debate decision. */
export interface StructureFindings {
  generation: number;
  options: RuleOptionValues;
  debate: boolean;
  findings: readonly Finding[];
}

export class LineageCache {
  private textGroups?: TextGroups;
  private duplicates?: KeptDuplicateIndex;
  private nearDuplicates?: NearDuplicateIndex;
  private quotedRuns?: EarliestQuotes;
  private source?: { text: string; ids: Int32Array };
  private unitSets = new Map<UnitTest, { generation: number; units: Set<Unit> }>();

  /** Each paragraph's described change from its near copy, by paragraph (the word diff is quadratic). */
  readonly nearCopyChanges = new WeakMap<Unit, NearCopyChange>();

  /** The last findings of each rule that reads only the draft's structure (Rule.reads), with what they were found for. */
  readonly structureFindings = new Map<string, StructureFindings>();

  /** The diagnostic made of each finding, for a finding a rule gives again on a later lint (engine.ts). */
  readonly diagnosticOf = new WeakMap<Finding, Diagnostic>();

  /** Quotes' own words rendered by the last view model built, by their text, for the next one to reuse. */
  quoteExcerpts = new Map<string, RenderedExcerpt>();

  /** Comparable paragraphs grouped by normalised text, up to date for `draft` (the duplicate index reads them). */
  duplicateGroups(draft: Draft): TextGroups {
    this.textGroups = currentTextGroups(this.textGroups, draft);
    return this.textGroups;
  }

  /** The repeated paragraphs and blocks of `draft` (see duplicates.ts), kept while its repeats stay as they were. */
  duplicateIndex(draft: Draft): DuplicateIndex {
    this.duplicates = currentDuplicateIndex(this.duplicates, draft, this.duplicateGroups(draft));
    return this.duplicates.index;
  }

  /** The near-duplicate index of `draft` for these settings (see nearDuplicates.ts). */
  nearDuplicateIndex(draft: Draft, isCandidate: (unit: Unit) => boolean, inLaterCopy: ReadonlySet<Unit>, threshold: number, minWords: number): NearDuplicateIndex {
    this.nearDuplicates = currentNearDuplicateIndex(this.nearDuplicates, draft, isCandidate, inLaterCopy, threshold, minWords);
    return this.nearDuplicates;
  }

  /**
   * The units of `draft` that `test` accepts, in no particular order. A rule that finds something in few
   * units reads these instead of walking every unit on every keystroke (on a long draft each such walk costs
   * the editor a third of a millisecond, its memory no longer in the processor's caches): only the units an
   * edit added are tested.
   */
  unitsWhere(draft: Draft, test: UnitTest): ReadonlySet<Unit> {
    const kept = this.unitSets.get(test);
    if (kept?.generation === draft.parts.generation) return kept.units;
    const changes = kept ? unitChangesSince(draft, kept.generation) : null;
    if (kept && changes) {
      for (const unit of changes.removed) kept.units.delete(unit);
      for (const unit of changes.added) if (test(unit, draft)) kept.units.add(unit);
      kept.generation = draft.parts.generation;
      return kept.units;
    }
    const units = new Set<Unit>();
    for (const unit of draft.units) if (test(unit, draft)) units.add(unit);
    this.unitSets.set(test, { generation: draft.parts.generation, units });
    return units;
  }

  /** Each paragraph's earliest quote holding all of its words, up to date for `draft` (see quotedRuns.ts). */
  earliestQuotes(draft: Draft): EarliestQuotes {
    this.quotedRuns = currentEarliestQuotes(this.quotedRuns, draft);
    return this.quotedRuns;
  }

  /** The source document's words, remembered while the same source text comes back. */
  sourceWordIds(text: string): Int32Array {
    if (this.source?.text !== text) this.source = { text, ids: idsOfText(text) };
    return this.source.ids;
  }
}

// The carry is typed in model.ts, which cannot name LineageCache without importing the indexes that
// read the model: the cache is found by its carry instead of kept on it.
const cacheOfLineage = new WeakMap<DraftCarry, LineageCache>();

/** The cache of the lineage `draft` belongs to, made with the lineage's first lint. */
export function lineageCacheOf(draft: Draft): LineageCache {
  let cache = cacheOfLineage.get(draft.parts.carry);
  if (!cache) cacheOfLineage.set(draft.parts.carry, (cache = new LineageCache()));
  return cache;
}
