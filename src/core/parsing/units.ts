// Step 5 of the parse: units, the paragraphs as the drafter meant them.
import { Attribution, LineInfo, MarkdownBlock, Quote, Unit, UnitKind } from '../model';
import { LineText } from '../text';
import { contentOf } from './lines';
import { lostBreakBetween } from './lostBreaks';

export function buildUnits(
  lines: readonly LineText[],
  info: readonly LineInfo[],
  blocks: readonly MarkdownBlock[],
  quoteOfLine: readonly (Quote | null)[],
  attributionOfLine: ReadonlyMap<number, Attribution>,
  postHeaderLines: ReadonlySet<number>,
): Unit[] {
  const units: Unit[] = [];
  // (line, start, text) triples of the unit being gathered, in one buffer for all units: each unit takes a
  // copy at its exact length (an array grown by push keeps spare room, and each growth is a copy).
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
    // markdown-it knows nothing of `[quote]` tags: any of its blocks but code and HTML (where tags are not
    // read) can run across one, as a setext heading does over "Hi.\n[quote]\n-". A unit never does.
    const splits = block.kind !== 'code' && block.kind !== 'html';
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
      // A copied page's post header is no part of the post's first paragraph: the same words posted twice
      // under two headers are still one paragraph twice.
      const lineKind: UnitKind = attributionOfLine.has(i) || postHeaderLines.has(i) ? 'attribution' : block.kind;
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
