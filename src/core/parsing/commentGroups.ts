// A reviewer's comment of several blocks answered under a response label: "### Comment 4" / a paragraph /
// "Notes:" / task-list items / "**Reply**", or "**7, 8, 9, 10. Reviewer's Comment:**" / four numbered items /
// "**7, 8, 9, 10. Response:**". The comment is all of it, from what opens it to the label, not its last block.
import { matchReviewerLabel } from '../attribution';
import { MarkdownBlock } from '../model';
import { isBlankBetween, LineText } from '../text';
import { COMMENT_LABEL, isResponseLabelText, OPENS_AS_AUTHORS } from './styledComments';

/** How far the comment is looked for: a reviewer's point of a few paragraphs or a list, not a section. */
const MAX_LINES = 40;
const MAX_BLOCKS = 12;

const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const LIST_ITEM = /^\s*(?:[-+*]|\d{1,3}[.)])\s/;
// What neither a comment nor what opens one holds: a quote, a fence, HTML, a line in bold alone ("**Changes**").
const NOT_A_COMMENT = /^\s*(?:>|```|~~~|<)|^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*$/;

function isBlank(text: string): boolean {
  return isBlankBetween(text, 0, text.length);
}

/** A line that opens a reviewer's comment: a heading, a rule, "Reviewer's Comment:" or "Reviewer 2" alone. */
function opensComment(text: string): boolean {
  if (HEADING.test(text) || RULE.test(text)) return true;
  if (COMMENT_LABEL.test(text) && text.replace(COMMENT_LABEL, '').replace(/[*_\s]+/g, '').length === 0) return true;
  return isReviewerLabelLine(text);
}

/** Whether the line starts a block: a list item, or text after a blank line. */
function startsBlock(lines: readonly LineText[], line: number): boolean {
  return line === 0 || isBlank(lines[line - 1].text) || LIST_ITEM.test(lines[line].text);
}

/** What a line says about the comment around it: it opens it, it cannot be in it, or it may be part of it. */
function lineRole(lines: readonly LineText[], line: number): 'opens' | 'stops' | 'comment' {
  const text = lines[line].text;
  if (opensComment(text)) return 'opens';
  if (NOT_A_COMMENT.test(text) || isResponseLabelText(text)) return 'stops';
  // A block in the authors' voice ("We have …", "Thank you …") is an answer.
  return startsBlock(lines, line) && OPENS_AS_AUTHORS.test(text.replace(LIST_ITEM, '')) ? 'stops' : 'comment';
}

/**
 * The first line of the comment whose last block starts on `line`, answered under a response label: the
 * plain paragraphs and list items above it, up to what opens the comment (a heading, a rule, a comment or
 * reviewer label). -1 when something else comes first (an answer, a quote, another label), or nothing.
 */
export function commentStart(lines: readonly LineText[], line: number): number {
  let start = line;
  let blocks = 0;
  for (let above = line - 1; above >= 0 && above >= line - MAX_LINES; above--) {
    if (isBlank(lines[above].text)) continue;
    const role = lineRole(lines, above);
    if (role === 'opens') return start;
    if (role === 'stops') return -1;
    if (startsBlock(lines, above) && ++blocks > MAX_BLOCKS) return -1;
    start = above;
  }
  return -1;
}

/**
 * Whether `line` is in a comment (or on its label) that a response label below answers: what an edit there
 * may change above it, back to the line that opens the comment (updateDraft.ts reads such a comment whole).
 */
export function leadsToResponseLabel(lines: readonly LineText[], line: number): boolean {
  // (Asked at the edges of every update's region: only a line that starts a block is asked what it is, and
  // only a line that may be a label, whether it is a response label.)
  let blocks = 0;
  for (let below = line; below < lines.length && below <= line + MAX_LINES; below++) {
    const text = lines[below].text;
    if (isBlank(text)) continue;
    if (!startsBlock(lines, below)) continue;
    if (isResponseLabelText(text)) return true;
    if (below > line && lineRole(lines, below) !== 'comment') return false;
    if (++blocks > MAX_BLOCKS) return false;
  }
  return false;
}

/** How many paragraphs a reviewer's summary at the top of their section runs to, at most. */
const MAX_SUMMARY_PARAGRAPHS = 6;

/** A line that names the reviewer whose section follows: "## Reviewer #3", "Reviewer 2:". */
export function isReviewerLabelLine(text: string): boolean {
  return text.length <= 100 && /revi|refer/i.test(text) && matchReviewerLabel(text.trim())?.speaker != null;
}

/**
 * In a letter that sets its answers in `>`, the paragraphs right under a reviewer's label, before any `>`
 * answer, heading or list: the reviewer's summary, which no answer follows ("The manuscript presents …" /
 * "… I recommend publication after a minor revision"), unless the authors speak in it ("We thank …").
 * Marked in `styled`, from blocks[index], the label.
 */
export function markSummaryUnderLabel(lines: readonly LineText[], blocks: readonly MarkdownBlock[], index: number, styled: Uint8Array, first: number, last: number): void {
  for (let next = index + 1; next < blocks.length && next <= index + MAX_SUMMARY_PARAGRAPHS; next++) {
    const block = blocks[next];
    if (block.kind !== 'paragraph' || block.quoteDepth !== 0 || block.endLine > last || OPENS_AS_AUTHORS.test(lines[block.startLine].text)) return;
    if (LIST_ITEM.test(lines[block.startLine].text) || HEADING.test(lines[block.startLine].text)) return;
    styled.fill(1, block.startLine - first, block.endLine - first + 1);
  }
}

/** Whether `line` is a reviewer's label or under one with only plain paragraphs between (see markSummaryUnderLabel). */
export function followsReviewerLabel(lines: readonly LineText[], line: number): boolean {
  for (let above = line; above >= 0 && above >= line - MAX_LINES; above--) {
    const text = lines[above].text;
    if (isBlank(text)) continue;
    if (isReviewerLabelLine(text)) return true;
    if (HEADING.test(text) || RULE.test(text) || LIST_ITEM.test(text) || /^\s*>/.test(text)) return false;
  }
  return false;
}
