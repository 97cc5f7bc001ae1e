// The bench's "real VS Code" group: Riposte in the harness's code-server (test/integration/runner), a 1 MB
// draft typed into through the browser, the extension host measured from the outside.
//
//   node bench/vscode.mjs [--mb 1] [--keys 40] [--rounds 4] [--profile] [--heap]     (after `npm run build`)
//
// Two code-servers run side by side, the same VS Code with the extension loaded from the checkout: in one the
// draft is opened as `draft.reply.md` (Debate Markdown: Riposte checks it), in the other the same text as
// `draft.txt` (plain text: Riposte never activates). Keystrokes go to one and then the other in alternate
// rounds, so that the load of the machine weighs on both alike; each extension host's CPU time
// (process.cpuUsage(), read through its inspector) over a round, divided by the keystrokes, is its cost per
// keystroke. Resident memory is read the same way once a garbage collection has settled the heap.
// Nothing is downloaded: without a cached code-server (`npm run vscode:install`) the group is skipped.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const RUNNER = join(ROOT, 'test', 'integration', 'runner');
const require = createRequire(import.meta.url);

/** Keystrokes come this far apart: past the 300 ms debounce and the re-lint, so that each one is checked. */
export const KEYSTROKE_GAP_MS = 500;

// --- a minimal Chrome DevTools Protocol client --------------------------------------------------------------

function webSocketClass(manifest) {
  if (typeof globalThis.WebSocket === 'function') return globalThis.WebSocket;
  // Node 20 has no WebSocket without a flag: code-server's own `ws` (already cached) speaks the same API.
  return createRequire(manifest.entry)('ws');
}

