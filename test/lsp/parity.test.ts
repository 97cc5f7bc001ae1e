// The server and the extension's in-process path run the same core: for the same text they must give
// the same findings. Checked on every real thread of the corpus, after opening and after edits that
// go through the server's incremental session and come back to the same text.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import * as core from '../../src/core';
import { ConfigResolver, sourceReaderFor } from '../../src/node/config';
import { REPO_ROOT } from '../paths';
import { Session, startSession } from './protocolClient';

const CORPUS = join(REPO_ROOT, 'test', 'corpus', 'real');
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

function threads(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return threads(path);
    return name.endsWith('.md') && dir !== CORPUS ? [path] : [];
  });
}

const fromServer = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${SEVERITY[d.severity!]} ${d.code} ${d.message}`;
const fromCore = (d: core.Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.rule} ${d.message}`;

describe('riposte lsp gives the core’s findings on the real-thread corpus', function () {
  // 70-odd threads, each linted three times by the server and twice here.
  this.timeout(120_000);
  let session: Session;
  afterEach(async () => session?.close());

  it('after opening each thread, and after an edit and its undo', async () => {
    const files = threads(CORPUS);
    assert.ok(files.length >= 70, `the corpus has ${files.length} threads`);
    session = await startSession({ rootUri: pathToFileURL(REPO_ROOT).href, initializationOptions: { riposte: { debounce: 0 } } });
    const resolver = new ConfigResolver();
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const uri = pathToFileURL(file).href;
      const expected = core.lint(text, { fileName: file, languageId: 'markdown', config: resolver.configFor(file).config, readSource: sourceReaderFor(file, { root: REPO_ROOT }) }).map(fromCore);
      void session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const opened = await session.diagnostics(uri, 1);
      assert.deepEqual(opened.diagnostics.map(fromServer), expected, `${relative(REPO_ROOT, file)} on open`);

      // A word typed in the middle of the thread, then deleted again: the session's incremental parse.
      const lines = text.split('\n');
      const line = Math.floor(lines.length / 2);
      const at = { line, character: lines[line].length };
      void session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: ' typed' }] });
      void session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: at, end: { line, character: at.character + 6 } }, text: '' }] });
      const undone = await session.diagnostics(uri, 3);
      assert.deepEqual(undone.diagnostics.map(fromServer), expected, `${relative(REPO_ROOT, file)} after an edit and its undo`);
      void session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      compared += expected.length;
    }
    assert.ok(compared > 100, `${compared} findings compared`);
  });
});
