import { capitalise, lineRangeLabel } from '../lineRange';
import { quotePrefixOf } from '../fixEdits';
import { Unit } from '../parse';
import { Finding, Rule } from '../rule';
import { range, TextEdit } from '../types';

export const lostParagraphBreaks: Rule = {
  id: 'lost-paragraph-breaks',
  description: 'Pasted paragraphs are not separated by blank lines, so Markdown renders them as one paragraph.',
  defaultSeverity: 'warning',
  scope: 'prose',
  options: {},
  check(draft, { cache, debate }) {
    const findings: Finding[] = [];
    const units = draft.units;
    // The run of paragraphs joined so far: draft.units[runStart..runEnd] (consecutive units), none when runEnd < runStart.
    let runStart = 0;
    let runEnd = -1;
    const flush = () => {
      const count = runEnd - runStart + 1;
      if (count >= 2) {
        const first = units[runStart];
        const last = units[runEnd];
        // The same finding as on the last lint while the run is the same paragraphs on the same lines: a
        // keystroke elsewhere makes none anew, and the engine and the editor keep what they made of it.
        const kept = KEPT.get(first);
        if (kept && kept.startLine === first.startLine && sameRun(kept.units, units, runStart, runEnd)) {
          findings.push(kept.finding);
          runEnd = -1;
          return;
        }
        const edits: TextEdit[] = [];
        for (let k = runStart + 1; k <= runEnd; k++) {
          const unit = units[k];
          const end = draft.lines[unit.startLine - 1].text.length;
          edits.push({ range: range(unit.startLine - 1, end, unit.startLine - 1, end), newText: `\n${quotePrefixOf(draft, unit.startLine).trimEnd()}` });
        }
        const finding: Finding = {
          range: range(first.startLine, 0, first.endLine, draft.lines[first.endLine].text.length),
          message: `${capitalise(lineRangeLabel(first.startLine, last.endLine))} hold ${count} paragraphs with no blank line between them; Markdown shows them as one paragraph.`,
          fixes: [{ title: `Insert ${count - 1} blank line${count === 2 ? '' : 's'} between the paragraphs`, edits, safe: true }],
        };
        KEPT.set(first, { startLine: first.startLine, units: units.slice(runStart, runEnd + 1), finding });
        findings.push(finding);
      }
      runEnd = -1;
    };
    // A run is a paragraph and the paragraphs joined to it: only those joined to the one above are read (the
    // cache keeps them as edits come), in order, with the paragraph each joins.
    const joinedUnits = [...cache.unitsWhere(draft, isJoinedParagraph)].sort((a, b) => a.index - b.index);
    for (const unit of joinedUnits) {
      const i = unit.index;
      if (runEnd !== i - 1 || runEnd < runStart) {
        flush();
        const previous = units[i - 1];
        if (previous?.isParagraph) {
          runStart = i - 1;
          runEnd = i - 1;
        }
      }
      // Documentation often keeps one sentence a line, on purpose; a pasted paragraph holds several.
      if (runEnd === i - 1 && runEnd >= runStart && (debate || (holdsSentences(unit) && holdsSentences(units[runEnd])))) runEnd = i;
      else {
        flush();
        runStart = i;
        runEnd = i;
      }
    }
    flush();
    return findings;
  },
};

/**
 * The last finding made for a run, by its first paragraph. A unit's text never changes, so the same units
 * from the same line hold the same lines, and the finding (its range, message and edits) is the same.
 */
const KEPT = new WeakMap<Unit, { startLine: number; units: readonly Unit[]; finding: Finding }>();

function sameRun(kept: readonly Unit[], units: readonly Unit[], start: number, end: number): boolean {
  if (kept.length !== end - start + 1) return false;
  for (let k = 0; k < kept.length; k++) if (kept[k] !== units[start + k]) return false;
  return true;
}

/** A paragraph Markdown joins to the one above it, the blank line between them lost (parse.ts). */
function isJoinedParagraph(unit: Unit): boolean {
  return unit.joinedToPrevious && unit.isParagraph;
}

const SENTENCE_END = /[.!?…]["”’)\]*_]*\s+["“‘(*_]*\p{Lu}/u;

/** Whether the unit holds more than one sentence: a paragraph, not a line of semantic line breaks. */
function holdsSentences(unit: Unit): boolean {
  return SENTENCE_END.test(unit.text);
}
