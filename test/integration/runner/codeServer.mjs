// A real VS Code (code-server's workbench + Node extension host) driven by headless Chromium.
// Reused by the integration test runner, `npm run start:vscode` and the screenshot script.
//
//   import { startCodeServer } from './codeServer.mjs';
//   const server = await startCodeServer({ settings: { 'workbench.colorTheme': 'Dark Modern' }, env: { FOO: '1' } });
//   const { page, exit } = await server.openWorkbench({
//     folder: '/abs/workspace',                       // opened as the workspace folder
//     payload: { extensionDevelopmentPath: REPO_ROOT,  // local absolute paths; turned into vscode-remote URIs
//                extensionTestsPath: '/abs/out/test/integration/suite/index.js', logLevel: 'info' },
//     onLog: (level, args) => console.log(...args),   // the extension host's console (mocha's report), as
//                                                     // console-style argument arrays, mixed with workbench log lines
//   });
//   const { code } = await exit;   // resolves when a test run's run() promise settles (extensionTestsPath only)
//   await server.stop();           // closes Chromium, kills code-server's process group, deletes the temp folder
//
// startCodeServer(options)
//   settings      extra user settings, merged over DEFAULT_SETTINGS (written before start: editing them while
//                 the server runs is not picked up)
//   env           extra environment for code-server; it reaches the extension host (and so the tests)
//   args          extra code-server arguments
//   smokeTestDriver (default true) `--vscode-option enable-smoke-test-driver`: without it the workbench
//                 ignores extensionDevelopmentPath/extensionTestsPath in the payload
//   extensionsDir use this extensions folder instead of an empty temp one
//   echo          true: copy code-server's own output to stderr (it always goes to <tmp>/code-server.log)
//   manifest      the install manifest (default: read from .vscode-test/, installing nothing)
//   port          listen on this port instead of a free one
//   linkExtensions  extension folders to symlink into the extensions dir: they load as if installed, without a
//                 payload or the smoke-test driver (an alternative to payload.extensionDevelopmentPath)
// → { port, origin, tmpDir, userDataDir, extensionsDir, logFile, remoteUri(path), workbenchUrl({folder, payload, query}),
//     openWorkbench(options), logTail(), exited (promise of {code, signal}), stopRequested, stop() }
//
// server.openWorkbench({ folder, payload, query, viewport = {width: 1600, height: 1000}, onLog, onConsole,
//                        waitForWorkbench = true, timeout = 60000 })
//   payload: an object (keys: extensionDevelopmentPath [string or array], extensionTestsPath, openFile,
//            logLevel, extensionEnvironment, ...; absolute local paths become vscode-remote URIs) or the raw
//            array of [key, value] pairs. A payload is required for tests; `logLevel: 'info'` is needed for
//            the extension host's console to reach onLog.
// → { page, context, url, exit: Promise<{code, logs}>, close() }
//
// UI recipes (see also screenshot.mjs): Quick Open = Control+P then fill '.quick-input-widget input'; status bar
// items '[id="status.editor.mode"]', '[id="status.problems"]'; a webview's content is
// page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame'). Never sleep: wait on the DOM.
// Other exports: freePort(), loadPlaywright(manifest), DEFAULT_SETTINGS, CHROMIUM_ARGS, REPO_ROOT.
//
// Everything started is stopped by stop(), and also on process exit, SIGINT, SIGTERM and SIGHUP (after which
// the process exits with process.exitCode if set, else 128 + the signal number).

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { findChromium, readManifest, REPO_ROOT } from './install.mjs';

export { REPO_ROOT };

/** User settings that cut noise (AI features, welcome pages, update checks, telemetry, prompts). */
export const DEFAULT_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // the (empty) chat side bar
};

/** Chromium flags for a quiet headless run as root in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const PATH_KEYS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'openFile']);
const live = new Set(); // servers not yet stopped

/** A free TCP port on 127.0.0.1 (listen on port 0, read it, close). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** Environment with TMPDIR and the XDG folders inside `root`, and no variables of a surrounding VS Code. */
function sandboxEnv(root, extra = {}) {
  const env = { ...process.env };
  // Inside a VS Code/code-server terminal, VSCODE_IPC_HOOK_CLI makes code-server open files in that
  // instance instead of starting a server; the other VSCODE_* variables would leak into the extension host.
  for (const name of Object.keys(env)) if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE') delete env[name];
  const dirs = {
    TMPDIR: join(root, 'tmp'),
    XDG_CONFIG_HOME: join(root, 'xdg', 'config'),
    XDG_DATA_HOME: join(root, 'xdg', 'data'),
    XDG_CACHE_HOME: join(root, 'xdg', 'cache'),
    XDG_STATE_HOME: join(root, 'xdg', 'state'),
    XDG_RUNTIME_DIR: join(root, 'xdg', 'runtime'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  return { ...env, ...dirs, ...extra };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // no such group any more
  }
}

function groupAlive(pid) {
  return killGroup(pid, 0);
}

let handlersInstalled = false;
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort: synchronous, so only kill and delete.
  process.on('exit', () => {
    for (const server of live) server.killNow();
  });
  for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
    process.on(signal, () => {
      console.error(`\n[code-server] ${signal}: stopping`);
      // A script that treats Ctrl-C as a normal end sets process.exitCode = 0 beforehand.
      Promise.allSettled([...live].map((server) => server.stop())).finally(() => process.exit(process.exitCode ?? 128 + number));
    });
  }
}

/** Loads playwright-core from the install cache (it is not a project dependency). */
export function loadPlaywright(manifest = readManifest()) {
  if (!manifest) throw new Error('VS Code test tools are not installed: run `npm run vscode:install`');
  return createRequire(join(manifest.playwrightCore, 'package.json'))(manifest.playwrightCore);
}

