// Step 2 of the parse: each line's quote depth and flags, from `>` markers, `[quote]` tags, lazy
// continuation lines, and quotes that lost their markers.
import { findBbcodeTags, headerDateLines, isSignatureDelimiter, matchForumHeader, matchLeadingAttribution, matchOutlookHeader, matchPostHeader, mayStartOutlookHeader, programSubject } from '../attribution';
import { FrontMatter } from '../frontMatter';
import { maskCodeSpans } from '../masking';
import { BbcodeOpen, LineInfo, MarkdownBlock } from '../model';
import { endsWithColon, isBlankBetween, LineText } from '../text';
import { lostBreakBetween } from './lostBreaks';
import { quotedOutlookHeaderEnd } from './quotedOriginals';
import { indentationDepths } from './indentedQuotes';
import { markUnmarkedReviews } from './unmarkedReviews';
import { isIndentedAnswer, isPointOverIndentedAnswer } from './indentedAnswers';
import { commentStart, isReviewerLabelLine, markSummaryUnderLabel } from './commentGroups';
import { answersInQuote, isCommentOverAnswer, isQuoteLine, isResponseLabelAlone, isResponseLabelText, isStyledComment, markCommentOverStyledResponse, markQuotedLineRuns, nextTextLine, opensAnswerInQuote } from './styledComments';

const BLANK = 1;
const CODE = 2;
const HTML = 4;
const FRONT_MATTER = 8;
const REPLY_IN_QUOTE = 16;
const PASTED_QUOTE = 32;
const STYLED_QUOTE = 64;

/**
 * A LineInfo in five fields: one per line of the draft is kept, and the four flags and the rare
 * `[quote]` tags took as many fields again (96 bytes a line where this takes 64).
 */
class PackedLineInfo implements LineInfo {
  constructor(
    readonly depth: number,
    readonly contentStart: number,
    readonly contentEnd: number,
    private readonly flags: number,
    private readonly bbcode: { opens: readonly BbcodeOpen[]; closes: readonly number[] } | null,
  ) {}

  get flagBits(): number {
    return this.flags;
  }

  get blank(): boolean {
    return (this.flags & BLANK) !== 0;
  }

  get code(): boolean {
    return (this.flags & CODE) !== 0;
  }

  get html(): boolean {
    return (this.flags & HTML) !== 0;
  }

  get frontMatter(): boolean {
    return (this.flags & FRONT_MATTER) !== 0;
  }

  get replyInQuote(): boolean {
    return (this.flags & REPLY_IN_QUOTE) !== 0;
  }

  get pastedQuote(): boolean {
    return (this.flags & PASTED_QUOTE) !== 0;
  }

  get styledQuote(): boolean {
    return (this.flags & STYLED_QUOTE) !== 0;
  }

  get bbcodeOpens(): readonly BbcodeOpen[] {
    return this.bbcode?.opens ?? NONE;
  }

