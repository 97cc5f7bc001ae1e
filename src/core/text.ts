import { Position, Range, range } from './types';

export interface LineText {
  /** The line's text without its end-of-line characters. */
  text: string;
  /** '\n', '\r\n', '\r' or '' for the last line. */
  eol: string;
}

export interface SourceLine extends LineText {
  /** Offset of the line's first character in the document text. */
  offset: number;
}

const BOM = '\uFEFF';

/** Splits text into lines, keeping every end-of-line kind so that edits can preserve them. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ || ch === 13 /* \r */) {
      const eol = ch === 13 && text.charCodeAt(i + 1) === 10 ? '\r\n' : text[i];
      lines.push({ text: text.slice(start, i), offset: start, eol });
      i += eol.length - 1;
      start = i + 1;
    }
  }
  lines.push({ text: text.slice(start), offset: start, eol: '' });
  return lines;
}

/**
 * Every empty line of every draft: a fifth of a draft's lines are empty, and nothing changes a line in
 * place (edits make new ones). Not frozen, so that it has the shape of every other line.
 */
const EMPTY_LINE: LineText = { text: '', eol: '\n' };

/**
 * The lines of a text without their offsets (what a draft keeps: offsets would go stale with every edit
 * above them). Text with no carriage return, most of it, is cut at each '\n' found by indexOf.
 */
export function splitLineTexts(text: string): LineText[] {
  if (text.includes('\r')) return splitLines(text).map(({ text: lineText, eol }) => ({ text: lineText, eol }));
  const lines: LineText[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    lines.push(end === start ? EMPTY_LINE : { text: text.slice(start, end), eol: '\n' });
    start = end + 1;
  }
  lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/** What JavaScript's \s matches (and `trim` removes). */
export function isWhiteSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The columns of white space a line opens with, a tab reaching the next multiple of four (as Markdown counts them). */
export function indentColumns(text: string): number {
  let columns = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 32) columns++;
    else if (code === 9) columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/**
 * Whether the line's last character, spaces and tabs aside, is a colon, half- or full-width (Chinese and Japanese
 * write "写道："): headers and lead-ins end so. Asked of many lines: most end on a letter or a full stop, settled
 * by one test.
 */
export function endsWithColon(text: string): boolean {
  let end = text.length - 1;
  const last = text.charCodeAt(end);
  if (last !== 58 && last !== 0xff1a && last !== 32 && last !== 9) return false;
  while (end >= 0 && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end--;
  const code = text.charCodeAt(end);
  return code === 58 /* : */ || code === 0xff1a /* ： */;
}

/**
 * Blank as Markdown reads a line: nothing but spaces and tabs. A no-break space is text to it, so a line
 * of them continues a paragraph: every decision about where a draft may be cut uses this, never
 * `isBlankBetween`, or a region would start inside a paragraph that a full parse keeps whole.
 */
export function isBlankToMarkdown(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) return false;
  return true;
}

/** Whether text[start..end) is empty or white space: `text.slice(start, end).trim() === ''` without the copies. */
export function isBlankBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhiteSpace(text.charCodeAt(i))) return false;
  return true;
}

/** How many characters lines from..to-1 hold, line breaks included. */
export function charactersIn(lines: readonly LineText[], from: number, to: number): number {
  let count = 0;
  for (let line = from; line < to; line++) count += lines[line].text.length + lines[line].eol.length;
  return count;
}

export function stripBom(text: string): { text: string; bom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), bom: true } : { text, bom: false };
}

export function restoreBom(text: string, bom: boolean): string {
  return bom ? BOM + text : text;
}

/** The end-of-line sequence most used in the text ('\n' when there is none). */
export function dominantEol(lines: readonly LineText[]): string {
  const counts = new Map<string, number>();
  for (const line of lines) if (line.eol) counts.set(line.eol, (counts.get(line.eol) ?? 0) + 1);
  let best = '\n';
  let bestCount = 0;
  for (const [eol, count] of counts) {
    if (count > bestCount) {
      best = eol;
      bestCount = count;
    }
  }
  return best;
}

export function offsetAt(lines: readonly SourceLine[], position: Position): number {
  const line = lines[Math.min(Math.max(position.line, 0), lines.length - 1)];
  return line.offset + Math.min(Math.max(position.character, 0), line.text.length);
}

export function lineRange(lines: readonly LineText[], startLine: number, endLine = startLine): Range {
  return range(startLine, 0, endLine, lines[endLine].text.length);
}

/** Removes whole lines first..last; also removes one adjoining line break so no empty line is left behind. */
export function deleteLinesRange(lines: readonly LineText[], first: number, last: number): Range {
  if (last + 1 < lines.length) return range(first, 0, last + 1, 0);
  if (first > 0) return range(first - 1, lines[first - 1].text.length, last, lines[last].text.length);
  return range(first, 0, last, lines[last].text.length);
}
