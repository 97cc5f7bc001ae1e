import { capitalise, lineRangeLabel } from '../lineRange';
import { quotePrefixOf } from '../fixEdits';
import { Unit } from '../parse';
import { Finding, Rule } from '../rule';
import { range } from '../types';

export const lostParagraphBreaks: Rule = {
  id: 'lost-paragraph-breaks',
  description: 'Pasted paragraphs are not separated by blank lines, so Markdown renders them as one paragraph.',
  defaultSeverity: 'warning',
  scope: 'prose',
  options: {},
  check(draft, { debate }) {
    const findings: Finding[] = [];
    let run: Unit[] = [];
    const flush = () => {
      if (run.length >= 2) {
        const first = run[0];
        const last = run[run.length - 1];
        findings.push({
          range: range(first.startLine, 0, first.endLine, draft.lines[first.endLine].text.length),
          message: `${capitalise(lineRangeLabel(first.startLine, last.endLine))} hold ${run.length} paragraphs with no blank line between them; Markdown shows them as one paragraph.`,
          fixes: [
            {
              title: `Insert ${run.length - 1} blank line${run.length === 2 ? '' : 's'} between the paragraphs`,
              edits: run.slice(1).map((unit) => {
                const end = draft.lines[unit.startLine - 1].text.length;
                return { range: range(unit.startLine - 1, end, unit.startLine - 1, end), newText: `\n${quotePrefixOf(draft, unit.startLine).trimEnd()}` };
              }),
              safe: true,
            },
          ],
        });
      }
      run = [];
    };
    for (const unit of draft.units) {
      // A list's items and a row of badges are not paragraphs that lost their breaks.
      if (!unit.isParagraph) {
        flush();
        continue;
      }
      const joined = unit.joinedToPrevious && run.length > 0 && run[run.length - 1].index === unit.index - 1;
      // Documentation often keeps one sentence a line, on purpose; a pasted paragraph holds several.
      if (joined && (debate || (holdsSentences(unit) && holdsSentences(run[run.length - 1])))) run.push(unit);
      else {
        flush();
        run = [unit];
      }
    }
    flush();
    return findings;
  },
};

const SENTENCE_END = /[.!?…]["”’)\]*_]*\s+["“‘(*_]*\p{Lu}/u;

/** Whether the unit holds more than one sentence: a paragraph, not a line of semantic line breaks. */
function holdsSentences(unit: Unit): boolean {
  return SENTENCE_END.test(unit.text);
}
