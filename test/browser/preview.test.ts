// The reply-tree webview in real Chromium: structure, collapse, keyboard, messages, incremental updates,
// themes, hostile drafts and a 2 MB draft. See harness.ts for how the page is put together.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from 'playwright-core';
import { diffViewModels, lint, ViewModel } from '../../src/core';
import { exportHtml } from '../../src/core/preview/html';
import { MAX_EXCERPT_CHARS } from '../../src/core/preview/viewModel';
import { REPO_ROOT } from '../paths';
import { allNodes, hostileDraft, launchChromium, MEDIA_SCRIPT, MEDIA_STYLE, modelOf, modelOfFile, PreviewPage, withLevels } from './harness';

const MAILING_LIST = 'examples/mailing-list.reply.md';
const REAL_DRAFT = 'examples/interpretability-reply.reply.md';
const DISCOURSE = 'examples/discourse.reply.md';

const DEEP = `---
author: Me
---
Ann wrote:
> Level one.
>> Level two.
>>> Level three.
>>>> Level four.
>>>>> Level five.

My answer to Ann.
`;

const LINKS = `Bob wrote:
> Read [the spec](https://example.org/spec) first.

I did, and [this note](https://example.org/note) says otherwise.
`;

const HOSTILE = `---
author: Mallory
---
Eve wrote:
> <script>window.__pwned = 'script'</script>
> <img src=x onerror="window.__pwned = 'img'">

[x](javascript:window.__pwned='link') and <a href="javascript:window.__pwned='a'">raw</a>

<iframe src="javascript:parent.__pwned='iframe'"></iframe><svg onload="window.__pwned='svg'"></svg>
<meta http-equiv="refresh" content="0;url=https://example.org/">
<style>body { display: none }</style>
<form action="https://example.org/"><button>go</button></form>
`;

/** Links to VS Code commands and data: documents, as a draft can spell them (Markdown, autolinks, raw HTML). */
const SCHEME_LINKS = `Bob wrote:
> Run [this](command:workbench.action.terminal.new) or <command:workbench.action.files.delete>, then [quit](COMMAND:workbench.action.quit).
> Or [see](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+) and ![pic](data:image/svg+xml;utf8,<svg onload="window.__pwned=1">)

[Fix all](command:riposte.fixAll?%5B%22x%22%5D) and [spaced]( command:x ) and <a href="command:riposte.fixAll">raw</a> and [vs](vscode://file/etc/passwd). [ok](https://example.org/ok)
`;

/** SVG that runs script in every way SVG can, as a draft's raw HTML. */
const SVG_SCRIPT = `Eve wrote:
> <svg><script>window.__pwned = 'svg script'</script></svg>
> <svg><a xlink:href="javascript:window.__pwned='svg link'"><text x="0" y="15">svg link</text></a></svg>

<svg><animate onbegin="window.__pwned='animate'" attributeName="x" dur="1s"/><set attributeName="onmouseover" to="window.__pwned='set'"/></svg>
<svg><foreignObject><iframe srcdoc="<script>parent.__pwned='fo'</script>"></iframe></foreignObject></svg>
<img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' onload='window.__pwned=1'/%3E">
`;

/** Styles a draft could inject to hide, cover or restyle the preview, or to make it fetch something. */
const CSS_INJECTION = `Eve wrote:
> <style>* { display: none !important } body { background: url(https://example.org/track.png) }</style>
> <span style="position: fixed; inset: 0; z-index: 99999; background: red">covered</span>

<div style="background: url(https://example.org/track2.png); width: 100vw; height: 100vh">big</div>
<link rel="stylesheet" href="https://example.org/evil.css"><p style="color: transparent">hidden text</p>
`;

/** HTML a compromised core might send: the webview must neutralise it on its own. */
const NASTY_HTML = [
  '<p>text <img src="x" onerror="window.__pwned=\'img\'"> after</p>',
  '<script>window.__pwned="script"</script>',
  '<a href="javascript:window.__pwned=\'a\'">js link</a> <a href=" javascript:window.__pwned=1">spaced</a> <a href="java&#x0A;script:window.__pwned=1">split</a>',
  '<a href="https://example.org/ok" onclick="window.__pwned=\'click\'" style="color:red" id="riposte-preview">ok</a>',
  '<svg><script>window.__pwned="svg"</script><circle onload="window.__pwned=1"/></svg>',
  '<math><mi xlink:href="javascript:window.__pwned=1">m</mi></math>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<object data="javascript:window.__pwned=1"></object><embed src="javascript:window.__pwned=1">',
  '<meta http-equiv="refresh" content="0;url=https://example.org/"><base href="https://example.org/">',
  '<style>body{display:none}</style><link rel="stylesheet" href="https://example.org/x.css">',
  '<form action="https://example.org/"><input name="q"><button formaction="javascript:window.__pwned=1">go</button></form>',
  '<details open ontoggle="window.__pwned=\'details\'"><summary>s</summary></details>',
  '<img src="javascript:window.__pwned=1"><img src="http://example.org/x.png"><img name="getElementById">',
  '<template><img src=x onerror="window.__pwned=1"></template><noscript><img src=x onerror="window.__pwned=1"></noscript>',
  '<!-- <img src=x onerror="window.__pwned=1"> --><p>end</p>',
].join('\n');

function nastyModel(): ViewModel {
  const base = modelOf(LINKS, 'nasty.reply.md');
  const first = base.nodes[0];
  return { ...base, nodes: [{ ...first, html: NASTY_HTML, hash: 'nasty', children: first.children }, ...base.nodes.slice(1)] };
}

async function focusedKey(preview: PreviewPage): Promise<string | null> {
  return preview.page.evaluate('document.activeElement && document.activeElement.getAttribute("data-key")') as Promise<string | null>;
}

function item(key: string): string {
  return `[role="treeitem"][data-key="${key}"]`;
}

