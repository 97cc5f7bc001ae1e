import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type * as core from '../../../src/core';
import { closeAllEditors, openDraft, riposte, ruleOf, waitForDiagnostics, workspaceUri } from './helpers';

/** What the editor shows of a diagnostic, and the same of a core finding: comparable strings. */
function shownText(d: vscode.Diagnostic): string {
  const at = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return `${ruleOf(d)} ${d.severity} ${at(d.range)} ${d.message} [${(d.relatedInformation ?? []).map((i) => `${at(i.location.range)} ${i.message}`).join('; ')}]`;
}

function findingText(f: core.Diagnostic): string {
  const severity = { error: 0, warning: 1, information: 2, hint: 3 }[f.severity];
  const at = (r: core.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return `${f.rule} ${severity} ${at(f.range)} ${f.message} [${f.related.map((i) => `${at(i.range)} ${i.message}`).join('; ')}]`;
}

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

  it('checks a draft that lives on github.dev’s file system (vscode-vfs:), not only on disk', async () => {
    // github.dev and vscode.dev open repositories through a file system of their own: a draft there is
    // still a draft. An in-memory provider stands in for it.
    const files = new Map<string, Uint8Array>([['/github/octo/notes/reply.reply.md', new TextEncoder().encode('It is the the point.\n')]]);
    const changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
    const provider: vscode.FileSystemProvider = {
      onDidChangeFile: changed.event,
      watch: () => new vscode.Disposable(() => undefined),
      stat: (uri) => {
        const data = files.get(uri.path);
        if (!data) throw vscode.FileSystemError.FileNotFound(uri);
        return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: data.length };
      },
      readDirectory: () => [],
      createDirectory: () => undefined,
      readFile: (uri) => {
        const data = files.get(uri.path);
        if (!data) throw vscode.FileSystemError.FileNotFound(uri);
        return data;
      },
      writeFile: (uri, content) => void files.set(uri.path, content),
      delete: (uri) => void files.delete(uri.path),
      rename: () => undefined,
    };
    const registration = vscode.workspace.registerFileSystemProvider('vscode-vfs', provider);
    try {
      const uri = vscode.Uri.parse('vscode-vfs:/github/octo/notes/reply.reply.md');
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const diagnostics = await waitForDiagnostics(uri, (found) => found.length === 1, 'the doubled word');
      assert.equal(ruleOf(diagnostics[0]), 'repeated-words');
    } finally {
      await closeAllEditors();
      registration.dispose();
      changed.dispose();
    }
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

  it('after each edit shows what a fresh lint of the text finds, the findings below an edit moved with it', async () => {
    const api = await riposte();
    const text = [
      'Alice wrote:',
      '> We should ship on Friday, after the last review.',
      '',
      'It is the the point.',
      '',
      'A reply paragraph that nothing is wrong with.',
      '',
      'Another paragraph that repeats itself here.',
      '',
      'Another paragraph that repeats itself here.',
      '',
      'Closing words to to end.',
      '',
    ].join('\n');
    const editor = await openDraft('edits.reply.md', text);
    const document = editor.document;
    const fresh = () => api.drafts.analyseText(document.uri, document.getText()).map(findingText).sort();
    const showsFresh = () => waitForDiagnostics(document.uri, (found) => found.length > 0 && JSON.stringify(found.map(shownText).sort()) === JSON.stringify(fresh()), 'the diagnostics of a fresh lint');
    await showsFresh();
    const edits: [string, (edit: vscode.TextEditorEdit) => void][] = [
      ['two lines inserted above every finding', (edit) => edit.insert(new vscode.Position(0, 0), 'Intro line.\n\n')],
      ['a letter typed in a clean paragraph', (edit) => edit.insert(new vscode.Position(7, 2), 'x')],
      ['a doubled word added in the middle', (edit) => edit.insert(new vscode.Position(8, 0), 'It was was late.\n\n')],
      ['the repeated paragraph changed', (edit) => edit.insert(new vscode.Position(13, 8), ' paragraph')],
      ['lines deleted above the rest', (edit) => edit.delete(new vscode.Range(0, 0, 2, 0))],
    ];
    for (const [what, change] of edits) {
      assert.ok(await editor.edit(change), what);
      await showsFresh().catch((error: Error) => assert.fail(`${what}: ${error.message}`));
    }
  });

  it('keeps the diagnostics an edit does not touch: the same objects, not sent again', async () => {
    const api = await riposte();
    const editor = await openDraft('kept.reply.md', 'It is the the point.\n\nA clean paragraph.\n\nWe went to to the shop.\n');
    const uri = editor.document.uri;
    const before = await waitForDiagnostics(uri, (found) => found.length === 2, 'two findings');
    const shown = () => [...(api.diagnostics.collection.get(uri) ?? [])];
    const objects = shown();
    // Count what the extension sends from here on (the open's diagnostics are already set).
    const collection = api.diagnostics.collection;
    const set = collection.set;
    let sent = 0;
    collection.set = ((...args: Parameters<typeof set>) => {
      if (args[0] instanceof vscode.Uri && args[0].toString() === uri.toString()) sent++;
      return (set as (...a: unknown[]) => void).apply(collection, args);
    }) as typeof set;
    try {
      // Typing in the clean paragraph changes no finding; the doubled word added after it changes the list.
      await editor.edit((edit) => edit.insert(new vscode.Position(2, 1), 'n'));
      await editor.edit((edit) => edit.insert(new vscode.Position(5, 0), '\nIt was was late.\n'));
      const after = await waitForDiagnostics(uri, (found) => found.length === 3, 'the third finding');
      assert.deepEqual(after.slice(0, 2).map(shownText), before.map(shownText));
      assert.equal(shown()[0], objects[0], 'the first finding keeps its diagnostic');
      assert.equal(shown()[1], objects[1], 'the second finding keeps its diagnostic');
      assert.equal(sent, 1, 'the diagnostics are sent once, for the edit that changed them');
    } finally {
      collection.set = set;
    }
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
