import { Analysis } from './analysis';
import { LineageCache } from './lineageCache';
import { Draft } from './parse';
import { Fix, Range, RelatedInformation, Severity, SeveritySetting } from './types';

export interface RuleOptionSpec {
  type: 'number' | 'boolean' | 'string';
  default: number | boolean | string;
  description: string;
  minimum?: number;
  maximum?: number;
}

export type RuleOptionValues = Record<string, number | boolean | string>;

export interface Finding {
  range: Range;
  message: string;
  related?: RelatedInformation[];
  fixes?: Fix[];
  /** A rule may lower its own severity for weaker evidence; configuration still wins when it says "off". */
  severity?: Severity;
}

export interface RuleContext {
  options: RuleOptionValues;
  /** What the rules share of this draft version (the duplicate index, the source document). */
  analysis: Analysis;
  /** What lints of this draft's lineage keep for the next one: the indexes an edit updates rather than rebuilds. */
  cache: LineageCache;
  /** Whether the draft is a debate draft (debate.ts); a `prose` rule reads documentation more leniently. */
  debate: boolean;
}

/**
 * One rule: metadata as data, and a check that reads the parsed draft (never re-parsing it) and its
 * context. A rule keeps no state of its own between lints: what it keeps is in `context.cache`.
 */
export interface Rule {
  id: string;
  description: string;
  defaultSeverity: SeveritySetting;
  /**
   * `debate`: the rule reads quotes as someone else's words, so it runs only on debate drafts (see
   * debate.ts); `prose`: it reads the writer's own text and runs on any Markdown file.
   */
  scope: 'debate' | 'prose';
  options: Record<string, RuleOptionSpec>;
  check(draft: Draft, context: RuleContext): Finding[];
}
