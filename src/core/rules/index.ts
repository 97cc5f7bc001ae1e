import { Rule } from '../rule';
import { duplicateBlock } from './duplicate-block';
import { duplicateParagraph } from './duplicate-paragraph';
import { lostParagraphBreaks } from './lost-paragraph-breaks';
import { misquote } from './misquote';
import { nearDuplicateParagraph } from './near-duplicate-paragraph';
import { repeatedWords } from './repeated-words';
import { replyInsideQuote } from './reply-inside-quote';
import { unansweredQuote } from './unanswered-quote';
import { unattributedQuote } from './unattributed-quote';
import { unmarkedQuote } from './unmarked-quote';

/** Every rule, in the order their fixes are preferred when two fixes touch the same text. */
export const RULES: readonly Rule[] = [
  duplicateBlock,
  duplicateParagraph,
  nearDuplicateParagraph,
  unattributedQuote,
  unmarkedQuote,
  misquote,
  repeatedWords,
  lostParagraphBreaks,
  replyInsideQuote,
  unansweredQuote,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
