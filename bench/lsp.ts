// A keystroke through `riposte lsp --stdio`, as another editor pays it: from writing the didChange to
// reading the publishDiagnostics of that version, in a separate server process (dist/cli.js, the shipped
// bundle), with the debounce set to 0 so that only the work is timed, not the pause.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { editsFor } from './preview';

export interface LspKeystrokeResult {
  /** Milliseconds of each measured edit, in order. */
  times: number[];
  /** Diagnostics in each message (they all go out at every keystroke). */
  diagnostics: number;
  /** Bytes of the first publishDiagnostics' JSON. */
  messageBytes: number;
  openMs: number;
}

export async function measureLspKeystroke(cli: string, text: string, warmup: number, runs: number): Promise<LspKeystrokeResult> {
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<number, (params: { diagnostics: unknown[] }) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: { version?: number; diagnostics: unknown[] }) => {
    const resolve = params.version === undefined ? undefined : waiting.get(params.version);
    if (resolve) {
      waiting.delete(params.version!);
      resolve(params);
    }
  });
  connection.listen();
  const published = (version: number) => new Promise<{ diagnostics: unknown[] }>((resolve) => waiting.set(version, resolve));
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { riposte: { debounce: 0 } } });
    await connection.sendNotification('initialized', {});
    const uri = pathToFileURL(path.join(path.dirname(cli), '..', '.bench', 'draft-lsp-1mb.md')).href;
    const opened = performance.now();
    const first = published(1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const initial = await first;
    const openMs = performance.now() - opened;
    const edit = editsFor(text);
    const times: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const version = i + 2;
      const change = edit(i);
      const start = performance.now();
      const done = published(version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await done;
      if (i >= warmup) times.push(performance.now() - start);
    }
    return { times, diagnostics: initial.diagnostics.length, messageBytes: Buffer.byteLength(JSON.stringify(initial)), openMs };
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
  }
}
