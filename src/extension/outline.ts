import * as vscode from 'vscode';
import { buildOutline, OutlineKind, OutlineNode } from '../core';
import { LANGUAGE_ID } from './diagnostics';
import { DraftService } from './drafts';

/** Outline icons: headings as Markdown's own Outline shows them (String), then people, passages, replies. */
const KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  heading: vscode.SymbolKind.String,
  speaker: vscode.SymbolKind.Class,
  quote: vscode.SymbolKind.Field,
  reply: vscode.SymbolKind.Event,
};

/** Drafts longer than this (in characters) list headings and speakers in the Outline, not every passage and reply. */
const OUTLINE_IN_FULL_UP_TO = 200_000;

/**
 * The thread in the Outline view and the breadcrumbs (src/core/outline.ts). In Debate Markdown it gives the
 * headings too (VS Code's Markdown support, which lists them for `markdown`, does not serve this language);
 * in plain `markdown` only the thread, so that headings are not listed twice.
 */
export class ThreadSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly drafts: DraftService) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    // The Outline, the breadcrumbs and sticky scroll ask again after every keystroke: past this size only
    // headings and speakers are listed, so that typing in a long thread does not rebuild thousands of symbols.
    const long = document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > OUTLINE_IN_FULL_UP_TO;
    const nodes = buildOutline(this.drafts.draftOf(document), { headings: document.languageId === LANGUAGE_ID, passages: !long, replies: !long });
    const toSymbol = (node: OutlineNode): vscode.DocumentSymbol => {
      const end = Math.min(node.endLine, document.lineCount - 1);
      const range = new vscode.Range(node.startLine, 0, end, document.lineAt(end).text.length);
      const line = document.lineAt(node.selectionLine);
      const selection = new vscode.Range(node.selectionLine, line.firstNonWhitespaceCharacterIndex, node.selectionLine, line.text.length);
      const symbol = new vscode.DocumentSymbol(node.name, node.detail, KINDS[node.kind], range, range.contains(selection) ? selection : new vscode.Range(range.start, range.start));
      symbol.children = node.children.map(toSymbol);
      return symbol;
    };
    return nodes.map(toSymbol);
  }
}
