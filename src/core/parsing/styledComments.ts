// Comments someone else made, marked by their style instead of `>` (responses to reviewers).
import { matchLinkLine, matchOriginallyPosted } from '../attribution';
import { isBlankBetween, LineText } from '../text';

// "Comment:", "Reviewer comment:", "**2. Reviewer's Comment:**", "R1.3:", "Q2:", "Point 4:".
const COMMENT_LABEL = /^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?)?(?:\*\*|__)?(?:\d+[.)]\s*)?(?:(?:reviewer|referee)(?:['’]s)?\s+(?:comments?|questions?|concerns?|points?)|R\d+(?:\.\d+)+|Q\d+|(?:reviewer|referee)\s*#?\d+(?:\.\d+)?)\s*[:.)](?:\*\*|__)?/i;
// "Reply:", "Response:", "**Response**", "Author response:", "Our reply:", "A1:".
const RESPONSE_LABEL = /^\s*(?:\*\*|__)?(?:\d+[.)]\s*)?(?:(?:author(?:s|s['’]|['’]s)?\s+|our\s+)?(?:reply|response|answer|rebuttal)|A\d+)\s*(?:to\s+[^:*_]{1,30})?(?:[:.]|\*\*\s*:?|__\s*:?)/i;

/**
 * Whether paragraph first..last is someone else's comment marked by its style: all in italics, all in
 * quotation marks, under a comment label, or answered by a paragraph labelled "Response:"/"Reply:".
 */
export function isStyledComment(lines: readonly LineText[], first: number, last: number): boolean {
  // Most paragraphs of a draft start with a letter, end in no mark and hold no label: settled cheaply.
  const next = nextTextLine(lines, last);
  const firstText = lines[first].text;
  const opening = firstText.charCodeAt(firstText.search(/\S/));
  if (!(opening === 42 || opening === 95 || opening === 34 || opening === 0x201c || opening === 0x201e || opening === 0xab) && !mayBeLabel(firstText) && !(next >= 0 && mayBeLabel(lines[next].text))) {
    return false;
  }
  const head = firstText.trimStart();
  const tail = lines[last].text.trimEnd();
  if (head.length + tail.length < 30 || (mayBeLabel(head) && RESPONSE_LABEL.test(head))) return false;
  // "_Originally posted by @user in …_" is an attribution in italics, not a comment.
  if (first === last && (matchOriginallyPosted(head) || matchLinkLine(head) || (head.match(/\s+/g)?.length ?? 0) < 5)) return false;
  const mark = head.charCodeAt(0);
  // Italics: one `*` or `_` (not bold) opens the paragraph and the same closes it.
  if ((mark === 42 || mark === 95) && head.charCodeAt(1) !== mark && /^[*_][^\s*_]/.test(head) && new RegExp(`[^\\s*_]\\${head[0]}[.:;,]?$`).test(tail)) return true;
  if (/^["“„«]/.test(head) && /["”»][.,;:]?$/.test(tail)) return true;
  if (mayBeLabel(head) && COMMENT_LABEL.test(head)) return true;
  return next >= 0 && mayBeLabel(lines[next].text) && RESPONSE_LABEL.test(lines[next].text);
}

/** The first line with text within the three after `line`, or -1. */
function nextTextLine(lines: readonly LineText[], line: number): number {
  for (let next = line + 1; next < lines.length && next <= line + 3; next++) if (!isBlankBetween(lines[next].text, 0, lines[next].text.length)) return next;
  return -1;
}

/** Every label ends within its first few words with a colon, a full stop, a bracket or bold markers. */
function mayBeLabel(text: string): boolean {
  const end = Math.min(text.length, 48);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 58 /* : */ || code === 46 /* . */ || code === 41 /* ) */ || code === 42 /* * */ || code === 95 /* _ */) return true;
  }
  return false;
}

// A quoted comment opens on a capital, a digit or an elision ("The authors …", "…in tropics…").
const OPENS_QUOTATION = /^\s*["“„«](?:\p{Lu}|\p{N}|\.\.\.|…)/u;
const CLOSES_QUOTATION = /["”»][.,;:]?\s*$/;

/**
 * Comments pasted one after the other with their answers and no blank lines, each comment in quotation
 * marks ("The authors have included …" / "Yes, we agree."): runs of whole lines from an opening to a
 * closing mark, in a paragraph that also holds other lines, are marked in `styled`.
 */
export function markQuotedLineRuns(lines: readonly LineText[], start: number, end: number, styled: Uint8Array, first: number): void {
  if (start === end) return;
  for (let line = start; line <= end; line++) {
    if (!OPENS_QUOTATION.test(lines[line].text)) continue;
    let close = line;
    while (close <= end && close < line + 6 && !CLOSES_QUOTATION.test(lines[close].text)) close++;
    if (close > end || close >= line + 6 || (line === start && close === end)) continue;
    styled.fill(1, line - first, close - first + 1);
    line = close;
  }
}
