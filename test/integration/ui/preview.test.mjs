// The reply-tree preview in a real VS Code: what a user sees and clicks, with screenshots for the README.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../runner/codeServer.mjs';
import { openDraft, openWorkbench, runCommand, statusSelection, TIMEOUT, webview } from './workbench.mjs';

// Screenshots land in docs/images with UPDATE_SCREENSHOTS=1 (to refresh the README), else in out/.
const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'images') : join(REPO_ROOT, 'out', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** The webview's own document as VS Code shows it: the content frame inside the panel's frame. */
async function previewDocument(page) {
  const outer = await (await page.locator('iframe.webview.ready').first().elementHandle()).contentFrame();
  const inner = outer.locator('iframe#active-frame');
  await inner.waitFor({ state: 'attached', timeout: TIMEOUT });
  const frame = await (await inner.elementHandle()).contentFrame();
  await frame.waitForSelector('[role="treeitem"]', { state: 'attached', timeout: TIMEOUT });
  return frame;
}

/** The CSP of that document, the scripts it holds, and whether an inline script added to it ran. */
async function contentSecurity(page) {
  const frame = await previewDocument(page);
  return frame.evaluate(() => ({
    policies: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((meta) => meta.getAttribute('content')),
    scripts: [...document.scripts].map((script) => ({ src: script.getAttribute('src'), nonce: script.nonce })),
    injected: (() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline"';
      document.body.append(script);
      return window.__pwned;
    })(),
  }));
}

/** Closes every editor (reverting the draft first, so nothing asks to save), opens the draft and a new preview. */
async function openPreviewAfresh(page) {
  if (await page.locator('.editor-instance').count()) {
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await runCommand(page, 'File: Revert File');
    await runCommand(page, 'View: Close All Editors');
    await page.locator('iframe.webview.ready').waitFor({ state: 'detached', timeout: TIMEOUT });
  }
  await openDraft(page, 'interpretability-reply.reply.md');
  await runCommand(page, 'Riposte: Open Reply Tree to the Side');
  return contentSecurity(page);
}

describe('reply tree preview in VS Code (Dark Modern)', () => {
  let session;
  before(async () => {
    session = await openWorkbench({ theme: 'Dark Modern' });
  });
  after(async () => session?.close());

  it('shows the real draft’s 22 paragraphs with badges for its findings', async () => {
    const { page } = session;
    await openDraft(page, 'interpretability-reply.reply.md');
    await runCommand(page, 'Riposte: Open Reply Tree to the Side');
    const frame = webview(page);
    const items = frame.locator('[role="treeitem"]');
    await items.nth(21).waitFor({ state: 'attached', timeout: TIMEOUT });
    assert.equal(await items.count(), 22);
    assert.match(await items.first().innerText(), /Strong disagree/);
    const summary = await frame.locator('.summary').innerText();
    assert.match(summary, /22\s+replies/);
    assert.match(await items.nth(12).innerText(), /duplicate/, 'the repeated copy carries a duplicate badge');
    assert.match(await items.nth(7).innerText(), /unmarked quote/);
    await page.screenshot({ path: join(SHOTS, 'preview-vscode-dark.png') });
  });

  it('clicking a node selects its lines in the editor', async () => {
    const { page } = session;
    const frame = webview(page);
    await frame.locator('[role="treeitem"][data-line="7"] .row, [role="treeitem"][data-line="7"]').first().click();
    await page.waitForFunction(() => /Ln 8, Col/.test(document.querySelector('[id="status.editor.selection"]')?.textContent ?? ''), undefined, { timeout: TIMEOUT });
    assert.match(await statusSelection(page), /Ln 8, Col \d+ \(\d+ selected\)/);
  });

  it('moving the cursor in the editor highlights the node that holds it', async () => {
    const { page } = session;
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill(':12');
    await page.keyboard.press('Enter');
    await webview(page).locator('[role="treeitem"][data-line="11"].revealed').waitFor({ state: 'attached', timeout: TIMEOUT });
  });

  it('follows typing: a new paragraph appears in the tree', async () => {
    const { page } = session;
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('A closing paragraph typed just now.');
    const items = webview(page).locator('[role="treeitem"]');
    await webview(page).locator('[role="treeitem"]', { hasText: 'A closing paragraph typed just now.' }).waitFor({ state: 'attached', timeout: TIMEOUT });
    assert.ok((await items.count()) >= 23);
  });

  it('runs under a strict CSP with a fresh nonce for every document the panel loads', async () => {
    const { page } = session;
    const first = await openPreviewAfresh(page);
    assert.equal(first.policies.length, 1, JSON.stringify(first.policies));
    const directives = Object.fromEntries(first.policies[0].split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)]));
    assert.deepEqual(Object.keys(directives).sort(), ['base-uri', 'default-src', 'form-action', 'img-src', 'script-src', 'style-src']);
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['base-uri'], ["'none'"]);
    assert.deepEqual(directives['form-action'], ["'none'"]);
    const ours = first.scripts.filter((script) => /\/media\/preview\.js$/.test(script.src ?? ''));
    assert.equal(ours.length, 1, JSON.stringify(first.scripts));
    assert.match(ours[0].nonce, /^[A-Za-z0-9+/]{22}==$/, '16 random bytes');
    assert.deepEqual(directives['script-src'], [`'nonce-${ours[0].nonce}'`], 'only the nonce: no unsafe-inline, unsafe-eval or host');
    assert.ok(!directives['style-src'].some((source) => /unsafe/.test(source)), directives['style-src'].join(' '));
    assert.equal(first.injected, undefined, 'an inline script added to the page does not run');

    // A new document (the panel closed and opened again) gets a new nonce, and the same policy otherwise.
    const second = await openPreviewAfresh(page);
    const nonce = second.scripts.find((script) => /\/media\/preview\.js$/.test(script.src ?? ''))?.nonce;
    assert.notEqual(nonce, ours[0].nonce);
    assert.equal(second.policies[0], first.policies[0].replace(ours[0].nonce, nonce));
    assert.equal(second.injected, undefined);
  });
});

