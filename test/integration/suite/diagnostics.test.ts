import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDraft, riposte, ruleOf, waitForDiagnostics, workspaceUri } from './helpers';

describe('diagnostics in the editor', () => {
  before(riposte);
  afterEach(closeAllEditors);

  it('shows the real draft’s faults when it is opened, in the Debate Markdown mode', async () => {
    const uri = workspaceUri('interpretability-reply.reply.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'debate-markdown');
    const diagnostics = await waitForDiagnostics(uri, (found) => found.length === 4, 'four findings');
    assert.deepEqual(
      diagnostics.map((d) => `${ruleOf(d)} ${d.range.start.line + 1}-${d.range.end.line + 1}`),
      ['lost-paragraph-breaks 1-1', 'unmarked-quote 8-8', 'repeated-words 12-12', 'duplicate-block 13-22'],
    );
    const block = diagnostics[3];
    assert.equal(block.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(typeof block.code === 'object' && block.code.target.path.endsWith('/docs/rules/duplicate-block.md'));
    assert.equal(block.relatedInformation?.[0].location.range.start.line, 0);
    assert.equal(block.relatedInformation?.[0].location.range.end.line, 11);
  });

  it('follows typing: a doubled word appears and disappears as the text changes', async () => {
    const editor = await openDraft('typing.reply.md', 'A first line.\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (found) => found.length === 0, 'a clean start');
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'It is the the point.\n'));
    const found = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'repeated-words'), 'repeated-words');
    assert.equal(found.find((d) => ruleOf(d) === 'repeated-words')!.range.start.line, 1);
    await editor.edit((edit) => edit.delete(new vscode.Range(1, 6, 1, 10)));
    await waitForDiagnostics(uri, (d) => d.length === 0, 'the finding to go');
  });

  it('lints plain Markdown too, unless riposte.markdown.enable is off', async () => {
    const editor = await openDraft('notes.md', 'It is the the point.\n');
    const uri = editor.document.uri;
    assert.equal(editor.document.languageId, 'markdown');
    await waitForDiagnostics(uri, (d) => d.length === 1, 'one finding in a markdown file');
    const settings = vscode.workspace.getConfiguration('riposte');
    await settings.update('markdown.enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(uri, (d) => d.length === 0, 'markdown linting to stop');
    } finally {
      await settings.update('markdown.enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('switches a Markdown file whose front matter says riposte: true to Debate Markdown', async () => {
    const editor = await openDraft('adopted.md', '---\nriposte: true\n---\nHello.\n');
    const document = editor.document;
    if (document.languageId !== 'debate-markdown') {
      await new Promise<void>((resolve) => {
        const subscription = vscode.workspace.onDidOpenTextDocument((opened) => {
          if (opened.uri.toString() === document.uri.toString() && opened.languageId === 'debate-markdown') {
            subscription.dispose();
            resolve();
          }
        });
      });
    }
    const reopened = vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.uri.toString());
    assert.equal(reopened?.languageId, 'debate-markdown');
  });

  it('applies severities from settings and from .riposte.json', async () => {
    const editor = await openDraft('severity.reply.md', 'It is the the point.\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d[0]?.severity === vscode.DiagnosticSeverity.Warning, 'a warning');
    const settings = vscode.workspace.getConfiguration('riposte');
    await settings.update('rules', { 'repeated-words': 'error' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(uri, (d) => d[0]?.severity === vscode.DiagnosticSeverity.Error, 'an error from settings');
      const config = workspaceUri('.riposte.json');
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('// the file wins over settings\n{ "rules": { "repeated-words": "information" } }\n'));
      try {
        await waitForDiagnostics(uri, (d) => d[0]?.severity === vscode.DiagnosticSeverity.Information, 'information from .riposte.json');
      } finally {
        await vscode.workspace.fs.delete(config);
      }
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('reports bad settings once and goes on linting with the defaults', async () => {
    const api = await riposte();
    const editor = await openDraft('bad-settings.reply.md', 'It is the the point.\n');
    const uri = editor.document.uri;
    const settings = vscode.workspace.getConfiguration('riposte');
    await settings.update('rules', { 'repeated-words': 'loud' }, vscode.ConfigurationTarget.Workspace);
    try {
      const found = await waitForDiagnostics(uri, (d) => d.length === 1, 'linting with defaults');
      assert.equal(found[0].severity, vscode.DiagnosticSeverity.Warning);
      const shown = api.log.shownProblems.filter((message) => message.includes('riposte.rules.repeated-words'));
      assert.equal(shown.length, 1, `one notification, got ${JSON.stringify(api.log.shownProblems)}`);
      assert.match(shown[0], /must be one of "error", "warning", "information", "hint", "off"/);
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('reports a broken .riposte.json by name and lints with the settings', async () => {
    const api = await riposte();
    const config = workspaceUri('broken', '.riposte.json');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "repeated-words": off } }'));
    try {
      const editor = await openDraft('broken/draft.reply.md', 'It is the the point.\n');
      await waitForDiagnostics(editor.document.uri, (d) => d.length === 1, 'linting despite the broken file');
      assert.ok(api.log.shownProblems.some((message) => message.includes('broken/.riposte.json') && message.includes('invalid JSON')), JSON.stringify(api.log.shownProblems));
    } finally {
      await vscode.workspace.fs.delete(config);
    }
  });
});
