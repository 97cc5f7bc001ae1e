import * as vscode from 'vscode';
import { Draft } from '../core';
import { DraftService } from './drafts';

/**
 * Quote blocks fold, `>` runs and `[quote]…[/quote]` alike, nested as they nest. Registering a provider
 * turns off VS Code's marker and indentation folding for the language, and the built-in Markdown
 * provider serves only `markdown`, so this one also folds headings' sections, code blocks, front matter
 * and `<!-- #region -->` markers.
 */
export class QuoteFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly drafts: DraftService) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const draft = this.drafts.draftOf(document);
    const ranges: vscode.FoldingRange[] = [];
    for (const quote of draft.quotes) {
      // A quote folds together with the attribution line that introduces it.
      const start = quote.attribution && quote.attribution.endLine < quote.startLine ? quote.attribution.startLine : quote.startLine;
      if (quote.endLine > start) ranges.push(new vscode.FoldingRange(start, quote.endLine, vscode.FoldingRangeKind.Region));
    }
    for (const unit of draft.units) {
      if (unit.kind === 'code' && unit.endLine > unit.startLine) ranges.push(new vscode.FoldingRange(unit.startLine, unit.endLine));
    }
    if (draft.frontMatter && draft.frontMatter.endLine > 0) ranges.push(new vscode.FoldingRange(draft.frontMatter.startLine, draft.frontMatter.endLine));
    ranges.push(...headingSections(draft), ...regionMarkers(draft));
    return ranges;
  }
}

function headingSections(draft: Draft): vscode.FoldingRange[] {
  const lastContent = (before: number) => {
    let line = before - 1;
    while (line > 0 && draft.lineInfo[line].blank) line--;
    return line;
  };
  const ranges: vscode.FoldingRange[] = [];
  // Open sections, outermost first: a heading closes every open one of its level or deeper.
  const open: { line: number; level: number }[] = [];
  const close = (until: number, level: number) => {
    while (open.length > 0 && open[open.length - 1].level >= level) {
      const heading = open.pop()!;
      const end = lastContent(until);
      if (end > heading.line) ranges.push(new vscode.FoldingRange(heading.line, end));
    }
  };
  for (const unit of draft.units) {
    if (unit.kind !== 'heading' || unit.depth !== 0) continue;
    const level = /^#{1,6}/.exec(unit.text.trim())?.[0].length ?? (/^=+\s*$/.test(draft.lines[unit.endLine].text) ? 1 : 2);
    close(unit.startLine, level);
    open.push({ line: unit.startLine, level });
  }
  close(draft.lines.length, 0);
  return ranges;
}

function regionMarkers(draft: Draft): vscode.FoldingRange[] {
  const ranges: vscode.FoldingRange[] = [];
  const open: number[] = [];
  // A marker is an HTML comment, so an HTML block of its own: only those lines are read.
  for (const unit of draft.units) {
    if (unit.kind !== 'html') continue;
    for (let index = unit.startLine; index <= unit.endLine; index++) {
      const text = draft.lines[index].text;
      if (/^\s*<!--\s*#region\b/.test(text)) open.push(index);
      else if (/^\s*<!--\s*#endregion\b/.test(text) && open.length) ranges.push(new vscode.FoldingRange(open.pop()!, index, vscode.FoldingRangeKind.Region));
    }
  }
  return ranges;
}
