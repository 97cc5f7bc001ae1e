import { lineRangeLabel } from '../lineRange';
import { Draft, LineInfo, Quote } from '../parse';
import { Finding, Rule } from '../rule';
import { ANSWER_KINDS, containerOf } from '../thread';
import { range } from '../types';

export const unansweredQuote: Rule = {
  id: 'unanswered-quote',
  description: 'A quoted passage has no reply after it: a point you quoted but did not answer.',
  defaultSeverity: 'information',
  scope: 'debate',
  reads: 'structure',
  options: {
    maxDepth: { type: 'number', default: 1, minimum: 1, maximum: 6, description: 'Deepest quote level checked (1: only the quotes you answer directly).' },
  },
  check(draft, { options }) {
    const maxDepth = options.maxDepth as number;
    const answered = answeredQuotes(draft);
    // Each quote's next sibling (the next quote of the same container), by index.
    const nextSibling = new Array<Quote | undefined>(draft.quotes.length);
    let lastTopLevel: Quote | null = null;
    for (let quoteIndex = 0; quoteIndex < draft.quotes.length; quoteIndex++) {
      const quote = draft.quotes[quoteIndex];
      if (quote.parent === null) {
        if (lastTopLevel) nextSibling[lastTopLevel.index] = quote;
        lastTopLevel = quote;
      }
      for (let i = 0; i + 1 < quote.children.length; i++) nextSibling[quote.children[i].index] = quote.children[i + 1];
    }
    const findings: Finding[] = [];
    for (let quoteIndex = 0; quoteIndex < draft.quotes.length; quoteIndex++) {
      const quote = draft.quotes[quoteIndex];
      if (quote.depth > maxDepth || answered[quote.index] || quote.callout) continue;
      if (continuesIn(quote, nextSibling[quote.index], draft.lineInfo)) continue;
      if (onlyAttributes(draft, quote)) continue;
      // Underlined: the quote's first words, below a header quoted with it ("> -----Original Message-----" …).
      const line = firstQuotedWords(draft, quote);
      const who = quote.speaker ? ` from ${quote.speaker}${quote.inferred ? ' (inferred)' : ''}` : '';
      findings.push({
        range: range(line, 0, line, draft.lines[line].text.length),
        message: `No reply follows this quote${who} (${lineRangeLabel(quote.startLine, quote.endLine)}).`,
      });
    }
    return findings;
  },
};

/**
 * Which quotes have a reply, as the reply tree has them (`buildReplyTree`), without building it: a unit
 * that answers (a paragraph, heading, table or code) replies to the last quote of its own container that
 * starts before it. One walk over quotes and units in document order: on a keystroke in a long draft,
 * building the tree's nodes was most of this rule's time. A test holds the two to the same answers.
 */
export function answeredQuotes(draft: Draft): Uint8Array {
  const quotes = draft.quotes;
  const answered = new Uint8Array(quotes.length);
  // The last quote seen of each container, by the container's index (the document's is quotes.length).
  const lastChild = new Int32Array(quotes.length + 1).fill(-1);
  const slotOf = (container: Quote | null) => (container ? container.index : quotes.length);
  let next = 0;
  for (let unitIndex = 0; unitIndex < draft.units.length; unitIndex++) {
    const unit = draft.units[unitIndex];
    if (!ANSWER_KINDS.has(unit.kind)) continue;
    // Quotes that start on or before the unit's first line come first (the tree takes units before a quote's start).
    while (next < quotes.length && quotes[next].startLine <= unit.startLine) {
      lastChild[slotOf(quotes[next].parent)] = next;
      next++;
    }
    const repliedTo = lastChild[slotOf(containerOf(unit))];
    if (repliedTo >= 0) answered[repliedTo] = 1;
  }
  return answered;
}

/**
 * Whether the quote's own lines are only attribution lines: an Outlook header or "On … wrote:" quoted over
 * a deeper quote, or a forum quote's header whose text lost its marks. Nothing there asks for an answer.
 */
function onlyAttributes(draft: Draft, quote: Quote): boolean {
  const attributed = draft.parts.attributionOfLine;
  let any = false;
  for (let line = quote.startLine; line <= quote.endLine; line++) {
    if (draft.lineInfo[line].blank || draft.quoteOfLine(line) !== quote) continue;
    if (!attributed.has(line)) return false;
    any = true;
  }
  return any;
}

function firstQuotedWords(draft: Draft, quote: Quote): number {
  const attributed = draft.parts.attributionOfLine;
  for (let line = quote.startLine; line <= quote.endLine; line++) if (!draft.lineInfo[line].blank && !attributed.has(line)) return line;
  return quote.startLine;
}

/** A quote split by a blank line into two blocks by the same speaker is one passage, answered after its end. */
function continuesIn(quote: Quote, next: Quote | undefined, lineInfo: readonly LineInfo[]): boolean {
  if (!next || next.speaker !== quote.speaker) return false;
  for (let line = quote.endLine + 1; line < next.startLine; line++) if (!lineInfo[line].blank) return false;
  return true;
}
