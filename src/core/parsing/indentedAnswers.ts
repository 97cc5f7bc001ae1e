// A response letter that pastes the reviewers' points as they were, plain numbered paragraphs, and answers
// each in italics indented under it ("3. The author mentioned in results line 185 …" / "\t*I have removed
// this statement.*"): the italics are the writer's own words, the plain point is the reviewer's comment.
// (The usual letter is the other way round: the comment in italics, answered in plain text.)
import { MarkdownBlock } from '../model';
import { indentColumns, LineText } from '../text';
import { REVIEWER_WORDS } from './styledComments';

const LIST_MARKER = /^[ \t]{0,3}(?:[-+*]|\d{1,3}[.)])[ \t]+/;
// A line all in italics (or bold): "*I have fixed this*", "_Done, see line 72._".
const STYLED_LINE = /^\s*(?:(\*\*|__)[^*_\s](?:.*[^*_\s])?\1|([*_])[^*_\s](?:.*[^*_\s])?\2)[.,;:!?]?\s*$/;
// A reviewer asking for things, besides how styledComments.ts hears a reviewer: "it would be good to …".
const ASKS = /\bwould\s+(?:be|like)\b/i;
// How an answer speaks: as "I" or "we".
const FIRST_PERSON = /(?:^|[\s(*_])(?:I(?:['’](?:d|m|ve)|\s)|[Ww]e\s)/;
// The writer's own voice opening the point: "We …", "Our …", "Thanks …".
const OPENS_AS_WRITER = /^(?:we|our|thank)\b/i;
const MIN_COMMENT_WORDS = 6;

/** Whether the block is all in italics and indented: an answer set under the point above it. */
function isIndentedStyled(lines: readonly LineText[], block: MarkdownBlock): boolean {
  if (block.quoteDepth !== 0 || (block.kind !== 'list-item' && block.kind !== 'paragraph')) return false;
  const opening = lines[block.startLine].text;
  // (Most blocks open on a letter at the first column: settled by two character tests.)
  const lead = opening.charCodeAt(0);
  if (lead !== 9 && lead !== 32) return false;
  for (let line = block.startLine; line <= block.endLine; line++) if (!STYLED_LINE.test(lines[line].text)) return false;
  return true;
}

/**
 * Whether `answer`, indented italics, answers the plain list item `comment` right above it: the point is a
 * sentence or more in plain text, not the writer's, and reads as a reviewer's, or the answer speaks as "I"
 * or "we".
 */
function answersPoint(lines: readonly LineText[], comment: MarkdownBlock, answer: MarkdownBlock): boolean {
  if (comment.quoteDepth !== 0 || comment.kind !== 'list-item' || answer.startLine > comment.endLine + 3) return false;
  const first = lines[comment.startLine].text;
  const marker = LIST_MARKER.exec(first);
  if (!marker || indentColumns(lines[answer.startLine].text) <= indentColumns(first)) return false;
  const opening = first.slice(marker[0].length);
  const style = opening.charCodeAt(0);
  if (style === 42 || style === 95 || style === 34 || style === 0x201c || OPENS_AS_WRITER.test(opening)) return false;
  let words = 0;
  let reviewer = false;
  for (let line = comment.startLine; line <= comment.endLine; line++) {
    const text = lines[line].text;
    words += text.match(/\S+/g)?.length ?? 0;
    reviewer ||= REVIEWER_WORDS.test(text) || ASKS.test(text);
  }
  if (words < MIN_COMMENT_WORDS) return false;
  if (reviewer) return true;
  for (let line = answer.startLine; line <= answer.endLine; line++) if (FIRST_PERSON.test(lines[line].text)) return true;
  return false;
}

/** Whether blocks[index] is a plain numbered point answered by indented italics under it. */
export function isPointOverIndentedAnswer(lines: readonly LineText[], blocks: readonly MarkdownBlock[], index: number, last: number): boolean {
  const answer = blocks[index + 1];
  return answer !== undefined && answer.startLine <= last && isIndentedStyled(lines, answer) && answersPoint(lines, blocks[index], answer);
}

/**
 * Whether blocks[index], indented italics, is the answer to the plain point above it, or goes on with one
 * (an answer of several paragraphs). Only blocks from line `first` on are looked at (a region's first line).
 */
export function isIndentedAnswer(lines: readonly LineText[], blocks: readonly MarkdownBlock[], index: number, first: number): boolean {
  if (!isIndentedStyled(lines, blocks[index])) return false;
  let top = index;
  while (top > 0 && blocks[top - 1].startLine >= first && blocks[top].startLine <= blocks[top - 1].endLine + 3 && isIndentedStyled(lines, blocks[top - 1])) top--;
  return top > 0 && blocks[top - 1].startLine >= first && answersPoint(lines, blocks[top - 1], blocks[top]);
}
