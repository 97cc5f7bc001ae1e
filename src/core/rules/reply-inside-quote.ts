import { Draft, Unit } from '../parse';
import { Finding, Rule } from '../rule';
import { range } from '../types';

export const replyInsideQuote: Rule = {
  id: 'reply-inside-quote',
  description: 'A reply written directly under a quote, with no blank line between: Markdown shows it as part of the quote.',
  defaultSeverity: 'warning',
  scope: 'debate',
  options: {},
  check(draft, { cache }) {
    const findings: Finding[] = [];
    const { lines } = draft;
    for (const unit of cache.unitsWhere(draft, opensOnReplyInQuote)) {
      const line = unit.startLine;
      const end = lines[line - 1].text.length;
      findings.push({
        range: range(line, 0, line, lines[line].text.length),
        message: 'This reply has no blank line above it, so Markdown shows it inside the quote.',
        fixes: [{ title: 'Insert a blank line between the quote and the reply', edits: [{ range: range(line - 1, end, line - 1, end), newText: '\n' }], safe: true }],
      });
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line);
  },
};

/**
 * Whether the unit starts on a reply written right under a quote line. Such a line always starts a unit (the
 * quote depth changes there), so the units that do are all of them; an edit that changes whether a line is
 * one parses that line again, replacing its unit.
 */
function opensOnReplyInQuote(unit: Unit, draft: Draft): boolean {
  return draft.lineInfo[unit.startLine].replyInQuote;
}
