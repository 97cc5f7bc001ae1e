import * as vscode from 'vscode';

const EMPTY_QUOTE_LINE = /^\s*(?:>[ \t]*)+$/;

/**
 * Enter in Debate Markdown. On an empty quoted line ("> " alone) it ends that quote level, as mail clients
 * do; everywhere else it types a newline so the language configuration's onEnterRules continue the quote.
 */
export async function onEnterKey(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const selection = editor.selection;
  const line = editor.document.lineAt(selection.active.line);
  if (selection.isEmpty && selection.active.character === line.text.length && EMPTY_QUOTE_LINE.test(line.text)) {
    const shallower = line.text.replace(/>[ \t]*$/, '').replace(/[ \t]+$/, '');
    const prefix = shallower.trim() === '' ? '' : `${shallower} `;
    await editor.edit((builder) => builder.replace(line.range, prefix), { undoStopBefore: true, undoStopAfter: false });
    const end = new vscode.Position(line.lineNumber, prefix.length);
    editor.selection = new vscode.Selection(end, end);
    return;
  }
  await vscode.commands.executeCommand('type', { source: 'keyboard', text: '\n' });
}
