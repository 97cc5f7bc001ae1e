// Runs the real webview bundle (media/preview.js + media/preview.css) in a real Chromium, inside the very
// document src/core/preview/html.ts builds for VS Code, with a stub acquireVsCodeApi that records what the
// script posts and saves. Nothing is served over the network: the page and its assets are file:// URLs.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser, chromium, ConsoleMessage, Page } from 'playwright-core';
import { buildViewModel, lint, parseDraft, ViewModel } from '../../src/core';
import type { HostMessage, PreviewState, WebviewMessage } from '../../src/core/preview/messages';
import { previewHtml } from '../../src/core/preview/html';
import { REPO_ROOT } from '../paths';

export const MEDIA_SCRIPT = join(REPO_ROOT, 'media', 'preview.js');
export const MEDIA_STYLE = join(REPO_ROOT, 'media', 'preview.css');
/** The test-only stylesheet with the --vscode-* variables of VS Code's default themes. */
export const THEME_STYLE = join(REPO_ROOT, 'test', 'browser', 'vscode-theme.css');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium to drive: $CHROME_PATH, else a system one. Throws — never skips — when there is none. */
export function chromiumPath(): string {
  const configured = process.env.CHROME_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROME_PATH is set to ${configured}, which does not exist. Point it at a Chrome or Chromium executable, or unset it and run \`apt-get install -y chromium\`.`);
    return configured;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'The browser tests need Chromium and found none. Install it with `apt-get install -y chromium` ' +
        '(Debian/Ubuntu), or set CHROME_PATH to a Chrome or Chromium executable. They never download a browser.',
    );
  }
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--font-render-hinting=none'],
  });
}

export function assertBuilt(): void {
  if (!existsSync(MEDIA_SCRIPT)) throw new Error(`${MEDIA_SCRIPT} is missing: run \`npm run build\` before \`npm run test:browser\`.`);
}

/** The view model the host would send for a draft (diagnostics from the real rules unless given). */
export function modelOf(text: string, file: string, version = 1, diagnostics = lint(text)): ViewModel {
  return buildViewModel(parseDraft(text), diagnostics, file, version);
}

export function modelOfFile(path: string, version = 1): ViewModel {
  const text = readFileSync(join(REPO_ROOT, path), 'utf8');
  return modelOf(text, path, version);
}

export type Theme = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast';

/** What the stub API and the listeners in the page recorded. */
export interface Recorded {
  posted: WebviewMessage[];
  state: (PreviewState & { expanded?: string[] }) | null;
  violations: { directive: string; blocked: string; sample: string }[];
  errors: string[];
}

export interface RenderResult {
  /** The script's own measure of its DOM work. */
  stats: { ms: number; created: number; updated: number; removed: number; total: number; version: number };
  /** From sending the message until the next frame after it (DOM work, style, layout, paint). */
  frameMs: number;
}

// Runs in the page before any of its scripts: the stand-in for VS Code's webview API, plus recorders.
const STUB = `(() => {
  const recorded = { posted: [], postedAt: [], inputAt: 0, state: null, violations: [], errors: [], rendered: [] };
  let acquired = false;
  window.__riposteTest = recorded;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi may be called only once');
    acquired = true;
    return Object.freeze({
      postMessage: (message) => { recorded.posted.push(JSON.parse(JSON.stringify(message))); recorded.postedAt.push(performance.now()); },
      getState: () => recorded.state,
      setState: (state) => { recorded.state = JSON.parse(JSON.stringify(state)); return state; },
    });
  };
  document.addEventListener('securitypolicyviolation', (event) => {
    recorded.violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
  });
  window.addEventListener('error', (event) => recorded.errors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) => recorded.errors.push(String(event.reason)));
  document.addEventListener('riposte-rendered', (event) => recorded.rendered.push(event.detail));
  // When the user last pressed something, to time how long the script takes to answer it.
  for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, () => { recorded.inputAt = performance.now(); }, true);
  // Sends a host message the way VS Code delivers one, then waits for the frame after it.
  recorded.send = (message) => new Promise((resolve) => {
    const started = performance.now();
    const before = recorded.rendered.length;
    window.dispatchEvent(new MessageEvent('message', { data: message }));
    requestAnimationFrame(() => setTimeout(() => resolve({ stats: recorded.rendered[before] ?? null, frameMs: performance.now() - started }), 0));
  });
})();`;

