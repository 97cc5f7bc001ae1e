#!/usr/bin/env node
// Screenshot of a file open in a real VS Code (code-server) with Riposte loaded as a development extension.
//
//   node test/integration/runner/screenshot.mjs --file examples/interpretability-reply.reply.md \
//        --out docs/images/editor.png [--theme "Dark Modern"] [--language "Riposte Reply"] [--wait-problems]
//        [--folder DIR] [--width 1600] [--height 1000] [--timeout 90]
//
// --file      the file to open (opened through Quick Open); the workspace folder is --folder, by default the
//             file's own folder
// --theme     a colour theme name as VS Code 1.139 spells it ("Dark Modern", "Light Modern", "Dark 2026", ...)
// --language  wait until the status bar's language item shows exactly this (i.e. the extension's language
//             is registered); without it, any language name will do
// --wait-problems  wait until the status bar's problems counter is non-zero (the extension's diagnostics)
// --show-problems  also open the Problems panel and wait for its rows
// Assumes `npm run build` ran. Never sleeps a fixed time: every wait is on something visible.

import { mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, startCodeServer } from './codeServer.mjs';
import { openFile } from './actions.mjs';
import { CACHE_ROOT, ensureInstalled } from './install.mjs';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    out: { type: 'string' },
    folder: { type: 'string' },
    theme: { type: 'string' },
    language: { type: 'string' },
    'wait-problems': { type: 'boolean', default: false },
    'show-problems': { type: 'boolean', default: false },
    width: { type: 'string', default: '1600' },
    height: { type: 'string', default: '1000' },
    timeout: { type: 'string', default: '90' },
    verbose: { type: 'boolean', default: false },
  },
});
if (!values.file || !values.out) {
  console.error('usage: screenshot.mjs --file FILE --out PNG [--theme NAME] [--language NAME] [--wait-problems] [--show-problems] [--folder DIR]');
  process.exit(2);
}

const file = resolve(values.file);
const folder = resolve(values.folder ?? dirname(file));
const out = resolve(values.out);
const timeout = Number(values.timeout) * 1000;
const relativePath = relative(folder, file);
if (relativePath.startsWith('..')) {
  console.error(`[screenshot] ${file} is not inside the folder ${folder}`);
  process.exit(2);
}
const say = (message) => console.log(`[screenshot] ${message}`);

let server;
let page;
let exitCode = 0;
try {
  const manifest = await ensureInstalled();
  server = await startCodeServer({
    manifest,
    echo: values.verbose,
    settings: {
      ...(values.theme ? { 'workbench.colorTheme': values.theme } : {}),
      'editor.cursorBlinking': 'solid', // the same picture every time
      'editor.occurrencesHighlight': 'off',
      'editor.selectionHighlight': false,
    },
    // Loaded as an installed extension, so the title bar does not say "[Extension Development Host]".
    linkExtensions: [REPO_ROOT],
    smokeTestDriver: false,
  });
  ({ page } = await server.openWorkbench({
    folder,
    viewport: { width: Number(values.width), height: Number(values.height) },
    timeout,
  }));
  say(`workbench open on ${folder}`);
  // The explorer lists the folder once the remote file system is up.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });

  await openFile(page, relativePath, { language: values.language, timeout });
  say(`opened ${relativePath}`);

  // The language the extension host assigned to the editor.
  const mode = page.locator('[id="status.editor.mode"]');
  await mode.waitFor({ state: 'visible', timeout });
  say(`language: ${(await mode.innerText()).trim()}`);

  if (values['wait-problems']) {
    // The counter reads like "⊗ 2 ⚠ 1 ⓘ 0": wait for a non-zero number.
    await page.waitForFunction(
      () => /[1-9]/.test(document.querySelector('[id="status.problems"]')?.textContent ?? ''),
      undefined,
      { timeout },
    );
    say(`problems: ${(await page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? ''}`);
  }

  if (values['show-problems']) {
    // The Problems panel lists every finding with its rule: what a user sees after opening a draft.
    await page.locator('[id="status.problems"]').click();
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'visible', timeout });
    say(`problems panel: ${await page.locator('.markers-panel .monaco-list-row').count()} rows`);
  }

  // Let the window settle: no spinner in the status bar ("Activating Extensions..."), no progress bar, fonts loaded.
  await page.waitForFunction(() => !document.querySelector('.part.statusbar .codicon-modifier-spin'), undefined, { timeout });
  await page.locator('.monaco-progress-container.active').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready);

  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  say(`wrote ${out}`);
} catch (error) {
  exitCode = 1;
  console.error(`[screenshot] failed: ${error.message}`);
  if (page) {
    const shot = resolve(CACHE_ROOT, `failure-screenshot-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
    await page.screenshot({ path: shot }).then(() => console.error(`[screenshot] what the page showed: ${shot}`), () => {});
  }
  if (server && values.verbose) console.error(server.logTail());
} finally {
  if (server) await server.stop();
}
process.exit(exitCode);