  get bbcodeCloses(): readonly number[] {
    return this.bbcode?.closes ?? NONE;
  }
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * The same line one quote level deeper, as a quoted post's words that lost their box (PASTED_QUOTE): for
 * the lines continuing a quote box (continuedQuotes.ts). Blank lines between them stay in the quote.
 */
export function deeperLineInfo(info: LineInfo, text: string): LineInfo {
  const packed = info as PackedLineInfo;
  const flags = packed.flagBits | (packed.blank ? 0 : PASTED_QUOTE);
  const bbcode = packed.bbcodeOpens.length > 0 || packed.bbcodeCloses.length > 0 ? { opens: packed.bbcodeOpens, closes: packed.bbcodeCloses } : null;
  return text.length === 0 && bbcode === null ? emptyLineInfo(info.depth + 1, flags) : new PackedLineInfo(info.depth + 1, info.contentStart, info.contentEnd, flags, bbcode);
}

/** Counts leading `>` markers (each may be preceded by up to three spaces and followed by one space). */
function scanMarkers(text: string, max: number): { count: number; end: number } {
  let count = 0;
  let index = 0;
  while (count < max) {
    let cursor = index;
    let spaces = 0;
    while (text[cursor] === ' ' && spaces < 3) {
      cursor++;
      spaces++;
    }
    if (text[cursor] !== '>') break;
    cursor++;
    count++;
    if (text[cursor] === ' ' || text[cursor] === '\t') cursor++;
    index = cursor;
  }
  return { count, end: index };
}

/** Fills info[first..last]; the line before `first` (if any) must be a block boundary outside any quote. */
/**
 * Reads lines `first`..`last` into `info`; returns how many `[quote]` tags are still open after `last`.
 *
 * (Written for V8's sake: a draft's first parse runs this loop over every line once, so V8 compiles it
 * on the stack, from feedback gathered by that run alone, and keeps that code for the short runs each
 * keystroke makes. A test or a store that the long run never reached has no feedback there, and every
 * keystroke reaching it threw the code away again: two such sites cost one deoptimisation each a keystroke.
 * So the front matter test is made on every line, and the result is a number, not an object literal.)
 */
export function scanLines(lines: readonly LineText[], blocks: readonly MarkdownBlock[], frontMatter: FrontMatter | null, info: LineInfo[], first: number, last: number, answerLetter = false, unmarkedReviews = false): number {
  // Per line from `first`: typed arrays, not a Map and Sets of line numbers (a lookup each per line).
  const NOT_CODE = -1;
  const codeDepth = new Int32Array(last - first + 1).fill(NOT_CODE);
  const inHtml = new Uint8Array(last - first + 1);
  const lazyCandidate = new Uint8Array(last - first + 1);
  const styled = new Uint8Array(last - first + 1);
  // First lines of `>` blocks that are the drafter's own answers to the plain comment above them.
  const answerStarts = new Uint8Array(last - first + 1);
  // Lines of a thread quoted by indentation (parsing/indentedQuotes.ts): their depth and where their text starts.
  let indentDepth: Int32Array | null = null;
  let indentContentStart: Int32Array | null = null;
  if (unmarkedReviews) markUnmarkedReviews(lines, blocks, styled, first);
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if (block.indentedThread && block.startLine >= first && block.endLine <= last) {
      const { depths, contentStarts } = indentationDepths(lines, block.startLine, block.endLine);
      indentDepth ??= new Int32Array(last - first + 1).fill(-1);
      indentContentStart ??= new Int32Array(last - first + 1);
      indentDepth.set(depths, block.startLine - first);
      indentContentStart.set(contentStarts, block.startLine - first);
      continue;
    }
    for (let line = Math.max(block.startLine, first); line <= Math.min(block.endLine, last); line++) {
      if (block.kind === 'code') codeDepth[line - first] = block.quoteDepth;
      else if (block.kind === 'html') inHtml[line - first] = 1;
      if (block.quoteDepth > 0) lazyCandidate[line - first] = 1;
    }
    if (answerLetter && block.quoteDepth === 1 && block.startLine >= first && block.startLine <= last && opensAnswerInQuote(lines[block.startLine].text) && !(block.startLine > 0 && isQuoteLine(lines[block.startLine - 1].text))) {
      // In a letter that sets its answers in `>`, a block opening as the authors do is theirs ("> We thank the reviewers…").
      answerStarts[block.startLine - first] = 1;
    }
    if (answerLetter && block.quoteDepth === 0 && block.startLine === block.endLine && block.startLine >= first && (block.kind === 'heading' || block.kind === 'paragraph') && isReviewerLabelLine(lines[block.startLine].text)) {
      // The reviewer's summary under their label, which no `>` answer follows (commentGroups.ts).
      markSummaryUnderLabel(lines, blocks, index, styled, first, last);
      continue;
    }
    if (block.quoteDepth === 0 && (block.kind === 'paragraph' || block.kind === 'list-item') && block.startLine >= first && block.endLine <= last) {
      // A `>` line right under it: an answer under a response label ("**1. Response:**" / "> We have …"),
      // or under a reviewer's comment in a letter that sets its answers in `>` (styledComments.ts).
      const below = lines[block.endLine + 1] !== undefined && block.endLine < last ? nextTextLine(lines, block.endLine) : -1;
      if (below >= 0 && below <= last && isQuoteLine(lines[below].text)) {
        if (isResponseLabelAlone(lines, block)) {
          answerStarts[below - first] = 1;
          continue;
        }
        if (answerLetter && isCommentOverAnswer(lines, block)) {
          styled.fill(1, block.startLine - first, block.endLine - first + 1);
          // The comment's lines run up through the plain blocks right above it ("2. Two repeated sentences:" / "- …").
          for (let above = index - 1; above >= 0 && blocks[above].startLine >= first && blocks[above].quoteDepth === 0 && (blocks[above].kind === 'paragraph' || blocks[above].kind === 'list-item') && blocks[above].endLine === blocks[above + 1].startLine - 1; above--) {
            styled.fill(1, blocks[above].startLine - first, blocks[above].endLine - first + 1);
          }
          answerStarts[below - first] = 1;
          continue;
        }
      }
      // Plain numbered points answered in indented italics: the italics are the writer's (indentedAnswers.ts).
      if (isIndentedAnswer(lines, blocks, index, first)) continue;
      if (block.kind === 'list-item' && isPointOverIndentedAnswer(lines, blocks, index, last)) {
        styled.fill(1, block.startLine - first, block.endLine - first + 1);
        continue;
      }
      // A comment of several blocks answered under a response label ("### Comment 4" / … / "**Reply**") is all
      // of them, from what opens it (commentGroups.ts).
      const opening = below >= 0 && below <= last && isResponseLabelText(lines[below].text) ? commentStart(lines, block.startLine) : -1;
      if (opening >= 0) styled.fill(1, Math.max(opening, first) - first, block.endLine - first + 1);
      else if (isStyledComment(lines, block.startLine, block.endLine)) styled.fill(1, block.startLine - first, block.endLine - first + 1);
      // Or under a label of its own line ("General:" / "*- the use of shims is likely unfamiliar …*"): the lines under it.
      else if (block.endLine > block.startLine && isLabelLine(lines[block.startLine].text) && isStyledComment(lines, block.startLine + 1, block.endLine)) styled.fill(1, block.startLine + 1 - first, block.endLine - first + 1);
      else if (block.kind === 'list-item' && markCommentOverStyledResponse(lines, block.startLine, block.endLine, styled, first)) continue;
      else if (index + 1 < blocks.length && blocks[index + 1].startLine <= last && answersInQuote(lines, block, blocks[index + 1])) {
        styled.fill(1, block.startLine - first, block.endLine - first + 1);
        answerStarts[blocks[index + 1].startLine - first] = 1;
      } else markQuotedLineRuns(lines, block.startLine, block.endLine, styled, first);
    }
  }

