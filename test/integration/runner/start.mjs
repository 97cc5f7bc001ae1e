#!/usr/bin/env node
// `npm run start:vscode`: a real VS Code (code-server) in your browser with Riposte loaded as a development
// extension ("Extension Development Host") on the folder examples/. Prints the URL and runs until Ctrl-C.
// Uses the built extension in dist/ (run `npm run build`, or `npm run watch` alongside, then
// "Developer: Reload Window" to pick up changes). Installs code-server first when it is not cached.
//
//   node test/integration/runner/start.mjs [--folder DIR] [--theme "Dark Modern"] [--port N] [--verbose]
//   node test/integration/runner/start.mjs --desktop      runs `code --extensionDevelopmentPath=<repo> <folder>`
//                                                         instead (when a desktop `code` is on PATH)

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, startCodeServer } from './codeServer.mjs';
import { ensureInstalled } from './install.mjs';

const { values } = parseArgs({
  options: {
    folder: { type: 'string', default: join(REPO_ROOT, 'examples') },
    theme: { type: 'string' },
    port: { type: 'string' },
    desktop: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const folder = resolve(values.folder);
const desktopCode = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'code')).find((file) => existsSync(file));

if (!existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) {
  console.warn(`[start] ${join(REPO_ROOT, 'dist', 'extension.js')} is missing: run \`npm run build\` first, or the extension will fail to load`);
}

if (values.desktop) {
  if (!desktopCode) {
    console.error('[start] --desktop needs a desktop VS Code `code` command on PATH');
    process.exit(1);
  }
  const child = spawn(desktopCode, [`--extensionDevelopmentPath=${REPO_ROOT}`, folder], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  try {
    const manifest = await ensureInstalled();
    const server = await startCodeServer({
      manifest,
      echo: values.verbose,
      port: values.port ? Number(values.port) : undefined,
      settings: values.theme ? { 'workbench.colorTheme': values.theme } : {},
    });
    // The payload (honoured thanks to the smoke-test driver option startCodeServer passes) loads the repo as
    // a development extension; the URL works in any browser on this machine while this process runs.
    const url = server.workbenchUrl({ folder, payload: { extensionDevelopmentPath: REPO_ROOT } });
    console.log(`[start] VS Code ${manifest.vscodeVersion} (code-server ${manifest.codeServerVersion}) with Riposte from ${REPO_ROOT}`);
    console.log(`[start] open this URL in a browser (Ctrl-C to stop):\n\n  ${url}\n`);
    if (desktopCode) console.log('[start] tip: --desktop runs your desktop VS Code instead');
    process.exitCode = 0; // Ctrl-C is the normal way to stop: exit 0 after cleaning up
    const { code, signal } = await server.exited;
    if (!server.stopRequested) { // else Ctrl-C: the signal handler cleans up and exits
      console.error(`[start] code-server exited (${signal ?? `code ${code}`}):\n${server.logTail()}`);
      await server.stop();
      process.exit(1);
    }
  } catch (error) {
    console.error(`[start] ${error.message}`);
    process.exit(1);
  }
}
