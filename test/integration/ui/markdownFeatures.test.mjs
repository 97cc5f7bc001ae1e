// What VS Code's own Markdown support gives a `.reply.md`, checked one by one in the real workbench as a user
// meets it (README: "Markdown features on a draft"). Screenshots land in docs/images with UPDATE_SCREENSHOTS=1.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../runner/codeServer.mjs';
import { openFile } from '../runner/actions.mjs';
import { openDraft, openWorkbench, runCommand, TIMEOUT, webview } from './workbench.mjs';

const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'images') : join(REPO_ROOT, 'out', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** The computed text colour of the first editor token holding `text` (a token: keep `text` within one). */
function tokenColour(page, text) {
  return page.evaluate((wanted) => {
    // Monaco writes spaces as no-break spaces.
    const span = [...document.querySelectorAll('.editor-instance .view-line span span')].find((candidate) => candidate.textContent.replace(/\u00a0/g, ' ').includes(wanted));
    return span ? getComputedStyle(span).color : null;
  }, text);
}

describe('Markdown features on a Debate Markdown draft, in VS Code (Dark Modern)', () => {
  let session;
  before(async () => {
    session = await openWorkbench({ theme: 'Dark Modern' });
    writeFileSync(join(session.workspace, 'notes.md'), '# Notes\n\nPlain text here.\n\n> depth one here\n>> depth two here\n\nOn Mon, 15 Jun 2020, Priya Raman <priya@example.org> wrote:\n> **Tom Becker:** Thursday is too late.\n');
  });
  after(async () => session?.close());

  it('Ctrl+Shift+V opens VS Code’s Markdown preview, with a chip and a colour per speaker, and it follows typing', async () => {
    const { page } = session;
    await openDraft(page, 'mailing-list.reply.md');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+V');
    const preview = webview(page);
    await preview.locator('.riposte-chip', { hasText: 'Priya Raman' }).waitFor({ timeout: TIMEOUT });
    assert.deepEqual(await preview.locator('.riposte-chip').allInnerTexts(), ['Tom Becker', 'Priya Raman', 'Tom Becker', 'Tom Becker']);
    const bars = await preview.locator('blockquote.riposte-quote').evaluateAll((quotes) => quotes.map((quote) => getComputedStyle(quote).borderLeftColor));
    assert.notEqual(bars[0], bars[1], 'Tom’s and Priya’s quotes have different colours');
    assert.equal(bars[0], bars[2], 'Tom’s quotes share one colour');
    await page.screenshot({ path: join(SHOTS, 'markdown-preview.png') });
    // The preview reads the open document: typing in the draft shows there without saving.
    await page.locator('.tabs-container .tab[data-resource-name="mailing-list.reply.md"]').click();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    const lines = page.locator('.editor-instance .view-line');
    const before = await lines.count();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nTyped while the preview is open.');
    await page.locator('.tabs-container .tab', { hasText: 'Preview mailing-list.reply.md' }).click();
    await webview(page).getByText('Typed while the preview is open.').waitFor({ timeout: TIMEOUT });
    // Undone again (the workbench may have saved it already), for the screenshots that follow.
    await page.locator('.tabs-container .tab[data-resource-name="mailing-list.reply.md"]').click();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    const typed = page.locator('.editor-instance .view-line', { hasText: 'Typed' });
    for (let undo = 0; undo < 60 && ((await typed.count()) > 0 || (await lines.count()) > before); undo++) await page.keyboard.press('Control+Z');
    assert.equal(await typed.count(), 0);
    await page.keyboard.press('Control+S');
  });

  it('the Outline shows the thread: Tom Becker → his passages → the replies', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await openDraft(page, 'mailing-list.reply.md');
    await runCommand(page, 'Explorer: Focus on Outline View');
    // Room for the Outline: fold the file list away.
    await page.locator('.pane-header[aria-label^="Explorer Section"]').first().click();
    const rows = page.locator('.outline-pane .monaco-list-row');
    await rows.filter({ hasText: 'Tom Becker' }).first().waitFor({ timeout: TIMEOUT });
    const outline = await page.locator('.outline-pane').innerText();
    assert.match(outline, /Tom Becker\s*3 passages/);
    assert.match(outline, /Thursday is too late/);
    await page.screenshot({ path: join(SHOTS, 'outline.png') });
  });

  it('a plain .md file gets the quote colours per depth and the attribution scopes (injection grammar)', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'notes.md', { language: 'Markdown' });
    await page.locator('.view-line', { hasText: 'depth two here' }).waitFor({ timeout: TIMEOUT });
    const [plain, one, two] = [await tokenColour(page, 'Plain'), await tokenColour(page, 'depth one'), await tokenColour(page, 'depth two')];
    assert.ok(plain && one && two, JSON.stringify({ plain, one, two }));
    assert.notEqual(one, two, 'depth 1 and depth 2 differ');
    assert.notEqual(one, plain);
    assert.notEqual(await tokenColour(page, 'Tom Becker'), plain, 'the speaker name stands out');
    await page.screenshot({ path: join(SHOTS, 'markdown-injection.png') });
  });
});