describe('reply tree preview in VS Code (Light Modern)', () => {
  let session;
  before(async () => {
    session = await openWorkbench({ theme: 'Light Modern' });
  });
  after(async () => session?.close());

  it('shows who said what in a mail thread, nested as it nests', async () => {
    const { page } = session;
    await openDraft(page, 'mailing-list.reply.md');
    await runCommand(page, 'Riposte: Open Reply Tree to the Side');
    const frame = webview(page);
    await frame.locator('.legend', { hasText: 'Tom Becker' }).waitFor({ state: 'attached', timeout: TIMEOUT });
    assert.match(await frame.locator('.legend').innerText(), /Priya Raman/);
    const nested = frame.locator('[role="treeitem"][aria-level="2"]', { hasText: 'The release branch should be cut on Thursday' });
    await nested.waitFor({ state: 'attached', timeout: TIMEOUT });
    assert.match(await frame.locator('[role="treeitem"]', { hasText: 'And what about the documentation freeze?' }).first().innerText(), /unanswered/);
    await page.screenshot({ path: join(SHOTS, 'preview-vscode-light.png') });
  });
});

/** The editor's lines on screen as the user sees them, top to bottom (Monaco places them absolutely and draws non-breaking spaces). */
function viewLineTexts() {
  return [...document.querySelectorAll('.editor-instance .view-lines .view-line')]
    .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
    .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '));
}

/**
 * Waits until the workbench has read Debate Markdown's language configuration, which it fetches after
 * the mode is set (over the connection, in code-server): Enter pressed before then has no quote rules.
 * The sign is an auto-closing pair from the same file: "(" typed on the empty last line becomes "()".
 * The probe is deleted again (Backspace between an auto-closed pair deletes both).
 */
async function waitForLanguageConfiguration(page) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.type('(');
    try {
      await page.waitForFunction(`(${viewLineTexts})().includes('()')`, undefined, { timeout: 2_000 });
      break;
    } catch (error) {
      if (attempt >= 15) throw error;
      await page.keyboard.press('Backspace');
    }
  }
  await page.keyboard.press('Backspace');
  await page.waitForFunction(`!(${viewLineTexts})().some((text) => text === '()' || text === '(')`, undefined, { timeout: TIMEOUT });
}

/**
 * Resolves after two idle periods of the page, once the editor's background work queued before has run.
 * VS Code applies onEnterRules only to lines its tokenizer has reached (otherwise Enter keeps the
 * indentation alone). A person's keystrokes leave it time to; Playwright's arrive back to back, and on a
 * busy machine one of them came before the tokenizer did. This session tokenizes on the page's main thread
 * (in idle time), so waiting for idle periods is waiting for the tokenizer; by default it runs in a worker,
 * which nothing on the page can wait for.
 */
function editorIdle(page) {
  return page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve()))));
}

describe('typing in Debate Markdown (real keystrokes)', () => {
  let session;
  before(async () => {
    session = await openWorkbench({ theme: 'Dark Modern', settings: { 'editor.experimental.asyncTokenization': false } });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await session?.page.screenshot({ path: join(SHOTS, 'failed-typing.png') });
  });
  after(async () => session?.close());

  it('Enter continues a quote and Enter on an empty quoted line ends it', async () => {
    const { page } = session;
    await openDraft(page, 'mailing-list.reply.md');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await waitForLanguageConfiguration(page);
    await page.keyboard.type('> quoted');
    await editorIdle(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('more');
    await editorIdle(page);
    await page.keyboard.press('Enter');
    await editorIdle(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('mine');
    const editorText = () => page.evaluate(`(${viewLineTexts})().join('\\n')`);
    // The editor's last lines, as the user sees them.
    await page.waitForFunction(`(${viewLineTexts})().includes('mine')`, undefined, { timeout: TIMEOUT }).catch(async (error) => {
      assert.fail(`"mine" never stood on a line of its own; the editor shows:\n${await editorText()}\n(${error.message})`);
    });
    const text = await editorText();
    // The empty "> " line stays, as the blank line that ends the quote's paragraph: "mine" is outside it.
    assert.match(text, /\n> quoted\n> more\n> \nmine$/);
  });
});
