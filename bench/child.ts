// Work the benchmark runs in a fresh process, printing one JSON line:
//   node --expose-gc out/bench/child.js memory <draft.md> baseline|lint|markdown-it
//   node out/bench/child.js activation <extension.js>
//   node out/bench/child.js markdownlint <draft.md>
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDraft } from './generate';
import { fakeContext, vscodeStub } from './vscodeStub';

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Collects until the heap has settled: right after a forced GC the 10 MB draft's count was sometimes
 * 15 MB higher than a few collections and event-loop turns later (memory V8 frees after the collection).
 */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  gc();
}

/** Heap plus array buffers: large typed arrays (index tables) live outside the V8 heap. */
function heldBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function memory(file: string, mode: string): Promise<void> {
  // Every mode loads the same code, holds the same text and first runs its job on a small draft, so that
  // compiled code counts in none of them; only `lint` and `markdown-it` then work on the draft.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require('../src/core') as typeof import('../src/core');
  const text = readFileSync(file, 'utf8');
  const warmUp = generateDraft(32 * 1024, 7);
  if (mode === 'markdown-it') new MarkdownIt().parse(warmUp, {});
  else core.lintDraft(core.parseDraft(warmUp), {});
  await settle();
  const heldBefore = heldBytes();
  let findings = 0;
  let lintMs = 0;
  let retainedBytes = 0;
  if (mode === 'lint') {
    const start = performance.now();
    // What an editor keeps per open draft: the parsed model and its diagnostics.
    const draft = core.parseDraft(text);
    const diagnostics = core.lintDraft(draft, {});
    lintMs = performance.now() - start;
    findings = diagnostics.length;
    await settle();
    retainedBytes = heldBytes() - heldBefore;
    if (draft.lines.length < 0) process.stdout.write(String(diagnostics)); // keeps both alive until measured
  } else if (mode === 'markdown-it') {
    const tokens = new MarkdownIt().parse(text, {});
    if (tokens.length < 0) process.stdout.write(String(tokens));
  }
  const usage = process.resourceUsage();
  process.stdout.write(JSON.stringify({ mode, bytes: Buffer.byteLength(text), findings, lintMs, retainedBytes, maxRssKb: usage.maxRSS }) + '\n');
}

/** One run of markdownlint's default rules (for the 10 MB draft, where the parent may have to stop it). */
async function markdownlint(file: string): Promise<void> {
  const text = readFileSync(file, 'utf8');
  const { lint } = (await import('markdownlint/sync')) as unknown as { lint(options: { strings: Record<string, string> }): Record<string, unknown[]> };
  const start = performance.now();
  const findings = lint({ strings: { draft: text } }).draft.length;
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, findings }) + '\n');
}

function activation(extensionFile: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const stub = vscodeStub();
  const load = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub : load.call(this, request, ...rest);
  };
  const context = fakeContext(path.resolve(__dirname, '..', '..')) as { subscriptions: { dispose(): unknown }[] };
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(path.resolve(extensionFile)) as { activate(context: unknown): unknown };
  const t1 = performance.now();
  extension.activate(context);
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, subscriptions: context.subscriptions.length }) + '\n');
  // Debounce timers and the like must not keep the process alive.
  process.exit(0);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'memory') void memory(args[0], args[1]);
else if (mode === 'activation') activation(args[0]);
else if (mode === 'markdownlint') void markdownlint(args[0]);
else {
  console.error(`child.js: unknown mode ${mode}`);
  process.exit(2);
}
