import * as vscode from 'vscode';
import * as core from '../../core';

const EMPTY_QUOTE_LINE = /^\s*(?:>[ \t]*)+$/;

/**
 * Enter on an empty quoted line ("> " alone) in Debate Markdown ends that quote level, as mail clients do:
 * ">> |" becomes ">" and a new "> |" line; "> |" becomes an empty line and a new unquoted line.
 * The keybinding applies only while the context key `riposte.onEmptyQuoteLine` is set: every other Enter
 * stays VS Code's own (onEnterRules continue the quote), since a round trip through the extension host
 * per keystroke would let fast typing overtake the newline.
 *
 * The key can be stale: typed quickly, "> quoted" + Enter reaches this command while the key still says
 * "> ", and keys typed after the Enter may already be in the editor. This command sees the document as it
 * was when Enter was pressed, so the newline (with the line's quote prefix, as onEnterRules would give) is
 * inserted where the cursor was then, by position: text typed after it stays after it.
 */
export async function onEnterKey(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const selection = editor.selection;
  const line = editor.document.lineAt(selection.active.line);
  if (selection.isEmpty && selection.active.character === line.text.length && EMPTY_QUOTE_LINE.test(line.text)) {
    // The empty line keeps one level less and stays as the blank line Markdown needs to end the quote's
    // paragraph (without it the next line would continue the quote lazily); the cursor goes below it.
    const shallower = line.text.replace(/>[ \t]*$/, '').replace(/[ \t]+$/, '');
    const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const next = shallower.trim() === '' ? '' : `${shallower} `;
    await editor.edit((builder) => builder.replace(line.range, `${shallower}${eol}${next}`));
    const end = new vscode.Position(line.lineNumber + 1, next.length);
    editor.selection = new vscode.Selection(end, end);
    return;
  }
  // Not version-checked (as editor.edit would be, and fail): the edit lands at this position in the
  // editor's current text, before anything typed since.
  const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  // The line's quote markers, or on an unquoted line its indentation, as Enter itself would keep them.
  const before = line.text.slice(0, selection.active.character);
  const prefix = core.quotePrefix(before) || /^[ \t]*/.exec(before)![0];
  const edit = new vscode.WorkspaceEdit();
  edit.replace(editor.document.uri, selection, `${eol}${prefix}`);
  await vscode.workspace.applyEdit(edit);
  // With nothing typed meanwhile, the cursor is still where Enter was pressed, before the new line: move
  // it onto the new line, as Enter would. Text typed meanwhile has moved the cursor on already.
  if (editor.selection.isEmpty && editor.selection.active.isEqual(selection.start)) {
    const after = new vscode.Position(selection.start.line + 1, prefix.length);
    editor.selection = new vscode.Selection(after, after);
  }
}

const CONTEXT_KEY = 'riposte.onEmptyQuoteLine';

/** Keeps `riposte.onEmptyQuoteLine` true exactly while the cursor ends an empty quoted line. */
export function trackEmptyQuoteLine(languageId: string): vscode.Disposable {
  let current = false;
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    let next = false;
    if (editor && editor.document.languageId === languageId && editor.selections.length === 1 && editor.selection.isEmpty) {
      const line = editor.document.lineAt(editor.selection.active.line);
      next = editor.selection.active.character === line.text.length && EMPTY_QUOTE_LINE.test(line.text);
    }
    if (next !== current) {
      current = next;
      void vscode.commands.executeCommand('setContext', CONTEXT_KEY, next);
    }
  };
  const subscriptions = [
    vscode.window.onDidChangeTextEditorSelection(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) update();
    }),
  ];
  return vscode.Disposable.from(...subscriptions);
}
