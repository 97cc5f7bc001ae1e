// riposte lsp over stdio, driven through vscode-jsonrpc: what an editor's user sees of each feature.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, DocumentDiagnosticReport, DocumentSymbol, FoldingRange, Hover, MarkupContent, ShowMessageParams } from 'vscode-languageserver';
import * as core from '../../src/core';
import { EXAMPLE_DRAFT, REPO_ROOT } from '../paths';
import { applyEdits, Session, startSession } from './protocolClient';

const MAILING_LIST = join(REPO_ROOT, 'examples', 'mailing-list.reply.md');
const NO_DEBOUNCE = { riposte: { debounce: 0 } };

function open(session: Session, uri: string, text: string, languageId = 'markdown', version = 1): void {
  void session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

const rulesOf = (diagnostics: { code?: number | string }[]) => diagnostics.map((d) => String(d.code));

describe('riposte lsp over vscode-jsonrpc', function () {
  let session: Session;
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'riposte-lsp-'))));
  afterEach(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads settings through workspace/configuration and names a bad value in the extension’s words', async () => {
    session = await startSession({
      capabilities: { workspace: { configuration: true } },
      configuration: (item) => (item.section === 'riposte' ? { debounce: 0, rules: { 'repeated-words': 'off' }, nearDuplicate: { threshold: 2 } } : null),
    });
    const uri = pathToFileURL(EXAMPLE_DRAFT).href;
    open(session, uri, readFileSync(EXAMPLE_DRAFT, 'utf8'));
    const published = await session.diagnostics(uri, 1);
    assert.deepEqual(rulesOf(published.diagnostics), ['lost-paragraph-breaks', 'unmarked-quote', 'duplicate-block']);
    const shown = await session.waitFor<ShowMessageParams>('window/showMessage', (p) => p.message.includes('nearDuplicate.threshold'));
    assert.match(shown.message, /^Riposte settings: "riposte\.nearDuplicate\.threshold": /);
  });

  it('lets .riposte.json win over the settings, and reports a broken one by file and key while linting goes on', async () => {
    const draft = join(dir, 'reply.reply.md');
    writeFileSync(draft, readFileSync(EXAMPLE_DRAFT, 'utf8'));
    writeFileSync(join(dir, '.riposte.json'), '{ "rules": { "lost-paragraph-breaks": "off" } }');
    session = await startSession({ initializationOptions: NO_DEBOUNCE });
    const uri = pathToFileURL(draft).href;
    open(session, uri, readFileSync(draft, 'utf8'));
    assert.deepEqual(rulesOf((await session.diagnostics(uri, 1)).diagnostics), ['unmarked-quote', 'repeated-words', 'duplicate-block']);

    writeFileSync(join(dir, '.riposte.json'), '{ "rules": { "repeated-words": "loud" } }');
    void session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.riposte.json')).href, type: 2 }] });
    const shown = await session.waitFor<ShowMessageParams>('window/showMessage', (p) => p.message.includes('.riposte.json'));
    assert.match(shown.message, /\.riposte\.json is invalid and was ignored — rules\.repeated-words: /);
    const after = await session.waitFor<{ uri: string; diagnostics: { code?: string }[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && rulesOf(p.diagnostics).includes('lost-paragraph-breaks'));
    assert.equal(after.diagnostics.length, 4);
  });

  it('offers disable comments and source.fixAll.riposte, whose edit gives what riposte lint --fix gives', async () => {
    session = await startSession({ initializationOptions: NO_DEBOUNCE });
    const uri = pathToFileURL(EXAMPLE_DRAFT).href;
    const text = readFileSync(EXAMPLE_DRAFT, 'utf8');
    open(session, uri, text);
    const { diagnostics } = await session.diagnostics(uri, 1);
    const repeated = diagnostics.find((d) => d.code === 'repeated-words')!;
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: repeated.range, context: { diagnostics: [repeated] } });
    const disable = actions.find((a) => a.title === 'Disable repeated-words for this line')!;
    const silenced = applyEdits(text, disable.edit!.changes![uri]);
    assert.equal(silenced.split('\n')[11], '<!-- riposte-disable-next-line repeated-words -->');
    assert.ok(!core.lint(silenced, { fileName: EXAMPLE_DRAFT }).some((d) => d.rule === 'repeated-words'));

    const fixAll = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: repeated.range, context: { diagnostics: [], only: ['source.fixAll.riposte'] } });
    assert.equal(fixAll.length, 1);
    assert.equal(applyEdits(text, fixAll[0].edit!.changes![uri]), core.fixAll(text, { fileName: EXAMPLE_DRAFT }).text);
  });

  it('outlines the thread by speaker, folds a quote with its attribution, and names the speaker on hover', async () => {
    session = await startSession({ initializationOptions: NO_DEBOUNCE });
    const uri = pathToFileURL(MAILING_LIST).href;
    open(session, uri, readFileSync(MAILING_LIST, 'utf8'));
    const symbols = await session.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const tom = symbols.find((s) => s.name === 'Tom Becker')!;
    assert.ok(tom, `a quote named Tom Becker among ${symbols.map((s) => s.name).join(', ')}`);
    assert.deepEqual(
      tom.children!.map((c) => `${c.name} [${c.detail}]`),
      ['Priya Raman [The release branch should be cut on Thursday, after the last]', 'They said so about the last release, when the build took si… [reply by Priya Raman]'],
    );
    assert.deepEqual(
      tom.children![0].children!.map((c) => `${c.name} [${c.detail}]`),
      ['Thursday is too late. The packagers need two clear days bef… [reply by Tom Becker]'],
    );

    const folds = await session.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === 4 && f.endLine === 10), 'the quote folds from its "On … wrote:" line');

    const hover = await session.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 4 } });
    assert.equal((hover.contents as MarkupContent).value, 'Quote from **Priya Raman** (lines 7–8).\n\nAnswered by Tom Becker on lines 10–11.');
    const last = await session.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 19, character: 2 } });
    assert.match((last.contents as MarkupContent).value, /Not answered yet\.$/);
  });

  it('reads a mutt draft’s header as whom it answers and never lints it', async () => {
    session = await startSession({ initializationOptions: NO_DEBOUNCE });
    const body = ['> The release branch should be cut on Thursday, after the last', '> translation sync, so the strings freeze means something.', '', 'Thursday is too late for the the packagers.', ''].join('\n');
    const header = ['From: Tom Becker <tom@example.org>', 'To: Priya Raman <priya@example.org>, dev@lists.example.org', 'Subject: Re: Re: release release date', 'In-Reply-To: <1234@example.org>', '', ''].join('\n');
    const uri = pathToFileURL(join(dir, 'mutt-host-1000-4242-1')).href;
    open(session, uri, header + body, 'mail');
    const { diagnostics } = await session.diagnostics(uri, 1);
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line}:${d.code}`),
      ['8:repeated-words'],
      'the doubled "the" in the body, nothing in the header, and the quote is Priya’s',
    );
    const hover = await session.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } });
    assert.ok(hover, 'a hover on the quote');
    assert.match((hover.contents as MarkupContent).value, /^Quote from \*\*Priya Raman\*\*/);

    // The same body without the header: the quote names nobody.
    const plain = pathToFileURL(join(dir, 'plain.reply.md')).href;
    open(session, plain, body);
    assert.ok(rulesOf((await session.diagnostics(plain, 1)).diagnostics).includes('unattributed-quote'));

    // Typing in the header (a new recipient) is read again, typing in the body goes on incrementally.
    void session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 16 } }, text: 'Sam Okafor' }] });
    await session.diagnostics(uri, 2);
    const hover2 = await session.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } });
    assert.match((hover2.contents as MarkupContent).value, /^Quote from \*\*Sam Okafor\*\*/);
  });

  it('serves pulled diagnostics to a client that pulls', async () => {
    session = await startSession({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } }, initializationOptions: NO_DEBOUNCE });
    const uri = pathToFileURL(EXAMPLE_DRAFT).href;
    open(session, uri, readFileSync(EXAMPLE_DRAFT, 'utf8'));
    const report = await session.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(rulesOf(report.kind === 'full' ? report.items : []), ['lost-paragraph-breaks', 'unmarked-quote', 'repeated-words', 'duplicate-block']);
  });

  it('survives unknown methods, late versions, edits past the end and a closed document', async () => {
    session = await startSession({ initializationOptions: NO_DEBOUNCE });
    await assert.rejects(session.connection.sendRequest('riposte/noSuchThing', {}), (error: { code?: number }) => error.code === -32601);
    void session.connection.sendNotification('riposte/noSuchNotification', {});

    const uri = pathToFileURL(join(dir, 'draft.reply.md')).href;
    const text = 'It seems to me to me that this holds.\n';
    open(session, uri, text);
    await session.diagnostics(uri, 1);
    // Version 2 fixes the doubled words; a late version 2 and an older version 1 must change nothing.
    const fix = [{ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 20 } }, text: '' }];
    void session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: fix });
    void session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: fix });
    void session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: 'garbage garbage garbage\n' }] });
    // An edit past the end of the text is clamped as the editor's own document model clamps it.
    void session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 40, character: 0 }, end: { line: 41, character: 0 } }, text: 'And so it does so it does.\n' }] });
    const third = await session.diagnostics(uri, 3);
    assert.deepEqual(
      third.diagnostics.map((d) => `${d.range.start.line}:${d.code}`),
      ['1:repeated-words'],
      'only the new line’s doubled words: the fix held and the stale versions were dropped',
    );

    void session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await session.waitFor<{ uri: string; diagnostics: unknown[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
    void session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: 'x' }] });
    assert.deepEqual(await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
  });

  it('exits when its client disappears (standard input closed) without a shutdown', async () => {
    const local = await startSession({ initializationOptions: NO_DEBOUNCE });
    local.stdin.end();
    assert.equal(await local.exited, 1, 'exit code 1: no shutdown came first, as the protocol says');
    local.connection.dispose();
  });
});