  let bbcodeDepth = 0;
  // Whether the line is in a `>` block that answers the comment above it (see answersInQuote).
  let inAnswer = false;
  // Whether the line before opened (or continued) a quote that a forum header introduced and the copy unmarked.
  let inPastedQuote = false;
  // How deep that quote is: one level, or two when a header inside a pasted quote opens a quote in it.
  let pastedDepth = 1;
  // The last line of a `>` box that may hold only a forum header (its quoted text lost the box), followed so
  // far by empty `>` lines only, and where its markers end (-1: none). Whether it is a header is asked only
  // of the unmarked line under such a box, not of every quoted line.
  let boxLine = -1;
  let boxMarkersEnd = 0;
  // The line a pasted quote starts on, one blank line under its header (-1: none).
  let pastedAfterBlank = -1;
  // The last line of a quote box the copy turned into rules of dashes ("-----" / "X said: ↑" / … / "-----"):
  // the quote runs over its blank lines to the closing rule (-1: none).
  let ruledBoxEnd = -1;
  // …and its depth: one deeper than its header's, which a chain of copied boxes ("A wrote:" / "" / "B wrote:"
  // / "" / text) sets inside the quote the header above it opened.
  let pastedAfterBlankDepth = 1;
  // The last line of an Outlook header at the top level (top-posting): every line after it is the original
  // message, pasted without `>`, one level deeper than its markers say. -1 while there is none.
  let originalAfter = -1;
  let originalStarted = false;
  // How many levels deep the original under it is: one under an Outlook header; a mail client that quotes
  // with no mark nests the chain by order, each "On …, X wrote:" inside it one level deeper (NetEase Mail Master).
  let originalLevels = 1;
  // A blank line belongs to the original only between two of its lines of text: the quote ends at its last.
  // (The next line of text is found once per run of blank lines, not once per blank line.)
  let nextText = -1;
  let nextTextIsOriginal = false;
  const originalGoesOn = (line: number): boolean => {
    if (line < nextText) return nextTextIsOriginal;
    nextText = line + 1;
    while (nextText <= last && isBlankBetween(lines[nextText].text, 0, lines[nextText].text.length)) nextText++;
    nextTextIsOriginal = nextText <= last && codeDepth[nextText - first] === NOT_CODE && inHtml[nextText - first] === 0 && !matchPostHeader(lines[nextText].text.trim());
    return nextTextIsOriginal;
  };
  // The last line of an Outlook header inside a quoted message (quotedOriginals.ts), and how many `>` it has:
  // the lines under it, to the end of that quote, are its original, one level deeper. -1 while there is none.
  let quotedOriginalAfter = -1;
  let quotedOriginalMarkers = 0;
  let quotedOriginalStarted = false;
  // The last line of the last Outlook header read inside a quote.
  let quotedHeaderEnd = -1;
  // How many `>` the last line of text had (0 after a line outside any quote): a header with as many
  // continues the quoted message above it instead of opening a quote of its own.
  let lastTextMarkers = 0;
  const frontMatterStart = frontMatter ? frontMatter.startLine : -1;
  const frontMatterEnd = frontMatter ? frontMatter.endLine : -2;
  for (let i = first; i <= last; i++) {
    const text = lines[i].text;
    if (i >= frontMatterStart && i <= frontMatterEnd) {
      info[i] = new PackedLineInfo(0, 0, text.length, FRONT_MATTER | (isBlankBetween(text, 0, text.length) ? BLANK : 0), null);
      continue;
    }
    const inCode = codeDepth[i - first] !== NOT_CODE;
    const html = inHtml[i - first] === 1;
    const markers = scanMarkers(text, inCode ? codeDepth[i - first] : Number.POSITIVE_INFINITY);
    let count = markers.count;
    let end = markers.end;
    if (indentDepth !== null && indentDepth[i - first] >= 0) {
      count = indentDepth[i - first];
      end = Math.min(indentContentStart![i - first], text.length);
    }
    if (count === 0 && !inCode && !html && bbcodeDepth === 0 && lazyCandidate[i - first] === 0) {
      const initials = initialsQuote(lines, i, first, last);
      if (initials) {
        count = initials.depth;
        end = initials.end;
      }
    }
    if (count === 1 && !inCode && isChatEcho(lines, i, first, last)) {
      // An IRC log marks the logger's own lines with '>' among the others' "<nick> …" lines: no quote.
      count = 0;
      end = 0;
    }
    if (count === 0 && !inCode && lazyCandidate[i - first] === 1 && text.charCodeAt(0) === 32) {
      // A quote inside a list item is indented by the item's content ("1. Comment" / "    > Answer"): past the
      // three spaces a top-level `>` may have, where markdown-it found a quote.
      const indent = text.length - text.trimStart().length;
      if (indent > 3 && text.charCodeAt(indent) === 62 /* > */) {
        const nested = scanMarkers(text.slice(indent), Number.POSITIVE_INFINITY);
        count = nested.count;
        end = indent + nested.end;
      }
    }
    let markdownDepth = count;
    let replyInQuote = false;
    const blank = isBlankBetween(text, end, text.length);
    if (count === 0 && !blank && !inCode && lazyCandidate[i - first] === 1 && i > first && !info[i - 1].blank) {
      // A lazy continuation line: CommonMark keeps it in the quote of the paragraph it continues, which is
      // right for a quoted paragraph wrapped with one `>`, and wrong for a reply typed under the quote.
      replyInQuote = bbcodeDepth === 0 && !info[i - 1].replyInQuote && info[i - 1].depth > 0 && startsReply(lines[i - 1].text, text);
      markdownDepth = replyInQuote ? 0 : info[i - 1].depth - bbcodeDepth;
    }
    const lazy = markdownDepth !== count;
    if (answerStarts[i - first] === 1) inAnswer = true;
    else if (inAnswer && count === 0 && (blank || !lazy)) inAnswer = false;
    // The answer's own `>` sets it apart, and quotes nothing: its text is the drafter's, one level up.
    if (inAnswer && markdownDepth > 0) markdownDepth--;
    // Text outside code, HTML and `[quote]` tags, with no `>` of its own: where quotes that lost their marks are read.
    const unmarkedText = count === 0 && !blank && !inCode && !html && bbcodeDepth === 0;
    let pasted = false;
    // An original whose first line already has its `>` was marked as a quote (by hand, or by "Mark as a
    // quote"): it is read by its markers like any quote, not one level deeper again.
    if (originalAfter >= 0 && i > originalAfter && !originalStarted && !blank && count > 0) originalAfter = -1;
    // A copied page's next post ends the original (its header follows a blank line).
    if (originalAfter >= 0 && i > originalAfter && unmarkedText && i > first && info[i - 1].blank && matchPostHeader(text.trim())) {
      originalAfter = -1;
      inPastedQuote = false;
    }
    // (Blank lines between the header and the original's first line stay outside it: in the outer original, when nested.)
    if (originalAfter >= 0 && i > originalAfter && !inCode && !html && (blank ? originalStarted && originalGoesOn(i) : true)) {
      if (!lazy) markdownDepth += originalLevels;
      pasted = true;
      originalStarted = true;
    } else if (originalAfter >= 0 && i > originalAfter && blank && !originalStarted && originalLevels > 1 && !inCode && !html) {
      markdownDepth += originalLevels - 1;
      pasted = true;
    } else if (originalAfter < 0 && unmarkedText && mayStartOutlookHeader(text)) {
      const window: string[] = [];
      for (let k = i; k <= last && k < i + 8; k++) window.push(lines[k].text);
      const header = matchOutlookHeader(window);
      if (header && i + header.lines <= last) {
        originalAfter = i + header.lines - 1;
        originalLevels = 1;
      }
    }
    // "On 11/21/2018 14:08, RogerG6 wrote:" with the mail right under it and no `>`: the rest is that original.
    if (unmarkedText && i < last && endsWithColon(text) && opensUnmarkedOriginal(lines, i, last)) {
      originalLevels = originalAfter >= 0 && i > originalAfter ? originalLevels + 1 : 1;
      originalAfter = i;
      originalStarted = false;
    }
    // An original whose first line has a `>` more than its header was marked as a quote already.
    if (quotedOriginalAfter >= 0 && i > quotedOriginalAfter && !quotedOriginalStarted && !blank && count > quotedOriginalMarkers) quotedOriginalAfter = -1;
    if (quotedOriginalAfter >= 0 && i > quotedOriginalAfter) {
      // The quote the header stood in ends at a line with fewer `>` (a lazy line goes on with the one above).
      if (count < quotedOriginalMarkers && (blank || !lazy)) quotedOriginalAfter = -1;
      else if (!blank || quotedOriginalStarted) {
        if (!lazy) markdownDepth += 1;
        quotedOriginalStarted = true;
      }
    } else if (i > quotedHeaderEnd && count > 0 && !blank && !inCode && !html) {
      // (A header that opens a quote of its own is read too, so that its "From:" line is not taken for another.)
      quotedHeaderEnd = quotedOutlookHeaderEnd(lines, i, count, end, last);
      if (quotedHeaderEnd >= 0 && count === lastTextMarkers) {
        quotedOriginalAfter = quotedHeaderEnd;
        quotedOriginalMarkers = count;
        quotedOriginalStarted = false;
      }
    }
    if (!blank) lastTextMarkers = count;
    else if (count === 0) lastTextMarkers = 0;
    const styledHere = styled[i - first] === 1 && unmarkedText;
    if (styledHere) markdownDepth = 1;
    else if (!pasted && unmarkedText && lazyCandidate[i - first] === 0) {
      // (A fence ends it: a forum export's fence around the post holding the quote; so does a heading, the
      // export's header of the next post.)
      pasted = inPastedQuote && !isFenceLine(text) && !isAtxHeading(text) && (info[i - 1].pastedQuote ? !lostBreakBetween(lines[i - 1].text, text) : true);
      // A `>` box holding only the header ("> Reply from X ↑date" and empty `>` lines), the text right under it.
      if (!pasted && !lazy && i === pastedAfterBlank) {
        pasted = true;
        pastedDepth = pastedAfterBlankDepth;
      } else if (!pasted && !lazy && boxLine >= 0 && isHeaderBoxLine(lines[boxLine].text, boxMarkersEnd)) {
        pasted = true;
        pastedDepth = 1;
      }
      if (pasted) markdownDepth = pastedDepth;
    }
    if (ruledBoxEnd >= 0 && count === 0 && !inCode && !html && bbcodeDepth === 0) {
      // The box's blank lines once its text has started; its closing rule is the copy's, no quoted word.
      if (i > ruledBoxEnd) pasted = false;
      else if (!pasted && !styledHere && (!blank || info[i - 1].pastedQuote)) pasted = true;
      markdownDepth = pasted ? pastedDepth : styledHere ? 1 : 0;
      if (i > ruledBoxEnd) ruledBoxEnd = -1;
    }
    // A header line followed at once by an unmarked line opens a pasted quote there (a deeper one inside a pasted quote).
    let opens = unmarkedText && i < last && opensPastedQuote(text, lines[i + 1].text);
    // The header's date broken onto the lines under it ("Quote from: aBc on" / "Yesterday" / "at 12:57 PM"): the quote starts after them.
    const dateLines = opens ? headerDateLines(lines, i, last) : 0;
    if (dateLines > 0) {
      opens = false;
      pastedAfterBlank = i + dateLines + 1;
      pastedAfterBlankDepth = pasted ? pastedDepth + 1 : 1;
    }
    if (opens) pastedDepth = pasted ? pastedDepth + 1 : 1;
    inPastedQuote = pasted || opens;
    // A header on its own with one blank line under it, then the quoted text ("X пишет:" / "" / text).
    const opensAfterBlank = !opens && unmarkedText && i + 2 <= last && isBlankBetween(lines[i + 1].text, 0, lines[i + 1].text.length) && opensPastedQuote(text, lines[i + 2].text);
    if (opensAfterBlank) {
      pastedAfterBlank = i + 2;
      pastedAfterBlankDepth = pasted ? pastedDepth + 1 : 1;
    }
    if ((opens || opensAfterBlank) && !pasted && i > first && isDashRule(lines[i - 1].text)) ruledBoxEnd = closingRuleAbove(lines, i, last);
    // A box an export set in quotation marks ('"Originally Posted by X' / … / 'last line"'): it runs over its blank lines to the closing mark.
    else if ((opens || opensAfterBlank) && !pasted) ruledBoxEnd = closingMarkLine(lines, i, opens ? i + 1 : i + 2, last);
    // The blank line between a header inside a pasted quote and the quote it opens is the outer quote's.
    if (blank && i + 1 === pastedAfterBlank && pastedAfterBlankDepth > 1 && count === 0 && !inCode && !html) markdownDepth = pastedAfterBlankDepth - 1;
    if (count === 1 && !inCode && !html && !blank) {
      boxLine = i < last ? i : -1;
      boxMarkersEnd = end;
    } else if (!(count > 0 && blank)) boxLine = -1;
    let contentStart = end;
    let contentEnd = text.length;
    let lineBbcodeDepth = bbcodeDepth;
    let bbcode: { opens: BbcodeOpen[]; closes: number[] } | null = null;
    // Most lines hold no '[' at all: the pattern (and the copy it reads) only for those that do.
    const rest = !inCode && !html && text.indexOf('[', end) >= 0 ? text.slice(end) : '';
    if (/\[\/?quote\b/i.test(rest)) {
      const opens: BbcodeOpen[] = [];
      const closes: number[] = [];
      for (const tag of findBbcodeTags(maskCodeSpans(rest))) {
        if (tag.kind === 'open') {
          bbcodeDepth++;
          lineBbcodeDepth = Math.max(lineBbcodeDepth, bbcodeDepth);
          opens.push({ depth: markdownDepth + bbcodeDepth, speaker: tag.speaker });
          if (isBlankBetween(rest, 0, tag.start)) contentStart = end + tag.end;
        } else if (bbcodeDepth > 0) {
          closes.push(markdownDepth + bbcodeDepth);
          bbcodeDepth--;
          if (isBlankBetween(rest, tag.end, rest.length)) contentEnd = Math.min(contentEnd, end + tag.start);
        }
      }
      bbcode = { opens, closes };
    }
    if (contentEnd < contentStart) contentEnd = contentStart;
    const flags = (isBlankBetween(text, contentStart, contentEnd) ? BLANK : 0) | (inCode ? CODE : 0) | (html ? HTML : 0) | (replyInQuote ? REPLY_IN_QUOTE : 0) | (pasted ? PASTED_QUOTE : 0) | (styledHere ? STYLED_QUOTE : 0);
    info[i] = text.length === 0 && bbcode === null ? emptyLineInfo(markdownDepth + lineBbcodeDepth, flags) : new PackedLineInfo(markdownDepth + lineBbcodeDepth, contentStart, contentEnd, flags, bbcode);
  }
  return bbcodeDepth;
}


/** A few words and a colon on a line of their own: "General:", "Minor comments:". */
function isLabelLine(text: string): boolean {
  if (text.length > 44 || text.indexOf(':') < 0) return false;
  const end = text.trimEnd();
  return end.length <= 40 && end.endsWith(':') && /^\s{0,3}[\p{L}\p{N}]/u.test(end) && (end.trim().match(/\s+/g)?.length ?? 0) <= 3;
}

/** A forum header naming someone, on a line of its own, with an unmarked line of text right under it. */
function isAtxHeading(text: string): boolean {
  return text.charCodeAt(text.length - text.trimStart().length) === 35 /* # */ && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(text);
}

/** A line of dashes alone ("-----"): where a copy put the border of a quote box. */
export function isDashRule(text: string): boolean {
  return /^\s{0,3}-{3,}\s*$/.test(text);
}

// How far under its header a box's closing rule is looked for.
const RULED_BOX_MAX_LINES = 40;

/**
 * The line above the rule that closes the box a header at `header` opens, "-----" above it: the box's last
 * line (-1 when no rule closes it first, before a fence, a heading or the end of the region, or when the first
 * rule under it stands apart from the text above it).
 */
function closingRuleAbove(lines: readonly LineText[], header: number, last: number): number {
  for (let line = header + 1; line <= last && line <= header + RULED_BOX_MAX_LINES; line++) {
    const text = lines[line].text;
    if (isFenceLine(text) || isAtxHeading(text)) return -1;
    // (Glued to the box's last line: a rule with a blank line above it parts posts, as a page's separator.)
    if (isDashRule(text)) return isBlankBetween(lines[line - 1].text, 0, lines[line - 1].text.length) ? -1 : line - 1;
  }
  return -1;
}

// How far under its header a box's closing quotation mark is looked for.
const MARKED_BOX_MAX_LINES = 60;

function opensWithQuotationMark(text: string): boolean {
  const code = text.charCodeAt(text.length - text.trimStart().length);
  return code === 34 /* " */ || code === 0x201c /* “ */;
}

/**
 * The line holding the closing quotation mark of a box set in quotation marks: opened before the header
 * ('"Originally Posted by X') or on the quote's first line (`first`), closed at the end of a line where the
 * marks counted from the opening one balance. -1 when neither opens with a mark, or nothing closes it first
 * (a fence, a heading, the end of the region).
 */
function closingMarkLine(lines: readonly LineText[], header: number, first: number, last: number): number {
  const from = opensWithQuotationMark(lines[header].text) ? header : first <= last && opensWithQuotationMark(lines[first].text) ? first : -1;
  if (from < 0) return -1;
  let open = 0;
  for (let line = from; line <= last && line <= header + MARKED_BOX_MAX_LINES; line++) {
    const text = lines[line].text;
    if (line > from && (isFenceLine(text) || isAtxHeading(text))) return -1;
    for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) open ^= 1;
    for (let at = text.indexOf('“'); at >= 0; at = text.indexOf('“', at + 1)) open++;
    for (let at = text.indexOf('”'); at >= 0; at = text.indexOf('”', at + 1)) open--;
    const end = text.trimEnd();
    // (A mark closing a line of the header itself, or of the quote's first line, closes no box of several lines.)
    if (open <= 0 && (end.endsWith('"') || end.endsWith('”'))) return line > first ? line : -1;
  }
  return -1;
}

