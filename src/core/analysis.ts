import { DuplicateIndex } from './duplicates';
import { LineageCache } from './lineageCache';
import { Draft } from './parse';

/** The text that quotes are checked against (front matter `source:` or configuration). */
export interface SourceDocument {
  /** The path as the draft or configuration names it. */
  path: string;
  text: string;
}

/**
 * What several rules read of one draft version, worked out at most once per lint and only when a rule
 * asks. What outlives the lint is in `cache`, the draft lineage's LineageCache.
 */
export class Analysis {
  private duplicateIndex?: DuplicateIndex;

  constructor(
    readonly draft: Draft,
    readonly source: SourceDocument | null,
    readonly cache: LineageCache,
  ) {}

  /** Repeated paragraphs and blocks of this version. */
  get duplicates(): DuplicateIndex {
    this.duplicateIndex ??= this.cache.duplicateIndex(this.draft);
    return this.duplicateIndex;
  }
}
