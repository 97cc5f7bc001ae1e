import MarkdownIt from 'markdown-it';
import {
  AttributionMatch,
  findBbcodeTags,
  isMailHeaderStart,
  matchBoldName,
  matchForumHeader,
  matchLeadingAttribution,
  matchLinkLine,
  matchMatrix,
  matchNameHeading,
  matchOriginallyPosted,
  matchOutlookHeader,
  matchPostHeader,
  matchReviewerLabel,
  mayStartOutlookHeader,
  matchSignature,
} from './attribution';
import { CONTINUES_BLOCK, mayContinue } from './blockBoundaries';
import { FrontMatter, parseFrontMatter } from './frontMatter';
import { maskCodeSpans } from './masking';
import { Attribution, BbcodeOpen, Draft, DraftParts, LeadIn, LineInfo, MarkdownBlock, Quote, Unit, UnitKind } from './model';
import { resolveSpeakers } from './speakers';
import { NO_SUPPRESSIONS, parseSuppressions, Suppressions } from './suppressions';
import { charactersIn, dominantEol, isBlankBetween, LineText, splitLineTexts } from './text';

// The model's types live in model.ts; they are re-exported here for the modules that read a draft as
// the parser gives it.
export type { Attribution, BbcodeOpen, Draft, DraftCarry, DraftParts, LeadIn, LineInfo, LineSegment, MarkdownBlock, Quote, Speaker, UnitChange, UnitKind } from './model';
export { Unit, UnitMemo } from './model';

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

let generations = 0;

export function nextGeneration(): number {
  return ++generations;
}

const markdown = new MarkdownIt('commonmark', { html: true });
// Riposte reads block structure only: inline parsing would cost most of the time and tell us nothing.
markdown.core.ruler.disable(['inline', 'text_join']);
// Its normalisation rewrites every line break of the source (ours are all '\n' already) and turns NUL into
// U+FFFD, which changes no block boundary: a copy of the whole text for nothing.
markdown.core.ruler.disable(['normalize']);
// Block rules copy each block's text into its token (getLines), for the inline parser and the renderer;
// Riposte reads only the tokens' types and line maps, so the copies (megabytes per long draft) are skipped.
// `md.block.State` is the state class markdown-it's block plugins extend.
markdown.block.State = class extends markdown.block.State {
  override getLines(): string {
    return '';
  }
};

export function parseDraft(text: string): Draft {
  const lines = splitLineTexts(text);
  const frontMatter = parseFrontMatter(lines);
  const last = lines.length - 1;
  const lineInfo: LineInfo[] = new Array(lines.length);
  const quoteOfLine: (Quote | null)[] = new Array(lines.length).fill(null);
  // What markdown-it reads is the lines joined with '\n': with no other line breaks, the text itself.
  const onlyLineFeeds = !text.includes('\r');
  const source = onlyLineFeeds ? text : undefined;
  const region = parseRegion(lines, frontMatter, lineInfo, quoteOfLine, 0, last, source);
  return assemble(text, lines, frontMatter, lineInfo, { blocks: region.blocks, quoteOfLine, attributionOfLine: region.attributionOfLine, carry: { log: [] }, generation: nextGeneration() }, region.units, region.quotes, region.attributions, region.leadIns, onlyLineFeeds ? '\n' : dominantEol(lines), null);
}

export interface Region {
  blocks: MarkdownBlock[];
  units: Unit[];
  quotes: Quote[];
  attributions: Attribution[];
  leadIns: LeadIn[];
  attributionOfLine: Map<number, Attribution>;
  /** `[quote]` tags left open at the end of the region: its end was not a real boundary. */
  openBbcode: number;
}

/**
 * Parses lines first..last, which start and end at block boundaries outside any quote. `source`, when
 * given, is what markdown-it is to read: those lines joined with '\n', front matter blanked.
 */