async function connectInspector(port, manifest) {
  const deadline = Date.now() + 60_000;
  let targets;
  for (;;) {
    try {
      targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      if (targets.length) break;
    } catch {
      // the extension host is not up yet
    }
    if (Date.now() > deadline) throw new Error(`no extension host inspector on port ${port}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const WebSocket = webSocketClass(manifest);
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 2 ** 31 });
  await new Promise((ok, fail) => {
    socket.onopen = ok;
    socket.onerror = (event) => fail(new Error(`inspector: ${event.message ?? 'connection failed'}`));
  });
  let next = 1;
  const pending = new Map();
  const listeners = new Map();
  socket.onmessage = (event) => {
    const message = JSON.parse(typeof event.data === 'string' ? event.data : event.data.toString());
    if (message.id && pending.has(message.id)) {
      const { ok, fail } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) fail(new Error(`${message.error.message}`));
      else ok(message.result);
    } else if (message.method) for (const listener of listeners.get(message.method) ?? []) listener(message.params);
  };
  const send = (method, params = {}) =>
    new Promise((ok, fail) => {
      const id = next++;
      pending.set(id, { ok, fail });
      socket.send(JSON.stringify({ id, method, params }));
    });
  const on = (method, listener) => listeners.set(method, [...(listeners.get(method) ?? []), listener]);
  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, returnByValue: true });
    if (exceptionDetails) throw new Error(`evaluate ${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  return {
    send,
    on,
    evaluate,
    /** CPU time of the whole process (every thread: the main one, GC helpers, the compiler), in ms. */
    cpuMs: async () => {
      const { user, system } = await evaluate('process.cpuUsage()');
      return (user + system) / 1000;
    },
    /** Starts counting garbage collections (Node's `gc` performance entries), by kind, and their pauses. */
    countGc: () =>
      evaluate(`(() => {
        const { PerformanceObserver, constants } = process.getBuiltinModule('node:perf_hooks');
        const counts = (globalThis.__benchGc = { major: 0, minor: 0, incremental: 0, pauseMs: 0 });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const kind = entry.detail?.kind;
            if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) counts.major++;
            else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) counts.minor++;
            else if (kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) counts.incremental++;
            counts.pauseMs += entry.duration;
          }
        }).observe({ entryTypes: ['gc'] });
        return true;
      })()`),
    /** The collections counted since countGc. */
    gcCounts: () => evaluate('globalThis.__benchGc'),
    /** Resident set size in bytes as it is (`unsettled`), then after two full collections. */
    settledRss: async () => {
      const unsettled = (await evaluate('process.memoryUsage()')).rss;
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      return { ...(await evaluate('process.memoryUsage()')), unsettled };
    },
    close: () => socket.close(),
  };
}

// --- the workbench ------------------------------------------------------------------------------------------

async function gotoPosition(page, line, character) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line + 1}:${character + 1}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await page.waitForFunction((expected) => document.querySelector('[id="status.editor.selection"]')?.textContent?.includes(expected), `Ln ${line + 1}, Col ${character + 1}`);
}

function problemCount(page) {
  return page.evaluate(() => {
    const text = document.querySelector('[id="status.problems"]')?.textContent ?? '';
    return (text.match(/\d+/g) ?? []).reduce((sum, n) => sum + Number(n), 0);
  });
}

/** The Riposte output channel's log file on the server (the extension writes when each draft's first diagnostics are out). */
function riposteLog(dir) {
  const found = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /Riposte\.log$/.test(entry.name)) found.push(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.map((file) => readFileSync(file, 'utf8')).join('\n');
}

async function waitFor(check, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One code-server with Riposte loaded from the checkout, its inspector open, on `folder`, with `file` open. */
async function startSide({ name, folder, file, language, manifest, startCodeServer, freePort, openFile }) {
  const inspectPort = await freePort();
  const server = await startCodeServer({
    manifest,
    // The same settings on both sides; these switch off background work that has nothing to do with typing
    // (port scanning every few seconds, git on a folder that is no repository) and only adds noise. The
    // extension host scans for ports by listing every process's sockets through a shell (`ls -l /proc/*/fd`)
    // even with auto-forwarding off, unless the ports are taken from terminal output instead.
    settings: { 'workbench.editor.enablePreview': false, 'remote.autoForwardPorts': false, 'remote.autoForwardPortsSource': 'output', 'git.enabled': false, 'git.autoRepositoryDetection': false },
  });
  try {
    const { page } = await server.openWorkbench({ folder, payload: {
        extensionDevelopmentPath: ROOT,
        'inspect-extensions': String(inspectPort),
        // VS Code logs warnings only (as the harness runs it); Riposte's channel info too: its "first diagnostics" line.
        logLevel: 'warn,riposte.riposte:info',
      },
    });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    const inspector = await connectInspector(inspectPort, manifest);
    await inspector.send('Runtime.enable');
    const opened = Date.now();
    await openFile(page, file, { language });
    return { name, server, page, inspector, openedInUi: Date.now() - opened, pid: await inspector.evaluate('process.pid') };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Where to type: the first word gap of a reply paragraph in the middle of the draft (as bench/preview.ts edits). */
export function typingPosition(text) {
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (line < lines.length - 1 && !/^[A-Z][a-z]+ \w+ \w+/.test(lines[line])) line++;
  return { line, character: lines[line].indexOf(' ') };
}

/**
 * CPU time of each of a process's threads so far, in ms, by kind: the main thread, V8's workers (garbage
 * collection helpers and the optimizing compiler), libuv's pool (zlib, file system) and the rest. Linux
 * only (/proc); elsewhere null.
 */
function threadCpuMs(pid) {
  const dir = `/proc/${pid}/task`;
  if (!existsSync(dir)) return null;
  const tick = 10; // ms: USER_HZ is 100 on Linux
  const kinds = { main: 0, v8: 0, libuv: 0, other: 0 };
  for (const tid of readdirSync(dir)) {
    let stat;
    try {
      stat = readFileSync(`${dir}/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * tick;
    const kind = tid === String(pid) ? 'main' : /^V8/.test(name) ? 'v8' : /^libuv/.test(name) ? 'libuv' : 'other';
    kinds[kind] += ms;
  }
  return kinds;
}

/** Types `count` keystrokes (a letter, then its deletion, and so on), KEYSTROKE_GAP_MS apart; the CPU time they cost. */
async function typeRound(side, count) {
  const threadsBefore = threadCpuMs(side.pid);
  const before = await side.inspector.cpuMs();
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const due = started + i * KEYSTROKE_GAP_MS;
    if (Date.now() < due) await new Promise((r) => setTimeout(r, due - Date.now()));
    if (i % 2 === 0) await side.page.keyboard.type('x');
    else await side.page.keyboard.press('Backspace');
  }
  // The last keystroke is checked too: its debounce and lint fall in the round.
  const end = started + count * KEYSTROKE_GAP_MS;
  if (Date.now() < end) await new Promise((r) => setTimeout(r, end - Date.now()));
  const cost = ((await side.inspector.cpuMs()) - before) / count;
  const threadsAfter = threadCpuMs(side.pid);
  if (threadsBefore && threadsAfter) {
    side.threads ??= { main: 0, v8: 0, libuv: 0, other: 0, keystrokes: 0 };
    for (const kind of ['main', 'v8', 'libuv', 'other']) side.threads[kind] += threadsAfter[kind] - threadsBefore[kind];
    side.threads.keystrokes += count;
  }
  return cost;
}

/**
 * Measures the extension host with and without Riposte on a generated draft of `mb` MB.
 * → { skipped } or { keystroke: { with: [...], without: [...] } (ms per keystroke per round), firstDiagnosticsMs,
 *     uiFirstDiagnosticsMs, rss: { with, without, withTree }, threads: { with, without } (ms per keystroke of the main
 *     thread, V8's workers, libuv's pool and the rest, over the measured rounds; null off Linux), profile?, findings, bytes }
 */
export async function measureVscode({ text, keys = 40, rounds = 4, profile = false, heap = false, log = (m) => process.stderr.write(`[bench:vscode] ${m}\n`) } = {}) {
  const { readManifest } = await import(pathToFileURL(join(RUNNER, 'install.mjs')).href);
  const manifest = readManifest();
  if (!manifest) return { skipped: 'no code-server cached in .vscode-test/ (run `npm run vscode:install` once; the bench downloads nothing)' };
  if (!existsSync(join(ROOT, 'dist', 'extension.js'))) return { skipped: 'dist/extension.js is missing (npm run build)' };
  const { startCodeServer, freePort } = await import(pathToFileURL(join(RUNNER, 'codeServer.mjs')).href);
  const { openFile } = await import(pathToFileURL(join(RUNNER, 'actions.mjs')).href);

  const workspace = mkdtempSync(join(tmpdir(), 'riposte-bench-vscode-'));
  writeFileSync(join(workspace, 'draft.reply.md'), text);
  writeFileSync(join(workspace, 'draft.txt'), text);
  const position = typingPosition(text);
  const sides = [];
  try {
    log('starting two code-servers (with Riposte on draft.reply.md, without on draft.txt)');
    const common = { folder: workspace, manifest, startCodeServer, freePort, openFile };
    const without = await startSide({ ...common, name: 'without', file: 'draft.txt', language: 'Plain Text' });
    sides.push(without);
    const withRiposte = await startSide({ ...common, name: 'with', file: 'draft.reply.md', language: 'Debate Markdown' });
    sides.push(withRiposte);
    const logs = join(withRiposte.server.userDataDir, 'logs');
    const firstLine = await waitFor(() => /first diagnostics for .*draft\.reply\.md: \d+ findings, (\d+) ms after open(.*)/.exec(riposteLog(logs)), 'the first diagnostics of the draft (Riposte log)').catch(async (error) => {
      await withRiposte.page.screenshot({ path: join(ROOT, '.bench', 'vscode-failure.png') }).catch(() => undefined);
      const { execSync } = await import('node:child_process');
      throw new Error(`${error.message}; Riposte log: ${riposteLog(logs) || '(none)'}; ${execSync(`find ${logs}`).toString()}`);
    });
    const firstDiagnosticsMs = Number(firstLine[1]);
    const uiFirst = Date.now();
    const findings = await waitFor(() => problemCount(withRiposte.page), 'problems in the status bar');
    const uiFirstDiagnosticsMs = withRiposte.openedInUi + (Date.now() - uiFirst);
    const firstDiagnosticsDetail = firstLine[2].trim();
    log(`first diagnostics ${firstDiagnosticsMs} ms after open ${firstDiagnosticsDetail} (${findings} problems)`);

    for (const side of sides) {
      await side.page.bringToFront();
      await gotoPosition(side.page, position.line, position.character);
    }
    // Warm-up round (unmeasured) on each side: the first keystrokes compile code and fill caches.
    for (const side of sides) await typeRound(side, 6);

    let cpuProfile;
    if (profile) {
      for (const side of sides) {
        await side.inspector.send('Profiler.enable');
        await side.inspector.send('Profiler.setSamplingInterval', { interval: 250 });
        await side.inspector.send('Profiler.start');
      }
    }
    const keystroke = { with: [], without: [] };
    for (const side of sides) await side.inspector.countGc();
    // Thread times count the measured rounds only.
    for (const side of sides) side.threads = undefined;
    const perRound = Math.max(2, Math.round(keys / rounds / 2) * 2);
    for (let round = 0; round < rounds; round++) {
      // Alternate which side goes first, so that neither always follows the other's garbage.
      for (const side of round % 2 ? [...sides].reverse() : sides) keystroke[side.name].push(await typeRound(side, perRound));
      log(`round ${round + 1}/${rounds}: with ${keystroke.with.at(-1).toFixed(1)} ms, without ${keystroke.without.at(-1).toFixed(1)} ms per keystroke`);
    }
    const gc = {};
    for (const side of sides) gc[side.name] = await side.inspector.gcCounts();
    if (profile) {
      cpuProfile = {};
      mkdirSync(join(ROOT, '.bench'), { recursive: true });
      for (const side of sides) {
        cpuProfile[side.name] = (await side.inspector.send('Profiler.stop')).profile;
        writeFileSync(join(ROOT, '.bench', `exthost-typing-${side.name}.cpuprofile`), JSON.stringify(cpuProfile[side.name]));
      }
    }
    // Memory is read after the typing, not before it: the forced collections that settle it also throw away the
    // code V8 optimised, which the measured keystrokes would then compile again.
    const rss = {};
    const unsettled = {};
    for (const side of sides) {
      const memory = await side.inspector.settledRss();
      rss[side.name] = memory.rss;
      unsettled[side.name] = memory.unsettled;
    }
    log(`resident: with ${(rss.with / 2 ** 20).toFixed(0)} MB, without ${(rss.without / 2 ** 20).toFixed(0)} MB`);
    if (heap) await heapSnapshot(withRiposte.inspector, join(ROOT, '.bench', 'exthost-draft.heapsnapshot'), log);

    log('opening the reply tree');
    await withRiposte.page.bringToFront();
    const { runCommand, webview } = await import(pathToFileURL(join(RUNNER, 'actions.mjs')).href);
    await runCommand(withRiposte.page, 'Riposte: Open Reply Tree to the Side');
    await webview(withRiposte.page).locator('[role="treeitem"]').first().waitFor({ state: 'attached', timeout: 120_000 });
    // The tree's first render and the workbench's answer to it settle before memory is read.
    const treeMemory = await withRiposte.inspector.settledRss();
    rss.withTree = treeMemory.rss;
    unsettled.withTree = treeMemory.unsettled;
    if (heap) await heapSnapshot(withRiposte.inspector, join(ROOT, '.bench', 'exthost-tree.heapsnapshot'), log);
    log(`resident with the reply tree: ${(rss.withTree / 2 ** 20).toFixed(0)} MB`);
    const versions = { codeServer: manifest.codeServerVersion, vscode: manifest.vscodeVersion, node: manifest.nodeVersion };
    // ms per keystroke of each kind of thread over the measured rounds (null without /proc).
    const perKeystroke = (side) => side.threads && Object.fromEntries(['main', 'v8', 'libuv', 'other'].map((kind) => [kind, side.threads[kind] / side.threads.keystrokes]));
    const threads = withRiposte.threads && without.threads ? { with: perKeystroke(withRiposte), without: perKeystroke(without) } : null;
    return { keystroke, perRound, rounds, gc, firstDiagnosticsMs, firstDiagnosticsDetail, uiFirstDiagnosticsMs, findings, rss, unsettled, threads, versions, cpuProfile, bytes: Buffer.byteLength(text) };
  } finally {
    for (const side of sides) side.inspector.close();
    await Promise.allSettled(sides.map((side) => side.server.stop()));
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function heapSnapshot(inspector, file, log) {
  mkdirSync(join(file, '..'), { recursive: true });
  const chunks = [];
  inspector.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await inspector.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  writeFileSync(file, chunks.join(''));
  chunks.length = 0;
  log(`heap snapshot: ${relative(ROOT, file)}`);
}

// --- the profile, by component ------------------------------------------------------------------------------

const VLQ = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** For each generated line of a bundle, the sorted [column, source] pairs of its source map. */
function sourceLines(mapFile) {
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const lines = [];
  let source = 0;
  for (const line of map.mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const digit = VLQ[c];
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) {
        source += values[1];
        segments.push([column, map.sources[source]]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** What a frame belongs to, by file: Riposte's own parts, markdown-it, VS Code's diagnostics, the rest. */
function componentOf(frame, bundleLines) {
  const { url, functionName, lineNumber, columnNumber } = frame;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'V8/native';
  if (!url) return undefined;
  if (url.includes('/dist/extension.js')) {
    const segments = bundleLines?.[lineNumber] ?? [];
    let source = '';
    for (const [column, file] of segments) if (column <= columnNumber) source = file;
    source = source.replace(/^(\.\.\/)+/, '');
    if (source.includes('node_modules/markdown-it') || source.includes('node_modules/mdurl') || source.includes('node_modules/linkify') || source.includes('node_modules/entities') || source.includes('node_modules/uc.micro') || source.includes('node_modules/punycode')) return 'core: markdown-it';
    if (source.includes('src/core/rules/')) return 'core: rules';
    if (/src\/core\/(updateDraft|parse|parsing\/|blockBoundaries|text|attribution\/)/.test(source)) return 'core: parse/update';
    if (source.startsWith('src/core/')) return 'core: analysis (shared indexes, engine)';
    if (source.endsWith('src/extension/convert.ts')) return 'extension: toDiagnostic (convert.ts)';
    if (source.endsWith('src/extension/diagnostics.ts')) return 'extension: diagnostics.ts';
    if (source.endsWith('src/extension/drafts.ts')) return 'extension: DraftService (drafts.ts)';
    if (source.startsWith('src/extension/')) return `extension: ${source.slice('src/extension/'.length)}`;
    return `bundle: ${source || '?'}`;
  }
  if (/extHostDiagnostics/.test(url) || /DiagnosticCollection|ExtHostDiagnostics/.test(functionName)) return 'VS Code: DiagnosticCollection';
  if (/extHostDocument/.test(url)) return 'VS Code: document sync';
  return 'VS Code ext host: other';
}

/**
 * Self time per component: each sample goes to the innermost frame with a known component (native frames
 * take their caller's). Also inclusive time for the frames of `inclusive` (function name contains).
 */
export function summariseProfile(cpuProfile, bundleMap) {
  const bundleLines = bundleMap && existsSync(bundleMap) ? sourceLines(bundleMap) : undefined;
  const byId = new Map(cpuProfile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of cpuProfile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const componentCache = new Map();
  const component = (id) => {
    if (componentCache.has(id)) return componentCache.get(id);
    const node = byId.get(id);
    let found = componentOf(node.callFrame, bundleLines);
    if (found === undefined) found = parent.has(id) ? component(parent.get(id)) : 'V8/native';
    componentCache.set(id, found);
    return found;
  };
  const totals = new Map();
  const samples = cpuProfile.samples;
  const deltas = cpuProfile.timeDeltas;
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const name = component(samples[i]);
    totals.set(name, (totals.get(name) ?? 0) + ms);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

// --- standalone ---------------------------------------------------------------------------------------------

async function main() {
  const { values } = (await import('node:util')).parseArgs({
    options: { mb: { type: 'string', default: '1' }, keys: { type: 'string', default: '40' }, rounds: { type: 'string', default: '4' }, profile: { type: 'boolean', default: false }, heap: { type: 'boolean', default: false } },
  });
  const { generateDraft, MB } = require(join(ROOT, 'out', 'bench', 'generate.js'));
  const text = generateDraft(Math.round(Number(values.mb) * MB));
  const result = await measureVscode({ text, keys: Number(values.keys), rounds: Number(values.rounds), profile: values.profile, heap: values.heap });
  if (result.skipped) {
    console.log(`skipped: ${result.skipped}`);
    return;
  }
  const { cpuProfile, ...rest } = result;
  console.log(JSON.stringify(rest, null, 1));
  const cost = median(result.keystroke.with) - median(result.keystroke.without);
  console.log(`with ${median(result.keystroke.with).toFixed(1)} ms, without ${median(result.keystroke.without).toFixed(1)} ms per keystroke: Riposte ${cost.toFixed(1)} ms`);
  if (result.threads) {
    const kinds = ['main', 'v8', 'libuv', 'other'];
    console.log(`by thread, ms per keystroke (with, without, difference): ${kinds.map((kind) => `${kind} ${result.threads.with[kind].toFixed(1)}, ${result.threads.without[kind].toFixed(1)}, ${(result.threads.with[kind] - result.threads.without[kind]).toFixed(1)}`).join('; ')}`);
  }
  if (result.gc) {
    const typed = result.rounds * result.perRound;
    const side = (name) => `${name}: ${result.gc[name].major} major, ${result.gc[name].minor} minor, ${(result.gc[name].pauseMs / typed).toFixed(1)} ms paused a keystroke`;
    console.log(`garbage collections over ${typed} keystrokes: ${side('with')}; ${side('without')}`);
  }
  if (cpuProfile) {
    const keystrokes = result.rounds * result.perRound;
    const map = join(ROOT, 'dist', 'extension.js.map');
    const withParts = new Map(summariseProfile(cpuProfile.with, map));
    const withoutParts = new Map(summariseProfile(cpuProfile.without, map));
    console.log(`profiles: .bench/exthost-typing-{with,without}.cpuprofile; ms per keystroke by component (${keystrokes} keystrokes): with, without, difference`);
    for (const name of new Set([...withParts.keys(), ...withoutParts.keys()])) {
      const a = (withParts.get(name) ?? 0) / keystrokes;
      const b = (withoutParts.get(name) ?? 0) / keystrokes;
      console.log(`  ${a.toFixed(2).padStart(8)} ${b.toFixed(2).padStart(8)} ${(a - b).toFixed(2).padStart(8)}  ${name}`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
