// Where a draft folds: quotes with the attribution line that introduces them, headings' sections, code
// blocks, front matter and `<!-- #region -->` markers. The editors' layers (src/extension/folding.ts,
// src/lsp/outline.ts) turn these into their own ranges.
import { Draft } from './parse';

/** The kind codes of `foldingRanges`' triples: none, or a region ("Fold All Regions" folds every quote). */
export const FOLD_NO_KIND = 0;
export const FOLD_REGION = 1;

/** The draft's folds as (start line, end line, kind code) triples, flat. */
export function foldingRanges(draft: Draft): number[] {
  const ranges: number[] = [];
  for (let quoteIndex = 0; quoteIndex < draft.quotes.length; quoteIndex++) {
    const quote = draft.quotes[quoteIndex];
    // A quote folds together with the attribution line that introduces it.
    const start = quote.attribution && quote.attribution.endLine < quote.startLine ? quote.attribution.startLine : quote.startLine;
    if (quote.endLine > start) ranges.push(start, quote.endLine, FOLD_REGION);
  }
  for (let unitIndex = 0; unitIndex < draft.units.length; unitIndex++) {
    const unit = draft.units[unitIndex];
    if (unit.kind === 'code' && unit.endLine > unit.startLine) ranges.push(unit.startLine, unit.endLine, FOLD_NO_KIND);
  }
  if (draft.frontMatter && draft.frontMatter.endLine > 0) ranges.push(draft.frontMatter.startLine, draft.frontMatter.endLine, FOLD_NO_KIND);
  headingSections(draft, ranges);
  regionMarkers(draft, ranges);
  return ranges;
}

function headingSections(draft: Draft, ranges: number[]): void {
  const lastContent = (before: number) => {
    let line = before - 1;
    while (line > 0 && draft.lineInfo[line].blank) line--;
    return line;
  };
  // Open sections, outermost first: a heading closes every open one of its level or deeper.
  const open: { line: number; level: number }[] = [];
  const close = (until: number, level: number) => {
    while (open.length > 0 && open[open.length - 1].level >= level) {
      const heading = open.pop()!;
      const end = lastContent(until);
      if (end > heading.line) ranges.push(heading.line, end, FOLD_NO_KIND);
    }
  };
  for (let unitIndex = 0; unitIndex < draft.units.length; unitIndex++) {
    const unit = draft.units[unitIndex];
    if (unit.kind !== 'heading' || unit.depth !== 0) continue;
    const level = /^#{1,6}/.exec(unit.text.trim())?.[0].length ?? (/^=+\s*$/.test(draft.lines[unit.endLine].text) ? 1 : 2);
    close(unit.startLine, level);
    open.push({ line: unit.startLine, level });
  }
  close(draft.lines.length, 0);
}

function regionMarkers(draft: Draft, ranges: number[]): void {
  const open: number[] = [];
  // A marker is an HTML comment, so an HTML block of its own: only those lines are read.
  for (let unitIndex = 0; unitIndex < draft.units.length; unitIndex++) {
    const unit = draft.units[unitIndex];
    if (unit.kind !== 'html') continue;
    for (let index = unit.startLine; index <= unit.endLine; index++) {
      const text = draft.lines[index].text;
      if (/^\s*<!--\s*#region\b/.test(text)) open.push(index);
      else if (/^\s*<!--\s*#endregion\b/.test(text) && open.length) ranges.push(open.pop()!, index, FOLD_REGION);
    }
  }
}