export function parseRegion(lines: readonly LineText[], frontMatter: FrontMatter | null, lineInfo: LineInfo[], quoteOfLine: (Quote | null)[], first: number, last: number, source?: string): Region {
  const blocks = markdownBlocks(lines, frontMatter, first, last, source);
  const { openBbcode } = scanLines(lines, blocks, frontMatter, lineInfo, first, last);
  const quotes = buildQuotes(lineInfo, quoteOfLine, first, last);
  markCallouts(lines, lineInfo, quotes);
  const { attributions, leadIns, attributionOfLine } = findAttributions(lines, lineInfo, quotes, quoteOfLine, first, last);
  const units = buildUnits(lines, lineInfo, blocks, quoteOfLine, attributionOfLine);
  return { blocks, units, quotes, attributions, leadIns, attributionOfLine, openBbcode };
}

export function assemble(
  text: string | { length: number },
  lines: readonly LineText[],
  frontMatter: FrontMatter | null,
  lineInfo: LineInfo[],
  parts: DraftParts,
  units: Unit[],
  quotes: Quote[],
  attributions: Attribution[],
  leadIns: LeadIn[],
  eol: string,
  reuseSuppressions: Suppressions | null,
): Draft {
  units.forEach((unit, index) => (unit.index = index));
  attributions.sort((a, b) => a.startLine - b.startLine);
  quotes.forEach((quote, index) => (quote.index = index));
  // A whole text without the directives' prefix (most drafts) needs no look at each line.
  const mayHaveDirectives = typeof text !== 'string' || text.includes('riposte-');
  const suppressions = reuseSuppressions ?? (mayHaveDirectives ? parseSuppressions(lines, (line) => lineInfo[line].code) : NO_SUPPRESSIONS);
  for (const quote of quotes) {
    quote.speaker = null;
    quote.inferred = false;
  }
  const speakers = resolveSpeakers(quotes, frontMatter, (line) => lineInfo[line].blank && lineInfo[line].depth === 0, leadIns, units);
  let joined = typeof text === 'string' ? text : undefined;
  return {
    get text() {
      joined ??= joinLines(lines);
      return joined;
    },
    length: text.length,
    lines,
    lineInfo,
    eol,
    frontMatter,
    units,
    quotes,
    attributions,
    leadIns,
    speakers,
    suppressions,
    quoteOfLine: (line) => parts.quoteOfLine[line] ?? null,
    parts,
  };
}

function joinLines(lines: readonly LineText[]): string {
  const parts: string[] = new Array(lines.length * 2);
  for (let i = 0; i < lines.length; i++) {
    parts[2 * i] = lines[i].text;
    parts[2 * i + 1] = lines[i].eol;
  }
  return parts.join('');
}

/**
 * Long texts are parsed in pieces of about this many characters: markdown-it keeps every token of what it
 * parses until it returns, and tokens of a whole 10 MB draft (200,000) outlive V8's young generation and
 * are copied twice over. Pieces end where the blocks are the same as in one parse (see blockBoundaries.ts).
 */
const PIECE_CHARACTERS = 1 << 16;

/** The tokens that open a block Riposte keeps, and its kind. */
const BLOCK_KIND_OF_TOKEN: ReadonlyMap<string, UnitKind> = new Map<string, UnitKind>([
  ['paragraph_open', 'paragraph'],
  ['heading_open', 'heading'],
  ['fence', 'code'],
  ['code_block', 'code'],
  ['html_block', 'html'],
  ['hr', 'rule'],
  ['table_open', 'table'],
]);

/**
 * @internal markdown-it's leaf blocks of lines first..last (a region that starts and ends at a block
 * boundary). Exported for the test that cuts a text everywhere it may be cut.
 */
