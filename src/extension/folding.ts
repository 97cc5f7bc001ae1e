import * as vscode from 'vscode';
import { DraftService } from './drafts';

/** Quote blocks fold, `>` runs and `[quote]…[/quote]` alike, nested as they nest; so do fenced code blocks. */
export class QuoteFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly drafts: DraftService) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const { draft } = this.drafts.analyse(document);
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
    return ranges;
  }
}
