// Text transformations behind the drafting commands (quote a selection, toggle quotes, suppressions).
// They return plain edits or text so that every editor adapter can apply them its own way.
import { quotePrefixOf } from './fixEdits';
import { Draft, Quote } from './parse';
import { parseFrontMatter } from './frontMatter';
import { firstIndexWhere } from './search';
import { splitLines } from './text';
import { range, TextEdit } from './types';

/** Adds one `>` level to every line of a range, or removes one when every non-blank line has one. */
export function toggleQuoteEdits(lines: readonly string[], startLine: number, endLine: number): TextEdit[] {
  const selected = lines.slice(startLine, endLine + 1);
  const allQuoted = selected.some((line) => line.trim() !== '') && selected.every((line) => line.trim() === '' || /^ {0,3}>/.test(line));
  const edits: TextEdit[] = [];
  selected.forEach((line, offset) => {
    const lineNumber = startLine + offset;
    if (allQuoted) {
      const marker = /^( {0,3})>[ ]?/.exec(line);
      if (marker) edits.push({ range: range(lineNumber, marker[1].length, lineNumber, marker[0].length), newText: '' });
    } else {
      // Mail style nests without spaces between markers (">> text"); a bare line gets "> ".
      const newText = /^ {0,3}>/.test(line) || line.trim() === '' ? '>' : '> ';
      edits.push({ range: range(lineNumber, 0, lineNumber, 0), newText });
    }
  });
  return edits;
}

/** Turns a passage into a Markdown quote introduced by "Name wrote:", ending with an empty line for the reply. */
export function quoteBlock(passage: string, speaker: string | null, eol = '\n'): string {
  const body = passage
    .replace(/\r\n?/g, '\n')
    .replace(/^\n+|\s+$/g, '')
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`));
  const attribution = speaker ? [`${speaker} wrote:`] : [];
  return [...attribution, ...body, '', ''].join(eol);
}

/**
 * Who wrote a source document: its front matter (`author:`), a mail header (`From: Name <address>`),
 * or a byline (`By Name`, `*Name*` alone on the second line). Null when it does not say.
 */
export function authorOfSource(text: string): string | null {
  const lines = splitLines(text);
  const frontMatter = parseFrontMatter(lines);
  const declared = frontMatter?.values.get('author') || frontMatter?.values.get('from');
  if (declared) return declared;
  const start = frontMatter ? frontMatter.endLine + 1 : 0;
  for (const line of lines.slice(start, start + 15)) {
    const header = /^From:\s*"?([^"<]+?)"?\s*(?:<[^>]*>)?\s*$/i.exec(line.text);
    if (header) return header[1].trim();
    const byline = /^(?:by|author:)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s*$/iu.exec(line.text.replace(/[*_]/g, '').trim());
    if (byline) return byline[1];
  }
  return null;
}

/**
 * Names the author of a quote: `[quote]` becomes `[quote="Name"]`; otherwise a "Name wrote:" line goes
 * above the quote at its outer level (its markers minus one), after a blank line if text runs into it.
 */
export function attributionEdit(draft: Draft, quote: Quote, name: string): TextEdit {
  const line = quote.startLine;
  if (quote.origin === 'bbcode') {
    const tag = /\[quote\]/i.exec(draft.lines[line].text);
    if (tag) return { range: range(line, tag.index, line, tag.index + tag[0].length), newText: `[quote="${name}"]` };
  }
  const prefix = quotePrefixOf(draft, line).replace(/>[ \t]?$/, '');
  const previous = line > 0 ? draft.lineInfo[line - 1] : null;
  const needsGap = previous !== null && !previous.blank && !previous.frontMatter && previous.depth < quote.depth;
  return { range: range(line, 0, line, 0), newText: `${needsGap ? `${prefix.trimEnd()}\n` : ''}${prefix}${name} wrote:\n` };
}

/** The comment that silences a rule on one line, inserted above it with the line's quote markers. */
export function disableForLineEdit(draft: Draft, rule: string, line: number): TextEdit {
  const prefix = quotePrefixOf(draft, line);
  return { range: range(line, 0, line, 0), newText: `${prefix}<!-- riposte-disable-next-line ${rule} -->\n` };
}

/** The comment that silences a rule for the whole file, placed after any front matter. */
export function disableForFileEdit(draft: Draft, rule: string): TextEdit {
  const existing = draft.suppressions.directives.find((directive) => directive.kind === 'disable-file' && directive.rules.length > 0);
  if (existing) {
    const text = draft.lines[existing.line].text;
    const at = text.indexOf('-->', text.indexOf('riposte-disable-file'));
    const before = text.slice(0, at).trimEnd();
    return { range: range(existing.line, before.length, existing.line, before.length), newText: ` ${rule}` };
  }
  const line = draft.frontMatter ? draft.frontMatter.endLine + 1 : 0;
  return { range: range(line, 0, line, 0), newText: `<!-- riposte-disable-file ${rule} -->\n` };
}

/** One edit that turns `before` into `after`: the smallest span between their common prefix and suffix. */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  const lines = splitLines(before);
  const positionOf = (offset: number) => {
    const line = firstIndexWhere(lines.length, (index) => lines[index].offset > offset) - 1;
    return { line, character: offset - lines[line].offset };
  };
  const from = positionOf(start);
  const to = positionOf(endBefore);
  return { range: range(from.line, from.character, to.line, to.character), newText: after.slice(start, endAfter) };
}