export function markdownBlocks(lines: readonly LineText[], frontMatter: FrontMatter | null, first: number, last: number, source?: string, pieceCharacters = PIECE_CHARACTERS): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  // `source`, when given, is lines first..last joined with '\n': pieces are slices of it. Front matter is not
  // Markdown (its `---` would read as a rule or a heading): parsing starts after it.
  let from = frontMatter ? Math.max(first, frontMatter.endLine + 1) : first;
  let offset = charactersIn(lines, first, from);
  while (from <= last) {
    let to = from;
    let characters = 0;
    let piece: MarkdownBlock[];
    for (;;) {
      // The next line that may end a piece: blank, followed by a line that starts afresh.
      for (; to < last; to++) {
        characters += lines[to].text.length + 1;
        if (characters >= pieceCharacters && isBlankToMarkdown(lines[to].text) && !isBlankToMarkdown(lines[to + 1].text) && !CONTINUES_BLOCK.test(lines[to + 1].text)) break;
      }
      if (to === last) characters += lines[to].text.length + 1;
      piece = blocksOfPiece(lines, from, to, source?.slice(offset, offset + characters - 1));
      // A fence or HTML block still open at the piece's end would have gone on: parse on to the next cut.
      if (to === last) break;
      const lastText = lastTextLine(lines, from, to);
      if (!piece.some((block) => block.endLine >= lastText && mayContinue(block, lines))) break;
      to++;
    }
    // One at a time: a text with nowhere to cut is one piece, too many blocks to spread as arguments.
    for (const block of piece) blocks.push(block);
    offset += characters;
    from = to + 1;
  }
  return blocks;
}

/** Blank as markdown-it reads a line: nothing but spaces and tabs (a no-break space is text to it). */
function isBlankToMarkdown(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) return false;
  return true;
}

function lastTextLine(lines: readonly LineText[], from: number, to: number): number {
  let line = to;
  while (line > from && isBlankToMarkdown(lines[line].text)) line--;
  return line;
}

