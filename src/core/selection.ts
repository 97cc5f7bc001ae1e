// Smart select (Expand Selection) in a draft: from the line's own text out through its paragraph, each quote
// around it (with the attribution line that introduces it), each heading's section, to the whole draft.
// VS Code's Markdown support gives `markdown` documents a similar chain; this one knows quotes as the
// thread does.
import type { Draft } from './model';

/** 0-based lines, inclusive. */
export interface LineSpan {
  startLine: number;
  endLine: number;
}

/** The spans around `line`, innermost first, each holding the one before it and larger than it. */
export function enclosingSpans(draft: Draft, line: number): LineSpan[] {
  const last = Math.max(0, draft.lines.length - 1);
  const spans: LineSpan[] = [];
  const unit = unitAt(draft, line);
  if (unit) spans.push({ startLine: unit.startLine, endLine: unit.endLine });
  for (let quote = draft.quoteOfLine(line); quote; quote = quote.parent) {
    spans.push({ startLine: quote.startLine, endLine: quote.endLine });
    const attribution = quote.attribution;
    if (attribution && attribution.endLine < quote.startLine) spans.push({ startLine: attribution.startLine, endLine: quote.endLine });
  }
  // Heading sections, innermost (deepest level) first.
  const open: { line: number; level: number }[] = [];
  const sections: LineSpan[] = [];
  for (const heading of draft.units) {
    if (heading.kind !== 'heading' || heading.depth !== 0) continue;
    const level = /^#{1,6}/.exec(heading.text.trim())?.[0].length ?? (/^ {0,3}=+\s*$/.test(draft.lines[heading.endLine]?.text ?? '') ? 1 : 2);
    if (heading.startLine > line) {
      // The first heading after the line at or above a section's level ends that section.
      while (open.length && open[open.length - 1].level >= level) sections.push({ startLine: open.pop()!.line, endLine: heading.startLine - 1 });
      if (!open.length) break;
      continue;
    }
    while (open.length && open[open.length - 1].level >= level) open.pop();
    open.push({ line: heading.startLine, level });
  }
  while (open.length) sections.push({ startLine: open.pop()!.line, endLine: last });
  spans.push(...sections, { startLine: 0, endLine: last });
  // Keep a chain: each span strictly larger than, and holding, the one kept before it.
  const chain: LineSpan[] = [];
  for (const span of spans) {
    const previous = chain[chain.length - 1];
    if (span.startLine > line || span.endLine < line) continue;
    if (previous && (span.startLine > previous.startLine || span.endLine < previous.endLine || (span.startLine === previous.startLine && span.endLine === previous.endLine))) continue;
    chain.push(span);
  }
  return chain;
}

function unitAt(draft: Draft, line: number) {
  const units = draft.units;
  let low = 0;
  let high = units.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const unit = units[middle];
    if (unit.endLine < line) low = middle + 1;
    else if (unit.startLine > line) high = middle - 1;
    else return unit;
  }
  return undefined;
}
