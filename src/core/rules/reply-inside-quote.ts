import { Finding, Rule } from '../rule';
import { range } from '../types';

export const replyInsideQuote: Rule = {
  id: 'reply-inside-quote',
  description: 'A reply written directly under a quote, with no blank line between: Markdown shows it as part of the quote.',
  defaultSeverity: 'warning',
  scope: 'debate',
  options: {},
  check(draft) {
    const findings: Finding[] = [];
    const { lineInfo, lines } = draft;
    for (let line = 1; line < lineInfo.length; line++) {
      if (!lineInfo[line].replyInQuote) continue;
      const end = lines[line - 1].text.length;
      findings.push({
        range: range(line, 0, line, lines[line].text.length),
        message: 'This reply has no blank line above it, so Markdown shows it inside the quote.',
        fixes: [{ title: 'Insert a blank line between the quote and the reply', edits: [{ range: range(line - 1, end, line - 1, end), newText: '\n' }], safe: true }],
      });
    }
    return findings;
  },
};
