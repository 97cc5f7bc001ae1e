// Reviewers' comments that lost every mark, each answered by the authors in the paragraph after it: the
// "Author response" pages of eLife, Review Commons and their copies (hypothes.is, archives), where the
// reviews were set off as quotes on the page and the copy kept only "Reviewer #1 (Public Review):" labels.
// Nothing but the voice tells them apart: the authors answer as "we" ("We have added …", "Thank you for …"),
// the reviewer writes of "the authors", as "I", asks and asks for things.
import { matchReviewerLabel } from '../attribution';
import { MarkdownBlock } from '../model';
import { LineText } from '../text';
import { isStyledComment, OPENS_ANSWER, RESPONSE_LABEL } from './styledComments';

const LIST_MARKER = /^\s*(?:[-+*]|\d{1,3}[.)])\s+/;
// "We", "our" within the answer's first sentences: "Following this comment we will …", "This is something we …".
const FIRST_PERSON_PLURAL = /\b(?:[Ww]e|[Oo]ur|WE|OUR)\b/;
// How the reviewer writes and the authors do not: of "the authors", to "you", as "I", asking for things.
const REVIEWER_VOICE = /\bthe\s+authors?\b|\b(?:[Yy]ou|[Yy]our)\b|\b[Pp]lease\b|(?:^|[\s("“])I(?:['’](?:d|m|ve)\b|\s)|\?/;
// A point's own lead-in: a few words and a colon before its text ("Clarify Evaluation Metrics: Clearly …").
const LEAD_IN = /^(?:\[(?:\.\.\.|…)\]\s*)?[\p{L}\p{N}][^\s:]*(?:\s+[^\s:]+){0,4}:\s+\S/u;
// How far into an answer its "we" is looked for: the first sentence or two.
const VOICE_REACH = 200;

/** A block's first line without its indentation and list marker. */
function openingOf(lines: readonly LineText[], block: MarkdownBlock): string {
  const text = lines[block.startLine].text;
  return text.charCodeAt(0) === 32 || LIST_MARKER.test(text) ? text.replace(LIST_MARKER, '').trimStart() : text;
}

/** Whether any line of the block holds the pattern (a line at a time: no copy of the paragraph). */
function anyLine(lines: readonly LineText[], block: MarkdownBlock, pattern: RegExp): boolean {
  for (let line = block.startLine; line <= block.endLine; line++) if (pattern.test(lines[line].text)) return true;
  return false;
}

/** Whether the block holds at least `count` words. */
function hasWords(lines: readonly LineText[], block: MarkdownBlock, count: number): boolean {
  let words = 0;
  for (let line = block.startLine; line <= block.endLine && words < count; line++) words += lines[line].text.match(/\S+/g)?.length ?? 0;
  return words >= count;
}

function startsListItem(lines: readonly LineText[], block: MarkdownBlock): boolean {
  return LIST_MARKER.test(lines[block.startLine].text);
}

/** Whether the paragraph is the authors' answer: it opens as they do, or speaks as "we" and never as the reviewer. */
function readsAsAuthors(lines: readonly LineText[], block: MarkdownBlock): boolean {
  const opening = openingOf(lines, block);
  if (OPENS_ANSWER.test(opening) || RESPONSE_LABEL.test(opening)) return true;
  const head = opening.length > VOICE_REACH ? opening.slice(0, VOICE_REACH) : opening;
  return FIRST_PERSON_PLURAL.test(head) && !anyLine(lines, block, REVIEWER_VOICE);
}

/** A few words ending with a colon, on a line of their own: the review form's "Summary:", "Weaknesses:". */
function isSubLabel(lines: readonly LineText[], block: MarkdownBlock): boolean {
  if (block.startLine !== block.endLine) return false;
  const text = openingOf(lines, block).replace(/[*_]/g, '').trim();
  return text.length <= 40 && text.endsWith(':') && (text.match(/\s+/g)?.length ?? 0) <= 3;
}

/** A paragraph or heading that names the reviewer whose review follows: "Reviewer #1 (Public Review):". */
function isReviewerLabel(lines: readonly LineText[], block: MarkdownBlock): boolean {
  if (block.startLine !== block.endLine || block.quoteDepth !== 0 || (block.kind !== 'paragraph' && block.kind !== 'list-item' && block.kind !== 'heading')) return false;
  const text = lines[block.startLine].text;
  return text.length <= 100 && /revi|refer/i.test(text) && matchReviewerLabel(text.trim())?.speaker != null;
}

const isProse = (block: MarkdownBlock) => block.quoteDepth === 0 && (block.kind === 'paragraph' || block.kind === 'list-item');

/**
 * The votes of blocks[index] on whether the draft is such a page: `label` 1 for a reviewer label; `pair` 1
 * for a plain paragraph of six words or more, not the authors', answered by the authors in blocks[index].
 */
export function unmarkedReviewVote(lines: readonly LineText[], blocks: readonly MarkdownBlock[], index: number): { label: number; pair: number } {
  const block = blocks[index];
  if (!isProse(block) && block.kind !== 'heading') return NO_VOTE;
  if (block.startLine === block.endLine && isReviewerLabel(lines, block)) return LABEL_VOTE;
  if (index === 0 || !isProse(block)) return NO_VOTE;
  const comment = blocks[index - 1];
  // (Points set as list items, answers under "Response:" labels: a letter marked otherwise, read as such.)
  if (!isProse(comment) || block.startLine > comment.endLine + 3 || startsListItem(lines, block) || startsListItem(lines, comment)) return NO_VOTE;
  if (RESPONSE_LABEL.test(lines[block.startLine].text) || !readsAsAuthors(lines, block)) return NO_VOTE;
  const opening = openingOf(lines, comment);
  const first = opening.charCodeAt(0);
  // (A comment in italics, bold or quotation marks is marked: styledComments.ts reads it.)
  if (first === 42 || first === 95 || first === 34 || first === 0x201c || first === 62) return NO_VOTE;
  if (!hasWords(lines, comment, 6) || readsAsAuthors(lines, comment)) return NO_VOTE;
  return PAIR_VOTE;
}

const NO_VOTE = { label: 0, pair: 0 };
const LABEL_VOTE = { label: 1, pair: 0 };
const PAIR_VOTE = { label: 0, pair: 1 };

/** A page whose reviews lost their marks: a reviewer label, and three comments or more each answered by the authors. */
export function isUnmarkedReviewPage(votes: { labels: number; pairs: number }): boolean {
  return votes.labels >= 1 && votes.pairs >= 3;
}

const COMMENT = 1;
const ANSWER = 2;
const LABEL = 3;

/**
 * On such a page, marks in `styled` the reviewers' paragraphs of each section a reviewer label opens (up to
 * the next label, heading or rule): those that are not the authors', nor an answer's next paragraph (one
 * that does not speak as the reviewer), with the review form's labels above them. A section is read only
 * when a comment in it is answered, and none of its comments is marked already (in `>`, italics, labels).
 */
export function markUnmarkedReviews(lines: readonly LineText[], blocks: readonly MarkdownBlock[], styled: Uint8Array, first: number): void {
  let section: number[] | null = null;
  let marked = false;
  const close = () => {
    if (section && !marked) markSection(lines, blocks, section, styled, first);
    section = null;
    marked = false;
  };
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if (isReviewerLabel(lines, block)) {
      close();
      section = [];
    } else if (block.kind === 'heading' || block.kind === 'rule') close();
    else if (section && block.quoteDepth > 0) marked = true;
    else if (section && isProse(block)) section.push(index);
  }
  close();
}

function markSection(lines: readonly LineText[], blocks: readonly MarkdownBlock[], section: readonly number[], styled: Uint8Array, first: number): void {
  const kinds = new Uint8Array(section.length);
  let previous = 0;
  for (let i = 0; i < section.length; i++) {
    const block = blocks[section[i]];
    if (isStyledComment(lines, block.startLine, block.endLine)) return;
    if (isSubLabel(lines, block)) kinds[i] = RESPONSE_LABEL.test(openingOf(lines, block)) ? ANSWER : LABEL;
    else if (readsAsAuthors(lines, block)) kinds[i] = ANSWER;
    // An answer may run on for paragraphs: one that does not speak as the reviewer, nor opens on a point's
    // own lead-in ("Clarify Evaluation Metrics: …"), goes on with it.
    else kinds[i] = previous === ANSWER && !anyLine(lines, block, REVIEWER_VOICE) && !LEAD_IN.test(openingOf(lines, block)) ? ANSWER : COMMENT;
    if (kinds[i] !== LABEL) previous = kinds[i];
  }
  // A label is part of what follows it ("Weaknesses:" over the reviewer's points).
  for (let i = section.length - 1, next = 0; i >= 0; i--) {
    if (kinds[i] === LABEL) kinds[i] = next === COMMENT ? COMMENT : ANSWER;
    next = kinds[i];
  }
  let answered = false;
  for (let i = 1; i < section.length && !answered; i++) answered = kinds[i] === ANSWER && kinds[i - 1] === COMMENT;
  if (!answered) return;
  for (let i = 0; i < section.length; i++) {
    if (kinds[i] !== COMMENT) continue;
    const block = blocks[section[i]];
    styled.fill(1, Math.max(block.startLine - first, 0), block.endLine - first + 1);
  }
}