describe('reply-tree webview (Chromium)', function () {
  let browser: Browser;
  let preview: PreviewPage;

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const current = preview;
    preview = undefined as unknown as PreviewPage;
    if (current) {
      const { violations, errors } = await current.recorded();
      const consoleErrors = current.consoleErrors;
      await current.close();
      // Every test: nothing the CSP had to block, no script errors.
      assert.deepEqual(violations, [], 'CSP violations');
      assert.deepEqual(errors, [], 'script errors');
      assert.deepEqual(consoleErrors, [], 'console errors');
    }
  });

  it('posts ready on load and renders nothing until told', async () => {
    preview = await PreviewPage.open(browser);
    assert.deepEqual(await preview.posted(), [{ type: 'ready' }]);
    assert.equal(await preview.page.locator('[role="treeitem"]').count(), 0);
  });

  describe('structure', () => {
    it('renders the mailing-list example as a tree with levels, lines, speakers and badges', async () => {
      const model = modelOfFile(MAILING_LIST);
      preview = await PreviewPage.open(browser);
      await preview.render(model);
      const expected = withLevels(model);
      const items = await preview.page.$$eval('[role="treeitem"]', (elements) =>
        elements.map((element) => ({
          key: element.getAttribute('data-key'),
          level: Number(element.getAttribute('aria-level')),
          line: Number(element.getAttribute('data-line')),
          endLine: Number(element.getAttribute('data-end-line')),
          expanded: element.getAttribute('aria-expanded'),
          speaker: element.querySelector(':scope > .row .speaker')?.textContent,
          kind: element.querySelector(':scope > .row .kind')?.textContent,
        })),
      );
      assert.equal(items.length, expected.length);
      assert.deepEqual(
        items.map((i) => [i.key, i.level, i.line, i.endLine, i.kind]),
        expected.map(({ node, level }) => [node.key, level, node.startLine, node.endLine, node.kind]),
      );
      for (const [index, { node }] of expected.entries()) {
        assert.equal(items[index].expanded, node.children.length ? 'true' : null, `aria-expanded of ${node.key}`);
        assert.equal(items[index].speaker, model.speakers[node.speakerIndex]?.name ?? 'You');
      }
      assert.equal(await preview.page.locator('ul[role="tree"]').count(), 1);
      assert.equal(await preview.page.locator('ul[role="group"]').count(), expected.filter(({ node }) => node.children.length).length);
      assert.deepEqual(await preview.page.locator('.legend .legend-item .name').allTextContents(), ['Priya Raman', 'Tom Becker']);
      assert.match((await preview.page.locator('.summary .counts').textContent()) ?? '', /2 speakers\s*4 quotes\s*3 replies\s*1 unanswered\s*1 finding/);
      // The unanswered-quote badge sits on the last quote, with the message as its title.
      const last = model.nodes[model.nodes.length - 1];
      const badge = preview.page.locator(`${item(last.key)} > .row .badge`);
      assert.equal(await badge.textContent(), 'unanswered');
      assert.equal(await badge.getAttribute('title'), last.badges[0].message);
      assert.match((await badge.getAttribute('class')) ?? '', /severity-information/);
      // Excerpts are there, as rendered markup.
      const reply = model.nodes[1].children[0];
      assert.equal(await preview.page.locator(`${item(reply.key)} > .excerpt p`).textContent(), 'I tested it on the old LTS this morning: it installs and upgrades cleanly.');
    });

    it('shows the drafter as “You” and the real draft’s findings as badges', async () => {
      const model = modelOfFile(REAL_DRAFT);
      preview = await PreviewPage.open(browser);
      await preview.render(model);
      assert.equal(await preview.page.locator('[role="treeitem"]').count(), 22);
      assert.deepEqual(new Set(await preview.page.locator('[role="treeitem"] > .row .speaker').allTextContents()), new Set(['You']));
      assert.deepEqual(await preview.page.locator('.legend .name').allTextContents(), ['You']);
      const badges = await preview.page.locator('.badge').allTextContents();
      assert.deepEqual(badges.sort(), ['duplicate', 'lost breaks', 'repeated words', 'unmarked quote'].sort());
    });

    it('marks inferred speakers in nodes and in the legend', async () => {
      const model = modelOfFile(DISCOURSE);
      const inferredNode = allNodes(model).find((node) => node.inferred);
      assert.ok(inferredNode, 'the discourse example has an inferred quote');
      // No example names a speaker only by inference; mark one as the core would.
      const withInferred: ViewModel = { ...model, speakers: model.speakers.map((speaker, i) => (i === 1 ? { ...speaker, inferred: true } : speaker)) };
      preview = await PreviewPage.open(browser);
      await preview.render(withInferred);
      const speaker = preview.page.locator(`${item(inferredNode.key)} > .row .speaker`);
      assert.equal(await speaker.textContent(), `${inferredNode.speaker} (inferred)`);
      const borderStyle = await speaker.evaluate((element) => element.ownerDocument.defaultView.getComputedStyle(element, '::before').borderTopStyle);
      assert.equal(borderStyle, 'dashed');
      const legend = preview.page.locator('.legend-item.inferred');
      assert.equal(await legend.count(), 1);
      assert.equal(await legend.textContent(), `${model.speakers[1].name} (inferred)`);
      assert.equal(await legend.locator('.swatch').evaluate((element) => element.ownerDocument.defaultView.getComputedStyle(element).borderTopStyle), 'dashed');
      assert.equal(await preview.page.locator('.legend-item:not(.inferred) .swatch').first().evaluate((element) => element.ownerDocument.defaultView.getComputedStyle(element).borderTopStyle), 'solid');
    });
  });

  describe('collapsing', () => {
    it('collapses and expands with the twisty, keeps it in setState and across renders', async () => {
      const model = modelOfFile(MAILING_LIST);
      const first = model.nodes[0];
      preview = await PreviewPage.open(browser);
      await preview.render(model);
      const node = preview.page.locator(item(first.key));
      await node.locator(':scope > .row .twisty').click();
      assert.equal(await node.getAttribute('aria-expanded'), 'false');
      assert.equal(await node.locator(':scope > ul[role="group"]').isVisible(), false);
      assert.deepEqual((await preview.recorded()).state?.collapsed, [first.key]);
      // A twisty click is not a selection.
      assert.deepEqual(await preview.posted(), [{ type: 'ready' }]);
      // Still collapsed after a new render of the same document.
      await preview.render({ ...model, version: 2 });
      assert.equal(await node.getAttribute('aria-expanded'), 'false');
      await node.locator(':scope > .row .twisty').click();
      assert.equal(await node.getAttribute('aria-expanded'), 'true');
      assert.equal(await node.locator(':scope > ul[role="group"]').isVisible(), true);
      assert.deepEqual((await preview.recorded()).state?.collapsed, []);
    });

    it('collapses and expands everything from the buttons and from host messages', async () => {
      const model = modelOfFile(MAILING_LIST);
      const parents = allNodes(model).filter((node) => node.children.length);
      preview = await PreviewPage.open(browser);
      await preview.render(model);
      const expandedValues = () => preview.page.$$eval('[role="treeitem"][aria-expanded]', (items) => items.map((i) => i.getAttribute('aria-expanded')));
      await preview.page.getByRole('button', { name: 'Collapse all' }).click();
      assert.deepEqual(await expandedValues(), parents.map(() => 'false'));
      assert.equal(await preview.page.locator('[role="treeitem"]:visible').count(), model.nodes.length);
      await preview.page.getByRole('button', { name: 'Expand all' }).click();
      assert.deepEqual(await expandedValues(), parents.map(() => 'true'));
      await preview.send({ type: 'collapse-all' });
      assert.deepEqual(await expandedValues(), parents.map(() => 'false'));
      await preview.send({ type: 'expand-all' });
      assert.equal(await preview.page.locator('[role="treeitem"]:visible').count(), allNodes(model).length);
      assert.deepEqual(await preview.posted(), [{ type: 'ready' }]);
    });

    it('starts deep levels collapsed and builds their children only when expanded', async () => {
      const model = modelOf(DEEP, 'deep.reply.md');
      const deep = allNodes(model).find((node) => node.depth === 4)!;
      assert.equal(deep.children.length, 1);
      preview = await PreviewPage.open(browser);
      await preview.render(model);
      const node = preview.page.locator(item(deep.key));
      assert.equal(await node.getAttribute('aria-expanded'), 'false');
      assert.equal(await preview.page.locator(item(deep.children[0].key)).count(), 0, 'not built while collapsed');
      await node.locator(':scope > .row .twisty').click();
      assert.equal(await preview.page.locator(item(deep.children[0].key)).isVisible(), true);
      assert.deepEqual((await preview.recorded()).state?.expanded, [deep.key]);
    });

    it('restores collapse state from the state the host embedded in the page', async () => {
      const model = modelOfFile(MAILING_LIST);
      preview = await PreviewPage.open(browser, { state: { file: model.file, collapsed: [model.nodes[1].key] } });
      await preview.render(model);
      assert.equal(await preview.page.locator(item(model.nodes[1].key)).getAttribute('aria-expanded'), 'false');
      assert.equal(await preview.page.locator(item(model.nodes[0].key)).getAttribute('aria-expanded'), 'true');
    });
  });

  describe('keyboard and mouse', () => {
    it('moves with the arrows, Home and End, with one tab stop, and Enter selects', async () => {
      const model = modelOfFile(MAILING_LIST);
      const order = withLevels(model).map(({ node }) => node.key);
      preview = await PreviewPage.open(browser);
      await preview.render(model);
      assert.equal(await preview.page.locator('[role="treeitem"][tabindex="0"]').count(), 1);
      await preview.page.getByRole('button', { name: 'Collapse all' }).focus();
      await preview.page.keyboard.press('Tab');
      assert.equal(await focusedKey(preview), order[0], 'Tab lands on the tree');
      for (const key of order.slice(1)) {
        await preview.page.keyboard.press('ArrowDown');
        assert.equal(await focusedKey(preview), key);
      }
      await preview.page.keyboard.press('ArrowDown');
      assert.equal(await focusedKey(preview), order[order.length - 1], 'stays on the last item');
      await preview.page.keyboard.press('Home');
      assert.equal(await focusedKey(preview), order[0]);
      await preview.page.keyboard.press('End');
      assert.equal(await focusedKey(preview), order[order.length - 1]);
      await preview.page.keyboard.press('ArrowUp');
      assert.equal(await focusedKey(preview), order[order.length - 2]);
      assert.equal(await preview.page.locator('[role="treeitem"][tabindex="0"]').count(), 1);

      // Left collapses an open parent; Right expands it, then enters it; Left on a leaf goes up.
      await preview.page.keyboard.press('Home');
      const first = model.nodes[0];
      await preview.page.keyboard.press('ArrowLeft');
      assert.equal(await preview.page.locator(item(first.key)).getAttribute('aria-expanded'), 'false');
      await preview.page.keyboard.press('ArrowDown');
      assert.equal(await focusedKey(preview), model.nodes[1].key, 'Down skips the collapsed children');
      await preview.page.keyboard.press('ArrowUp');
      await preview.page.keyboard.press('ArrowRight');
      assert.equal(await preview.page.locator(item(first.key)).getAttribute('aria-expanded'), 'true');
      await preview.page.keyboard.press('ArrowRight');
      assert.equal(await focusedKey(preview), first.children[0].key);
      await preview.page.keyboard.press('ArrowRight');
      await preview.page.keyboard.press('ArrowRight');
      const grandchild = first.children[0].children[0];
      assert.equal(await focusedKey(preview), grandchild.key);
      await preview.page.keyboard.press('ArrowLeft');
      assert.equal(await focusedKey(preview), first.children[0].key, 'Left on a leaf goes to the parent');

      await preview.page.keyboard.press('Enter');
      await preview.page.keyboard.press('End');
      await preview.page.keyboard.press(' ');
      const last = model.nodes[model.nodes.length - 1];
      assert.deepEqual((await preview.waitForPosted(3)).slice(1), [
        { type: 'select-lines', startLine: first.children[0].startLine, endLine: first.children[0].endLine },
        { type: 'select-lines', startLine: last.startLine, endLine: last.endLine },
      ]);
      assert.equal(await preview.page.locator('[aria-selected="true"]').getAttribute('data-key'), last.key);
    });

    it('posts select-lines for a clicked node, the innermost one', async () => {
      const model = modelOfFile(MAILING_LIST);
      const reply = model.nodes[0].children[0].children[0];
      preview = await PreviewPage.open(browser);
      await preview.render(model);
      await preview.page.locator(`${item(reply.key)} > .excerpt`).click();
      assert.deepEqual((await preview.waitForPosted(2))[1], { type: 'select-lines', startLine: reply.startLine, endLine: reply.endLine });
      assert.equal(await focusedKey(preview), reply.key);
      await preview.page.locator(`${item(model.nodes[2].key)} > .row .meta`).click();
      assert.deepEqual((await preview.waitForPosted(3))[2], { type: 'select-lines', startLine: model.nodes[2].startLine, endLine: model.nodes[2].endLine });
    });

    it('posts open-link for a link and never navigates the frame', async () => {
      const model = modelOf(LINKS, 'links.reply.md');
      preview = await PreviewPage.open(browser);
      const url = preview.page.url();
      await preview.render(model);
      await preview.page.getByRole('link', { name: 'the spec' }).click();
      await preview.page.getByRole('link', { name: 'this note' }).click({ modifiers: ['Shift'] });
      await preview.page.getByRole('link', { name: 'this note' }).click({ button: 'middle' });
      await preview.page.getByRole('link', { name: 'this note' }).focus();
      await preview.page.keyboard.press('Enter');
      const posted = await preview.waitForPosted(5);
      assert.deepEqual(posted.slice(1), [
        { type: 'open-link', href: 'https://example.org/spec' },
        { type: 'open-link', href: 'https://example.org/note' },
        { type: 'open-link', href: 'https://example.org/note' },
        { type: 'open-link', href: 'https://example.org/note' },
      ]);
      assert.equal(preview.page.url(), url);
      assert.equal(preview.navigations.length, 1, `navigations: ${preview.navigations.join(', ')}`);
      assert.deepEqual(preview.popups, []);
      assert.equal(preview.page.context().pages().length, 1);
    });
  });

  describe('reveal-line', () => {
    it('highlights the innermost node holding the line and posts nothing back', async () => {
      const model = modelOfFile(MAILING_LIST);
      const inner = model.nodes[0].children[0];
      const reply = inner.children[0];
      preview = await PreviewPage.open(browser);
      await preview.render(model);
      await preview.send({ type: 'reveal-line', line: inner.startLine + 1, scroll: false });
      assert.deepEqual(await preview.page.$$eval('.revealed', (items) => items.map((i) => i.getAttribute('data-key'))), [inner.key]);
      await preview.send({ type: 'reveal-line', line: reply.endLine, scroll: true });
      assert.deepEqual(await preview.page.$$eval('.revealed', (items) => items.map((i) => i.getAttribute('data-key'))), [reply.key]);
      // The quote's own first line (the outer quote holds the nested one): the outer quote.
      await preview.send({ type: 'reveal-line', line: model.nodes[0].startLine, scroll: true });
      assert.deepEqual(await preview.page.$$eval('.revealed', (items) => items.map((i) => i.getAttribute('data-key'))), [model.nodes[0].key]);
      // A line in a collapsed node's child: the collapsed node stands in.
      await preview.send({ type: 'collapse-all' });
      await preview.send({ type: 'reveal-line', line: reply.startLine, scroll: true });
      assert.deepEqual(await preview.page.$$eval('.revealed', (items) => items.map((i) => i.getAttribute('data-key'))), [model.nodes[0].key]);
      assert.deepEqual(await preview.posted(), [{ type: 'ready' }]);
    });

    it('scrolls the node into view only when asked to', async () => {
      const model = modelOfFile(REAL_DRAFT);
      preview = await PreviewPage.open(browser, { height: 400 });
      await preview.render(model);
      const last = model.nodes[model.nodes.length - 1];
      const scrollY = () => preview.page.evaluate('window.scrollY') as Promise<number>;
      await preview.send({ type: 'reveal-line', line: last.startLine, scroll: false });
      assert.equal(await scrollY(), 0);
      await preview.send({ type: 'reveal-line', line: last.startLine, scroll: true });
      assert.ok((await scrollY()) > 0);
      assert.equal(await preview.page.locator(`${item(last.key)} > .row`).isVisible(), true);
      const box = await preview.page.locator(`${item(last.key)} > .row`).boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 400, `row in view: ${JSON.stringify(box)}`);
      assert.deepEqual(await preview.posted(), [{ type: 'ready' }]);
    });
  });

  describe('incremental rendering', () => {
    const markAll = (preview: PreviewPage) => preview.page.evaluate('document.querySelectorAll("[role=treeitem]").forEach((li) => { li.__mark = li.dataset.key; })');
    const marked = (preview: PreviewPage) => preview.page.$$eval('[role="treeitem"]', (items) => items.map((li) => [li.getAttribute('data-key'), (li as unknown as { __mark?: string }).__mark ?? null]));

    it('replaces only the element of the node whose text changed', async () => {
      const text = readFileSync(join(REPO_ROOT, MAILING_LIST), 'utf8');
      const before = modelOf(text, MAILING_LIST, 1);
      const after = modelOf(text.replace('this morning', 'this evening'), MAILING_LIST, 2);
      const changed = before.nodes[1].children[0];
      preview = await PreviewPage.open(browser);
      await preview.render(before);
      await markAll(preview);
      const { stats } = await preview.render(after);
      assert.deepEqual([stats.created, stats.removed], [1, 1]);
      const items = await marked(preview);
      const replaced = items.filter(([key, mark]) => mark !== key);
      assert.equal(replaced.length, 1);
      assert.notEqual(replaced[0][0], changed.key);
      assert.equal(await preview.page.locator(`${item(replaced[0][0]!)} > .excerpt`).textContent(), 'I tested it on the old LTS this evening: it installs and upgrades cleanly.');
      // The parent quote kept its element (only its children list changed).
      assert.ok(items.some(([key, mark]) => key === before.nodes[1].key && mark === key));
    });

    it('keeps every element when an edit above only shifts lines, and updates their line numbers', async () => {
      const text = readFileSync(join(REPO_ROOT, MAILING_LIST), 'utf8');
      const before = modelOf(text, MAILING_LIST, 1);
      const shifted = text.replace('On Tue, Jun 16', 'A new first paragraph.\n\nOn Tue, Jun 16');
      const after = modelOf(shifted, MAILING_LIST, 2);
      preview = await PreviewPage.open(browser);
      await preview.render(before);
      await markAll(preview);
      const { stats } = await preview.render(after);
      // The new paragraph is a new node; everything else is updated in place.
      assert.equal(stats.created, 1);
      assert.equal(stats.removed, 0);
      const items = await marked(preview);
      assert.equal(items.filter(([key, mark]) => mark !== key).length, 1);
      const lines = await preview.page.$$eval('[role="treeitem"]', (elements) => elements.map((e) => Number(e.getAttribute('data-line'))));
      assert.deepEqual(lines, withLevels(after).map(({ node }) => node.startLine));
    });

    it('shows after a patch exactly what a full render of the new model shows, reusing elements', async () => {
      const text = readFileSync(join(REPO_ROOT, MAILING_LIST), 'utf8');
      const before = modelOf(text, MAILING_LIST, 1);
      const edited = text.replace('this morning', 'this evening').replace('On Tue, Jun 16', 'A new first paragraph.\n\nOn Tue, Jun 16');
      const after = modelOf(edited, MAILING_LIST, 2);
      const patch = diffViewModels(before, after);
      assert.ok(patch, 'the edit goes as a patch');
      const shown = (page: PreviewPage) =>
        page.page.$$eval('[role="treeitem"]', (items) =>
          items.map((li) => [li.getAttribute('data-key'), li.getAttribute('data-line'), li.getAttribute('data-end-line'), li.getAttribute('aria-level'), li.className, li.querySelector(':scope > .row')?.textContent, li.querySelector(':scope > .excerpt')?.textContent ?? null]),
        );
      preview = await PreviewPage.open(browser);
      await preview.render(before);
      await markAll(preview);
      const result = await preview.send({ type: 'patch', patch });
      assert.ok(result.stats, 'the patch was rendered');
      assert.deepEqual([result.stats.created, result.stats.removed], [2, 1], 'the new paragraph and the edited reply are new elements');
      assert.equal((await marked(preview)).filter(([key, mark]) => mark !== key).length, 2);
      const patched = await shown(preview);
      const fresh = await PreviewPage.open(browser);
      try {
        await fresh.render(after);
        assert.deepEqual(patched, await shown(fresh));
      } finally {
        await fresh.close();
      }
    });

    it('asks for a full render when a patch was made against another version', async () => {
      const text = readFileSync(join(REPO_ROOT, MAILING_LIST), 'utf8');
      const before = modelOf(text, MAILING_LIST, 1);
      const patch = diffViewModels(before, modelOf(text.replace('this morning', 'this evening'), MAILING_LIST, 2))!;
      preview = await PreviewPage.open(browser);
      await preview.render({ ...before, version: 5 });
      const rows = await preview.page.$$eval('[role="treeitem"]', (items) => items.map((li) => li.textContent));
      const result = await preview.send({ type: 'patch', patch });
      assert.equal(result.stats, null, 'nothing rendered');
      assert.deepEqual((await preview.posted()).map((message) => message.type), ['ready', 'ready']);
      assert.deepEqual(await preview.page.$$eval('[role="treeitem"]', (items) => items.map((li) => li.textContent)), rows, 'nothing changed on screen');
    });

    it('moves focus to a neighbour when the focused node is replaced', async () => {
      const text = readFileSync(join(REPO_ROOT, MAILING_LIST), 'utf8');
      const before = modelOf(text, MAILING_LIST, 1);
      const after = modelOf(text.replace('this morning', 'this evening'), MAILING_LIST, 2);
      preview = await PreviewPage.open(browser);
      await preview.render(before);
      await preview.page.locator(`${item(before.nodes[1].children[0].key)} > .excerpt`).click();
      await preview.render(after);
      assert.equal(await focusedKey(preview), after.nodes[1].children[0].key);
      assert.equal(await preview.page.locator('[role="treeitem"][tabindex="0"]').count(), 1);
    });
  });

  describe('themes', () => {
    it('takes its colours from the theme: light, dark and high contrast differ', async () => {
      preview = await PreviewPage.open(browser, { theme: 'vscode-light' });
      await preview.render(modelOfFile(MAILING_LIST));
      const sample = () =>
        preview.page.evaluate(`(() => {
          const style = (selector, pseudo) => getComputedStyle(document.querySelector(selector), pseudo);
          return {
            text: style('.tree-node .speaker').color,
            background: getComputedStyle(document.documentElement).backgroundColor,
            quote: style('.excerpt-quote').backgroundColor,
            swatch: style('.legend-item .swatch').backgroundColor,
            summaryBorder: style('.summary').borderBottomColor,
            excerptTop: style('.excerpt').borderTopWidth,
          };
        })()`) as Promise<Record<string, string>>;
      const light = await sample();
      await preview.page.evaluate('document.body.className = "vscode-dark"');
      const dark = await sample();
      await preview.page.evaluate('document.body.className = "vscode-high-contrast"');
      const contrast = await sample();
      assert.deepEqual([light.text, dark.text, contrast.text], ['rgb(59, 59, 59)', 'rgb(204, 204, 204)', 'rgb(255, 255, 255)']);
      assert.deepEqual([light.background, dark.background, contrast.background], ['rgb(255, 255, 255)', 'rgb(31, 31, 31)', 'rgb(0, 0, 0)']);
      assert.notEqual(light.quote, dark.quote);
      assert.notEqual(light.swatch, dark.swatch);
      // High contrast draws borders: the contrast border colour, and excerpts get a full frame.
      assert.equal(contrast.summaryBorder, 'rgb(111, 195, 223)');
      assert.equal(contrast.excerptTop, '1px');
      assert.equal(light.excerptTop, '0px');
    });

    it('outlines the focused node with the focus border colour', async () => {
      preview = await PreviewPage.open(browser, { theme: 'vscode-dark' });
      const model = modelOfFile(MAILING_LIST);
      await preview.render(model);
      await preview.page.locator(`${item(model.nodes[1].key)} > .row .meta`).click();
      const border = await preview.page.locator(`${item(model.nodes[1].key)} > .row`).evaluate((row) => row.ownerDocument.defaultView.getComputedStyle(row).borderTopColor);
      assert.equal(border, 'rgb(0, 120, 212)');
    });

    it('saves screenshots of the light and dark preview', async () => {
      // The light one shows a threaded mailing-list reply; the dark one the real, flat draft with findings.
      // The README shows the preview inside VS Code (test/integration/ui); these are for looking at the webview alone.
      const target = join(REPO_ROOT, 'out', 'test', 'browser', 'screenshots');
      mkdirSync(target, { recursive: true });
      for (const [theme, file, name, height] of [
        ['vscode-light', MAILING_LIST, 'preview-light.png', 640],
        ['vscode-dark', REAL_DRAFT, 'preview-dark.png', 760],
      ] as const) {
        preview = await PreviewPage.open(browser, { theme, width: 760, height });
        const model = modelOfFile(file);
        await preview.render(model);
        // A selected node and the editor's cursor line, as in use.
        const nodes = allNodes(model);
        await preview.page.locator(`${item(nodes[2].key)} > .row .meta`).click();
        await preview.send({ type: 'reveal-line', line: nodes[4].startLine, scroll: false });
        await preview.page.mouse.move(0, 0);
        await preview.page.screenshot({ path: join(target, name) });
        const { violations, errors } = await preview.recorded();
        assert.deepEqual([violations, errors], [[], []]);
        await preview.close();
      }
      preview = undefined as unknown as PreviewPage;
    });
  });

  describe('hostile drafts', () => {
    it('shows script, event handlers, raw HTML and javascript: links as text; nothing runs', async () => {
      const model = modelOf(HOSTILE, 'hostile.reply.md');
      preview = await PreviewPage.open(browser);
      await preview.render(model);
      assert.equal(await preview.sentinel(), undefined);
      const dangerous = await preview.page.$$eval('#riposte-preview *', (elements) =>
        elements.filter((e) => /^(script|iframe|svg|meta|style|form|object|embed|base)$/i.test(e.tagName) || [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.outerHTML),
      );
      assert.deepEqual(dangerous, []);
      const text = (await preview.page.locator('.tree').textContent()) ?? '';
      assert.ok(text.includes("<script>window.__pwned = 'script'</script>"), 'the script tag is shown as text');
      assert.ok(text.includes('<img src=x onerror="window.__pwned = \'img\'">'));
      assert.equal(await preview.page.locator('.tree a').count(), 0, 'no javascript: link survives');
      assert.equal(await preview.page.locator('body').isVisible(), true);
    });

    it('neutralises hostile HTML even when the host sends it (defence in depth)', async () => {
      preview = await PreviewPage.open(browser);
      await preview.render(nastyModel());
      // Give anything that might load or fire a chance to: every image has loaded or failed, then a frame.
      await preview.page.waitForFunction('[...document.images].every((image) => image.complete)');
      await preview.page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      assert.equal(await preview.sentinel(), undefined);
      const found = await preview.page.$$eval('.tree *', (elements) =>
        elements.flatMap((e) => {
          const problems: string[] = [];
          if (!/^(p|img|a|span|div|ul|li|strong|em|code)$/i.test(e.tagName)) problems.push(`<${e.tagName.toLowerCase()}>`);
          for (const a of [...e.attributes]) {
            if (/^on/i.test(a.name) || a.name === 'style' || a.name === 'id' || a.name === 'name' || a.name === 'srcdoc') problems.push(`${e.tagName}[${a.name}]`);
            if ((a.name === 'href' || a.name === 'src') && !/^https:/.test(a.value)) problems.push(`${e.tagName}[${a.name}=${a.value}]`);
          }
          return problems;
        }),
      );
      assert.deepEqual(found, []);
      assert.deepEqual(await preview.page.$$eval('.tree a[href]', (links) => links.map((a) => a.getAttribute('href'))), ['https://example.org/ok', 'https://example.org/note']);
      assert.equal(await preview.page.locator('#riposte-preview').count(), 1, 'no id clobbering');
      assert.equal(await preview.page.locator('.excerpt p').first().isVisible(), true, 'styles were not injected');
      // Chromium checks inline handlers and style attributes against the CSP as the HTML is parsed — even
      // into an inert <template>, before the sanitizer drops them — and reports each one. Those reports, and
      // only those, are expected here: nothing was fetched, framed or run.
      const { violations } = await preview.recorded();
      assert.ok(violations.length > 0);
      assert.deepEqual([...new Set(violations.map((v) => `${v.directive} ${v.blocked}`))].sort(), ['script-src-attr inline', 'style-src-attr inline']);
      await preview.page.evaluate('window.__riposteTest.violations.length = 0');
      await preview.waitForConsoleErrors(violations.length);
      preview.consoleErrors.length = 0;
    });

    it('runs under the CSP: an injected inline script is blocked and reported', async () => {
      preview = await PreviewPage.open(browser);
      await preview.page.evaluate(`(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__pwned = "inline"';
        document.body.append(script);
        const img = document.createElement('img');
        img.setAttribute('onerror', 'window.__pwned = "handler"');
        img.src = 'data:,broken';
        document.body.append(img);
      })()`);
      await preview.page.waitForFunction('window.__riposteTest.violations.length >= 2');
      assert.equal(await preview.sentinel(), undefined);
      const { violations } = await preview.recorded();
      assert.ok(violations.every((v) => v.directive.startsWith('script-src')), JSON.stringify(violations));
      // Expected here, so not left for the after-each check.
      await preview.page.evaluate('window.__riposteTest.violations.length = 0');
      await preview.waitForConsoleErrors(2);
      preview.consoleErrors.length = 0;
    });

    it('turns command: and data: links into plain text, and a click on them opens nothing', async () => {
      const model = modelOf(SCHEME_LINKS, 'schemes.reply.md');
      preview = await PreviewPage.open(browser);
      await preview.render(model);
      assert.deepEqual(await preview.page.$$eval('.tree a', (links) => links.map((a) => a.getAttribute('href'))), ['https://example.org/ok']);
      assert.deepEqual(await preview.page.$$eval('.tree img', (images) => images.map((image) => image.getAttribute('src'))), []);
      const text = (await preview.page.locator('.tree').textContent()) ?? '';
      assert.ok(text.includes('this') && text.includes('Fix all'), 'the link text is still shown');
      // A click on each excerpt that held such a link (it selects the node's lines), then on the web link.
      for (const name of ['Run', 'Fix all']) await preview.page.locator('.tree .excerpt', { hasText: name }).first().click();
      await preview.page.getByRole('link', { name: 'ok' }).click();
      const opened = (await preview.waitForPosted(4)).filter((message) => message.type === 'open-link');
      assert.deepEqual(opened, [{ type: 'open-link', href: 'https://example.org/ok' }]);
      assert.equal(await preview.sentinel(), undefined);
      assert.equal(preview.navigations.length, 1, `navigations: ${preview.navigations.join(', ')}`);
    });

    it('drops command: and data: links and data: SVG images even when the host sends them', async () => {
      const base = modelOf(LINKS, 'schemes.reply.md');
      const html = [
        '<p><a href="command:workbench.action.terminal.new">cmd</a> <a href="COMMAND:x">upper</a> <a href=" command:x">spaced</a></p>',
        '<p><a href="data:text/html,%3Cscript%3Ewindow.__pwned=1%3C/script%3E">data</a> <a href="vscode://file/etc/passwd">vscode</a></p>',
        '<p><img src="data:image/svg+xml,%3Csvg onload=%22window.__pwned=1%22/%3E" alt="svg"><img src="data:text/html,x" alt="html"></p>',
      ].join('');
      preview = await PreviewPage.open(browser);
      await preview.render({ ...base, nodes: [{ ...base.nodes[0], html, hash: 'schemes', children: base.nodes[0].children }, ...base.nodes.slice(1)] });
      const found = await preview.page.$$eval('.tree a[href], .tree img[src]', (elements) => elements.map((e) => e.getAttribute('href') ?? e.getAttribute('src')));
      assert.deepEqual(found, ['https://example.org/note']);
      await preview.page.getByText('cmd', { exact: true }).click();
      await preview.page.getByText('data', { exact: true }).click();
      assert.deepEqual((await preview.posted()).filter((message) => message.type === 'open-link'), []);
      assert.equal(await preview.sentinel(), undefined);
    });

    it('shows SVG that carries script as text; no svg element reaches the page and nothing runs', async () => {
      preview = await PreviewPage.open(browser);
      const requests: string[] = [];
      preview.page.on('request', (request) => requests.push(request.url()));
      await preview.render(modelOf(SVG_SCRIPT, 'svg.reply.md'));
      await preview.page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      assert.equal(await preview.page.locator('svg, foreignObject, iframe, script:not([nonce])').count(), 0);
      assert.deepEqual(await preview.page.$$eval('.tree img', (images) => images.map((image) => image.getAttribute('src'))), []);
      const text = (await preview.page.locator('.tree').textContent()) ?? '';
      assert.ok(text.includes("<svg><script>window.__pwned = 'svg script'</script></svg>"), 'the SVG is shown as the text it is');
      assert.ok(text.includes('onbegin='));
      await preview.page.locator('.tree').getByText(/svg link/).first().hover();
      assert.equal(await preview.sentinel(), undefined);
      assert.deepEqual(requests.filter((url) => !url.startsWith('file:')), []);
    });

    it('keeps a draft’s CSS out: no <style>, no style attribute, nothing covered, hidden or fetched', async () => {
      preview = await PreviewPage.open(browser);
      const requests: string[] = [];
      preview.page.on('request', (request) => requests.push(request.url()));
      const sheetsBefore = await preview.page.evaluate('document.styleSheets.length');
      await preview.render(modelOf(CSS_INJECTION, 'css.reply.md'));
      assert.equal(await preview.page.evaluate('document.styleSheets.length'), sheetsBefore, 'no stylesheet was added');
      assert.equal(await preview.page.locator('#riposte-preview style, #riposte-preview link, #riposte-preview [style]').count(), 0);
      const text = (await preview.page.locator('.tree').textContent()) ?? '';
      assert.ok(text.includes('<style>* { display: none !important }'), 'the style tag is shown as text');
      assert.ok(text.includes('position: fixed; inset: 0'));
      // What the user sees: the first node is visible, and the page centre shows the tree, not an overlay.
      assert.equal(await preview.page.locator('[role="treeitem"]').first().isVisible(), true);
      const atCentre = await preview.page.evaluate('(() => { const e = document.elementFromPoint(innerWidth / 2, 60); return e ? e.closest("#riposte-preview") !== null : false; })()');
      assert.equal(atCentre, true, 'nothing covers the preview');
      assert.equal(await preview.page.evaluate('getComputedStyle(document.body).backgroundImage'), 'none');
      assert.deepEqual(requests.filter((url) => !url.startsWith('file:')), []);
    });

    it('renders a 1 MB single line at once: its beginning shown, the rest counted, nothing frozen', async function () {
      this.timeout(180_000);
      // One line of a megabyte: words with hostile markup in it, and a run of 100 000 characters with no
      // space at all (a pasted base64 blob). Laid out whole, the run alone froze the page for nine seconds.
      const words: string[] = [];
      for (let n = 0, length = 0; length < 1024 * 1024 - 100_000; n++) {
        words.push(n % 50 === 49 ? `<script>window.__pwned=${n}</script>` : `word${n}`);
        length += words[words.length - 1].length + 1;
      }
      const line = `${'A'.repeat(100_000)} ${words.join(' ')} THE-END-OF-THE-LINE`;
      assert.ok(line.length >= 1024 * 1024 && !line.includes('\n'));
      const text = `Ann wrote:\n> Short point.\n\n${line}\n`;
      const started = Date.now();
      const model = modelOf(text, 'one-line.reply.md', 1, []);
      const modelMs = Date.now() - started;
      preview = await PreviewPage.open(browser, { height: 700 });
      const result = await preview.render(model);
      const reply = preview.page.locator('.excerpt', { hasText: 'more characters not shown' });
      assert.equal(await reply.count(), 1);
      const shown = (await reply.textContent()) ?? '';
      assert.ok(shown.startsWith('AAAA') && shown.length < 11_000, `${shown.length} characters shown`);
      assert.match(shown, new RegExp(`\\(${(line.length - MAX_EXCERPT_CHARS).toLocaleString('en-US')} more characters not shown\\)`));
      // Wrapped: the page scrolls down, never sideways, even with the run that has no space in it.
      const overflow = (await preview.page.evaluate('document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth')) as number;
      assert.ok(overflow <= 0, `the page scrolls ${overflow} px sideways`);
      await preview.page.locator('[role="treeitem"]').first().locator('.row .meta').first().click();
      const posted = await preview.waitForPosted(2, 5000);
      assert.equal(posted[1].type, 'select-lines');
      assert.ok((await preview.inputToPostMs()) < 500, 'a click is answered promptly');
      assert.equal(await preview.sentinel(), undefined);
      console.log(`      1 MB single line: model ${modelMs} ms, render ${result.stats.ms.toFixed(0)} ms DOM / ${result.frameMs.toFixed(0)} ms to next frame`);
      assert.ok(result.frameMs < 3_000, `render took ${result.frameMs} ms`);
    });

    it('renders a 2 MB hostile draft, stays responsive and re-renders one changed node cheaply', async function () {
      this.timeout(180_000);
      const text = hostileDraft(2 * 1024 * 1024);
      assert.ok(text.length >= 2 * 1024 * 1024);
      // Linting all 2 MB takes the core tens of seconds; findings of the first 64 kB are enough for badges.
      const diagnostics = lint(text.slice(0, 64 * 1024));
      let started = Date.now();
      const model = modelOf(text, 'huge.reply.md', 1, diagnostics);
      const modelMs = Date.now() - started;
      const nodes = allNodes(model);
      preview = await PreviewPage.open(browser, { height: 700 });
      const first = await preview.render(model);
      const rendered = await preview.page.locator('[role="treeitem"]').count();
      assert.equal(first.stats.total, nodes.length);
      assert.equal(rendered, first.stats.created);
      assert.ok(rendered < nodes.length, 'deep levels are built lazily');

      // Responsive: a click on a node far down is handled promptly after the render.
      const target = model.nodes[model.nodes.length - 1];
      await preview.page.locator(`${item(target.key)} > .row`).scrollIntoViewIfNeeded();
      started = Date.now();
      await preview.page.locator(`${item(target.key)} > .row .meta`).click();
      const posted = await preview.waitForPosted(2, 5000);
      const clickMs = Date.now() - started;
      const handledMs = await preview.inputToPostMs();
      assert.deepEqual(posted[1], { type: 'select-lines', startLine: target.startLine, endLine: target.endLine });

      // One node's text changes: only that node is rebuilt.
      const changed = text.replace('Reply 7: the packagers', 'Reply 7: the maintainers');
      const next = modelOf(changed, 'huge.reply.md', 2, diagnostics);
      const second = await preview.render(next);
      assert.deepEqual([second.stats.created, second.stats.removed], [1, 1]);

      const reveal = await preview.send({ type: 'reveal-line', line: nodes[nodes.length - 1].startLine, scroll: true });
      const expandAll = await preview.send({ type: 'expand-all' });
      assert.equal(await preview.page.locator('[role="treeitem"]').count(), nodes.length);

      assert.equal(await preview.sentinel(), undefined);
      console.log(
        `      2 MB draft: ${nodes.length} nodes (${rendered} built), model ${modelMs} ms; first render ${first.stats.ms.toFixed(0)} ms DOM / ${first.frameMs.toFixed(0)} ms to next frame; ` +
          `click→select-lines ${handledMs.toFixed(0)} ms in the page (${clickMs} ms through Playwright); one changed node ${second.stats.ms.toFixed(1)} ms DOM / ${second.frameMs.toFixed(0)} ms to next frame (updated ${second.stats.updated}); ` +
          `reveal-line ${reveal.frameMs.toFixed(0)} ms; expand all ${expandAll.frameMs.toFixed(0)} ms`,
      );
      assert.ok(first.frameMs < 10_000, `first render took ${first.frameMs} ms`);
      assert.ok(clickMs < 3_000, `click took ${clickMs} ms`);
      assert.ok(handledMs < 500, `the click was answered after ${handledMs} ms`);
      assert.ok(second.frameMs < 1_000, `re-render took ${second.frameMs} ms`);
    });
  });

  describe('the bundle and the static export', () => {
    it('ships a small script without the core’s code, and sets innerHTML only from the excerpt html', () => {
      const script = readFileSync(MEDIA_SCRIPT, 'utf8');
      assert.ok(script.length < 100_000, `${script.length} bytes`);
      assert.doesNotMatch(script, /markdown-it|MarkdownIt|linkify/);
      const webview = join(REPO_ROOT, 'src', 'webview');
      const sources = readdirSync(webview).filter((name) => name.endsWith('.ts')).map((name) => readFileSync(join(webview, name), 'utf8')).join('\n');
      assert.deepEqual(sources.match(/\.(?:innerHTML|outerHTML)\s*=.*|insertAdjacentHTML|document\.write|\bon[a-z]+\s*=/g), ['.innerHTML = html; // inert: nothing in a template\'s content runs or loads']);
      assert.doesNotMatch(readFileSync(MEDIA_STYLE, 'utf8'), /#[0-9a-f]{3,8}\b|rgb\(/i, 'preview.css uses theme variables only');
    });

    it('exports a page that works without scripts, in light and dark', async () => {
      const model = modelOfFile(MAILING_LIST);
      const html = exportHtml(model, readFileSync(MEDIA_STYLE, 'utf8'));
      const dir = mkdtempSync(join(tmpdir(), 'riposte-export-'));
      try {
        writeFileSync(join(dir, 'export.html'), html);
        for (const colorScheme of ['light', 'dark'] as const) {
          const page = await browser.newPage({ colorScheme, javaScriptEnabled: true });
          const violations: string[] = [];
          page.on('console', (message) => {
            if (message.type() === 'error') violations.push(message.text());
          });
          await page.goto(pathToFileURL(join(dir, 'export.html')).href);
          assert.equal(await page.locator('script').count(), 0);
          assert.equal(await page.locator('li.tree-node').count(), allNodes(model).length);
          const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
          assert.equal(background, colorScheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(31, 31, 31)');
          // The inline style is allowed by its hash: the layout rules apply.
          assert.equal(await page.locator('.summary').evaluate((e) => e.ownerDocument.defaultView.getComputedStyle(e).position), 'sticky');
          const details = page.locator('details').first();
          assert.equal(await details.getAttribute('open'), '');
          await details.locator(':scope > summary').click();
          assert.equal(await details.getAttribute('open'), null);
          assert.deepEqual(violations, []);
          if (colorScheme === 'light') await page.screenshot({ path: join(REPO_ROOT, 'out', 'test', 'browser', 'export-light.png'), fullPage: true });
          await page.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
