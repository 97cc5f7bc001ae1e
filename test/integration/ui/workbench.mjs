// Drives the real VS Code workbench (code-server) as a user would: Quick Open, the command palette,
// the status bar, and the webview frames of a panel. Every wait is on something the page shows.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startCodeServer } from '../runner/codeServer.mjs';
import { ensureInstalled } from '../runner/install.mjs';

const TIMEOUT = 60_000;

/** A code-server with Riposte installed (linked) on a fresh copy of examples/, in the given colour theme. */
export async function openWorkbench({ theme = 'Dark Modern' } = {}) {
  const manifest = await ensureInstalled();
  const workspace = mkdtempSync(join(tmpdir(), 'riposte-ui-'));
  cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer({
    manifest,
    settings: { 'workbench.colorTheme': theme, 'editor.cursorBlinking': 'solid', 'workbench.editor.enablePreview': false },
    linkExtensions: [REPO_ROOT],
    smokeTestDriver: false,
  });
  const { page } = await server.openWorkbench({ folder: workspace, viewport: { width: 1600, height: 1000 }, timeout: TIMEOUT });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: TIMEOUT });
  return {
    page,
    workspace,
    async close() {
      await server.stop();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}

export async function openFile(page, name, language = 'Debate Markdown') {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill(name);
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[data-resource-name="${name}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.waitForFunction((expected) => document.querySelector('[id="status.editor.mode"]')?.textContent?.trim() === expected, language, { timeout: TIMEOUT });
}

export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.keyboard.press('Enter');
}

/** The content frame of the (only) webview panel on screen. */
export function webview(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

export async function statusSelection(page) {
  return (await page.locator('[id="status.editor.selection"]').innerText()).trim();
}

export { TIMEOUT };
