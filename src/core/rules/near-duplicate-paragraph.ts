import { lineRangeLabel } from '../lineRange';
import { headingBetween, isComparable, isPostHeaderChrome, isStockAnswer, repeatedByThread } from '../duplicates';
import { NearCopyChange } from '../lineageCache';
import { Unit } from '../parse';
import { Finding, Rule } from '../rule';
import { wordDifferences } from '../similarity';
import { range } from '../types';

export const nearDuplicateParagraph: Rule = {
  id: 'near-duplicate-paragraph',
  description: 'A paragraph is almost the same as an earlier one: a few words changed, as when an edited copy was pasted beside the original.',
  defaultSeverity: 'warning',
  scope: 'prose',
  options: {
    threshold: { type: 'number', default: 0.8, minimum: 0.5, maximum: 0.99, description: 'Word-level similarity (0–1) from which two paragraphs count as near-duplicates.' },
    minWords: { type: 'number', default: 8, minimum: 3, description: 'Paragraphs shorter than this many words are not compared.' },
  },
  check(draft, { analysis, cache, options, debate }) {
    const threshold = options.threshold as number;
    const minWords = options.minWords as number;
    const { inLaterCopy } = analysis.duplicates;
    const isCandidate = (unit: Unit) => isComparable(unit) && !inLaterCopy.has(unit) && unit.wordCount >= minWords;
    const index = cache.nearDuplicateIndex(draft, isCandidate, inLaterCopy, threshold, minWords);
    const findings: Finding[] = [];
    for (const [unit, best] of index.matches) {
      const earlier = best.earlier;
      if ((!debate && headingBetween(draft, earlier, unit)) || isStockAnswer(draft, [earlier, unit]) || repeatedByThread(draft, unit, earlier)) continue;
      const change = changeBetween(earlier, unit, cache.nearCopyChanges);
      if (isPostHeaderChrome(draft, unit, earlier, change.removed, change.added)) continue;
      // The same finding as on the last lint while both paragraphs are where they were and compare alike:
      // a keystroke elsewhere makes none anew (a unit's text never changes).
      const kept = KEPT.get(unit);
      if (kept && kept.change === change && kept.similarity === best.similarity && kept.debate === debate && kept.unitStart === unit.startLine && kept.earlierStart === earlier.startLine) {
        findings.push(kept.finding);
        continue;
      }
      const finding: Finding = {
        range: range(unit.startLine, 0, unit.endLine, draft.lines[unit.endLine].text.length),
        message: `This paragraph is ${Math.round(best.similarity * 100)}% the same as the one at ${lineRangeLabel(earlier.startLine, earlier.endLine)}${change.text ? ` (${change.text})` : ''}.`,
        related: [{ range: range(earlier.startLine, 0, earlier.endLine, draft.lines[earlier.endLine].text.length), message: 'Earlier version' }],
        // Documentation words parallel entries alike on purpose ("Returns all keys" / "… all values"):
        // outside a debate draft a near copy is a hint worth a look, not a problem.
        severity: debate ? undefined : 'information',
      };
      KEPT.set(unit, { change, similarity: best.similarity, debate, unitStart: unit.startLine, earlierStart: earlier.startLine, finding });
      findings.push(finding);
    }
    return findings;
  },
};

/** The last finding made for each later paragraph, with what it was made from (the change names the earlier one). */
const KEPT = new WeakMap<Unit, { change: NearCopyChange; similarity: number; debate: boolean; unitStart: number; earlierStart: number; finding: Finding }>();

/** What changed from the earlier paragraph, worked out once per pair (the word diff is quadratic). */
function changeBetween(earlier: Unit, unit: Unit, known: WeakMap<Unit, NearCopyChange>): NearCopyChange {
  const kept = known.get(unit);
  if (kept?.earlier === earlier) return kept;
  const { removed, added } = wordDifferences(earlier.wordKeys, unit.wordKeys);
  const change = { earlier, text: describeChange(removed, added), removed, added };
  known.set(unit, change);
  return change;
}

function describeChange(removed: string[], added: string[]): string {
  const show = (words: string[]) => `“${words.slice(0, 6).join(' ')}${words.length > 6 ? ' …' : ''}”`;
  if (removed.length && added.length) return `${show(removed)} became ${show(added)}`;
  if (added.length) return `adds ${show(added)}`;
  if (removed.length) return `lacks ${show(removed)}`;
  return '';
}
