import { Analysis } from './analysis';
import { LineageCache } from './lineageCache';
import { Draft } from './parse';
import { Finding, RuleOptionValues, SeveritySetting } from './types';

export type { Finding, RuleOptionValues } from './types';

export interface RuleOptionSpec {
  type: 'number' | 'boolean' | 'string';
  default: number | boolean | string;
  description: string;
  minimum?: number;
  maximum?: number;
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
  /**
   * `structure`: the findings depend only on the draft's structure (quotes and their text, attributions,
   * lead-ins, speakers, headings, code, HTML, blank lines, the kind of each paragraph), never on the words of
   * the writer's own paragraphs. After edits of those words alone (most keystrokes), the engine gives the
   * rule's last findings again instead of checking the whole draft. Left out: the rule reads everything.
   */
  reads?: 'structure';
  check(draft: Draft, context: RuleContext): Finding[];
}
