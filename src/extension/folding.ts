import * as vscode from 'vscode';
import { Draft, DraftCarry, editsSince, onlyProseEdited, sameValues } from '../core';
import { DraftService } from './drafts';

/**
 * Quote blocks fold, `>` runs and `[quote]…[/quote]` alike, nested as they nest. Registering a provider
 * turns off VS Code's marker and indentation folding for the language, and the built-in Markdown
 * provider serves only `markdown`, so this one also folds headings' sections, code blocks, front matter
 * and `<!-- #region -->` markers.
 */
export class QuoteFoldingProvider implements vscode.FoldingRangeProvider {
  /**
   * The ranges last given for each document, flat (start, end, kind code), beside the objects made for them
   * and the draft version they are of: VS Code asks after every keystroke, and most keystrokes move no fold.
   */
  private readonly shown = new WeakMap<vscode.TextDocument, { carry: DraftCarry; generation: number; flat: number[]; ranges: vscode.FoldingRange[] }>();

  constructor(private readonly drafts: DraftService) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const draft = this.drafts.draftOf(document);
    const last = this.shown.get(document);
    // Edits of the writer's own paragraphs alone (no quote, heading, code, blank line or line count changed)
    // leave every fold where it was: the ranges are not worked out again.
    const edits = last?.carry === draft.parts.carry ? editsSince(draft, last.generation) : null;
    if (last && edits && onlyProseEdited(edits)) {
      last.generation = draft.parts.generation;
      return last.ranges;
    }
    const flat = foldingRanges(draft);
    if (last && sameValues(last.flat, flat)) {
      this.shown.set(document, { ...last, carry: draft.parts.carry, generation: draft.parts.generation });
      return last.ranges;
    }
    const ranges: vscode.FoldingRange[] = [];
    for (let i = 0; i < flat.length; i += 3) ranges.push(new vscode.FoldingRange(flat[i], flat[i + 1], KINDS[flat[i + 2]]));
    this.shown.set(document, { carry: draft.parts.carry, generation: draft.parts.generation, flat, ranges });
    return ranges;
  }
}

const NO_KIND = 0;
const REGION = 1;
const KINDS: (vscode.FoldingRangeKind | undefined)[] = [undefined, vscode.FoldingRangeKind.Region];

/** The draft's folds as (start line, end line, kind code) triples, flat. */
export function foldingRanges(draft: Draft): number[] {
  const ranges: number[] = [];
  for (let quoteIndex = 0; quoteIndex < draft.quotes.length; quoteIndex++) {
    const quote = draft.quotes[quoteIndex];
    // A quote folds together with the attribution line that introduces it.
    const start = quote.attribution && quote.attribution.endLine < quote.startLine ? quote.attribution.startLine : quote.startLine;
    if (quote.endLine > start) ranges.push(start, quote.endLine, REGION);
  }
  for (let unitIndex = 0; unitIndex < draft.units.length; unitIndex++) {
    const unit = draft.units[unitIndex];
    if (unit.kind === 'code' && unit.endLine > unit.startLine) ranges.push(unit.startLine, unit.endLine, NO_KIND);
  }
  if (draft.frontMatter && draft.frontMatter.endLine > 0) ranges.push(draft.frontMatter.startLine, draft.frontMatter.endLine, NO_KIND);
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
      if (end > heading.line) ranges.push(heading.line, end, NO_KIND);
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
      else if (/^\s*<!--\s*#endregion\b/.test(text) && open.length) ranges.push(open.pop()!, index, REGION);
    }
  }
}
