#!/usr/bin/env node
// `npm run test:integration`: runs the mocha suite in out/test/integration/suite/ inside a real VS Code
// extension host (code-server + headless Chromium), on the workspace test/integration/workspace/.
// Assumes `npm run build` ran. Installs the tools first when they are not cached (npm run vscode:install).
//
// Options: --timeout SECONDS (whole run; default 600, or $RIPOSTE_INTEGRATION_TIMEOUT), --verbose (also print
// the workbench's own log lines and code-server's output).
// Exit code 0 only when the suite's result file shows no failure, no skipped test, and in each test file
// exactly as many tests run as its source declares (see declaredTests). Closes with "N passed, N failed".

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, parseArgs } from 'node:util';
import { REPO_ROOT, startCodeServer } from './codeServer.mjs';
import { CACHE_ROOT, ensureInstalled } from './install.mjs';

export const RESULT_FILE_ENV = 'RIPOSTE_TEST_RESULT_FILE';
export const SUITE_INDEX = join(REPO_ROOT, 'out', 'test', 'integration', 'suite', 'index.js');
export const WORKSPACE = join(REPO_ROOT, 'test', 'integration', 'workspace');
export const SUITE_SOURCES = join(REPO_ROOT, 'test', 'integration', 'suite');

// One test per line that starts with it( (or it.only, it.skip, xit, which then fail the run as forbidden).
// The suite declares its tests one by one, never in a loop, so that this count is the number that must run.
const DECLARED_TEST = /^\s*(?:it|it\.only|it\.skip|xit)\s*\(/gm;

/**
 * The tests each suite file declares, read from the TypeScript sources rather than the compiled output:
 * a test file missing from out/, failing to load, or registering fewer tests than it declares shows as
 * a difference. Keys are compiled names relative to the suite folder, e.g. "smoke.test.js".
 */
export function declaredTests(dir = SUITE_SOURCES) {
  const declared = {};
  for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.test.ts')).sort()) {
    declared[file.split('\\').join('/').replace(/\.ts$/, '.js')] = (readFileSync(join(dir, file), 'utf8').match(DECLARED_TEST) ?? []).length;
  }
  return declared;
}

/** "smoke.test.js: 2 declared, 1 ran" for each file whose counts differ; empty when all agree. */
export function countDifferences(declared, ranByFile) {
  const files = [...new Set([...Object.keys(declared), ...Object.keys(ranByFile ?? {})])].sort();
  return files
    .filter((file) => (declared[file] ?? 0) !== (ranByFile?.[file] ?? 0))
    .map((file) => `${file}: ${declared[file] ?? 0} declared, ${ranByFile?.[file] ?? 0} ran`);
}

// Workbench log lines that are not the extension host's console (offline gallery lookups, connection chatter).
const WORKBENCH_NOISE = /^(Creating a socket|Resolv(ing|ed) connection token|Updating additional builtin|\[(Service Worker|AgentHost|AccountPolicyGate|reconnection-grace-time)[^\]]*\])|getaddrinfo|open-vsx\.org|vscode\/gallery/;

/** codeAutomationLog receives console-style argument arrays (format string first). */
function formatLog(message) {
  return (Array.isArray(message) ? format(...message) : String(message)).replace(/\s+$/, '');
}

/**
 * Reads the result file the suite's run() writes and judges it.
 * → { ok, passed, failed, skipped, reason, result }
 */
export function checkResult(file, declared = declaredTests()) {
  if (!existsSync(file)) {
    return { ok: false, passed: 0, failed: 1, skipped: 0, reason: `the suite wrote no result file (${file}): the extension host died, the suite never ran, or run() crashed before mocha finished` };
  }
  let result;
  try {
    result = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, passed: 0, failed: 1, skipped: 0, reason: `unreadable result file ${file}: ${error.message}` };
  }
  const passed = Number(result.passes) || 0;
  const failed = Number(result.failures) || 0;
  const skipped = Number(result.pending) || 0;
  const total = Number(result.total) || 0;
  if (failed > 0) return { ok: false, passed, failed, skipped, result, reason: `${failed} test(s) failed: ${(result.failed ?? []).join('; ')}` };
  if (total === 0 || passed === 0) return { ok: false, passed, failed, skipped, result, reason: 'no test ran' };
  if (skipped > 0) return { ok: false, passed, failed, skipped, result, reason: `${skipped} test(s) skipped: the suite allows none` };
  const differences = countDifferences(declared, result.ranByFile);
  if (differences.length > 0) {
    return { ok: false, passed, failed, skipped, result, reason: `the tests run differ from the tests declared (${differences.join('; ')})` };
  }
  return { ok: true, passed, failed, skipped, result };
}

