import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDraft, riposte, riposteDiagnostics, workspaceUri } from './helpers';

describe('drafting commands', () => {
  before(riposte);
  afterEach(closeAllEditors);

  it('Toggle Quote adds one level to the selected lines and removes it again', async () => {
    const editor = await openDraft('toggle.reply.md', 'first\n\nsecond\n> already\n');
    editor.selection = new vscode.Selection(0, 0, 3, 9);
    await vscode.commands.executeCommand('riposte.toggleQuote');
    assert.equal(editor.document.getText(), '> first\n>\n> second\n>> already\n');
    await vscode.commands.executeCommand('riposte.toggleQuote');
    assert.equal(editor.document.getText(), 'first\n\nsecond\n> already\n');
  });

  it('Quote Selection as Reply quotes a passage from the source beside the draft, with its author', async () => {
    const sourceUri = workspaceUri('essay-source.md');
    await vscode.workspace.fs.writeFile(sourceUri, new TextEncoder().encode('---\nauthor: Maren Holt\n---\nFirst claim here.\nSecond claim here.\n'));
    const draft = await openDraft('quoting.reply.md', 'My reply starts here.\n');
    const source = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sourceUri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    source.selection = new vscode.Selection(3, 0, 4, 18);
    await vscode.window.showTextDocument(draft.document, draft.viewColumn);
    draft.selection = new vscode.Selection(1, 0, 1, 0);
    await vscode.commands.executeCommand('riposte.quoteSelectionAsReply');
    assert.equal(draft.document.getText(), 'My reply starts here.\nMaren Holt wrote:\n> First claim here.\n> Second claim here.\n\n');
    // A blank line keeps the reply out of the quote (Markdown would continue the quote lazily).
    assert.equal(draft.selection.active.line, 5, 'the cursor waits on the reply line after the blank one');
  });

  it('Insert Attribution names the quote at the cursor', async () => {
    const editor = await openDraft('insert-attribution.reply.md', 'Intro.\n\n> A quote.\n');
    editor.selection = new vscode.Selection(2, 3, 2, 3);
    await vscode.commands.executeCommand('riposte.insertAttribution', { name: 'Jane' });
    assert.equal(editor.document.getText(), 'Intro.\n\nJane wrote:\n> A quote.\n');
  });

  it('Lint Workspace reports on files that are not open', async () => {
    const closed = workspaceUri('closed-draft.reply.md');
    await vscode.workspace.fs.writeFile(closed, new TextEncoder().encode('It is the the point.\n'));
    const result = await vscode.commands.executeCommand<{ files: number; problems: number }>('riposte.lintWorkspace');
    assert.ok(result && result.files >= 5, JSON.stringify(result));
    assert.deepEqual(riposteDiagnostics(closed).map((d) => d.range.start.line), [0]);
    assert.ok(riposteDiagnostics(workspaceUri('interpretability-reply.reply.md')).length === 4);
  });

  it('folds quote blocks with their attribution line', async () => {
    const uri = workspaceUri('thread.reply.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    assert.ok(ranges.some((range) => range.start === 4 && range.end === 6), JSON.stringify(ranges));
  });
});
