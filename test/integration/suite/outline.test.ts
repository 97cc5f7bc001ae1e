import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDraft, riposte, workspaceUri } from './helpers';

interface Shown {
  name: string;
  detail: string;
  line: number;
  children: Shown[];
}

/** The Outline as VS Code computes it (every provider for the document), as names, details and lines. */
async function outline(uri: vscode.Uri): Promise<Shown[]> {
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  const shown = (symbol: vscode.DocumentSymbol): Shown => ({ name: symbol.name, detail: symbol.detail, line: symbol.selectionRange.start.line + 1, children: symbol.children.map(shown) });
  return symbols.map(shown);
}

describe('Outline of a thread (DocumentSymbolProvider)', () => {
  before(riposte);
  afterEach(closeAllEditors);

  it('shows a Debate Markdown mail thread as speaker → passages → replies, nested as it nests', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('mailing-list.reply.md'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'debate-markdown');
    const [tom, ...others] = await outline(document.uri);
    assert.deepEqual(others, []);
    assert.equal(tom.name, 'Tom Becker');
    assert.equal(tom.detail, '3 passages');
    assert.deepEqual(tom.children.map((passage) => [passage.line, passage.children.length]), [[10, 2], [16, 1], [20, 0]]);
    const priya = tom.children[0].children[0];
    assert.equal(priya.detail, 'Priya Raman · lines 7–8');
    assert.match(priya.name, /^The release branch should be cut on Thursday/);
    assert.deepEqual(priya.children.map((reply) => reply.detail), ['reply by Tom Becker · lines 10–11']);
    assert.match(tom.children[1].children[0].name, /^I tested it on the old LTS/);
  });

  it('gives Debate Markdown its headings back, with the people quoted under each', async () => {
    const editor = await openDraft('outline-review.reply.md', '# Response\n\n## Reviewer 2\n\n> **Ana:** Why not baseline B?\n\nWe added it.\n\n## Closing\n\nThanks.\n');
    const shown = await outline(editor.document.uri);
    assert.deepEqual(JSON.parse(JSON.stringify(shown, ['name', 'children'])), [
      { name: 'Response', children: [{ name: 'Reviewer 2', children: [{ name: 'Ana', children: [{ name: 'Why not baseline B?', children: [{ name: 'We added it.', children: [] }] }] }] }, { name: 'Closing', children: [] }] },
    ]);
  });

  it('in plain markdown adds the thread beside the built-in headings, without listing a heading twice', async () => {
    await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
    const editor = await openDraft('outline-notes.md', '# Notes\n\n> **Ana:** Claim.\n\nAnswer.\n');
    assert.equal(editor.document.languageId, 'markdown');
    const shown = await outline(editor.document.uri);
    const names = shown.map((symbol) => symbol.name);
    assert.equal(names.filter((name) => /Notes/.test(name)).length, 1, `headings: ${JSON.stringify(names)}`);
    const ana = shown.find((symbol) => symbol.name === 'Ana');
    assert.ok(ana, `no Ana in ${JSON.stringify(names)}`);
    assert.deepEqual(ana.children.map((passage) => [passage.name, passage.children.map((reply) => reply.name)]), [['Claim.', ['Answer.']]]);
  });
});

describe('Expand Selection in Debate Markdown (SelectionRangeProvider)', () => {
  before(riposte);
  afterEach(closeAllEditors);

  it('grows from a quoted line’s words to its quote, the quote around it with the line naming it, and the draft', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('mailing-list.reply.md'));
    const [range] = (await vscode.commands.executeCommand<vscode.SelectionRange[]>('vscode.executeSelectionRangeProvider', document.uri, [new vscode.Position(6, 10)])) ?? [];
    const labels: string[] = [];
    for (let current: vscode.SelectionRange | undefined = range; current; current = current.parent) {
      labels.push(`${current.range.start.line + 1}:${current.range.start.character}-${current.range.end.line + 1}:${current.range.end.character}`);
    }
    // Among VS Code's own word and line steps, the words after ">> "; then Riposte's end the chain: Priya's
    // quote, with the "On Mon, … wrote:" line naming her, Tom's quote, with the line naming him, the draft.
    assert.ok(labels.includes('7:3-7:63'), labels.join(' '));
    assert.deepEqual(labels.slice(-5), ['7:0-8:59', '6:0-8:59', '6:0-11:38', '5:0-11:38', '1:0-21:0']);
  });
});
