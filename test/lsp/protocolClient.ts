// The server as an editor runs it (`node dist/cli.js lsp --stdio`), driven through vscode-jsonrpc.
import { spawn } from 'node:child_process';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver';
import { CLI } from '../paths';

/** Offsets of line starts, for applying edits as a client does. */
function offsetOf(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

/** Applies non-overlapping edits, all relative to `text`, as an editor applies a WorkspaceEdit. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const located = edits.map((edit) => ({ start: offsetOf(text, edit.range.start), end: offsetOf(text, edit.range.end), newText: edit.newText }));
  located.sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of located) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** The same edits as didChange content changes: last first, so each range still means what it meant. */
export function asChanges(text: string, edits: readonly TextEdit[]): { range: TextEdit['range']; text: string }[] {
  return [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start)).map((edit) => ({ range: edit.range, text: edit.newText }));
}

export interface Session {
  connection: MessageConnection;
  exited: Promise<number | null>;
  stdin: NodeJS.WritableStream;
  /** Every notification the server sent, in order. */
  notifications: { method: string; params: unknown }[];
  /** Resolves with the first notification (already received or to come) that passes `test`. */
  waitFor<P>(method: string, test?: (params: P) => boolean): Promise<P>;
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  rootUri?: string | null;
  /** Answers workspace/configuration, item by item. */
  configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
  args?: string[];
}

export async function startSession(options: StartOptions = {}): Promise<Session> {
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio', ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const notifications: { method: string; params: unknown }[] = [];
  let waiters: { method: string; test: (params: unknown) => boolean; resolve: (params: unknown) => void }[] = [];
  connection.onNotification((method, params) => {
    notifications.push({ method, params });
    const ready = waiters.filter((w) => w.method === method && w.test(params));
    waiters = waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve(params);
  });
  connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => params.items.map((item) => options.configuration?.(item) ?? null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    capabilities: options.capabilities ?? {},
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  const waitFor = <P>(method: string, test: (params: P) => boolean = () => true) => {
    const seen = notifications.find((n) => n.method === method && test(n.params as P));
    if (seen) return Promise.resolve(seen.params as P);
    return new Promise<P>((resolve) => waiters.push({ method, test: test as (params: unknown) => boolean, resolve: resolve as (params: unknown) => void }));
  };
  return {
    connection,
    exited,
    stdin: child.stdin,
    notifications,
    waitFor,
    diagnostics: (uri, version) => waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version),
    async close() {
      if (child.exitCode === null) {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        const code = await exited;
        connection.dispose();
        if (code !== 0) throw new Error(`server exited with ${code}: ${stderr}`);
      }
    },
  };
}
