#!/usr/bin/env node
// Installs what the Neovim test needs (npm run neovim:install): Debian's `neovim` package, with apt-get
// when run as root (as CI is), once; later runs find it on PATH and only print its version. Not root
// and no nvim: says exactly what to install and fails, since the test must run, not be skipped.
// Neovim 0.7 (Debian 12's) is the oldest the test drives: vim.lsp.start_client, vim.diagnostic, vim.ui.select.
//
//   node test/lsp/neovim/install.mjs
//   import { ensureNeovim } from './install.mjs';   → { path, version }

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MINIMUM = [0, 7];
const say = (message) => console.log(`[neovim:install] ${message}`);

function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** `NVIM v0.7.2` → [0, 7, 2], or undefined when nvim does not run. */
export function neovimVersion(path) {
  const run = spawnSync(path, ['--version'], { encoding: 'utf8' });
  const match = run.status === 0 ? /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(run.stdout) : null;
  return match ? match.slice(1, 4).map(Number) : undefined;
}

function run(label, command, args) {
  say(`${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const child = spawn(command, args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => reject(new Error(`${label}: cannot start ${command}: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) {
        say(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolvePromise();
      } else reject(new Error(`${label} failed (exit ${code}). Last lines:\n${output.split('\n').slice(-30).join('\n')}`));
    });
  });
}

export async function ensureNeovim() {
  let path = which('nvim');
  if (!path) {
    if (process.getuid?.() === 0 && which('apt-get')) {
      await run('apt-get update', 'apt-get', ['update', '-q']);
      await run('apt-get install neovim', 'apt-get', ['install', '-y', '-q', 'neovim']);
      path = which('nvim');
    }
    if (!path) throw new Error('Neovim is needed for the language server test: `sudo apt-get install -y neovim` (Debian/Ubuntu), or put an nvim of 0.7 or later on PATH.');
  }
  const version = neovimVersion(path);
  if (!version) throw new Error(`${path} does not run (nvim --version failed)`);
  if (version[0] < MINIMUM[0] || (version[0] === MINIMUM[0] && version[1] < MINIMUM[1])) {
    throw new Error(`${path} is Neovim ${version.join('.')}; the test needs ${MINIMUM.join('.')} or later.`);
  }
  return { path, version: version.join('.') };
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  ensureNeovim().then(
    ({ path, version }) => say(`Neovim ${version} at ${path}`),
    (error) => {
      console.error(`[neovim:install] ${error.message}`);
      process.exit(1);
    },
  );
}
