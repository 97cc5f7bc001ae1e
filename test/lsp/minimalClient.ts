// An LSP client written from the specification alone (base protocol: Content-Length framing, JSON-RPC
// 2.0), sharing no code with vscode-jsonrpc, so that the server is checked against more than the library
// it is built on.
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

type Waiter = { method: string; test: (params: never) => boolean; resolve: (params: unknown) => void };

export class MinimalClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;
  readonly notifications: { method: string; params: unknown }[] = [];
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private waiters: Waiter[] = [];
  stderr = '';

  /** `answer` replies to the server's own requests (workspace/configuration…); null by default. */
  constructor(command: string, args: string[], private readonly answer: (method: string, params: unknown) => unknown = () => null) {
    this.process = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
  }

  private write(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!length) throw new Error(`no Content-Length in ${this.buffer.subarray(0, headerEnd).toString()}`);
      const end = headerEnd + 4 + Number(length[1]);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, end).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server: answer it, as a client must.
      this.write({ jsonrpc: '2.0', id: message.id, result: this.answer(message.method, message.params) });
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
      const ready = this.waiters.filter((waiter) => waiter.method === message.method && waiter.test(message.params as never));
      this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
      for (const waiter of ready) waiter.resolve(message.params);
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else pending?.resolve(message.result);
    }
  }

  request<T>(method: string, params?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params?: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** The next notification of this method whose params pass `test` (one already received counts). */
  waitFor<P>(method: string, test: (params: P) => boolean = () => true): Promise<P> {
    const seen = this.notifications.find((n) => n.method === method && test(n.params as P));
    if (seen) return Promise.resolve(seen.params as P);
    return new Promise<P>((resolve) => this.waiters.push({ method, test: test as (params: never) => boolean, resolve: resolve as (params: unknown) => void }));
  }
}
