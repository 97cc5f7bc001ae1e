import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'riposte.riposte';

describe('Riposte smoke', () => {
  it('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('opens the example reply from the workspace', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'interpretability-reply.reply.md');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.ok(document.getText().includes('Strong disagree'), `${uri.fsPath} does not contain "Strong disagree"`);
    const editor = await vscode.window.showTextDocument(document);
    assert.equal(editor.document.uri.toString(), uri.toString());
  });
});
