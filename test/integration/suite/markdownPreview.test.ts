import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDraft, riposte, waitUntil, workspaceUri } from './helpers';

describe('VS Code’s own Markdown preview on drafts', () => {
  before(riposte);
  afterEach(closeAllEditors);

  it('renders a Debate Markdown draft through Riposte’s markdown-it plugin: speaker chips and colours', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('mailing-list.reply.md'));
    assert.equal(document.languageId, 'debate-markdown');
    // The engine the built-in preview renders with, plugins included.
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
    assert.match(html, /<blockquote [^>]*class="[^"]*riposte-quote riposte-speaker-1\b[^"]*"[^>]*data-riposte-speaker="Tom Becker"/);
    assert.match(html, /<div [^>]*class="[^"]*riposte-chip riposte-speaker-0\b[^"]*"[^>]*>Priya Raman<\/div>/);
  });

  it('leaves a plain Markdown file’s quotes alone', async () => {
    const editor = await openDraft('preview-notes.md', '# Notes\n\n> Simplicity is prerequisite for reliability.\n');
    assert.equal(editor.document.languageId, 'markdown');
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', editor.document);
    assert.match(html, /<blockquote/);
    assert.doesNotMatch(html, /riposte-/);
  });

  it('opens the built-in preview for a Debate Markdown draft (its preview commands take any document)', async () => {
    const editor = await openDraft('preview-typing.reply.md', 'On Mon, Ana wrote:\n> Claim.\n\nAnswer.\n');
    const { document } = editor;
    assert.equal(document.languageId, 'debate-markdown');
    await vscode.commands.executeCommand('markdown.showPreviewToSide');
    const previewTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType));
    const [tab] = await waitUntil(vscode.window.tabGroups.onDidChangeTabs, previewTabs, (tabs) => tabs.length === 1, (last) => `no Markdown preview tab; tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label))} (${last.length})`);
    assert.equal(tab.label, 'Preview preview-typing.reply.md');
  });
});
