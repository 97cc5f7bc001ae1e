// The acceptance, through a client that shares no code with the server's protocol library.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver';
import { CLI, EXAMPLE_DRAFT } from '../paths';
import { MinimalClient } from './minimalClient';
import { applyEdits, asChanges } from './protocolClient';

describe('riposte lsp with a minimal JSON-RPC client', () => {
  it('initializes, reports the real draft’s four findings, fixes the repeated block, and exits with 0', async () => {
    const client = new MinimalClient(process.execPath, [CLI, 'lsp', '--stdio']);
    const uri = pathToFileURL(EXAMPLE_DRAFT).href;
    const text = readFileSync(EXAMPLE_DRAFT, 'utf8');

    const init = await client.request<{ capabilities: { codeActionProvider: unknown; textDocumentSync: { change: number } } }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { workspaceEdit: { documentChanges: false } } },
    });
    assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
    assert.ok(init.capabilities.codeActionProvider);
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });

    const first = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
    assert.deepEqual(
      first.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`),
      ['1:lost-paragraph-breaks', '8:unmarked-quote', '12:repeated-words', '13:duplicate-block'],
    );
    const block = first.diagnostics.find((d) => d.code === 'duplicate-block') as Diagnostic;
    assert.equal(block.source, 'riposte');
    assert.match(block.message as string, /^Lines 13–22 repeat lines 1–12/);
    assert.match(block.codeDescription!.href, /^file:.*\/docs\/rules\/duplicate-block\.md$/);
    assert.equal(block.relatedInformation?.[0].location.range.start.line, 0, 'points at the first copy');

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: block.range, context: { diagnostics: [block] } });
    const fix = actions.find((action) => action.isPreferred && action.diagnostics?.[0].code === 'duplicate-block');
    assert.ok(fix?.edit?.changes?.[uri], `a preferred fix with an edit among ${actions.map((a) => a.title).join(' | ')}`);
    const edits = fix.edit.changes[uri] as TextEdit[];
    const fixed = applyEdits(text, edits);
    assert.ok(fixed.length < text.length * 0.75, 'the second copy is gone');

    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: asChanges(text, edits) });
    const second = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    const rules = second.diagnostics.map((d) => d.code);
    assert.ok(!rules.includes('duplicate-block'), `no duplicate left: ${rules.join(', ')}`);
    assert.ok(rules.includes('repeated-words'), 'the other findings stay');

    assert.equal(await client.request('shutdown'), null);
    client.notify('exit');
    assert.equal(await client.exited, 0, client.stderr);
  });
});
