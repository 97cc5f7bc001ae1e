// Where a draft's Markdown may be cut, so that its pieces parse to the same blocks as the whole: after a
// blank line outside quotes, before a line that starts afresh, unless a block from above is still open.
import type { MarkdownBlock } from './model';
import { quotePrefix } from './quoteMarkers';
import type { LineText } from './text';

/** A line that may continue a block from above a blank line: indented, or a list item. */
export const CONTINUES_BLOCK = /^(?:\s|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$))/;

/**
 * Whether a block that reaches the end of a region might have gone on past it in a full parse: a fence
 * or an HTML block of the kinds that end at a marker, not at a blank line, whose end marker is missing.
 */
export function mayContinue(block: MarkdownBlock, lines: readonly LineText[]): boolean {
  const text = (line: number) => lines[line].text.slice(quotePrefix(lines[line].text).length);
  const opening = text(block.startLine).trimStart();
  const closing = block.endLine > block.startLine ? text(block.endLine).trim() : '';
  if (block.kind === 'code') {
    const fence = /^(`{3,}|~{3,})/.exec(opening);
    if (!fence) return false; // indented code ends at a line that is not indented
    const marker = fence[1];
    return !(closing.length >= marker.length && closing === marker[0].repeat(closing.length));
  }
  if (block.kind !== 'html') return false;
  const ends: Array<[RegExp, RegExp]> = [
    [/^<!--/, /-->/],
    [/^<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
    [/^<\?/, /\?>/],
    [/^<!\[CDATA\[/, /\]\]>/],
    [/^<![A-Za-z]/, />/],
  ];
  const kind = ends.find(([start]) => start.test(opening));
  if (!kind) return false; // the other HTML blocks end at a blank line
  return !kind[1].test(text(block.endLine));
}
