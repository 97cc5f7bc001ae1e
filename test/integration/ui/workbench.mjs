// Drives the real VS Code workbench (code-server) as a user would: Quick Open, the command palette,
// the status bar, and the webview frames of a panel. Every wait is on something the page shows.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startCodeServer } from '../runner/codeServer.mjs';
import { openFile, runCommand, TIMEOUT, webview } from '../runner/actions.mjs';
import { ensureInstalled } from '../runner/install.mjs';

/** A code-server with Riposte installed (linked) on a fresh copy of examples/, in the given colour theme and user settings. */
export async function openWorkbench({ theme = 'Dark Modern', settings = {} } = {}) {
  const manifest = await ensureInstalled();
  const workspace = mkdtempSync(join(tmpdir(), 'riposte-ui-'));
  cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer({
    manifest,
    settings: { 'workbench.colorTheme': theme, 'editor.cursorBlinking': 'solid', 'workbench.editor.enablePreview': false, ...settings },
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

/** Opens a draft from the workspace and waits until the Debate Markdown mode holds it. */
export function openDraft(page, name) {
  return openFile(page, name, { language: 'Debate Markdown' });
}

export async function statusSelection(page) {
  return (await page.locator('[id="status.editor.selection"]').innerText()).trim();
}

export { runCommand, TIMEOUT, webview };
