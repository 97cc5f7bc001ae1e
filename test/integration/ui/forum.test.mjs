// "Copy for Forum" as a user runs it: the command palette, the quick pick of targets, the status bar's word,
// the system clipboard, and the workspace remembering the choice for next time.
import * as assert from 'node:assert/strict';
import { openDraft, openWorkbench, runCommand, TIMEOUT } from './workbench.mjs';

describe('Copy for Forum in the workbench', () => {
  let workbench;
  let page;
  const rows = () => page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  before(async () => {
    workbench = await openWorkbench();
    page = workbench.page;
    // The workbench copies with the browser's clipboard: let the page use it, as a user's browser does.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await openDraft(page, 'mailing-list.reply.md');
  });
  after(async () => {
    await workbench?.close();
  });

  it('asks where the draft goes, copies it in that style and says so in the status bar', async () => {
    await runCommand(page, 'Riposte: Copy for Forum');
    await rows().filter({ hasText: 'Plain-text mail' }).waitFor({ timeout: TIMEOUT });
    // Each row: the target, then what its quotes look like.
    const offered = (await rows().allInnerTexts()).map((text) => text.split('\n').map((part) => part.trim()).filter(Boolean));
    assert.deepEqual(offered.map((row) => row[0]), ['Discourse', 'GitHub', 'Plain-text mail', 'BBCode forum']);
    assert.deepEqual(offered[0].slice(1), ['[quote="name, post:N, topic:M"] … [/quote]']);
    await page.locator('.quick-input-widget input').fill('GitHub');
    await rows().first().filter({ hasText: 'GitHub' }).waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.statusbar', { hasText: 'Riposte: copied the draft for GitHub: 4 quotes.' }).waitFor({ timeout: TIMEOUT });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^Tom Becker wrote:\n> Priya Raman wrote:\n> > The release branch should be cut on Thursday, after the last\n/);
    assert.match(copied, /\n\nTom Becker wrote:\n> And what about the documentation freeze\?\n$/);
  });

  it('offers the workspace’s last choice first next time', async () => {
    await runCommand(page, 'Riposte: Copy for Forum');
    await rows().first().filter({ hasText: 'GitHub' }).waitFor({ timeout: TIMEOUT });
    assert.match(await rows().first().innerText(), /^GitHub\s*last used\n/);
    await page.keyboard.press('Escape');
  });
});
