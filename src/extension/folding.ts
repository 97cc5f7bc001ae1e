import * as vscode from 'vscode';
import { DraftCarry, editsSince, FOLD_NO_KIND, FOLD_REGION, foldingRanges, onlyProseEdited, sameValues } from '../core';
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

const KINDS: Record<number, vscode.FoldingRangeKind | undefined> = { [FOLD_NO_KIND]: undefined, [FOLD_REGION]: vscode.FoldingRangeKind.Region };