/** The closing line CI reads: "N passed, N failed" (", N skipped" when some were). */
export function closingLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/** Runs a runner's main and exits with its code; a crash counts as one failed test, with a closing line. */
export function exitWith(tag, main) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[${tag}] ${error.stack ?? error}`);
      console.log(closingLine({ passed: 0, failed: 1, skipped: 0 }));
      process.exit(1);
    },
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      timeout: { type: 'string', default: process.env.RIPOSTE_INTEGRATION_TIMEOUT ?? '600' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const timeoutMs = Number(values.timeout) * 1000;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  const manifest = await ensureInstalled();
  for (const [file, hint] of [[SUITE_INDEX, 'the compiled suite'], [join(REPO_ROOT, 'dist', 'extension.js'), 'the extension bundle']]) {
    if (!existsSync(file)) throw new Error(`${hint} is missing (${file}): run \`npm run build\` first`);
  }

  const resultDir = mkdtempSync(join(tmpdir(), 'riposte-integration-'));
  process.on('exit', () => rmSync(resultDir, { recursive: true, force: true })); // also after Ctrl-C
  const resultFile = join(resultDir, 'result.json');
  // Tests edit, save and create files: they work on a fresh copy of the examples and the suite's own files.
  const workspace = join(resultDir, 'workspace');
  cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  cpSync(WORKSPACE, workspace, { recursive: true });
  let server;
  let outcome;
  let sawVersionLine = false;
  try {
    console.log(`[integration] starting code-server ${manifest.codeServerVersion} (Node ${manifest.nodeVersion}) …`);
    server = await startCodeServer({ manifest, env: { [RESULT_FILE_ENV]: resultFile }, echo: values.verbose });
    console.log(`[integration] code-server ready on ${server.origin} after ${elapsed()}; opening the workbench in ${manifest.chromium}`);

    let timer;
    const timedOut = new Promise((r) => { timer = setTimeout(() => r({ kind: 'timeout' }), Math.max(0, timeoutMs - (Date.now() - started))); });
    const serverDied = server.exited.then((e) => ({ kind: 'server-exit', ...e }));
    let workbench;
    const opened = server.openWorkbench({
      folder: workspace,
      payload: { extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: SUITE_INDEX, logLevel: 'info' },
      timeout: timeoutMs,
      onLog: (level, message) => {
        // The extension host's console (mocha's report) arrives here, mixed with the workbench's own log.
        // The suite prints "VS Code <version>" first: forward from there on, minus known workbench noise.
        const text = formatLog(message);
        if (/^VS Code \S+$/.test(text)) sawVersionLine = true;
        if (values.verbose) console.log(`[${level}] ${text}`);
        else if (sawVersionLine && !WORKBENCH_NOISE.test(text)) (level === 'error' ? console.error : console.log)(text);
      },
    }).then((wb) => { workbench = wb; return wb.exit.then((e) => ({ kind: 'exit', ...e })); });

    outcome = await Promise.race([opened, timedOut, serverDied]);
    clearTimeout(timer);
    if (outcome.kind === 'timeout') {
      mkdirSync(CACHE_ROOT, { recursive: true });
      const shot = join(CACHE_ROOT, `failure-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
      try {
        if (workbench) await workbench.page.screenshot({ path: shot, timeout: 15_000 });
        console.error(`[integration] timed out after ${values.timeout} s; screenshot: ${workbench ? shot : '(workbench never opened)'}`);
      } catch (error) {
        console.error(`[integration] timed out after ${values.timeout} s; screenshot failed: ${error.message}`);
      }
    } else if (outcome.kind === 'server-exit') {
      console.error(`[integration] code-server exited early (${outcome.signal ?? `code ${outcome.code}`}):\n${server.logTail()}`);
    } else {
      console.log(`[integration] extension host finished with code ${outcome.code} after ${elapsed()}`);
    }
  } finally {
    if (server) await server.stop();
  }

  const verdict = checkResult(resultFile);
  rmSync(resultDir, { recursive: true, force: true });
  if (verdict.result?.vscodeVersion && !sawVersionLine) console.log(`VS Code ${verdict.result.vscodeVersion}`);
  let ok = verdict.ok;
  if (outcome?.kind === 'timeout') {
    ok = false;
    verdict.reason = `the whole run timed out after ${values.timeout} s (--timeout); ${verdict.reason ?? 'the suite had finished'}`;
  } else if (outcome?.kind !== 'exit') {
    ok = false;
    verdict.reason = `code-server exited before the suite finished; ${verdict.reason ?? ''}`;
  } else if (outcome.code !== 0 && verdict.ok) {
    ok = false;
    verdict.reason = `the extension host reported exit code ${outcome.code}`;
  }
  if (!ok) console.error(`[integration] FAILED: ${verdict.reason}`);
  console.log(`[integration] done in ${elapsed()}`);
  console.log(closingLine(verdict));
  return ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) exitWith('integration', main);
