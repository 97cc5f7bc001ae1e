import * as vscode from 'vscode';
import { buildOutline, DraftCarry, editsSince, firstAtLeast, onlyProseEdited, OutlineKind, OutlineNode, outlineSignature, sameValues } from '../core';
import { LANGUAGE_ID } from './diagnostics';
import { DraftService } from './drafts';

/** Outline icons: headings as Markdown's own Outline shows them (String), then people, passages, replies. */
const KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  heading: vscode.SymbolKind.String,
  speaker: vscode.SymbolKind.Class,
  quote: vscode.SymbolKind.Field,
  reply: vscode.SymbolKind.Event,
};

/**
 * Drafts longer than this (in characters) list headings in the Outline, each naming the people quoted in its
 * section (speakers before the first heading stand at the top), not every speaker, passage and reply.
 */
const OUTLINE_IN_FULL_UP_TO = 200_000;

/**
 * The thread in the Outline view and the breadcrumbs (src/core/outline.ts). In Debate Markdown it gives the
 * headings too (VS Code's Markdown support, which lists them for `markdown`, does not serve this language);
 * in plain `markdown` only the thread, so that headings are not listed twice.
 */
/** The last Outline given for a long draft: what it was built from, and the text of every line its symbols read. */
interface ShownOutline {
  headings: boolean;
  /** The draft version the symbols are of. */
  carry: DraftCarry;
  generation: number;
  signature: unknown[];
  /** The lines the symbols' ranges end or select on, ascending, and their texts. */
  lines: number[];
  texts: string[];
  symbols: vscode.DocumentSymbol[];
}

/** Whether any of the ascending `lines` is within start..end. */
function touches(lines: readonly number[], start: number, end: number): boolean {
  const first = firstAtLeast(lines, start);
  return first < lines.length && lines[first] <= end;
}

export class ThreadSymbolProvider implements vscode.DocumentSymbolProvider {
  /** By document (the object is the same for every version of an open document). */
  private readonly shown = new WeakMap<vscode.TextDocument, ShownOutline>();

  constructor(private readonly drafts: DraftService) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    // The Outline, the breadcrumbs and sticky scroll ask again after every keystroke, and VS Code converts,
    // serialises and sends every symbol each time: past this size a 1 MB thread's 860 symbols (headings and
    // the speakers of each section) would cost more than the lint; its 168 headings, with their sections'
    // speakers in their detail, cost a fifth of that.
    const long = document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > OUTLINE_IN_FULL_UP_TO;
    const headings = document.languageId === LANGUAGE_ID;
    const draft = this.drafts.draftOf(document);
    // And most keystrokes change none of those: the symbols given last time are given again when what they
    // were built from is the same, and so is every line their ranges end or select on.
    const last = this.shown.get(document);
    if (long && last && last.headings === headings && last.carry === draft.parts.carry) {
      // Edits of the writer's own paragraphs that kept every speaker, on none of the symbols' lines: the
      // same symbols, found without reading the draft.
      const edits = editsSince(draft, last.generation);
      if (edits && onlyProseEdited(edits) && edits.every((edit) => edit.speakersKept && !touches(last.lines, edit.start, edit.end))) {
        last.generation = draft.parts.generation;
        return last.symbols;
      }
    }
    const signature = long ? outlineSignature(draft, headings) : undefined;
    if (signature && last && last.headings === headings && sameValues(last.signature, signature) && last.lines.every((line, i) => draft.lines[line]?.text === last.texts[i])) {
      this.shown.set(document, { ...last, carry: draft.parts.carry, generation: draft.parts.generation });
      return last.symbols;
    }
    const nodes = buildOutline(draft, { headings, passages: !long, replies: !long, speakersInDetail: long });
    const lines: number[] = [];
    const toSymbol = (node: OutlineNode): vscode.DocumentSymbol => {
      const end = Math.min(node.endLine, document.lineCount - 1);
      const range = new vscode.Range(node.startLine, 0, end, document.lineAt(end).text.length);
      const line = document.lineAt(node.selectionLine);
      const selection = new vscode.Range(node.selectionLine, line.firstNonWhitespaceCharacterIndex, node.selectionLine, line.text.length);
      const symbol = new vscode.DocumentSymbol(node.name, node.detail, KINDS[node.kind], range, range.contains(selection) ? selection : new vscode.Range(range.start, range.start));
      symbol.children = node.children.map(toSymbol);
      lines.push(end, node.selectionLine);
      return symbol;
    };
    const symbols = nodes.map(toSymbol);
    lines.sort((a, b) => a - b);
    if (signature) this.shown.set(document, { headings, carry: draft.parts.carry, generation: draft.parts.generation, signature, lines, texts: lines.map((line) => draft.lines[line].text), symbols });
    else this.shown.delete(document);
    return symbols;
  }
}
