import { buildDuplicateIndex, DuplicateIndex } from './duplicates';
import { Draft } from './parse';

/** The text that quotes are checked against (front matter `source:` or configuration). */
export interface SourceDocument {
  /** The path as the draft or configuration names it. */
  path: string;
  text: string;
}

/**
 * Indexes several rules share, each built at most once per draft version and only when a rule asks.
 */
export class Analysis {
  private duplicateIndex?: DuplicateIndex;

  constructor(
    readonly draft: Draft,
    readonly source: SourceDocument | null,
  ) {}

  get duplicates(): DuplicateIndex {
    this.duplicateIndex ??= buildDuplicateIndex(this.draft);
    return this.duplicateIndex;
  }
}
