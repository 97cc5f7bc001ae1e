import * as vscode from 'vscode';
import { enclosingSpans } from '../core';
import { DraftService } from './drafts';

/**
 * Expand Selection in Debate Markdown (VS Code's Markdown support serves only `markdown`): the line's own
 * words (without its `>` markers), then its paragraph, each quote around it with the line that names it,
 * each heading's section and the draft (src/core/selection.ts). VS Code adds its word and bracket steps.
 */
export class ThreadSelectionRangeProvider implements vscode.SelectionRangeProvider {
  constructor(private readonly drafts: DraftService) {}

  provideSelectionRanges(document: vscode.TextDocument, positions: readonly vscode.Position[]): vscode.SelectionRange[] {
    const draft = this.drafts.draftOf(document);
    return positions.map((position) => {
      const lineRange = (start: number, end: number) => new vscode.Range(start, 0, end, document.lineAt(end).text.length);
      let parent: vscode.SelectionRange | undefined;
      const spans = enclosingSpans(draft, position.line);
      for (let i = spans.length - 1; i >= 0; i--) parent = new vscode.SelectionRange(lineRange(spans[i].startLine, spans[i].endLine), parent);
      const info = draft.lineInfo[position.line];
      const words = new vscode.Range(position.line, info.contentStart, position.line, info.contentEnd);
      return words.contains(position) && !words.isEmpty && !(parent && parent.range.isEqual(words)) ? new vscode.SelectionRange(words, parent) : (parent ?? new vscode.SelectionRange(words));
    });
  }
}
