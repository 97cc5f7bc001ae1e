// Comments someone else made, marked by their style instead of `>` (responses to reviewers).
import { matchLinkLine, matchOriginallyPosted } from '../attribution';
import { MarkdownBlock } from '../model';
import { quotePrefix } from '../quoteMarkers';
import { isBlankBetween, LineText } from '../text';

// "Comment:", "Reviewer comment:", "**2. Reviewer's Comment:**", "R1.3:", "Q2:", "Point 4:", and HotCRP's review
// numbers with a question's: "**Review #61 AQ1: Can the authors …?**", "Review #12B Q3:".
export const COMMENT_LABEL = /^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?)?(?:\*\*|__)?(?:\d+(?:\s*[,&]\s*\d+)*[.)]\s*)?(?:(?:reviewer|referee)(?:['’]s)?\s+(?:comments?|questions?|concerns?|points?)|R\d+(?:\.\d+)+|Q\d+|(?:reviewer|referee)\s*#?\d+(?:\.\d+)?|review\s*#\s*\d+[a-z]?(?:\s*[a-z]?q\d+)?)\s*[:.)](?:\*\*|__)?/i;
// "Reply:", "Response:", "**Response**", "Author response:", "Our reply:", "A1:".
export const RESPONSE_LABEL = /^\s*(?:\*\*|__)?(?:\d+(?:\s*[,&]\s*\d+)*[.)]\s*)?(?:(?:author(?:s|s['’]|['’]s)?\s+|our\s+)?(?:reply|response|answer|rebuttal)|A\d+)\s*(?:to\s+[^:*_]{1,30})?(?:[:.]|\*\*\s*:?|__\s*:?)/i;

const LIST_MARKER = /^(?:[-+*]|\d{1,3}[.)])[ \t]+/;

/**
 * Whether paragraph first..last is someone else's comment marked by its style: all in italics, all in
 * quotation marks, under a comment label, or answered by a paragraph labelled "Response:"/"Reply:".
 */
export function isStyledComment(lines: readonly LineText[], first: number, last: number): boolean {
  // Most paragraphs of a draft start with a letter and hold no label, nor does the line after them:
  // settled with a few character tests, before any pattern.
  const firstText = lines[first].text;
  let start = 0;
  while (start < firstText.length && (firstText.charCodeAt(start) === 32 || firstText.charCodeAt(start) === 9)) start++;
  // A list item's comment is styled after its marker: "- *Section 2.3: too many vague phrases…*".
  const lead = firstText.charCodeAt(start);
  const marker = lead === 45 || lead === 43 || lead === 42 || (lead >= 48 && lead <= 57) ? LIST_MARKER.exec(firstText.slice(start, start + 8)) : null;
  if (marker && /[*_"“„«]/.test(firstText.charAt(start + marker[0].length))) start += marker[0].length;
  const opening = firstText.charCodeAt(start);
  const marked = opening === 42 || opening === 95 || opening === 34 || opening === 0x201c || opening === 0x201e || opening === 0xab;
  const labelled = mayBeLabel(firstText);
  let next = -2;
  if (!marked && !labelled) {
    next = nextTextLine(lines, last);
    if (next < 0 || !mayBeLabel(lines[next].text)) return false;
  }
  const head = firstText.slice(start);
  const tail = lines[last].text.trimEnd();
  if (head.length + tail.length < 30 || (labelled && RESPONSE_LABEL.test(head))) return false;
  // "_Originally posted by @user in …_" is an attribution in italics, not a comment.
  if (first === last && (matchOriginallyPosted(head) || matchLinkLine(head) || isFewWords(head))) return false;
  if ((opening === 42 || opening === 95) && isItalicParagraph(head, tail)) return true;
  if (opening !== 42 && opening !== 95 && marked && /["”»][.,;:]?$/.test(tail)) {
    return !(first === last && isQuotedTitle(head)) && !isDatedPostHeader(lines, first, last) && !isOwnVoiceInQuotes(lines, first, last) && !isDialogueTurn(lines, first, last);
  }
  // (A label alone, "**7, 8, 9, 10. Reviewer's Comment:**", introduces the comment under it.)
  if (labelled && COMMENT_LABEL.test(head)) return first !== last || head.replace(COMMENT_LABEL, '').replace(/[*_\s]+/g, '').length > 0;
  if (next === -2) next = nextTextLine(lines, last);
  return next >= 0 && mayBeLabel(lines[next].text) && RESPONSE_LABEL.test(lines[next].text);
}

/**
 * A paragraph in quotation marks set straight after the writer's own finished sentence, which nothing sets
 * up as someone else's words: no lead-in ("…this statement from the middle:"), no signature under it
 * ("—Paul Postal"), not the top of a post, not a reviewer's voice after an answer. The writer's own voice
 * in quotation marks: a paraphrase, imagined speech, a mock "translation" of the paragraph above it.
 */
function isOwnVoiceInQuotes(lines: readonly LineText[], first: number, last: number, reach = DIALOGUE_REACH): boolean {
  return isOwnVoiceAfterProse(lines, first, last) || (reach > 0 && isVariantOfOwnVoice(lines, first, reach));
}

/**
 * Variants of one line the writer proposes, each in quotation marks under the one before ("“We've got some
 * exciting news coming up, and we think it could change the world”" / "“We've got some exciting news coming
 * up, that should really fire up geologists”"): the same opening words, the same voice as the first of them.
 */
function isVariantOfOwnVoice(lines: readonly LineText[], first: number, reach: number): boolean {
  const above = previousTextLine(lines, first);
  if (above < 0) return false;
  let start = above;
  while (start > 0 && start > above - 6 && !isBlankBetween(lines[start - 1].text, 0, lines[start - 1].text.length)) start--;
  if (!isParagraphInQuotationMarks(lines, start, above)) return false;
  const opening = openingWords(lines[first].text);
  return opening !== null && opening === openingWords(lines[start].text) && isOwnVoiceInQuotes(lines, start, above, reach - 1);
}

/** The first three words of a paragraph in quotation marks, in lower case, or null when it has fewer. */
function openingWords(text: string): string | null {
  const words = text.trimStart().slice(1).toLowerCase().split(/\s+/, 4);
  return words.length >= 4 ? words.slice(0, 3).join(' ') : null;
}

/** A paragraph in quotation marks straight after the writer's own finished sentence (isOwnVoiceInQuotes). */
function isOwnVoiceAfterProse(lines: readonly LineText[], first: number, last: number): boolean {
  const above = previousTextLine(lines, first);
  if (above < 0 || !/[.!?…]["”’)]?\s*$/.test(lines[above].text) || !isPlainProse(lines[above].text)) return false;
  let opening = above;
  while (opening > 0 && !isBlankBetween(lines[opening - 1].text, 0, lines[opening - 1].text.length)) opening--;
  if (!isPlainProse(lines[opening].text) || OPENS_ANSWER.test(lines[opening].text.trimStart()) || OPENS_AS_AUTHORS.test(lines[opening].text)) return false;
  const below = nextTextLine(lines, last);
  if (below >= 0 && /^\s*(?:[—―–~]|--)/.test(lines[below].text)) return false;
  let text = '';
  for (let line = first; line <= last; line++) text += ` ${lines[line].text}`;
  return !REVIEWER_WORDS.test(text);
}

/** Fewer than six words: too short to stand as a comment by itself ("“We don’t care”", "“Ok then”"). */
function isFewWords(text: string): boolean {
  return (text.match(/\s+/g)?.length ?? 0) < 5;
}

// How far a run of paragraphs in quotation marks is followed each way (a dialogue shows within a few turns).
const DIALOGUE_REACH = 8;

/**
 * A paragraph in quotation marks among others set one under the other with nothing between them, some of
 * them a few words only: the turns of a conversation the writer tells or imagines ("“If you invade there
 * will be sanctions.”" / "“We don’t care”" / "“That means you can’t pay your debts”" / "“Ok then”"), not
 * comments quoted to be answered, which a response letter answers one by one and which are sentences.
 */
function isDialogueTurn(lines: readonly LineText[], first: number, last: number): boolean {
  let turns = 1;
  let short = first === last && isFewWords(lines[first].text.trim());
  for (let end = first, step = 0; step < DIALOGUE_REACH; step++) {
    const above = previousTextLine(lines, end);
    if (above < 0) break;
    let start = above;
    while (start > 0 && start > above - 6 && !isBlankBetween(lines[start - 1].text, 0, lines[start - 1].text.length)) start--;
    if (!isParagraphInQuotationMarks(lines, start, above)) break;
    turns++;
    short ||= start === above && isFewWords(lines[start].text.trim());
    end = start;
  }
  for (let start = last, step = 0; step < DIALOGUE_REACH; step++) {
    const below = nextTextLine(lines, start);
    if (below < 0) break;
    let end = below;
    while (end + 1 < lines.length && end < below + 6 && !isBlankBetween(lines[end + 1].text, 0, lines[end + 1].text.length)) end++;
    if (!isParagraphInQuotationMarks(lines, below, end)) break;
    turns++;
    short ||= below === end && isFewWords(lines[below].text.trim());
    start = end;
  }
  return turns >= 3 && short;
}

/** Whether lines first..last open on a quotation mark and close on one: a paragraph wholly in quotation marks. */
function isParagraphInQuotationMarks(lines: readonly LineText[], first: number, last: number): boolean {
  return OPENS_QUOTATION.test(lines[first].text) && CLOSES_QUOTATION.test(lines[last].text);
}

/** A line of running text: no quote marker, heading, list marker, label or table. */
function isPlainProse(text: string): boolean {
  return /^\s{0,3}[\p{L}\p{N}("“‘'’]/u.test(text) && !mayBeLabel(text.slice(0, 24).replace(/[.!?…]/g, ' ')) && !text.includes('|');
}

/** The last line with text within the three before `line`, or -1. */
function previousTextLine(lines: readonly LineText[], line: number): number {
  for (let previous = line - 1; previous >= 0 && previous >= line - 3; previous--) if (!isBlankBetween(lines[previous].text, 0, lines[previous].text.length)) return previous;
  return -1;
}

/** One `*` or `_` (not bold) opens the paragraph and the same closes it, a word's last letter before it. */
function isItalicParagraph(head: string, tail: string): boolean {
  const mark = head.charCodeAt(0);
  if (head.charCodeAt(1) === mark || /\s/.test(head[1] ?? ' ')) return false;
  let end = tail.length - 1;
  const after = tail.charCodeAt(end);
  if (after === 46 || after === 58 || after === 59 || after === 44) end--;
  if (tail.charCodeAt(end) !== mark) return false;
  const before = tail[end - 1] ?? ' ';
  return !/[\s*_]/.test(before);
}

/** The first line with text within the three after `line`, or -1. */
export function nextTextLine(lines: readonly LineText[], line: number): number {
  for (let next = line + 1; next < lines.length && next <= line + 3; next++) if (!isBlankBetween(lines[next].text, 0, lines[next].text.length)) return next;
  return -1;
}

/** Every label ends within its first few words with a colon, a full stop, a bracket or bold markers. */
function mayBeLabel(text: string): boolean {
  // Within its first four words: "Reply:", "**Response**", "2. Reviewer's Comment:", "R1.3:", "Author response:".
  let spaces = 0;
  for (let i = 0; i < text.length && i < 48; i++) {
    const code = text.charCodeAt(i);
    if (code === 58 /* : */ || code === 46 /* . */ || code === 41 /* ) */ || code === 42 /* * */ || code === 95 /* _ */) return true;
    if (code === 32 && ++spaces > 4) return false;
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
  let answers = -1;
  for (let line = start; line <= end; line++) {
    if (!OPENS_QUOTATION.test(lines[line].text)) continue;
    let close = line;
    while (close <= end && close < line + 6 && !CLOSES_QUOTATION.test(lines[close].text)) close++;
    if (close > end || close >= line + 6) {
      // A comment that goes on after its quoted words ("“In our understanding…” -> “To our knowledge…” Hopefully,
      // a literature search …") runs to the answer under it ("Done."), among answers in the same shape.
      if (answers < 0) answers = answerLines(lines, start, end);
      close = answers >= 2 ? answerBelow(lines, line, end) - 1 : -1;
      if (close < line) continue;
    }
    if (line === start && close === end) continue;
    styled.fill(1, line - first, close - first + 1);
    line = close;
  }
}

/** How many lines of start..end open as the authors answer ("Done.", "Yes, we agree."). */
function answerLines(lines: readonly LineText[], start: number, end: number): number {
  let count = 0;
  for (let line = start; line <= end; line++) if (OPENS_ANSWER.test(lines[line].text.trimStart())) count++;
  return count;
}

/** The first line within three after `line` that opens as the authors answer, or -1. */
function answerBelow(lines: readonly LineText[], line: number, end: number): number {
  for (let below = line + 1; below <= end && below <= line + 3; below++) if (OPENS_ANSWER.test(lines[below].text.trimStart())) return below;
  return -1;
}

// A line all in italics or bold: "_Reworded in more plain language._", "**Noted and done.**".
const STYLED_LINE = /^\s*(?:(\*\*|__)[^*_\s](?:.*[^*_\s])?\1|([*_])[^*_\s](?:.*[^*_\s])?\2)[.,;:!?]?\s*$/;

/**
 * A list item holding a comment and, on its last lines, the answer in italics or bold ("- 17: Unclear what
 * 'Their' refers to here." / "_Revised as suggested._"): the plain lines first are the comment, as an answer
 * follows what it answers. Marked in `styled`; false when the item is not such a pair.
 */
export function markCommentOverStyledResponse(lines: readonly LineText[], start: number, end: number, styled: Uint8Array, first: number): boolean {
  if (start === end || !STYLED_LINE.test(lines[end].text)) return false;
  let answer = end;
  while (answer > start + 1 && STYLED_LINE.test(lines[answer - 1].text)) answer--;
  for (let line = start; line < answer; line++) if (STYLED_LINE.test(lines[line].text.replace(LIST_MARKER_AT_START, ''))) return false;
  if ((lines[start].text.match(/\S+/g)?.length ?? 0) < 4) return false;
  styled.fill(1, start - first, answer - first);
  return true;
}

const LIST_MARKER_AT_START = /^\s*(?:[-+*]|\d{1,3}[.)])[ \t]+/;

// How authors open an answer to a reviewer: "We have …", "We thank the reviewer", "Thank you", "Done.",
// "Response:", after an echo of the comment's words in italics ("*limiting reproducibility* We have …").
export const OPENS_ANSWER =
  /^(?:[*_]{1,2}[^*_]{1,80}[*_]{1,2}[:.]?\s+)?(?:(?:\*\*|__)?(?:(?:author(?:s|s['’]|['’]s)?|our)\s+)?(?:response|reply|answer)\s*(?:\*\*|__)?\s*:|we\s+(?:(?:would|wish|want)\s+(?:like\s+)?to\s+(?:\w+ly\s+)?)?(?:have|thank|agree|added|changed|revised|corrected|clarified|updated|removed|now|appreciate|acknowledge|apologi[sz]e|fixed|rewrote|rephrased|included|moved|merged|extended|expanded|followed|modified|replaced|are\s+grateful)\b|thank\s+you\b|thanks\b|(?:done|fixed|agreed|corrected|revised|changed|added|addressed)\b[.!,:]?)/i;
// How a reviewer writes: of the authors and the manuscript, asking, in the first person.
export const REVIEWER_WORDS = /\bthe\s+(?:authors?|manuscript|paper|article|submission|study)\b|\bplease\b|\bshould\b|\?/i;
const FIRST_PERSON = /(?:^|[\s(])I(?:['’](?:d|m|ve)|\s)/;
export const OPENS_AS_AUTHORS = /^\s*(?:(?:[-+*]|\d{1,3}[.)])\s+)?(?:we|our|thank)\b/i;
// A reviewer's second round quotes the authors' answers to comment on them: "the authors reply", "their response".
const INTRODUCES_AUTHORS_ANSWER = /\b(?:the\s+authors?['’]?\s+(?:reply|replies|replied|respon\w*|answer\w*|rebuttal)|their\s+(?:reply|response|answer|rebuttal))\b/i;

/** Whether the line is a `>` line that opens as authors answer a reviewer ("> We have …"). */
export function opensAnswerInQuote(text: string): boolean {
  const content = text.trimStart();
  return content.charCodeAt(0) === 62 /* > */ && OPENS_ANSWER.test(content.slice(quotePrefix(content).length));
}

/**
 * Whether `comment`, a plain paragraph or list item, is a reviewer's comment that the drafter answers in
 * the `>` block right under it: a response letter that quotes its answers instead of the comments (the
 * comment speaks of the authors or as "I", the answer opens as the authors do: "We have …", "Done.").
 */
export function answersInQuote(lines: readonly LineText[], comment: MarkdownBlock, answer: MarkdownBlock): boolean {
  if (answer.quoteDepth !== 1 || answer.startLine > comment.endLine + 3 || comment.endLine - comment.startLine > 12) return false;
  if (!opensAnswerInQuote(lines[answer.startLine].text)) return false;
  const first = lines[comment.startLine].text;
  const lastText = lines[comment.endLine].text.trimEnd();
  if (OPENS_AS_AUTHORS.test(first) || lastText.endsWith(':') || RESPONSE_LABEL.test(first)) return false;
  let text = first;
  for (let line = comment.startLine + 1; line <= comment.endLine; line++) text += ` ${lines[line].text}`;
  if ((text.match(/\S+/g)?.length ?? 0) < 6 || INTRODUCES_AUTHORS_ANSWER.test(text)) return false;
  return REVIEWER_WORDS.test(text) || FIRST_PERSON.test(text);
}

// A post header's time of day ("03:28:43 PM"), the one thing a comment in guillemets would not hold bare.
const TIME_OF_DAY = /\b\d{1,2}:\d{2}(?::\d{2})?\b/;
const MAX_POST_HEADER_WORDS = 10;

/**
 * SMF's post header copied over several lines, in guillemets ("«" / "Reply #2 on:" / "November 27, 2025,
 * 03:28:43 PM »"): a few words and a time of day, no sentence. Not a comment.
 */
function isDatedPostHeader(lines: readonly LineText[], first: number, last: number): boolean {
  let text = '';
  for (let line = first; line <= last; line++) text += ` ${lines[line].text}`;
  const inner = text.replace(/["“„«”»]/g, '').trim();
  return TIME_OF_DAY.test(inner) && !/[.!?]\s/.test(inner) && inner.split(/\s+/).length <= MAX_POST_HEADER_WORDS;
}

/**
 * A title in quotation marks on a line of its own ("“Coming Soon to Hacker News: Pending Comments”"), as a
 * post names the article it discusses: a few words, capitalised, no sentence inside. Not a comment.
 */
function isQuotedTitle(line: string): boolean {
  const inner = line.replace(/^["“„«]|["”»][.,;:]?$/g, '');
  if (/[.!?]\s/.test(inner) || /[.!]$/.test(inner)) return false;
  const words = inner.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 2 || words.length > 12) return false;
  const longWords = words.filter((word) => word.length >= 4);
  // (Title case leaves short words and the odd "with" or "from" in lower case.)
  return longWords.length > 0 && longWords.filter((word) => /^\p{Lu}/u.test(word)).length >= longWords.length * 0.75;
}

/**
 * The vote of blocks[index], a `>` block right under a plain paragraph or list item: 1 when it reads as
 * the authors' answer to a reviewer's comment (answersInQuote), -1 when it opens otherwise, 0 for any
 * other block (and a `>` block opening as an answer under a comment that is not a reviewer's).
 */
export function answerVote(lines: readonly LineText[], blocks: readonly MarkdownBlock[], index: number): number {
  const block = blocks[index];
  if (block.quoteDepth !== 1 || index === 0) return 0;
  const comment = blocks[index - 1];
  if (comment.quoteDepth !== 0 || (comment.kind !== 'paragraph' && comment.kind !== 'list-item') || block.startLine > comment.endLine + 3 || !isQuoteLine(lines[block.startLine].text)) return 0;
  if (answersInQuote(lines, comment, block)) return 1;
  return opensAnswerInQuote(lines[block.startLine].text) ? 0 : -1;
}

/** A line opening a one-level `>` quote (indented or not): "> text", "    >", not "> > text". */
export function isQuoteLine(text: string): boolean {
  let at = 0;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  if (text.charCodeAt(at) !== 62) return false;
  at++;
  if (text.charCodeAt(at) === 32) at++;
  return text.charCodeAt(at) !== 62;
}

/** A paragraph that is a response label alone: "**1. Response:**", "Reply:", "Author response:". */
export function isResponseLabelAlone(lines: readonly LineText[], block: MarkdownBlock): boolean {
  if (block.startLine !== block.endLine) return false;
  return isResponseLabelText(lines[block.startLine].text);
}

/** A line that is a response label and nothing else. */
export function isResponseLabelText(text: string): boolean {
  if (!mayBeLabel(text) || !RESPONSE_LABEL.test(text)) return false;
  return text.replace(RESPONSE_LABEL, '').replace(/[*_\s]+/g, '').length === 0;
}

/**
 * In an answer letter, whether plain block is a reviewer's comment answered by the `>` block under it:
 * anything but the authors' own words ("We …", a response label) or a few words standing as a title.
 */
export function isCommentOverAnswer(lines: readonly LineText[], block: MarkdownBlock): boolean {
  const first = lines[block.startLine].text;
  if (OPENS_AS_AUTHORS.test(first) || RESPONSE_LABEL.test(first)) return false;
  let words = 0;
  for (let line = block.startLine; line <= block.endLine && words < 4; line++) words += lines[line].text.match(/\S+/g)?.length ?? 0;
  return words >= 4;
}
