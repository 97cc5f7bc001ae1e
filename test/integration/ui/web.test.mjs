// The browser entry (dist/web/extension.js) in a real web worker extension host: code-server's workbench runs
// extensions that have no Node entry in a web worker inside the page, as vscode.dev does. The packaged .vsix
// is unpacked and its manifest loses "main", so only the browser bundle can run; the test then does what a
// vscode.dev user does: opens a draft, sees its findings, opens its reply tree.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT, startCodeServer } from '../runner/codeServer.mjs';
import { openFile, runCommand, TIMEOUT, webview } from '../runner/actions.mjs';
import { ensureInstalled } from '../runner/install.mjs';
import { packageVsix, zipEntries } from './vsix.mjs';

describe('the web extension (browser entry) in a web worker extension host', () => {
  let root;
  let server;
  let page;
  const workerLog = [];
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'riposte-web-test-'));
    const vsix = join(root, 'riposte.vsix');
    packageVsix(vsix);
    const extension = join(root, 'riposte-web');
    for (const entry of zipEntries(vsix)) {
      if (!entry.name.startsWith('extension/') || entry.name.endsWith('/')) continue;
      const target = join(extension, entry.name.slice('extension/'.length));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry.read());
    }
    const manifestFile = join(extension, 'package.json');
    const { main, ...webOnly } = JSON.parse(readFileSync(manifestFile, 'utf8'));
    assert.equal(main, './dist/extension.js');
    writeFileSync(manifestFile, JSON.stringify(webOnly, null, 2));
    const workspace = join(root, 'workspace');
    cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
    // A folder whose .riposte.json makes the doubled words an error: only a .riposte.json read in the web worker can.
    mkdirSync(join(workspace, 'configured'));
    cpSync(join(REPO_ROOT, 'examples', 'interpretability-reply.reply.md'), join(workspace, 'configured', 'strict.reply.md'));
    writeFileSync(join(workspace, 'configured', '.riposte.json'), '{ "rules": { "repeated-words": "error" } }\n');
    server = await startCodeServer({ manifest: await ensureInstalled(), linkExtensions: [extension], smokeTestDriver: false, settings: { 'workbench.editor.enablePreview': false } });
    ({ page } = await server.openWorkbench({ folder: workspace, timeout: TIMEOUT, onConsole: (message) => workerLog.push(message.text()) }));
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: TIMEOUT });
  });
  after(async () => {
    await server?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('runs in the web worker host and checks the real draft: its four warnings', async () => {
    await openFile(page, 'interpretability-reply.reply.md', { language: 'Debate Markdown' });
    await page.waitForFunction(() => /Warnings: 4/.test(document.querySelector('[id="status.problems"]')?.getAttribute('aria-label') ?? ''), undefined, { timeout: TIMEOUT });
    assert.ok(workerLog.some((line) => /web worker extension host is started/i.test(line)), 'the workbench started its web worker extension host');
  });

  it('shows the reply tree from the web worker', async () => {
    await runCommand(page, 'Riposte: Open Reply Tree to the Side');
    const items = webview(page).locator('[role="treeitem"]');
    await items.nth(21).waitFor({ state: 'attached', timeout: TIMEOUT });
    assert.equal(await items.count(), 22);
    mkdirSync(join(REPO_ROOT, 'out', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, 'out', 'screenshots', 'web-worker.png') });
  });

  it('copies the draft for a forum from the web worker, through the browser’s clipboard', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await openFile(page, 'mailing-list.reply.md', { language: 'Debate Markdown' });
    await runCommand(page, 'Riposte: Copy for Forum');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Discourse' }).first().waitFor({ timeout: TIMEOUT });
    await page.locator('.quick-input-widget input').fill('Discourse');
    await page.keyboard.press('Enter');
    await page.locator('.statusbar', { hasText: 'Riposte: copied the draft for Discourse: 4 quotes.' }).waitFor({ timeout: TIMEOUT });
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^\[quote="Tom Becker"\]\n\[quote="Priya Raman"\]\nThe release branch/);
  });

  it('reads the draft’s .riposte.json through the workspace file system and lints the draft again with it', async () => {
    await openFile(page, 'configured/strict.reply.md', { language: 'Debate Markdown' });
    // The first lint cannot wait for the file (settings only: warnings); the one after it reads it: an error.
    await page.waitForFunction(() => /Errors: 1\b/.test(document.querySelector('[id="status.problems"]')?.getAttribute('aria-label') ?? ''), undefined, { timeout: TIMEOUT });
  });
});
