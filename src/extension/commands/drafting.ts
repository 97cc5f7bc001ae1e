import * as vscode from 'vscode';
import * as core from '../../core';
import { toWorkspaceEdit } from '../convert';
import { DraftService } from '../drafts';

const REMEMBERED_AUTHORS = 'riposte.sourceAuthors';

/**
 * "Quote Selection as Reply": takes the selection from a source document open beside the draft (or the
 * clipboard), inserts it at the cursor as a quote with its author's attribution, then an empty reply line.
 */
export async function quoteSelectionAsReply(state: vscode.Memento): Promise<void> {
  const draftEditor = vscode.window.activeTextEditor;
  if (!draftEditor) {
    void vscode.window.showInformationMessage('Riposte: open the draft you are replying in, then run "Quote Selection as Reply".');
    return;
  }
  const source = vscode.window.visibleTextEditors.find((editor) => editor !== draftEditor && editor.document !== draftEditor.document && !editor.selection.isEmpty);
  let passage: string;
  let author: string | null = null;
  let rememberKey: string | undefined;
  if (source) {
    passage = source.document.getText(source.selection);
    author = core.authorOfSource(source.document.getText());
    rememberKey = source.document.uri.toString();
  } else {
    passage = await vscode.env.clipboard.readText();
    if (!passage.trim()) {
      void vscode.window.showInformationMessage('Riposte: select a passage in a document open beside the draft, or copy one to the clipboard.');
      return;
    }
  }
  if (!author) {
    const remembered = state.get<Record<string, string>>(REMEMBERED_AUTHORS, {});
    author = rememberKey ? remembered[rememberKey] ?? null : null;
    if (!author) {
      const answer = await vscode.window.showInputBox({
        title: 'Who wrote this passage?',
        prompt: source ? `The source (${vscode.workspace.asRelativePath(source.document.uri)}) does not name its author; Riposte will remember your answer.` : 'Name the author for the attribution line (leave empty for none).',
        placeHolder: 'Name',
      });
      if (answer === undefined) return;
      author = answer.trim() || null;
      if (author && rememberKey) await state.update(REMEMBERED_AUTHORS, { ...remembered, [rememberKey]: author });
    }
  }
  const document = draftEditor.document;
  const position = draftEditor.selection.active;
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const lineText = document.lineAt(position.line).text;
  const before = lineText.trim() === '' ? '' : eol + eol;
  const insertAt = lineText.trim() === '' ? new vscode.Position(position.line, 0) : document.lineAt(position.line).range.end;
  const block = before + core.quoteBlock(passage, author, eol);
  await draftEditor.edit((builder) => builder.insert(insertAt, block));
  // The cursor goes to the empty line after the quote, ready for the reply.
  const lines = block.split(eol);
  const replyLine = insertAt.line + lines.length - 1;
  const cursor = new vscode.Position(Math.min(replyLine, draftEditor.document.lineCount - 1), 0);
  draftEditor.selection = new vscode.Selection(cursor, cursor);
  draftEditor.revealRange(new vscode.Range(cursor, cursor));
}

/** "Toggle Quote": one `>` level more on the selected lines, or one less when they are all quoted. */
export async function toggleQuote(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const document = editor.document;
  const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
  const edits = editor.selections.flatMap((selection) => {
    const last = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
    return core.toggleQuoteEdits(lines, selection.start.line, last);
  });
  await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, edits));
}

/**
 * "Insert Attribution": names the author of the quote at the cursor (or of the quote that follows). A
 * keybinding or script may pass `{ "name": "…" }` to skip the question.
 */
export async function insertAttribution(drafts: DraftService, args?: { name?: string }): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const draft = drafts.draftOf(editor.document);
  const line = editor.selection.active.line;
  const target = draft.quoteOfLine(line) ?? draft.quotes.find((candidate) => candidate.startLine > line && candidate.depth === 1) ?? null;
  const known = draft.speakers.map((speaker) => speaker.name);
  const picked = typeof args?.name === 'string' && args.name.trim() ? args.name.trim() : await pickName(known);
  if (!picked) return;
  if (!target) {
    await editor.edit((builder) => builder.insert(new vscode.Position(line, 0), `${picked} wrote:\n`));
    return;
  }
  await vscode.workspace.applyEdit(toWorkspaceEdit(editor.document.uri, [core.attributionEdit(draft, target, picked)]));
}

async function pickName(known: string[]): Promise<string | undefined> {
  if (known.length === 0) return (await vscode.window.showInputBox({ title: 'Who wrote this quote?', placeHolder: 'Name' }))?.trim() || undefined;
  const other = '$(edit) Someone else…';
  const choice = await vscode.window.showQuickPick([...known, other], { title: 'Who wrote this quote?' });
  if (choice !== other) return choice;
  return (await vscode.window.showInputBox({ title: 'Who wrote this quote?', placeHolder: 'Name' }))?.trim() || undefined;
}