/** Starts code-server on a free port with throwaway user data; resolves once /healthz answers. */
export async function startCodeServer({
  settings = {},
  env = {},
  args = [],
  smokeTestDriver = true,
  extensionsDir,
  echo = false,
  manifest = readManifest(),
  startTimeout = 60_000,
  port: fixedPort,
  linkExtensions = [],
} = {}) {
  if (!manifest) throw new Error('VS Code test tools are not installed: run `npm run vscode:install`');
  installExitHandlers();

  const tmpDir = mkdtempSync(join(tmpdir(), 'riposte-code-server-'));
  const userDataDir = join(tmpDir, 'user-data');
  const extDir = extensionsDir ?? join(tmpDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extDir, { recursive: true });
  for (const dir of linkExtensions) {
    // An extension folder symlinked into the extensions dir loads like an installed one (no payload needed).
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    symlinkSync(dir, join(extDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');
  }
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2)}\n`);
  const configFile = join(tmpDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');

  const port = fixedPort ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const serverArgs = [
    manifest.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--log', 'warn',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...args,
  ];
  const logFile = join(tmpDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const child = spawn(manifest.node, serverArgs, {
    cwd: tmpDir,
    env: sandboxEnv(tmpDir, env),
    detached: true, // own process group: stop() kills the wrapper, extension host and pty host together
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-8000);
    if (echo) process.stderr.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
  let hasExited = false;
  exited.then(() => { hasExited = true; });

  const browsers = new Set();
  let stopping;
  const server = {
    port,
    origin,
    tmpDir,
    userDataDir,
    extensionsDir: extDir,
    logFile,
    exited,
    /** The last few KB of code-server's output. */
    logTail: () => tail,
    /** A local absolute path as a URI the workbench resolves on this server. */
    remoteUri: (path) => `vscode-remote://127.0.0.1:${port}${encodeURI(path)}`,
    workbenchUrl({ folder, payload, query = {} } = {}) {
      const params = new URLSearchParams();
      if (folder) params.set('folder', folder);
      const pairs = toPayload(server, payload);
      if (pairs) params.set('payload', JSON.stringify(pairs));
      for (const [key, value] of Object.entries(query)) params.set(key, value);
      const search = params.toString();
      return `${origin}/${search ? `?${search}` : ''}`;
    },
    openWorkbench: (options) => openWorkbench(server, manifest, browsers, options),
    /** Synchronous kill for process exit handlers. */
    killNow() {
      live.delete(server);
      if (child.pid) killGroup(child.pid, 'SIGKILL');
      rmSync(tmpDir, { recursive: true, force: true });
    },
    /** True once stop() was called (so an exit of code-server is expected). */
    get stopRequested() {
      return stopping !== undefined;
    },
    stop() {
      stopping ??= (async () => {
        await Promise.allSettled([...browsers].map((b) => withTimeout(b.close(), 5000)));
        if (child.pid && groupAlive(child.pid)) {
          killGroup(child.pid, 'SIGTERM');
          const deadline = Date.now() + 3000;
          while (groupAlive(child.pid) && Date.now() < deadline) await delay(50);
          killGroup(child.pid, 'SIGKILL');
        }
        await new Promise((r) => log.end(r));
        live.delete(server);
        rmSync(tmpDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
  live.add(server);

  // Ready when /healthz answers 200 (about half a second).
  const deadline = Date.now() + startTimeout;
  for (;;) {
    if (hasExited) {
      await server.stop();
      throw new Error(`code-server exited before it was ready:\n${tail}`);
    }
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer ${origin}/healthz within ${startTimeout / 1000} s:\n${tail}`);
    }
    await delay(100);
  }
  return server;
}

function toPayload(server, payload) {
  if (!payload) return undefined;
  if (Array.isArray(payload)) return payload;
  const pairs = [];
  for (const [key, value] of Object.entries(payload)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      let text = typeof item === 'string' ? item : JSON.stringify(item);
      if (PATH_KEYS.has(key) && isAbsolute(text)) text = server.remoteUri(text);
      pairs.push([key, text]);
    }
  }
  return pairs;
}

async function openWorkbench(server, manifest, browsers, {
  folder,
  payload,
  query,
  viewport = { width: 1600, height: 1000 },
  onLog,
  onConsole,
  waitForWorkbench = true,
  timeout = 60_000,
} = {}) {
  const executablePath = findChromium(manifest);
  if (!executablePath || !existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath ?? '(none)'}: run \`npm run vscode:install\` or set CHROME_PATH`);
  }
  const { chromium } = loadPlaywright(manifest);
  const profile = mkdtempSync(join(server.tmpDir, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    deviceScaleFactor: 1,
    handleSIGINT: false, // our own handlers stop everything in order
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: sandboxEnv(profile),
    timeout,
  });
  browsers.add(context);
  context.on('close', () => browsers.delete(context));

  let resolveExit;
  const exit = new Promise((r) => { resolveExit = r; });
  // The workbench calls these (with the smoke-test driver): the extension host's console, and the
  // end of a test run with its code. Exposed before navigating so the first messages are not lost.
  await context.exposeFunction('codeAutomationLog', (level, message) => {
    if (onLog) onLog(level, message);
  });
  await context.exposeFunction('codeAutomationExit', (code, logs) => resolveExit({ code, logs }));

  const page = context.pages()[0] ?? (await context.newPage());
  if (onConsole) page.on('console', (msg) => onConsole(msg));
  const url = server.workbenchUrl({ folder, payload, query });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  if (waitForWorkbench) await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout });
  return { page, context, url, exit, close: () => context.close() };
}

function delay(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((r) => { timer = setTimeout(r, ms); })]).finally(() => clearTimeout(timer));
}
