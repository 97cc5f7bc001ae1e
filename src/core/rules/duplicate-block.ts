import { capitalise, lineRangeLabel } from '../lineRange';
import { CodeRepeat, repeatedQuotesOfCode, repeatedWritingInCode } from '../codeRepeats';
import { headingBetween, repeatedByThread } from '../duplicates';
import { deleteLineSpan, deleteUnits } from '../fixEdits';
import { Draft } from '../parse';
import { Finding, Rule } from '../rule';
import { range } from '../types';

export const duplicateBlock: Rule = {
  id: 'duplicate-block',
  description: 'A run of paragraphs repeats an earlier run (the reply pasted twice, perhaps with paragraphs missing from one copy). In a debate draft, so does a quote of code pasted twice in a row, or a run of lines pasted twice inside one code block.',
  defaultSeverity: 'warning',
  scope: 'prose',
  options: {},
  check(draft, { analysis, cache, debate }) {
    const blocks = analysis.duplicates.blocks.filter(
      (block) => (debate || !headingBetween(draft, block.earlierEnd, block.later[0])) && !repeatedByThread(draft, block.later[0], block.earlierStart),
    );
    const findings: Finding[] = blocks.map((block) => {
      const first = block.later[0];
      const last = block.later[block.later.length - 1];
      const repeated = block.pairs.map((pair) => pair.later);
      const repeatedSet = new Set(repeated);
      const kept = block.later.filter((unit) => unit.isProse && !repeatedSet.has(unit));
      const earlierSpan = lineRangeLabel(block.earlierStart.startLine, block.earlierEnd.endLine);
      const earlierProse = draft.units
        .slice(block.earlierStart.index, block.earlierEnd.index + 1)
        .filter((unit) => unit.isParagraph && unit.depth === block.earlierStart.depth).length;
      const missing = earlierProse - block.pairs.length;
      const notes = [
        missing > 0 ? `${missing} paragraph${missing === 1 ? '' : 's'} of the first copy ${missing === 1 ? 'is' : 'are'} missing here` : '',
        kept.length > 0 ? `${kept.length} paragraph${kept.length === 1 ? '' : 's'} here ${kept.length === 1 ? 'has' : 'have'} no copy` : '',
      ].filter(Boolean);
      const title = kept.length
        ? `Delete the ${block.pairs.length} repeated paragraphs (keep the ${kept.length} with no copy)`
        : `Delete the repeated copy (${lineRangeLabel(first.startLine, last.endLine)})`;
      return {
        range: range(first.startLine, 0, last.endLine, draft.lines[last.endLine].text.length),
        message: `${capitalise(lineRangeLabel(first.startLine, last.endLine))} repeat ${earlierSpan} (${block.pairs.length} paragraphs)${notes.length ? `; ${notes.join('; ')}` : ''}.`,
        related: [
          {
            range: range(block.earlierStart.startLine, 0, block.earlierEnd.endLine, draft.lines[block.earlierEnd.endLine].text.length),
            message: `First copy (${earlierSpan})`,
          },
        ],
        fixes: [{ title, edits: deleteUnits(draft, repeated), safe: true }],
      };
    });
    // Code the paragraph runs above leave out: a quote of code pasted twice, a comment pasted twice in a fence.
    if (debate) for (const repeat of [...repeatedQuotesOfCode(draft, cache), ...repeatedWritingInCode(draft, cache)]) findings.push(codeRepeatFinding(draft, repeat));
    return findings;
  },
};

function codeRepeatFinding(draft: Draft, repeat: CodeRepeat): Finding {
  const { later, earlier } = repeat;
  const laterSpan = lineRangeLabel(later.startLine, later.endLine);
  const earlierSpan = lineRangeLabel(earlier.startLine, earlier.endLine);
  const whole = repeat.laterUnits.length > 0;
  return {
    range: range(later.startLine, 0, later.endLine, draft.lines[later.endLine].text.length),
    message: `${capitalise(laterSpan)} ${later.startLine === later.endLine ? 'repeats' : 'repeat'} ${earlierSpan} ${whole ? '(the same quote twice in a row)' : '(inside one code block)'}.`,
    related: [{ range: range(earlier.startLine, 0, earlier.endLine, draft.lines[earlier.endLine].text.length), message: `First copy (${earlierSpan})` }],
    fixes: [
      whole
        ? { title: `Delete the repeated copy (${laterSpan})`, edits: deleteUnits(draft, repeat.laterUnits), safe: true }
        : { title: `Delete the repeated lines (${laterSpan})`, edits: [{ range: deleteLineSpan(draft, later.startLine, later.endLine), newText: '' }], safe: false },
    ],
  };
}
