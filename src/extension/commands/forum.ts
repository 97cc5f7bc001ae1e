import * as vscode from 'vscode';
import * as core from '../../core';
import { DraftService } from '../drafts';

/** The workspace's last target of "Copy for Forum" (workspaceState). */
export const LAST_FORUM_STYLE = 'riposte.forumStyle';

/** What the command did (for scripts and tests): what went to the clipboard, if anything, and what the user was told. */
export interface ForumCopyOutcome {
  style?: core.ForumStyle;
  text?: string;
  message: string;
}

/**
 * "Copy for Forum": the draft, or the lines of the selection, with its quotes in the style of the place it goes
 * (asked with a quick pick that offers the workspace's last choice first), to the clipboard. A keybinding or
 * script may pass `{ "style": "discourse" | "github" | "mail" | "bbcode" }` to skip the question.
 */
export async function copyForForum(drafts: DraftService, state: vscode.Memento, args?: { style?: string }): Promise<ForumCopyOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  const tell = (message: string): ForumCopyOutcome => {
    void vscode.window.showInformationMessage(message);
    return { message };
  };
  if (!editor) return tell('Riposte: open the draft to copy, then run "Copy for Forum".');
  const { document, selection } = editor;
  const whole = selection.isEmpty;
  // A selection ending at the start of a line does not take that line.
  const last = !whole && selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
  const from = whole ? 0 : selection.start.line;
  const to = whole ? document.lineCount - 1 : last;
  const what = whole ? 'the draft' : 'the selection';
  if (document.getText(whole ? undefined : new vscode.Range(from, 0, to, document.lineAt(to).text.length)).trim() === '') return tell(`Riposte: ${what} is empty: there is nothing to copy for a forum.`);
  const style = core.FORUM_STYLES.find((spec) => spec.id === args?.style) ?? (await pickStyle(state));
  if (!style) return undefined;
  await state.update(LAST_FORUM_STYLE, style.id);
  const copy = core.copyForForum(drafts.draftOf(document), style.id, from, to);
  if (!copy) return tell(`Riposte: ${what} holds only front matter and Riposte's comments: there is nothing to copy for a forum.`);
  await vscode.env.clipboard.writeText(copy.text);
  const message = `Riposte: copied ${what} for ${style.label}${quoteSummary(copy)}.`;
  // Guessed or missing names are worth a look before posting; otherwise the status bar says it quietly.
  if (copy.inferred > 0 || copy.unnamed > 0) void vscode.window.showInformationMessage(message);
  else vscode.window.setStatusBarMessage(`$(check) ${message}`, 8000);
  return { style: style.id, text: copy.text, message };
}

/** "3 quotes, 1 named from the thread's shape (check it), 1 with no name". */
function quoteSummary(counts: core.QuoteCounts): string {
  if (counts.quotes === 0) return ' (no quotes in it)';
  const parts = [`${counts.quotes} quote${counts.quotes === 1 ? '' : 's'}`];
  if (counts.inferred > 0) parts.push(`${counts.inferred} named from the thread's shape only (check ${counts.inferred === 1 ? 'it' : 'them'})`);
  if (counts.unnamed > 0) parts.push(`${counts.unnamed} with no name`);
  return `: ${parts.join(', ')}`;
}

async function pickStyle(state: vscode.Memento): Promise<core.ForumStyleSpec | undefined> {
  const last = state.get<string>(LAST_FORUM_STYLE);
  const styles = [...core.FORUM_STYLES].sort((a, b) => Number(b.id === last) - Number(a.id === last));
  const picked = await vscode.window.showQuickPick(
    styles.map((style) => ({ label: style.label, description: style.id === last ? 'last used' : undefined, detail: style.detail, style })),
    { title: 'Copy for Forum', placeHolder: 'Where will you post it? The quotes are written in its style.' },
  );
  return picked?.style;
}

/** What the command did (for scripts and tests): the posts and people it found, and what the user was told. */
export interface PasteThreadOutcome {
  posts: number;
  speakers: string[];
  recognised: boolean;
  message: string;
}

/**
 * "Paste Thread": the clipboard's thread (copied from Discourse, GitHub, a mail client or a forum) inserted at
 * the cursor as a draft, each post quoted under its author's "X wrote:", in one edit (one undo).
 */
export async function pasteThread(): Promise<PasteThreadOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  const tell = (message: string): PasteThreadOutcome => {
    void vscode.window.showInformationMessage(message);
    return { posts: 0, speakers: [], recognised: false, message };
  };
  if (!editor) return tell('Riposte: open the draft to paste into, then run "Paste Thread".');
  const clipboard = await vscode.env.clipboard.readText();
  if (!clipboard.trim()) return tell('Riposte: the clipboard is empty: copy the thread you answer first, then run "Paste Thread".');
  const document = editor.document;
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const pasted = core.pasteThread(clipboard, eol);
  const start = editor.selection.start;
  // Text before the cursor on its line: the quotes start a paragraph of their own.
  const before = document.lineAt(start.line).text.slice(0, start.character).trim() ? eol + eol : '';
  const inserted = before + pasted.text;
  const done = await editor.edit((builder) => builder.replace(editor.selection, inserted));
  if (!done) return undefined;
  const end = document.positionAt(document.offsetAt(start) + inserted.length);
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end));
  const names = pasted.speakers.length > 4 ? `${pasted.speakers.slice(0, 4).join(', ')} and ${pasted.speakers.length - 4} more` : pasted.speakers.join(', ');
  const message = pasted.recognised
    ? `Riposte: pasted ${pasted.posts} post${pasted.posts === 1 ? '' : 's'} as quotes${names ? ` (${names})` : ''}.`
    : 'Riposte: nothing in the clipboard looks like a thread (no post header, mail header or named quote): it was pasted as one quote with no name.';
  if (pasted.recognised) vscode.window.setStatusBarMessage(`$(check) ${message}`, 8000);
  else void vscode.window.showWarningMessage(message);
  return { posts: pasted.posts, speakers: pasted.speakers, recognised: pasted.recognised, message };
}
