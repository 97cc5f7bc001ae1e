import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { changeBetween, riposteMarkdownIt } from '../../src/core/preview/markdownIt';
import { renderExcerpt } from '../../src/core/preview/viewModel';
import { REPO_ROOT } from '../paths';

/**
 * Renders as VS Code's Markdown preview does: its own markdown-it with the plugin, parsed without knowing the
 * file (VS Code caches those tokens), then rendered twice from the same tokens with the file in env.
 */
function render(text: string, path = '/drafts/thread.reply.md'): string {
  const md = new MarkdownIt({ html: true });
  md.use(riposteMarkdownIt);
  const tokens = md.parse(text, { currentDocument: undefined });
  const first = md.renderer.render(tokens, md.options, { currentDocument: { path } });
  assert.equal(md.renderer.render(tokens, md.options, { currentDocument: { path } }), first, 'rendering the cached tokens again gives the same page');
  return first;
}

const chips = (html: string) => [...html.matchAll(/<div class="riposte-chip ([^"]*)"[^>]*>([^<]*)<\/div>/g)].map((match) => `${match[2]} (${match[1]})`);

describe('markdown-it plugin for VS Code’s Markdown preview', () => {
  it('names each quote’s speaker in a chip and colours it as the Reply Tree does, nested as it nests', () => {
    const html = render(readFileSync(join(REPO_ROOT, 'examples', 'mailing-list.reply.md'), 'utf8'));
    // Speakers in the draft's order: Priya Raman (0), Tom Becker (1), as in the Reply Tree's legend.
    assert.deepEqual(chips(html), ['Tom Becker (riposte-speaker-1)', 'Priya Raman (riposte-speaker-0)', 'Tom Becker (riposte-speaker-1)', 'Tom Becker (riposte-speaker-1)']);
    assert.match(html, /<blockquote class="riposte-quote riposte-speaker-1" data-riposte-speaker="Tom Becker">\s*<div class="riposte-chip riposte-speaker-1"[^>]*>Tom Becker<\/div>\s*<p class="riposte-attribution">On Mon, 15 Jun 2020/);
    assert.match(html, /<blockquote class="riposte-quote riposte-speaker-0" data-riposte-speaker="Priya Raman">\s*<div class="riposte-chip riposte-speaker-0"[^>]*>Priya Raman<\/div>\s*<p>The release branch/);
    assert.match(html, /<p class="riposte-attribution">On Tue, Jun 16, 2020 at 11:17 PM Tom Becker/);
  });

  it('leaves ordinary Markdown as markdown-it renders it: a README’s quote is no one’s', () => {
    const text = '# Notes\n\n> Simplicity is prerequisite for reliability.\n\nIndeed.\n';
    assert.equal(render(text, '/docs/README.md'), new MarkdownIt({ html: true }).render(text));
  });

  it('marks an unattributed quote in a draft without a chip, and never a callout', () => {
    const html = render('> Nobody measured this.\n\nI did.\n\n> [!NOTE]\n> Drafts are public.\n');
    assert.deepEqual(chips(html), []);
    assert.match(html, /<blockquote class="riposte-quote riposte-speaker-unknown">\s*<p>Nobody measured this/);
    assert.match(html, /<blockquote>\s*<p>\[!NOTE\]/);
  });

  it('leaves text rendered for no file alone (a hover, another extension’s render of a string)', () => {
    const md = new MarkdownIt();
    md.use(riposteMarkdownIt);
    assert.doesNotMatch(md.render('> **Ana:** Claim.\n\nAnswer.\n', {}), /riposte-/);
  });

  it('leaves parsing as it was: VS Code’s Markdown language server parses every file with it and sends the tokens as JSON', () => {
    const md = new MarkdownIt();
    md.use(riposteMarkdownIt);
    const text = readFileSync(join(REPO_ROOT, 'examples', 'mailing-list.reply.md'), 'utf8');
    assert.equal(JSON.stringify(md.parse(text, {})), JSON.stringify(new MarkdownIt().parse(text, {})));
  });

  it('escapes a speaker’s name', () => {
    const html = render('---\nreplying-to: Ana <img src=x onerror=alert(1)>\n---\n> Hi.\n\nHello.\n');
    assert.deepEqual(chips(html), ['Ana &lt;img src=x onerror=alert(1)&gt; (riposte-speaker-0)']);
    assert.match(html, /data-riposte-speaker="Ana &lt;img src=x onerror=alert\(1\)&gt;"/);
  });

  it('follows edits incrementally: after each of 300 random edits the page equals a fresh render’s', () => {
    let seed = 16;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const pieces = ['> ', '>> ', '\n', '\r\n', '\n\n', 'On Mon, Ana <a@x.org> wrote:\n', 'Bo wrote:\n', '**Cy:** ', 'word ', '😀', '[quote="dee"]', '[/quote]', '# Head\n'];
    const live = new MarkdownIt();
    live.use(riposteMarkdownIt);
    const env = { currentDocument: { path: '/drafts/edited.reply.md' } };
    let text = readFileSync(join(REPO_ROOT, 'examples', 'mailing-list.reply.md'), 'utf8');
    for (let step = 0; step < 300; step++) {
      const before = text;
      const at = random(text.length + 1);
      const cut = random(4) === 0 ? random(12) : 0;
      text = text.slice(0, at) + (random(3) === 0 ? '' : pieces[random(pieces.length)]) + text.slice(at + cut);
      // The change names whole lines of the text before and turns it into the text after.
      const change = changeBetween(before, text);
      const lines = before.split(/(?<=\r\n|\n|\r(?!\n))/);
      const offset = (position: { line: number; character: number }) => lines.slice(0, position.line).join('').length + position.character;
      assert.equal(before.slice(0, offset(change.range.start)) + change.text + before.slice(offset(change.range.end)), text, `step ${step}`);
      const fresh = new MarkdownIt();
      fresh.use(riposteMarkdownIt);
      assert.equal(live.render(text, env), fresh.render(text, env), `step ${step}: ${JSON.stringify(text)}`);
    }
  });
});

describe('Riposte’s own markdown-it parsers', () => {
  // The shipped bundles replace linkify-it with a stub (src/shims/linkify-it.ts) that finds no links: it
  // stays right only while no parser of Riposte's turns `linkify` on. This test runs on the unbundled
  // build, with the real linkify-it, so turning it on would show here.
  it('leave a bare address as text in the reply tree’s excerpts (linkify off), and keep written links', () => {
    const html = renderExcerpt('See https://example.org/thread and [the post](https://example.org/post).');
    assert.ok(!html.includes('href="https://example.org/thread"'), html);
    assert.ok(html.includes('<a href="https://example.org/post">the post</a>'), html);
  });
});
