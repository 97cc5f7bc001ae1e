// What a user does in the workbench, shared by the UI tests and the screenshot script. Every wait is on
// something the page shows, never a pause.

export const TIMEOUT = 60_000;

/** Quick Open (Ctrl+P) on a path relative to the folder; waits for its tab, and for `language` if given. */
export async function openFile(page, path, { language, timeout = TIMEOUT } = {}) {
  const name = path.split('/').pop();
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(path);
    try {
      // File search starts once the search service is ready: retry the whole gesture if it was too early.
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[data-resource-name="${name}"]`).waitFor({ state: 'visible', timeout });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout });
  if (language) {
    await page.waitForFunction((expected) => document.querySelector('[id="status.editor.mode"]')?.textContent?.trim() === expected, language, { timeout });
  }
}

/** Runs a command from the palette (F1) by its title. */
export async function runCommand(page, title, { timeout = TIMEOUT } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Enter');
}

/** The content frame of the webview panel on screen. */
export function webview(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}