export class PreviewPage {
  readonly consoleErrors: string[] = [];
  readonly navigations: string[] = [];
  readonly popups: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly dir: string,
  ) {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(String(error)));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.navigations.push(frame.url());
    });
    page.on('popup', (popup) => this.popups.push(popup.url()));
  }

  /** Opens the webview document with the stub API; resolves once the script posted `ready`. */
  static async open(browser: Browser, options: { theme?: Theme; state?: PreviewState; width?: number; height?: number } = {}): Promise<PreviewPage> {
    assertBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'riposte-webview-'));
    const nonce = 'dGVzdC1ub25jZS0wMTIzNDU2Nzg5';
    let html = previewHtml({ cspSource: 'file:', nonce, scriptUri: pathToFileURL(MEDIA_SCRIPT).href, styleUri: pathToFileURL(MEDIA_STYLE).href, state: options.state });
    // What VS Code adds around our document: its theme variables and default styles, and the theme class.
    html = html.replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${pathToFileURL(THEME_STYLE).href}">\n<link rel="stylesheet"`);
    html = html.replace('<body>', `<body class="${options.theme ?? 'vscode-light'}">`);
    const file = join(dir, 'preview.html');
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: options.width ?? 800, height: options.height ?? 700 } });
    const preview = new PreviewPage(page, dir);
    await page.addInitScript({ content: STUB });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction('window.__riposteTest.posted.some((m) => m.type === "ready")');
    return preview;
  }

  async close(): Promise<void> {
    await this.page.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Delivers a host message and waits for the frame after it. */
  async send(message: HostMessage): Promise<RenderResult> {
    return this.page.evaluate(`window.__riposteTest.send(${JSON.stringify(message)})`) as Promise<RenderResult>;
  }

  async render(model: ViewModel): Promise<RenderResult> {
    const result = await this.send({ type: 'render', model });
    if (!result.stats) throw new Error('render did not report: no riposte-rendered event');
    return result;
  }

  async recorded(): Promise<Recorded> {
    return this.page.evaluate('(({ posted, state, violations, errors }) => ({ posted, state, violations, errors }))(window.__riposteTest)') as Promise<Recorded>;
  }

  async posted(): Promise<WebviewMessage[]> {
    return (await this.recorded()).posted;
  }

  /** Waits (on the page's own records, not a timer) until the script has posted `count` messages. */
  async waitForPosted(count: number, timeout = 5000): Promise<WebviewMessage[]> {
    await this.page.waitForFunction(`window.__riposteTest.posted.length >= ${count}`, undefined, { timeout });
    return this.posted();
  }

  /** Milliseconds from the last pointer or key press to the script's last post, measured in the page. */
  async inputToPostMs(): Promise<number> {
    return this.page.evaluate('window.__riposteTest.postedAt[window.__riposteTest.postedAt.length - 1] - window.__riposteTest.inputAt') as Promise<number>;
  }

  /** Waits until the console reported `count` errors (CSP reports arrive a little after the violation event). */
  async waitForConsoleErrors(count: number, timeout = 2000): Promise<void> {
    // Each console message is an event: wait on those, with the timeout only as a bound.
    while (this.consoleErrors.length < count) {
      await this.page.waitForEvent('console', { timeout }).catch(() => {
        throw new Error(`expected ${count} console errors, saw ${JSON.stringify(this.consoleErrors)}`);
      });
    }
  }

  /** The global the hostile content would set if any of it ran. */
  async sentinel(): Promise<unknown> {
    return this.page.evaluate('window.__pwned');
  }
}

/** Walks a view model. */
export function allNodes(model: ViewModel): ViewModel['nodes'] {
  const out: ViewModel['nodes'] = [];
  const walk = (nodes: ViewModel['nodes']) => {
    for (const node of nodes) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(model.nodes);
  return out;
}

/** Every node with the tree level it has in the preview (1 for top-level nodes). */
export function withLevels(model: ViewModel): { node: ViewModel['nodes'][number]; level: number }[] {
  const out: { node: ViewModel['nodes'][number]; level: number }[] = [];
  const walk = (nodes: ViewModel['nodes'], level: number) => {
    for (const node of nodes) {
      out.push({ node, level });
      walk(node.children, level + 1);
    }
  };
  walk(model.nodes, 1);
  return out;
}

/**
 * A draft of about `bytes` bytes that is hostile throughout: script tags, event-handler attributes, raw HTML,
 * javascript: links, five levels of quotes. Every block sets window.__pwned if anything in it ever runs.
 */
export function hostileDraft(bytes: number): string {
  const parts = ['---\nauthor: Priya Raman\nreplying-to: Tom Becker\n---\n'];
  let size = parts[0].length;
  for (let n = 0; size < bytes; n++) {
    const block = [
      `On Tue, Tom Becker <tom${n}@example.org> wrote:`,
      `> Point ${n}: the <script>window.__pwned=${n}</script> build takes ${n} minutes and <img src=x onerror="window.__pwned=${n}"> breaks.`,
      `>> Earlier, thread ${n}: see [docs](https://example.org/${n}) and [bad](javascript:window.__pwned=${n}).`,
      `>>> Deeper ${n} with <b onclick="window.__pwned=1">raw html</b>, <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe> and \`code ${n}\`.`,
      `>>>> Deepest ${n}: <svg onload="window.__pwned=1"></svg> four levels in.`,
      `>>>>> Five levels ${n}: <a href="javascript:window.__pwned=1">click</a>.`,
      '',
      `Reply ${n}: the packagers answered on the list; one clear day is enough for release ${n}. <style>body{display:none}</style>`,
      '',
    ].join('\n');
    parts.push(`${block}\n`);
    size += block.length + 1;
  }
  return parts.join('');
}
