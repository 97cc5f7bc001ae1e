// The preview metric: the real webview bundle (media/preview.js + media/preview.css) in headless Chromium,
// inside the document src/core/preview/html.ts builds for VS Code, fed the view models the host would send.
// Edit → painted = DraftSession.update + buildViewModel (Node) + JSON serialisation + transfer + parse in the
// page + postMessage + the render handler + two animation frames.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildViewModel, diffViewModels, DraftSession, SentModel, sentModelOf, TextChange } from '../src/core';
import { previewHtml } from '../src/core/preview/html';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'media', 'preview.js');
const STYLE = join(ROOT, 'media', 'preview.css');
/** The browser tests' stand-in for the --vscode-* variables VS Code gives a webview (test-only). */
const THEME = join(ROOT, 'test', 'browser', 'vscode-theme.css');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export interface PreviewEdit {
  totalMs: number;
  updateMs: number;
  modelMs: number;
  /** JSON.stringify in Node + page.evaluate round trip (transfer, JSON.parse and postMessage in the page, render, two frames). */
  pageMs: number;
  /** Inside the page: from the evaluate call starting to run until after the second animation frame. */
  inPageMs: number;
  /** The render handler's own DOM time (riposte-rendered's `ms`). */
  renderMs: number;
  updated: number;
  created: number;
  /** The message's size and whether it went as a patch (as the extension sends every update after the first). */
  messageBytes: number;
  patched: boolean;
}

export interface PreviewResult {
  edits: PreviewEdit[];
  initial: { totalMs: number; renderMs: number; nodes: number };
  modelBytes: number;
  notes: string[];
}

// Runs in the page: parse the message as the webview receives it, post it, wait for the render and 2 frames.
const DELIVER = `async (json) => {
  const started = performance.now();
  const message = JSON.parse(json);
  const rendered = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no riposte-rendered event within 60 s')), 60000);
    document.addEventListener('riposte-rendered', (event) => { clearTimeout(timer); resolve(event.detail); }, { once: true });
    // The page asks for a full render when it cannot apply a patch: that is a failure here, not a wait.
    const onPosted = (event) => {
      if (event.detail.type !== 'ready') return;
      clearTimeout(timer);
      reject(new Error('the page could not apply the patch'));
    };
    document.addEventListener('bench-posted', onPosted);
    document.addEventListener('riposte-rendered', () => document.removeEventListener('bench-posted', onPosted), { once: true });
  });
  window.postMessage(message, '*');
  const stats = await rendered;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return { stats, inPageMs: performance.now() - started };
}`;

/** One-character edits in the middle of reply text, alternately typing a letter and deleting it. */
export function editsFor(text: string): (i: number) => TextChange {
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (line < lines.length - 1 && !/^[A-Z][a-z]+ \w+ \w+/.test(lines[line])) line++;
  const character = lines[line].indexOf(' ');
  return (i) =>
    i % 2 === 0
      ? { range: { start: { line, character }, end: { line, character } }, text: 'x' }
      : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
}

export const PREVIEW_WARMUP = 3;

export async function measurePreview(text: string, edits: number): Promise<PreviewResult> {
  const notes: string[] = [];
  if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run the build first.`);
  const executablePath = process.env.CHROME_PATH ?? CHROMIUM.find((path) => existsSync(path));
  if (!executablePath) throw new Error('no Chromium found (apt-get install chromium, or set CHROME_PATH); the bench never downloads one');
  if (!existsSync(STYLE)) notes.push('media/preview.css missing: rendered unstyled');

  const dir = mkdtempSync(join(tmpdir(), 'riposte-bench-'));
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
  try {
    let html = previewHtml({ cspSource: 'file:', nonce: 'YmVuY2gtbm9uY2UtMDEyMzQ1Njc4OQ', scriptUri: pathToFileURL(SCRIPT).href, styleUri: pathToFileURL(STYLE).href });
    if (existsSync(THEME)) html = html.replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${pathToFileURL(THEME).href}">\n<link rel="stylesheet"`);
    html = html.replace('<body>', '<body class="vscode-light">');
    const file = join(dir, 'preview.html');
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript({
      content: `window.__benchPosted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => { window.__benchPosted.push(m); document.dispatchEvent(new CustomEvent('bench-posted', { detail: m })); }, getState: () => undefined, setState: () => undefined });`,
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction('window.__benchPosted.some((m) => m.type === "ready")', undefined, { timeout: 30000 });

    const deliver = async (json: string) => (await page.evaluate(`(${DELIVER})(${JSON.stringify(json)})`)) as { stats: { ms: number; created: number; updated: number; total: number }; inPageMs: number };

    const file_ = 'bench.reply.md';
    let version = 1;
    const session = new DraftSession(text);
    const t0 = performance.now();
    const first = buildViewModel(session.draft, session.diagnostics, file_, version);
    const firstJson = JSON.stringify({ type: 'render', model: first });
    const firstResult = await deliver(firstJson);
    const initial = { totalMs: performance.now() - t0, renderMs: firstResult.stats.ms, nodes: firstResult.stats.total };

    let shown: SentModel = sentModelOf(first);
    const change = editsFor(text);
    const results: PreviewEdit[] = [];
    // Edits in a row, as typing makes them, with no forced GC between them (one forced before every edit
    // mostly timed the sweeping it had just started); the first few warm up and are not counted.
    for (let i = 0; i < PREVIEW_WARMUP + edits; i++) {
      const start = performance.now();
      const diagnostics = session.update([change(i)]);
      const updated = performance.now();
      const model = buildViewModel(session.draft, diagnostics, file_, ++version);
      const built = performance.now();
      // What the extension's preview host sends: a patch against the model the page already shows (of
      // which it keeps only what the next patch needs).
      const patch = diffViewModels(shown, model);
      shown = sentModelOf(model);
      const json = JSON.stringify(patch ? { type: 'patch', patch } : { type: 'render', model });
      const result = await deliver(json);
      const painted = performance.now();
      if (i < PREVIEW_WARMUP) continue;
      results.push({
        totalMs: painted - start,
        updateMs: updated - start,
        modelMs: built - updated,
        pageMs: painted - built,
        inPageMs: result.inPageMs,
        renderMs: result.stats.ms,
        updated: result.stats.updated,
        created: result.stats.created,
        messageBytes: Buffer.byteLength(json),
        patched: patch !== null,
      });
    }
    if (errors.length) notes.push(`page errors: ${errors.slice(0, 3).join('; ')}`);
    return { edits: results, initial, modelBytes: Buffer.byteLength(firstJson), notes };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
