import { lineRangeLabel } from '../lineRange';
import { headingBetween, isStockAnswer, repeatedByThread } from '../duplicates';
import { deleteUnits } from '../fixEdits';
import { Finding, Rule } from '../rule';
import { range } from '../types';

export const duplicateParagraph: Rule = {
  id: 'duplicate-paragraph',
  description: 'A paragraph repeats an earlier one exactly (ignoring whitespace, letter case, typography and Markdown markers).',
  defaultSeverity: 'warning',
  scope: 'prose',
  options: {
    minLength: { type: 'number', default: 20, minimum: 1, description: 'Shortest paragraph (in normalised characters) to compare, so "Thanks!" twice is not flagged.' },
    minWords: { type: 'number', default: 4, minimum: 1, description: 'Fewest words a repeated paragraph must have: a copied page repeats "permalink embed save" and "See general comments." by design.' },
  },
  check(draft, { analysis, options, debate }) {
    const minLength = options.minLength as number;
    const minWords = options.minWords as number;
    const { repeated, inLaterCopy } = analysis.duplicates;
    const findings: Finding[] = [];
    for (const copies of repeated) {
      if (copies[0].normalizedLength < minLength || copies[0].wordCount < minWords || isStockAnswer(draft, copies)) continue;
      for (let at = 1; at < copies.length; at++) {
        const copy = copies[at];
        if (inLaterCopy.has(copy) || (!debate && headingBetween(draft, copies[0], copy))) continue;
        // The copy it repeats: the first one the thread itself does not account for (two posts quote the
        // same words, but one of them quotes them twice).
        const first = copies.slice(0, at).find((earlier) => !repeatedByThread(draft, copy, earlier));
        if (!first) continue;
        findings.push({
          range: range(copy.startLine, 0, copy.endLine, draft.lines[copy.endLine].text.length),
          message: `This paragraph repeats the one at ${lineRangeLabel(first.startLine, first.endLine)}.`,
          related: [{ range: range(first.startLine, 0, first.endLine, draft.lines[first.endLine].text.length), message: 'First copy' }],
          fixes: [{ title: 'Delete this repeated paragraph', edits: deleteUnits(draft, [copy]), safe: true }],
        });
      }
    }
    return findings;
  },
};
