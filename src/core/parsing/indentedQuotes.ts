// Quotes marked by indentation instead of `>`: a mail client that shows quoted messages as indented
// blocks, copied as text, leaves "On …, Jane <j@x> wrote:" / "    her message" / "        the message she
// answered" (four more spaces a level). Markdown reads the indented lines as one code block; under a mail
// header, with sentences in it, they are the thread, each level one quote deeper.
import { matchLeadingAttribution } from '../attribution';
import { indentColumns, isBlankToMarkdown, LineText } from '../text';

/** How far above the block its header may stand (blank lines between). */
const HEADER_LOOK_BACK = 3;
/** A line of prose: this many words or more, ending as a sentence does. */
const PROSE_WORDS = 6;
const SENTENCE_END = /[.!?:;)"”]\s*$/;

/** Whether the indented code block on lines start..end holds a mail thread quoted by indentation. */
export function quotesByIndentation(lines: readonly LineText[], start: number, end: number): boolean {
  let header = start - 1;
  while (header >= 0 && header >= start - HEADER_LOOK_BACK && isBlankToMarkdown(lines[header].text)) header--;
  if (header < 0 || header === start - 1 || isBlankToMarkdown(lines[header].text)) return false;
  const text = lines[header].text;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9 || matchLeadingAttribution(text.trim())?.form !== 'mail') return false;
  for (let line = start; line <= end; line++) {
    const words = lines[line].text.trim();
    if (SENTENCE_END.test(words) && words.split(/\s+/).length >= PROSE_WORDS) return true;
  }
  return false;
}

/**
 * The quote depth and the start of the text of each line of such a block: one level for the block, one
 * more each time the indentation grows under a line that ends in a colon (the next message's header), back
 * up as it shrinks, and one more for each `>` after the indentation. Blank lines take the lesser depth of
 * the lines around them, so that they stay inside the quotes they separate.
 */
export function indentationDepths(lines: readonly LineText[], start: number, end: number): { depths: Int32Array; contentStarts: Int32Array } {
  const depths = new Int32Array(end - start + 1).fill(-1);
  const contentStarts = new Int32Array(end - start + 1);
  const levels: number[] = [];
  let leadIn = false;
  for (let line = start; line <= end; line++) {
    const text = lines[line].text;
    if (isBlankToMarkdown(text)) continue;
    const width = indentColumns(text);
    let index = 0;
    while (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 9) index++;
    if (levels.length === 0) levels.push(width);
    else {
      // (A header a client set off by one more space than its level, " Pondělí, 4 Březen, 2019 …", stays in it.)
      while (levels.length > 1 && width < levels[levels.length - 1] - 1) levels.pop();
      if (width > levels[levels.length - 1] + 1 && leadIn) levels.push(width);
    }
    let markers = 0;
    for (let cursor = index; ; ) {
      let spaces = 0;
      while (text.charCodeAt(cursor) === 32 && spaces < 3) {
        cursor++;
        spaces++;
      }
      if (text.charCodeAt(cursor) !== 62 /* > */) break;
      cursor++;
      markers++;
      if (text.charCodeAt(cursor) === 32) cursor++;
      index = cursor;
    }
    depths[line - start] = levels.length + markers;
    contentStarts[line - start] = index;
    leadIn = /:\s*$/.test(text);
  }
  let previous = 1;
  for (let k = 0; k < depths.length; k++) {
    if (depths[k] >= 0) {
      previous = depths[k];
      continue;
    }
    let next = k + 1;
    while (next < depths.length && depths[next] < 0) next++;
    depths[k] = next < depths.length ? Math.min(previous, depths[next]) : previous;
  }
  return { depths, contentStarts };
}