function blocksOfPiece(lines: readonly LineText[], first: number, last: number, source?: string): MarkdownBlock[] {
  if (source === undefined) {
    const parts: string[] = new Array(last - first + 1);
    for (let i = first; i <= last; i++) parts[i - first] = lines[i].text;
    source = parts.join('\n');
  }
  const tokens = markdown.parse(source, {});
  const blocks: MarkdownBlock[] = [];
  let quoteDepth = 0;
  let listDepth = 0;
  let skipUntilLevel = -1;
  for (const token of tokens) {
    if (skipUntilLevel >= 0) {
      if (token.level <= skipUntilLevel && token.nesting === -1) skipUntilLevel = -1;
      continue;
    }
    if (token.type === 'blockquote_open') quoteDepth++;
    else if (token.type === 'blockquote_close') quoteDepth--;
    else if (token.type === 'list_item_open') listDepth++;
    else if (token.type === 'list_item_close') listDepth--;
    if (!token.map) continue;
    let kind = BLOCK_KIND_OF_TOKEN.get(token.type);
    if (kind === undefined) continue;
    if (kind === 'paragraph' && listDepth > 0) kind = 'list-item';
    const start = token.map[0] + first;
    blocks.push({ kind, startLine: start, endLine: Math.max(start, token.map[1] + first - 1), quoteDepth });
    // A table's rows and cells are not blocks of their own.
    if (kind === 'table') skipUntilLevel = token.level;
  }
  return blocks;
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
function scanLines(lines: readonly LineText[], blocks: readonly MarkdownBlock[], frontMatter: FrontMatter | null, info: LineInfo[], first: number, last: number): { openBbcode: number } {
  // Per line from `first`: typed arrays, not a Map and Sets of line numbers (a lookup each per line).
  const NOT_CODE = -1;
  const codeDepth = new Int32Array(last - first + 1).fill(NOT_CODE);
  const inHtml = new Uint8Array(last - first + 1);
  const lazyCandidate = new Uint8Array(last - first + 1);
  const styled = new Uint8Array(last - first + 1);
  for (const block of blocks) {
    for (let line = Math.max(block.startLine, first); line <= Math.min(block.endLine, last); line++) {
      if (block.kind === 'code') codeDepth[line - first] = block.quoteDepth;
      else if (block.kind === 'html') inHtml[line - first] = 1;
      if (block.quoteDepth > 0) lazyCandidate[line - first] = 1;
    }
    if (block.quoteDepth === 0 && (block.kind === 'paragraph' || block.kind === 'list-item') && block.startLine >= first && block.endLine <= last) {
      if (isStyledComment(lines, block.startLine, block.endLine)) styled.fill(1, block.startLine - first, block.endLine - first + 1);
      else markQuotedLineRuns(lines, block.startLine, block.endLine, styled, first);
    }
  }

  let bbcodeDepth = 0;
  // Whether the line before opened (or continued) a quote that a forum header introduced and the copy unmarked.
  let inPastedQuote = false;
  for (let i = first; i <= last; i++) {
    const text = lines[i].text;
    if (frontMatter && i >= frontMatter.startLine && i <= frontMatter.endLine) {
      info[i] = new PackedLineInfo(0, 0, text.length, FRONT_MATTER | (isBlankBetween(text, 0, text.length) ? BLANK : 0), null);
      continue;
    }
    const inCode = codeDepth[i - first] !== NOT_CODE;
    const html = inHtml[i - first] === 1;
    const { count, end } = scanMarkers(text, inCode ? codeDepth[i - first] : Number.POSITIVE_INFINITY);
    let markdownDepth = count;
    let replyInQuote = false;
    const blank = isBlankBetween(text, end, text.length);
    if (count === 0 && !blank && !inCode && lazyCandidate[i - first] === 1 && i > first && !info[i - 1].blank) {
      // A lazy continuation line: CommonMark keeps it in the quote of the paragraph it continues, which is
      // right for a quoted paragraph wrapped with one `>`, and wrong for a reply typed under the quote.
      replyInQuote = bbcodeDepth === 0 && !info[i - 1].replyInQuote && info[i - 1].depth > 0 && startsReply(lines[i - 1].text, text);
      markdownDepth = replyInQuote ? 0 : info[i - 1].depth - bbcodeDepth;
    }
    let pasted = false;
    const styledHere = styled[i - first] === 1 && count === 0 && !blank && !inCode && !html && bbcodeDepth === 0;
    if (styledHere) markdownDepth = 1;
    else if (count === 0 && !blank && !inCode && !html && bbcodeDepth === 0 && lazyCandidate[i - first] === 0) {
      pasted = inPastedQuote && (info[i - 1].pastedQuote ? !lostBreakBetween(lines[i - 1].text, text) : true);
      if (pasted) markdownDepth = 1;
    }
    // A header line followed at once by an unmarked line opens a pasted quote there.
    inPastedQuote = pasted || (count === 0 && !blank && !inCode && !html && bbcodeDepth === 0 && i < last && opensPastedQuote(text, lines[i + 1].text));
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
  return { openBbcode: bbcodeDepth };
}

// "Comment:", "Reviewer comment:", "**2. Reviewer's Comment:**", "R1.3:", "Q2:", "Point 4:".
const COMMENT_LABEL = /^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?)?(?:\*\*|__)?(?:\d+[.)]\s*)?(?:(?:reviewer|referee)(?:['’]s)?\s+(?:comments?|questions?|concerns?|points?)|R\d+(?:\.\d+)+|Q\d+|(?:reviewer|referee)\s*#?\d+(?:\.\d+)?)\s*[:.)](?:\*\*|__)?/i;
// "Reply:", "Response:", "**Response**", "Author response:", "Our reply:", "A1:".
const RESPONSE_LABEL = /^\s*(?:\*\*|__)?(?:\d+[.)]\s*)?(?:(?:author(?:s|s['’]|['’]s)?\s+|our\s+)?(?:reply|response|answer|rebuttal)|A\d+)\s*(?:to\s+[^:*_]{1,30})?(?:[:.]|\*\*\s*:?|__\s*:?)/i;

/**
 * Whether paragraph first..last is someone else's comment marked by its style: all in italics, all in
 * quotation marks, under a comment label, or answered by a paragraph labelled "Response:"/"Reply:".
 */
function isStyledComment(lines: readonly LineText[], first: number, last: number): boolean {
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
function markQuotedLineRuns(lines: readonly LineText[], start: number, end: number, styled: Uint8Array, first: number): void {
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

/** A forum header naming someone, on a line of its own, with an unmarked line of text right under it. */
function opensPastedQuote(header: string, next: string): boolean {
  if (isBlankBetween(next, 0, next.length) || /^\s{0,3}(?:>|```|~~~|\[\/?quote|<)/i.test(next)) return false;
  return matchForumHeader(header)?.speaker != null;
}

/**
 * Whether an unmarked line under a quoted one starts the drafter's reply: the quoted line ends a sentence
 * and this one starts another. A quoted paragraph wrapped with a `>` on its first line only goes on mid-sentence.
 */
function startsReply(quoted: string, line: string): boolean {
  return /[.!?…:;)"”’]\s*$/.test(quoted) && /^\s{0,3}[\p{Lu}\p{N}@"“‘(*_]/u.test(line);
}

// The infos of empty lines, by depth and flags: they never change (PackedLineInfo is read-only), and a
// fifth of a draft's lines are empty (3,521 of the 1 MB bench draft's 17,423).
const EMPTY_LINE_INFOS: PackedLineInfo[] = [];

function emptyLineInfo(depth: number, flags: number): PackedLineInfo {
  const key = depth * 128 + flags;
  return (EMPTY_LINE_INFOS[key] ??= new PackedLineInfo(depth, 0, 0, flags, null));
}

function contentOf(lines: readonly LineText[], info: readonly LineInfo[], line: number): string {
  return lines[line].text.slice(info[line].contentStart, info[line].contentEnd);
}

/** The quotes of lines first..last (none crosses a block boundary outside quotes), filling quoteOfLine. */
function buildQuotes(info: readonly LineInfo[], quoteOfLine: (Quote | null)[], first: number, last: number): Quote[] {
  const quotes: Quote[] = [];
  const open: Quote[] = [];
  let lastLine = -1;
  const closeFrom = (depth: number) => {
    while (open.length >= Math.max(depth, 1)) open.pop()!.endLine = lastLine;
  };
  for (let i = first; i <= last; i++) {
    quoteOfLine[i] = null;
    const line = info[i];
    // A `[quote]` tag starts a new quote even right after another one closed at the same depth. (Indexed
    // loops: for…of made an iterator per line, over lists that are almost always empty.)
    const opens = line.bbcodeOpens;
    for (let k = 0; k < opens.length; k++) closeFrom(opens[k].depth);
    if (line.blank && line.depth === 0) {
      closeFrom(1);
      continue;
    }
    closeFrom(line.depth + 1);
    while (open.length < line.depth) {
      const parent = open[open.length - 1] ?? null;
      const depth = open.length + 1;
      const quote: Quote = {
        index: quotes.length,
        depth,
        startLine: i,
        endLine: i,
        parent,
        children: [],
        origin: line.bbcodeOpens.some((opened) => opened.depth === depth) ? 'bbcode' : line.pastedQuote ? 'pasted' : line.styledQuote ? 'styled' : 'markdown',
        callout: false,
        attribution: null,
        speaker: null,
        inferred: false,
      };
      parent?.children.push(quote);
      quotes.push(quote);
      open.push(quote);
    }
    quoteOfLine[i] = open[open.length - 1] ?? null;
    lastLine = i;
    const closes = line.bbcodeCloses;
    for (let k = 0; k < closes.length; k++) closeFrom(closes[k]);
  }
  closeFrom(1);
  return quotes;
}

function nextNonBlank(info: readonly LineInfo[], from: number, limit: number): number {
  for (let i = from; i < info.length && i < from + limit; i++) if (!info[i].blank || info[i].depth > 0) return i;
  return -1;
}

function findAttributions(
  lines: readonly LineText[],
  info: readonly LineInfo[],
  quotes: readonly Quote[],
  quoteOfLine: readonly (Quote | null)[],
  first: number,
  last: number,
): { attributions: Attribution[]; leadIns: LeadIn[]; attributionOfLine: Map<number, Attribution> } {
  const attributions: Attribution[] = [];
  const leadIns: LeadIn[] = [];
  const attributionOfLine = new Map<number, Attribution>();
  const attach = (match: AttributionMatch, startLine: number, endLine: number, quote: Quote | null, marksLines: boolean) => {
    // Spelled out, not spread: every attribution gets one object shape (a spread made one per set of fields).
    const attribution: Attribution = {
      form: match.form,
      placement: match.placement,
      speaker: match.speaker,
      addressee: match.addressee,
      email: match.email,
      url: match.url,
      startLine,
      endLine,
      depth: info[startLine].depth,
      quote,
    };
    attributions.push(attribution);
    if (quote && (!quote.attribution || (!quote.attribution.speaker && attribution.speaker))) quote.attribution = attribution;
    if (marksLines) for (let line = startLine; line <= endLine; line++) attributionOfLine.set(line, attribution);
  };
  /** The quote that starts on the next non-blank line, one level deeper than `depth`. */
  const quoteStartingAfter = (line: number, depth: number): Quote | null => {
    // An empty `>` line of the attribution's own level may stand between it and the quote ("> On … wrote:" / ">" / "> > …").
    let from = line + 1;
    while (from <= last && from <= line + 2 && info[from].blank && info[from].depth > 0 && info[from].depth <= depth) from++;
    const next = nextNonBlank(info, from, 2);
    if (next < 0 || info[next].depth <= depth) return null;
    let quote = quoteOfLine[next];
    while (quote && quote.depth > depth + 1) quote = quote.parent;
    return quote && quote.startLine === next ? quote : null;
  };
  /** The quote one level deeper than `depth` that ends on the previous non-blank line. */
  const quoteEndingBefore = (line: number, depth: number): Quote | null => {
    for (let i = line - 1; i >= 0 && i >= line - 2; i--) {
      if (info[i].blank && info[i].depth === 0) continue;
      let quote = quoteOfLine[i];
      while (quote && quote.depth > depth + 1) quote = quote.parent;
      return quote && quote.depth === depth + 1 && quote.endLine === i ? quote : null;
    }
    return null;
  };

  for (const quote of quotes) {
    if (quote.origin !== 'bbcode') continue;
    const speaker = info[quote.startLine].bbcodeOpens.find((opened) => opened.depth === quote.depth)?.speaker;
    if (speaker) attach({ form: 'bbcode', placement: 'first-line', speaker }, quote.startLine, quote.startLine, quote, false);
  }

  for (let i = first; i <= last; i++) {
    const line = info[i];
    if (line.code && !line.blank && isLoneLine(info, i, first, last)) {
      // Web mail indents its header ("    On Wednesday, …, Nate <n@x> wrote:"), which Markdown reads as a
      // one-line code block: still a lead-in to the words pasted under it.
      const header = matchLeadingAttribution(lines[i].text.trim());
      if (header?.form === 'mail') leadIns.push({ line: i, text: lines[i].text.trim() });
      continue;
    }
    if (line.blank || line.code || line.html || line.frontMatter || attributionOfLine.has(i)) continue;
    const content = contentOf(lines, info, i).trim();
    const quote = quoteOfLine[i];

    if (mayStartOutlookHeader(content)) {
      const window: string[] = [];
      for (let k = i; k <= last && k < i + 8 && info[k].depth === line.depth && !info[k].code; k++) window.push(contentOf(lines, info, k));
      const outlook = matchOutlookHeader(window);
      if (outlook) {
        const end = i + outlook.lines - 1;
        // The header opens the quote: the message under it is the sender's. Or a quote follows it.
        const own = quote && quote.startLine === i && quote.depth === line.depth ? quote : null;
        const target = own ?? quoteStartingAfter(end, line.depth);
        if (target) attach({ ...outlook.match, placement: own ? 'first-line' : 'before' }, i, end, target, true);
        else if (outlook.match.speaker) leadIns.push({ line: end, text: `From: ${outlook.match.speaker}` });
        i = end;
        continue;
      }
    }
    // A post's header starts a block of its own (most lines of a draft go on a paragraph: not asked).
    if (line.depth === 0 && (i === 0 || info[i - 1].blank)) {
      const author = matchPostHeader(content);
      if (author) {
        leadIns.push({ line: i, text: content, names: author, post: true });
        continue;
      }
    }
    if (line.depth === 0 && content.charCodeAt(0) === 35 /* # */) {
      const name = matchNameHeading(content);
      if (!matchReviewerLabel(content)) {
        leadIns.push({ line: i, text: content, names: name ?? '', heading: true });
        continue;
      }
    }
    const reviewer = matchReviewerLabel(content);
    if (reviewer?.speaker) {
      // Names the reviewer whose comments follow: resolveSpeakers carries it on to the quotes after it.
      leadIns.push({ line: i, text: content, names: reviewer.speaker });
      continue;
    }
    if (quote && quote.startLine === i && quote.depth === line.depth) {
      const first = matchBoldName(content) ?? matchMatrix(content);
      if (first) {
        attach(first, i, i, quote, false);
        continue;
      }
      // A forum's header copied into the quote ("> **jimmy the saint said:**"): the rest of the quote is theirs.
      const header = quoteStartingAfter(i, line.depth) ? null : matchForumHeader(content);
      if (header) {
        attach({ ...header, placement: 'first-line' }, i, i, quote, true);
        continue;
      }
    }
    if (quote && quote.depth === line.depth && quote.endLine === i && quote.startLine < i) {
      const closing = matchSignature(content) ?? matchOriginallyPosted(content);
      if (closing) {
        attach({ ...closing, placement: 'last-line' }, i, i, quote, true);
        continue;
      }
    }

    const after = matchOriginallyPosted(content);
    if (after) {
      const target = quoteEndingBefore(i, line.depth);
      if (target) attach(after, i, i, target, true);
      continue;
    }

    const link = matchLinkLine(content);
    if (link) {
      const following = quoteStartingAfter(i, line.depth);
      const preceding = following ? null : quoteEndingBefore(i, line.depth);
      if (following) attach({ ...link, placement: 'before' }, i, i, following, true);
      else if (preceding) attach({ ...link, placement: 'after' }, i, i, preceding, true);
      continue;
    }

    if (i + 1 <= last && isMailHeaderStart(content)) {
      // A header the mail client wrapped: "On Tue, …, Jane Doe" + "<jane@x.org> wrote:", or over up to four lines
      // inside a quote, where an empty `>` line may even split it ("… hat am 6. Juli um" / "10:30" / ">" / "geschrieben:").
      let joined = content;
      let end = i;
      for (let next = i + 1; next <= last && next <= i + 4 && info[next].depth === line.depth && !info[next].code; next++) {
        if (info[next].blank) {
          if (line.depth === 0) break;
          continue;
        }
        joined += ` ${contentOf(lines, info, next).trim()}`;
        end = next;
        if (/:\s*$/.test(joined)) break;
      }
      const wrapped = end > i ? matchLeadingAttribution(joined) : null;
      if (wrapped && (wrapped.form === 'mail' || wrapped.speaker)) {
        const target = quoteStartingAfter(end, line.depth);
        if (target) attach(wrapped, i, end, target, true);
        else leadIns.push({ line: end, text: joined });
        i = end;
        continue;
      }
    }

    const leading = matchLeadingAttribution(content) ?? matchForumHeader(content);
    if (leading) {
      const target = quoteStartingAfter(i, line.depth);
      if (target) attach(leading, i, i, target, true);
      else leadIns.push({ line: i, text: content });
    }
  }
  return { attributions, leadIns, attributionOfLine };
}

/** Whether line i stands alone between blank lines (or the region's edges). */
function isLoneLine(info: readonly LineInfo[], i: number, first: number, last: number): boolean {
  return (i === first || info[i - 1].blank) && (i === last || info[i + 1].blank);
}

/** Pasted web text keeps each paragraph on one long line; hand-wrapped prose stays under this width. */
const WRAP_WIDTH = 100;
const ENDS_SENTENCE = /[.!?:;…"”’)\]*_]$/;

function lostBreakBetween(previous: string, next: string): boolean {
  if (/ {2}$|\\$/.test(previous)) return false;
  const before = previous.trimEnd();
  return ENDS_SENTENCE.test(before) && (before.length > WRAP_WIDTH || next.trim().length > WRAP_WIDTH);
}

function buildUnits(
  lines: readonly LineText[],
  info: readonly LineInfo[],
  blocks: readonly MarkdownBlock[],
  quoteOfLine: readonly (Quote | null)[],
  attributionOfLine: ReadonlyMap<number, Attribution>,
): Unit[] {
  const units: Unit[] = [];
  // (line, start, text) triples of the unit being gathered, in one buffer for all units: each unit takes a
  // copy at its exact length (arrays grown by push keep spare room, and growing them was garbage too).
  const segments: (number | string)[] = [];
  blocks.forEach((block) => {
    let kind: UnitKind = block.kind;
    let joined = false;
    const flush = () => {
      if (segments.length === 0) return;
      const first = segments[0] as number;
      const last = segments[segments.length - 3] as number;
      units.push(new Unit(units.length, kind, first, last, info[first].depth, quoteOfLine[first], segments.slice(), joined));
      segments.length = 0;
    };
    const splits = block.kind === 'paragraph' || block.kind === 'list-item';
    for (let i = block.startLine; i <= block.endLine; i++) {
      const line = info[i];
      if (line.blank && block.kind !== 'code') {
        // A `[quote]`/`[/quote]` line alone, or an empty `>` line inside a paragraph, separates units.
        if (splits) {
          flush();
          joined = false;
        }
        continue;
      }
      const lineKind: UnitKind = attributionOfLine.has(i) ? 'attribution' : block.kind;
      if (splits && segments.length > 0) {
        const previous = segments[segments.length - 3] as number;
        const sameAttribution = attributionOfLine.get(previous) === attributionOfLine.get(i);
        const structural = info[previous].depth !== line.depth || quoteOfLine[previous] !== quoteOfLine[i] || lineKind !== kind || !sameAttribution;
        const pasted = !structural && (lineKind === 'paragraph' || lineKind === 'list-item') && lostBreakBetween(segments[segments.length - 1] as string, contentOf(lines, info, i));
        if (structural || pasted) {
          flush();
          joined = pasted;
        }
      }
      if (segments.length === 0) kind = lineKind;
      const start = block.kind === 'code' ? Math.min(info[i].contentStart, lines[i].text.length) : line.contentStart;
      const end = block.kind === 'code' ? lines[i].text.length : line.contentEnd;
      segments.push(i, start, lines[i].text.slice(start, end));
    }
    flush();
  });
  return units;
}

// GitHub's alerts, and the bold or emoji notes that did their job before them.
const CALLOUT = /^(?:\[!(?:note|tip|important|warning|caution|info|danger|example|quote|abstract|todo|success|question|failure|bug)\][+-]?|(?:\*\*|__)(?:note|notes|tip|tips|important|warning|warnings|caution|info|danger|attention|hint|heads[ -]up|deprecated|deprecation notice|breaking|breaking changes?|security|n\.b\.)(?:\s*:)?(?:\*\*|__)|(?:note|warning|tip|important|caution)\s*:|(?:⚠️?|ℹ️?|💡|❗|❕|🚨|📝|🔥|✨|🚧|:warning:|:information_source:|:bulb:|:exclamation:|:memo:|:rotating_light:|:construction:))/iu;

/** Marks the quotes that are alerts or callouts, from their first line. */
function markCallouts(lines: readonly LineText[], info: readonly LineInfo[], quotes: readonly Quote[]): void {
  for (const quote of quotes) {
    if (quote.origin !== 'markdown') continue;
    const content = contentOf(lines, info, quote.startLine).trim();
    if (CALLOUT.test(content)) quote.callout = true;
  }
}
