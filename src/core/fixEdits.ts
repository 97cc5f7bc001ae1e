import { Draft, Unit } from './parse';
import { quotePrefix } from './quoteMarkers';
import { deleteLinesRange } from './text';
import { range, Range, TextEdit } from './types';

/** The `>` markers a draft's line starts with, to repeat on lines inserted beside it. */
export function quotePrefixOf(draft: Draft, line: number): string {
  return quotePrefix(draft.lines[line].text);
}

/**
 * Blank as a deletion may take it along: a line of `[quote]` or `[/quote]` alone has no text, but deleting it
 * would unbalance the quotes around and lose the name the tag gives.
 */
function isBlankLine(draft: Draft, line: number): boolean {
  const info = draft.lineInfo[line];
  return info.blank && info.bbcodeOpens.length === 0 && info.bbcodeCloses.length === 0;
}

/**
 * Deletes whole lines first..last together with the blank lines that separated them from what precedes
 * (or, at the start of the document, from what follows), so no double gap or dangling `>` is left behind.
 */
export function deleteLineSpan(draft: Draft, first: number, last: number): Range {
  let start = first;
  while (start > 0 && isBlankLine(draft, start - 1)) start--;
  if (start < first && last + 1 < draft.lines.length) return range(start, 0, last + 1, 0);
  if (start < first) return deleteLinesRange(draft.lines, start, last);
  let next = last + 1;
  while (next < draft.lines.length && isBlankLine(draft, next)) next++;
  if (next < draft.lines.length) return range(first, 0, next, 0);
  return deleteLinesRange(draft.lines, first, draft.lines.length - 1);
}

/**
 * Edits that delete the given units, never touching a non-blank line that belongs to any other unit:
 * units that are adjacent (only blank lines between) are deleted as one span.
 */
export function deleteUnits(draft: Draft, units: readonly Unit[]): TextEdit[] {
  const doomed = new Set<number>();
  for (const unit of units) for (let line = unit.startLine; line <= unit.endLine; line++) doomed.add(line);
  const sorted = [...units].sort((a, b) => a.startLine - b.startLine);
  const spans: Array<[number, number]> = [];
  for (const unit of sorted) {
    const previous = spans[spans.length - 1];
    if (previous && onlyBlankOrDoomedBetween(draft, previous[1], unit.startLine, doomed)) previous[1] = unit.endLine;
    else spans.push([unit.startLine, unit.endLine]);
  }
  return spans.map(([first, last]) => ({ range: deleteLineSpan(draft, first, last), newText: '' }));
}

function onlyBlankOrDoomedBetween(draft: Draft, after: number, before: number, doomed: ReadonlySet<number>): boolean {
  for (let line = after + 1; line < before; line++) if (!isBlankLine(draft, line) && !doomed.has(line)) return false;
  return true;
}

/** Prefixes lines first..last with one more quote level; a blank line gets a bare `>` (no trailing space). */
export function quoteLinesEdits(draft: Draft, first: number, last: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let line = first; line <= last; line++) {
    const insertAt = quotePrefixOf(draft, line).length;
    edits.push({ range: range(line, insertAt, line, insertAt), newText: isBlankLine(draft, line) ? '>' : '> ' });
  }
  return edits;
}
