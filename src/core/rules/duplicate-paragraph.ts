import { lineRangeLabel } from '../lineRange';
import { headingBetween, isStockAnswer, repeatedByThread } from '../duplicates';
import { deleteLineSpan } from '../fixEdits';
import { Unit } from '../parse';
import { Finding, Rule } from '../rule';
import { Range, range } from '../types';

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
        const deletion = deleteLineSpan(draft, copy.startLine, copy.endLine);
        // The same finding as on the last lint while both copies are where they were and the deletion
        // takes the same lines: a keystroke elsewhere makes none anew (a unit's text never changes).
        const kept = KEPT.get(copy);
        if (kept && kept.first === first && kept.firstStart === first.startLine && kept.copyStart === copy.startLine && sameRange(kept.deletion, deletion)) {
          findings.push(kept.finding);
          continue;
        }
        const finding: Finding = {
          range: range(copy.startLine, 0, copy.endLine, draft.lines[copy.endLine].text.length),
          message: `This paragraph repeats the one at ${lineRangeLabel(first.startLine, first.endLine)}.`,
          related: [{ range: range(first.startLine, 0, first.endLine, draft.lines[first.endLine].text.length), message: 'First copy' }],
          fixes: [{ title: 'Delete this repeated paragraph', edits: [{ range: deletion, newText: '' }], safe: true }],
        };
        KEPT.set(copy, { first, firstStart: first.startLine, copyStart: copy.startLine, deletion, finding });
        findings.push(finding);
      }
    }
    return findings;
  },
};

/** The last finding made for each later copy, with what it was made from. */
const KEPT = new WeakMap<Unit, { first: Unit; firstStart: number; copyStart: number; deletion: Range; finding: Finding }>();

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
