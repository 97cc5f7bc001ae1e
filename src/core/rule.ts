import { Analysis } from './analysis';
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
  analysis: Analysis;
  /** Whether the draft is a debate draft (debate.ts); a `prose` rule reads documentation more leniently. */
  debate: boolean;
}

/** One rule: metadata as data, and a check that reads the parsed draft and never re-parses it. */
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