function isFenceLine(text: string): boolean {
  return /^\s{0,3}(?:`{3,}|~{3,})/.test(text);
}

// FidoNet and Emacs Supercite quote with the writer's initials or name before the marks: "KK> text", " JD>> text".
const INITIALS_PREFIX = /^ ?([A-Z][A-Za-z]{0,11})(>{1,4})(?:[ \t]|$)/;
// Console prompts have the same shape ("SQL> select …", "PS> Get-Item …").
const PROMPTS = new Set(['SQL', 'PS', 'RMAN', 'DB', 'ASM']);

function initialsOf(text: string): RegExpExecArray | null {
  const gt = text.indexOf('>');
  if (gt < 1 || gt > 13) return null;
  const prefix = INITIALS_PREFIX.exec(text);
  return prefix && !PROMPTS.has(prefix[1]) ? prefix : null;
}

/**
 * A line quoted with its writer's initials ("KK> Hужен сабж…"), next to another with the same initials (one
 * such line alone may be anything: "Note> …"). Its depth is the number of marks, its text what follows them.
 */
function initialsQuote(lines: readonly LineText[], i: number, first: number, last: number): { depth: number; end: number } | null {
  const prefix = initialsOf(lines[i].text);
  if (!prefix) return null;
  const same = (line: number) => initialsOf(lines[line].text)?.[1] === prefix[1];
  if (!(i > first && same(i - 1)) && !(i < last && same(i + 1))) return null;
  return { depth: prefix[2].length, end: prefix[0].length };
}

// A chat log's line of another person: "<Frank> text", "<@op> text", ircII's private "*Frank*> text".
// (A nick has no '@' or '.': "<jane@example.org> wrote:" is the end of a mail header.)
const CHAT_LINE = /^\s{0,3}(?:<[@+%&~]?[A-Za-z[\]\\`_^{|}][\w[\]\\`^{|}-]{0,29}>|\*[A-Za-z[\]\\`_^{|}][\w[\]\\`^{|}-]{0,29}\*>)\s+\S/;

/** Whether line i, a one-'>' line, sits next to a chat log's "<nick> …" line, with no blank line between. */
function isChatEcho(lines: readonly LineText[], i: number, first: number, last: number): boolean {
  return (i > first && CHAT_LINE.test(lines[i - 1].text)) || (i < last && CHAT_LINE.test(lines[i + 1].text));
}

/** A `>` line that is a forum header naming someone ("> Reply from X ↑date", "> **X said:**"). */
function isHeaderBoxLine(text: string, end: number): boolean {
  return matchForumHeader(text.slice(end))?.speaker != null;
}

/**
 * Whether line i, outside any quote, is a mail header ("On …, Jane wrote:") with the mail's text under it
 * (a blank line between or not) and no `>`: a client that quotes with no mark, or a copy that lost them.
 */
function opensUnmarkedOriginal(lines: readonly LineText[], i: number, last: number): boolean {
  const text = lines[i].text;
  // (Asked of lines ending in a colon, half- or full-width, as a header does.)
  if (text.trimEnd().length > 301) return false;
  let next = i + 1;
  if (isBlankBetween(lines[next].text, 0, lines[next].text.length)) next++;
  if (next > last) return false;
  const below = lines[next].text;
  if (isBlankBetween(below, 0, below.length) || /^(?:\s{0,3}(?:>|```|~~~|<|\[\/?quote)|\s{4})/i.test(below)) return false;
  // (Dated, as a client writes it: a forum's "Андрей пишет:" over the post it quotes is read as a forum header.)
  if (!/\d/.test(text)) return false;
  const header = matchLeadingAttribution(text.trim());
  // (A header the writer left with its quote trimmed: their own "-- " signature, or the next post, under it.)
  return header?.form === 'mail' && header.speaker !== null && !isSignatureDelimiter(below.trim()) && !matchPostHeader(below.trim());
}

