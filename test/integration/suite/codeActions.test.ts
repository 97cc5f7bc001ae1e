import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDraft, riposte, ruleOf, waitForDiagnostics, waitForText, workspaceUri } from './helpers';

/** The code actions for a range, the first `resolve` of them resolved (as VS Code does when one is chosen). */
async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string, resolve = 0): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind, resolve)) ?? [];
}

/** Waits for a `rule` finding in the editor's draft, then applies its code action titled `title`. */
async function applyActionFor(editor: vscode.TextEditor, rule: string, title: string): Promise<void> {
  const uri = editor.document.uri;
  const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === rule));
  const target = diagnostics.find((d) => ruleOf(d) === rule)!;
  const action = (await codeActions(uri, target.range)).find((a) => a.title === title);
  assert.ok(action?.edit);
  await vscode.workspace.applyEdit(action.edit);
}

const LONG_A = 'The first paragraph of my reply is long enough to count as a paragraph of its own.';
const LONG_B = 'The second paragraph says something else, and it is also long enough to count.';

describe('quick fixes and fix-all', () => {
  before(riposte);
  afterEach(closeAllEditors);

  it('deletes the second copy of the real draft with the duplicate-block quick fix', async () => {
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('interpretability-reply.reply.md')));
    const editor = await openDraft('pasted-twice.reply.md', original);
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'duplicate-block'));
    const block = diagnostics.find((d) => ruleOf(d) === 'duplicate-block')!;
    const actions = await codeActions(uri, block.range);
    const fix = actions.find((action) => action.title.startsWith('Delete the repeated copy'));
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((action) => action.title === 'Disable duplicate-block for this line'));
    assert.ok(actions.some((action) => action.title === 'Disable duplicate-block for this file'));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const lines = editor.document.getText().split('\n');
    assert.equal(lines.length, 12);
    assert.deepEqual(lines, original.split('\n').slice(0, 12));
    await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'duplicate-block'), 'the block finding to go');
  });

  it('silences a rule for one line with a comment, keeping the quote prefix', async () => {
    const editor = await openDraft('silence.reply.md', '> **Ana:** It is the the point.\n\nNo.\n');
    await applyActionFor(editor, 'repeated-words', 'Disable repeated-words for this line');
    assert.equal(editor.document.lineAt(0).text, '> <!-- riposte-disable-next-line repeated-words -->');
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'repeated-words'), 'repeated-words to be silenced');
  });

  it('offers "Attribute to <speaker>" for an unattributed quote', async () => {
    const editor = await openDraft('attribute.reply.md', '---\nauthor: Priya\n---\n> Nobody named this.\n\nI did.\n');
    await applyActionFor(editor, 'unattributed-quote', 'Attribute to Priya');
    assert.equal(editor.document.lineAt(3).text, 'Priya wrote:');
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'unattributed-quote'), 'the quote to count as attributed');
  });

  it('fixes everything safe on save with editor.codeActionsOnSave source.fixAll.riposte', async () => {
    const editorSettings = vscode.workspace.getConfiguration('editor', { languageId: 'debate-markdown' });
    await editorSettings.update('codeActionsOnSave', { 'source.fixAll.riposte': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const text = `${LONG_A}\n\n${LONG_B}\n\n${LONG_A}\n\n${LONG_B}\n`;
      const editor = await openDraft('on-save.reply.md', '');
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), text));
      await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'duplicate-block'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitForText(editor.document, (current) => current === `${LONG_A}\n\n${LONG_B}\n`);
      assert.equal(editor.document.isDirty, false);
    } finally {
      await editorSettings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  it('offers "Fix all Riposte problems" as a quick fix, worked out when chosen', async () => {
    const long = 'x'.repeat(110);
    // Two runs of paragraphs that lost their blank lines: two findings with safe fixes.
    const editor = await openDraft('fix-all-quick.reply.md', `${long} one.\n${long} two.\n\n${long} three.\n${long} four.\n`);
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length >= 2);
    const unresolved = (await codeActions(uri, diagnostics[0].range)).find((a) => a.title === 'Fix all Riposte problems');
    assert.ok(unresolved, 'offered');
    assert.equal(unresolved.edit, undefined, 'not worked out while the light bulb asks');
    const resolved = (await codeActions(uri, diagnostics[0].range, undefined, 100)).find((a) => a.title === 'Fix all Riposte problems');
    assert.ok(resolved?.edit);
    await vscode.workspace.applyEdit(resolved.edit);
    assert.equal(editor.document.getText(), `${long} one.\n\n${long} two.\n\n${long} three.\n\n${long} four.\n`);
  });

  it('"Fix All Riposte Problems" applies safe fixes and leaves the rest', async () => {
    const long = 'x'.repeat(110);
    const editor = await openDraft('fix-all.reply.md', `${long} one.\n${long} two.\nIt is the the point.\n`);
    await waitForDiagnostics(editor.document.uri, (d) => d.length >= 2);
    await vscode.commands.executeCommand('riposte.fixAll');
    // The doubled words need a person; the lost breaks (after "two." too) do not.
    assert.equal(editor.document.getText(), `${long} one.\n\n${long} two.\n\nIt is the the point.\n`);
  });
});
