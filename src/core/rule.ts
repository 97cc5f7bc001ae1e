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
}

/** One rule: metadata as data, and a check that reads the parsed draft and never re-parses it. */
export interface Rule {
  id: string;
  description: string;
  defaultSeverity: SeveritySetting;
  options: Record<string, RuleOptionSpec>;
  check(draft: Draft, context: RuleContext): Finding[];
}
