// Step 1 of the parse: markdown-it's leaf blocks with their line ranges, read in pieces.
import MarkdownIt from 'markdown-it';
import { CONTINUES_BLOCK, mayContinue } from '../blockBoundaries';
import { FrontMatter } from '../frontMatter';
import { matchForumHeader } from '../attribution';
import { MarkdownBlock, UnitKind } from '../model';
import { charactersIn, isBlankToMarkdown, LineText } from '../text';
import { quotesByIndentation } from './indentedQuotes';

let markdown: MarkdownIt | undefined;

/** The parser, made on the first parse: activating the extension need not pay for it. */
function blockParser(): MarkdownIt {
  if (markdown) return markdown;
  const parser = new MarkdownIt('commonmark', { html: true });
  // Riposte reads block structure only: inline parsing would cost most of the time and tell us nothing.
  parser.core.ruler.disable(['inline', 'text_join']);
  // Its normalisation rewrites every line break of the source (ours are all '\n' already) and turns NUL
  // into U+FFFD, which changes no block boundary: a copy of the whole text for nothing.
  parser.core.ruler.disable(['normalize']);
  // Block rules copy each block's text into its token (getLines), for the inline parser and the renderer;
  // Riposte reads only the tokens' types and line maps, so the copies (megabytes per long draft) are
  // skipped. `md.block.State` is the state class markdown-it's block plugins extend.
  parser.block.State = class extends parser.block.State {
    override getLines(): string {
      return '';
    }
  };
  return (markdown = parser);
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

function lastTextLine(lines: readonly LineText[], from: number, to: number): number {
  let line = to;
  while (line > from && isBlankToMarkdown(lines[line].text)) line--;
  return line;
}

/** Fences a forum export or a copied page wraps around a post: no language, or plain text. */
const TEXT_FENCE_INFO = /^\s*(?:text|plaintext|plain|txt|quote)?\s*$/i;
/** The longest fence read as a post: a forum post is short, a code listing may run for pages. */
const FENCE_LINES_SEARCHED = 60;

/**
 * Whether a closed fence holds a forum post rather than code: forum exports wrap posts, quotes and all, in
 * plain fences ("```plaintext" / "QUOTE: Originally Posted by X" / …, "```" / `[quote="X, post:2"]` / …).
 * Such a fence is read as text, so the quote inside it is a quote of its author.
 */
function fencesAForumQuote(lines: readonly LineText[], start: number, end: number, info: string): boolean {
  if (!TEXT_FENCE_INFO.test(info) || end <= start + 1 || end > start + FENCE_LINES_SEARCHED) return false;
  const opening = lines[start].text.trim();
  const closing = lines[end].text.trim();
  if (closing.length < 3 || closing !== opening.charAt(0).repeat(closing.length)) return false;
  let header = false;
  let openTags = 0;
  for (let line = start + 1; line < end; line++) {
    const text = lines[line].text;
    // A template or a sample with `>` lines is code about quotes, not a post (fixture not-fenced-code.md).
    if (/^\s*>/.test(text)) return false;
    openTags += (text.match(/\[quote\b/gi)?.length ?? 0) - (text.match(/\[\/quote\]/gi)?.length ?? 0);
    // (The quoted words follow the header, or one blank line under it as XenForo's copies leave them.)
    header ||= /^\s*\[quote\b/i.test(text) || (matchForumHeader(text.trim())?.speaker != null && !(isBlankToMarkdown(lines[line + 1].text) && (line + 2 >= end || isBlankToMarkdown(lines[line + 2].text))));
  }
  // Tags closed inside the fence: what it holds cannot reach past it (an incremental parse relies on that).
  return header && openTags === 0;
}

function blocksOfPiece(lines: readonly LineText[], first: number, last: number, source?: string): MarkdownBlock[] {
  if (source === undefined) {
    const parts: string[] = new Array(last - first + 1);
    for (let i = first; i <= last; i++) parts[i - first] = lines[i].text;
    source = parts.join('\n');
  }
  const tokens = blockParser().parse(source, {});
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
    if (token.type === 'fence' && quoteDepth === 0 && fencesAForumQuote(lines, start, token.map[1] + first - 1, token.info)) {
      blocks.push({ kind: 'paragraph', startLine: start, endLine: token.map[1] + first - 1, quoteDepth, fencedPost: true });
      continue;
    }
    if (token.type === 'code_block' && quoteDepth === 0 && listDepth === 0 && quotesByIndentation(lines, start, token.map[1] + first - 1)) {
      blocks.push({ kind: 'paragraph', startLine: start, endLine: token.map[1] + first - 1, quoteDepth, indentedThread: true });
      continue;
    }
    blocks.push({ kind, startLine: start, endLine: Math.max(start, token.map[1] + first - 1), quoteDepth });
    // A table's rows and cells are not blocks of their own.
    if (kind === 'table') skipUntilLevel = token.level;
  }
  return blocks;
}