function opensPastedQuote(header: string, next: string): boolean {
  if (isBlankBetween(next, 0, next.length) || /^\s{0,3}(?:>|```|~~~|\[\/?quote|<)/i.test(next)) return false;
  // ("dmesg said :" over the log it pastes: a program's output, no one's words.)
  return matchForumHeader(header)?.speaker != null && programSubject(header) === null;
}

/**
 * Whether an unmarked line under a quoted one starts the drafter's reply: the quoted line ends a sentence
 * and this one starts another. A quoted paragraph wrapped with a `>` on its first line only goes on mid-sentence.
 */
function startsReply(quoted: string, line: string): boolean {
  return /[.!?…:;)"”’]\s*$/.test(quoted) && /^\s{0,3}[\p{Lu}\p{N}@"“‘(*_]/u.test(line);
}

// The infos of empty lines, by depth and flags: they never change (PackedLineInfo is read-only), and
// empty lines are a large share of any draft's lines, so one object serves them all.
const EMPTY_LINE_INFOS: PackedLineInfo[] = [];

function emptyLineInfo(depth: number, flags: number): PackedLineInfo {
  const key = depth * 128 + flags;
  return (EMPTY_LINE_INFOS[key] ??= new PackedLineInfo(depth, 0, 0, flags, null));
}

export function contentOf(lines: readonly LineText[], info: readonly LineInfo[], line: number): string {
  return lines[line].text.slice(info[line].contentStart, info[line].contentEnd);
}
