import { capitalise, lineRangeLabel } from '../lineRange';
import { headingBetween, repeatedByThread } from '../duplicates';
import { deleteUnits } from '../fixEdits';
import { Rule } from '../rule';
import { range } from '../types';

export const duplicateBlock: Rule = {
  id: 'duplicate-block',
  description: 'A run of paragraphs repeats an earlier run (the reply pasted twice, perhaps with paragraphs missing from one copy).',
  defaultSeverity: 'warning',
  scope: 'prose',
  options: {},
  check(draft, { analysis, debate }) {
    const blocks = analysis.duplicates.blocks.filter(
      (block) => (debate || !headingBetween(draft, block.earlierEnd, block.later[0])) && !repeatedByThread(draft, block.later[0], block.earlierStart),
    );
    return blocks.map((block) => {
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
  },
};
