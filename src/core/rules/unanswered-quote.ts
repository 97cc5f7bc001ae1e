import { lineLabel } from '../edits';
import { Finding, Rule } from '../rule';
import { TreeNode } from '../thread';
import { range } from '../types';

export const unansweredQuote: Rule = {
  id: 'unanswered-quote',
  description: 'A quoted passage has no reply after it: a point you quoted but did not answer.',
  defaultSeverity: 'information',
  options: {
    maxDepth: { type: 'number', default: 1, minimum: 1, maximum: 6, description: 'Deepest quote level checked (1: only the quotes you answer directly).' },
  },
  check(draft, { analysis, options }) {
    const maxDepth = options.maxDepth as number;
    const findings: Finding[] = [];
    const visit = (node: TreeNode) => {
      const quotes = node.children.filter((child) => child.kind === 'quote');
      quotes.forEach((quote, i) => {
        if (quote.depth <= maxDepth && !quote.children.some((child) => child.kind === 'reply') && !continuesIn(quote, quotes[i + 1], draft.lineInfo)) {
          const line = quote.range.startLine;
          const who = quote.speaker ? ` from ${quote.speaker}${quote.inferred ? ' (inferred)' : ''}` : '';
          findings.push({
            range: range(line, 0, line, draft.lines[line].text.length),
            message: `No reply follows this quote${who} (${lineLabel(quote.range.startLine, quote.range.endLine)}).`,
          });
        }
        visit(quote);
      });
    };
    visit(analysis.tree.root);
    return findings;
  },
};

/** A quote split by a blank line into two blocks by the same speaker is one passage, answered after its end. */
function continuesIn(quote: TreeNode, next: TreeNode | undefined, lineInfo: readonly { blank: boolean }[]): boolean {
  if (!next || next.speaker !== quote.speaker) return false;
  for (let line = quote.range.endLine + 1; line < next.range.startLine; line++) if (!lineInfo[line].blank) return false;
  return true;
}
