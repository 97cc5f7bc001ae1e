import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, riposte, waitUntil, workspaceUri } from './helpers';

/** The open Reply Tree tabs, once they satisfy `accept` (the tab model follows the workbench asynchronously). */
function replyTreeTabs(accept: (tabs: vscode.Tab[]) => boolean): Promise<vscode.Tab[]> {
  const current = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.label.startsWith('Reply Tree'));
  return waitUntil(vscode.window.tabGroups.onDidChangeTabs, current, accept, (last) => `timed out waiting for Reply Tree tabs; have ${JSON.stringify(last.map((tab) => tab.label))}`);
}

describe('reply tree preview (extension side)', () => {
  before(riposte);
  afterEach(closeAllEditors);

  it('opens one panel per draft beside the editor, and reuses it', async () => {
    const api = await riposte();
    const document = await vscode.workspace.openTextDocument(workspaceUri('mailing-list.reply.md'));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('riposte.openPreviewToSide');
    await vscode.commands.executeCommand('riposte.openPreviewToSide');
    assert.deepEqual(api.previews.previewedDocuments.map((d) => d.uri.toString()), [document.uri.toString()]);
    const tabs = await replyTreeTabs((found) => found.length > 0);
    assert.deepEqual(tabs.map((tab) => tab.label), ['Reply Tree: mailing-list.reply.md']);
    assert.notEqual(tabs[0].group.viewColumn, vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One, 'beside the editor');
  });

  it('exports a self-contained HTML reply tree with no script', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('mailing-list.reply.md'));
    const target = workspaceUri('mailing-list.reply-tree.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('riposte.exportReplyTree', document.uri, target);
    assert.equal(written?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /Content-Security-Policy/);
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /Tom Becker/);
    assert.match(html, /Priya Raman/);
    assert.match(html, /They said so about the last release/);
  });
});
