import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyViewPatch, buildViewModel, diffViewModels, Diagnostic, lint, parseDraft, sentModelOf, ViewModel, ViewNode } from '../../src/core';
import { escapeHtml, exportHtml, previewHtml, sha256Base64 } from '../../src/core/preview/html';
import { hasDrafterReply, lineRangeLabel, nodeMetaLabel, speakerLabel } from '../../src/core/preview/labels';
import { REPO_ROOT } from '../paths';

function model(text: string, diagnostics: readonly Diagnostic[] = lint(text), file = 'draft.reply.md'): ViewModel {
  return buildViewModel(parseDraft(text), diagnostics, file, 1);
}

function all(nodes: readonly ViewNode[]): ViewNode[] {
  return nodes.flatMap((node) => [node, ...all(node.children)]);
}

function finding(line: number, rule = 'repeated-words'): Diagnostic {
  return { rule, severity: 'warning', message: `finding on line ${line + 1}`, range: { start: { line, character: 0 }, end: { line, character: 1 } }, related: [], fixes: [] };
}

const THREAD = `Ann wrote:
> Cache the resolved tree.
>
> Bob wrote:
>> Cold installs are rare.
>
> Not on ephemeral runners.

They are, and here is why.

Ann wrote:
> Nobody measured this.
`;

describe('preview view model', () => {
  const mailingList = readFileSync(join(REPO_ROOT, 'examples', 'mailing-list.reply.md'), 'utf8');

  it('lists speakers with palette indexes by first appearance', () => {
    const view = model(mailingList);
    assert.deepEqual(view.speakers, [
      { name: 'Priya Raman', inferred: false, colour: 0 },
      { name: 'Tom Becker', inferred: false, colour: 1 },
    ]);
    for (const node of all(view.nodes)) {
      if (node.speaker) assert.equal(view.speakers[node.speakerIndex].name, node.speaker);
    }
  });

  it('nests quotes as written and puts each reply under the quote it answers', () => {
    const view = model(THREAD);
    const shape = (nodes: readonly ViewNode[]): unknown[] => nodes.map((node) => [node.kind, node.speaker, node.depth, node.startLine, node.endLine, shape(node.children)]);
    assert.deepEqual(shape(view.nodes), [
      [
        'quote', 'Ann', 1, 1, 6,
        [
          ['quote', 'Bob', 2, 4, 4, [['reply', 'Ann', 1, 6, 6, []]]],
          ['reply', null, 0, 8, 8, []],
        ],
      ],
      ['quote', 'Ann', 1, 11, 11, []],
    ]);
    // The drafter: no name, no palette entry.
    assert.equal(view.nodes[0].children[1].speakerIndex, -1);
    assert.deepEqual(view.summary, { speakers: 2, quotes: 3, replies: 2, unanswered: 1, findings: 1 });
    assert.equal(view.nodes[1].badges[0].rule, 'unanswered-quote');
  });

  it('counts the real examples', () => {
    assert.deepEqual(model(mailingList).summary, { speakers: 2, quotes: 4, replies: 3, unanswered: 1, findings: 1 });
    const real = readFileSync(join(REPO_ROOT, 'examples', 'interpretability-reply.reply.md'), 'utf8');
    const view = model(real);
    assert.equal(view.nodes.length, 22);
    assert.deepEqual(view.summary, { speakers: 0, quotes: 0, replies: 22, unanswered: 0, findings: 4 });
  });

  it('puts a badge on the innermost node holding the finding’s first line, once', () => {
    const view = model(THREAD, [finding(4), finding(1), finding(8)]);
    const [outer] = view.nodes;
    const inner = outer.children[0];
    assert.deepEqual(inner.badges.map((badge) => badge.message), ['finding on line 5']);
    assert.deepEqual(outer.badges.map((badge) => badge.message), ['finding on line 2']);
    assert.deepEqual(outer.children[1].badges.map((badge) => badge.message), ['finding on line 9']);
    assert.equal(all(view.nodes).flatMap((node) => node.badges).length, 3);
    assert.equal(inner.badges[0].label, 'repeated words');
    assert.equal(inner.badges[0].severity, 'warning');
  });

  it('keeps keys and hashes when an unrelated paragraph changes, and changes the edited node’s', () => {
    const before = all(model(THREAD).nodes);
    const after = all(model(THREAD.replace('Nobody measured this.', 'Nobody measured that.')).nodes);
    assert.equal(after.length, before.length);
    const edited = before.findIndex((node) => node.html.includes('Nobody measured this.'));
    for (const [index, node] of before.entries()) {
      if (index === edited) {
        assert.notEqual(after[index].key, node.key);
        assert.notEqual(after[index].hash, node.hash);
      } else {
        assert.equal(after[index].key, node.key);
        assert.equal(after[index].hash, node.hash, `hash of ${node.html}`);
      }
    }
  });

  it('keeps keys and hashes when lines shift: only the lines of moved nodes change', () => {
    // No findings: their messages name lines, and a badge whose text changes does change its node's hash.
    const before = all(model(THREAD, []).nodes);
    const after = all(model(`A new first paragraph.\n\n${THREAD}`, []).nodes);
    assert.equal(after.length, before.length + 1);
    const afterByKey = new Map(after.map((node) => [node.key, node]));
    for (const node of before) {
      const same = afterByKey.get(node.key);
      assert.ok(same, `key of ${node.kind} at ${node.startLine} kept`);
      assert.equal(same.startLine, node.startLine + 2);
      assert.equal(same.endLine, node.endLine + 2);
      assert.equal(same.hash, node.hash);
    }
  });

  it('changes a parent’s hash when a child moves within it', () => {
    const before = model(THREAD).nodes[0];
    const after = model(THREAD.replace('> Bob wrote:', '>\n> Bob wrote:')).nodes[0];
    assert.equal(after.key, before.key);
    assert.notEqual(after.hash, before.hash);
  });

  it('tells repeated identical paragraphs apart by occurrence', () => {
    const view = model('Same words.\n\nSame words.\n', []);
    assert.equal(view.nodes.length, 2);
    assert.notEqual(view.nodes[0].key, view.nodes[1].key);
  });

  it('escapes raw HTML and drops script links in excerpts', () => {
    const text = [
      'Look: <script>alert(1)</script>',
      '',
      'An image <img src=x onerror=alert(1)> here.',
      '',
      '[x](javascript:alert(1)) and [ok](https://example.org/) and [y](JaVaScRiPt:alert(1)) and [z](data:text/html,<script>alert(1)</script>)',
      '',
      'Eve wrote:',
      '> Quoted <iframe src="javascript:alert(1)"></iframe> words.',
    ].join('\n');
    const view = model(text);
    assert.equal(all(view.nodes).length, 4);
    const html = all(view.nodes).map((node) => node.html).join('\n');
    assert.doesNotMatch(html, /<script|<img|<iframe|href="javascript:/i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /\[x\]\(javascript:alert\(1\)\)/);
    assert.match(html, /Quoted &lt;iframe src=&quot;javascript:alert\(1\)&quot;&gt;&lt;\/iframe&gt; words\./);
    assert.match(html, /<a href="https:\/\/example\.org\/">ok<\/a>/);
    assert.equal((html.match(/<a /g) ?? []).length, 1);
  });
});

describe('preview HTML', () => {
  const options = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=', scriptUri: 'https://x.vscode-cdn.net/media/preview.js', styleUri: 'https://x.vscode-cdn.net/media/preview.css' };

  it('has a strict CSP that lets in only the nonce’d script and the extension’s styles', () => {
    const html = previewHtml(options);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(csp);
    const directives = new Map(csp.split(';').map((part) => part.trim()).filter(Boolean).map((part) => [part.split(' ')[0], part.split(' ').slice(1).join(' ')]));
    assert.equal(directives.get('default-src'), `'none'`);
    assert.equal(directives.get('script-src'), `'nonce-${options.nonce}'`);
    assert.equal(directives.get('style-src'), options.cspSource);
    assert.equal(directives.get('img-src'), `${options.cspSource} https: data:`);
    assert.doesNotMatch(csp, /unsafe/);
    assert.match(html, new RegExp(`<script nonce="${options.nonce}" src="${options.scriptUri}"></script>`));
    assert.match(html, new RegExp(`<link rel="stylesheet" href="${options.styleUri}">`));
    assert.match(html, /<main id="riposte-preview"/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('refuses a nonce or CSP source that could change the policy', () => {
    assert.throws(() => previewHtml({ ...options, nonce: "abc' 'unsafe-inline" }), /nonce/);
    assert.throws(() => previewHtml({ ...options, nonce: 'short' }), /nonce/);
    assert.throws(() => previewHtml({ ...options, cspSource: "https: 'unsafe-eval'" }), /cspSource/);
    // code-server's real value: a source list with the 'self' keyword.
    assert.match(previewHtml({ ...options, cspSource: "'self' https://*.vscode-cdn.net" }), /style-src 'self' https:\/\/\*\.vscode-cdn\.net;/);
    assert.throws(() => previewHtml({ ...options, cspSource: 'https:; script-src *' }), /cspSource/);
  });

  it('escapes URIs and the embedded state', () => {
    const html = previewHtml({ ...options, scriptUri: 'https://x/"><script>alert(1)</script>', state: { file: '"><script>alert(1)</script>', collapsed: ['a'] } });
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    const state = /data-state="([^"]*)"/.exec(html)?.[1];
    assert.ok(state);
    const decoded = state.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(decoded), { file: '"><script>alert(1)</script>', collapsed: ['a'] });
  });

  it('exports a static page without scripts, its style allowed by hash', () => {
    const text = `---\nauthor: <b>Me</b>\nreplying-to: <img src=x onerror=alert(1)>\n---\n> <script>alert(1)</script> quoted\n\nA reply with [a link](https://example.org/).\n`;
    const view = model(text, lint(text), 'x"><script>.reply.md');
    const css = '.tree { color: red; } </style><script>alert(1)</script>';
    const html = exportHtml(view, css);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i);
    const style = /<style>([\s\S]*)<\/style>/.exec(html)?.[1];
    assert.ok(style);
    assert.doesNotMatch(style, /<\/style/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(csp);
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(csp.includes(`style-src 'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`));
    assert.doesNotMatch(csp, /script-src|unsafe/);
    assert.match(html, /prefers-color-scheme: dark/);
    assert.match(html, /--vscode-editor-background:/);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'speaker names are escaped');
    assert.ok(html.includes('x&quot;&gt;&lt;script&gt;.reply.md'), 'the file name is escaped');
    assert.ok(html.includes('<a rel="noopener noreferrer" href="https://example.org/">a link</a>'));
    // A node with children folds with <details open>; leaves are plain.
    assert.match(html, /<details open><summary class="row">/);
    assert.equal((html.match(/<li class="tree-node /g) ?? []).length, all(view.nodes).length);
  });

  it('escapes text for content and attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('computes SHA-256 like Node does', () => {
    const samples = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), 'Grüße — “quotes” 🙂', '\ud800 lone surrogate'];
    for (const sample of samples) assert.equal(sha256Base64(sample), createHash('sha256').update(sample, 'utf8').digest('base64'), JSON.stringify(sample.slice(0, 20)));
  });
});

describe('preview labels', () => {
  it('writes a line range 1-based, with an en dash', () => {
    assert.equal(lineRangeLabel(2), 'line 3');
    assert.equal(lineRangeLabel(2, 2), 'line 3');
    assert.equal(lineRangeLabel(2, 4), 'lines 3–5');
    assert.equal(nodeMetaLabel({ depth: 1, startLine: 0, endLine: 1 }), 'depth 1 · lines 1–2');
  });

  it('calls the drafter “You”, a listed speaker by name and palette colour, anyone else unknown', () => {
    const speakers = [{ name: 'Ann', inferred: false, colour: 9 }];
    assert.deepEqual(speakerLabel({ kind: 'reply', depth: 0, speaker: null, speakerIndex: -1 }, speakers), { name: 'You', className: 'speaker-you' });
    assert.deepEqual(speakerLabel({ kind: 'quote', depth: 1, speaker: 'Ann', speakerIndex: 0 }, speakers), { name: 'Ann', className: 'speaker-1' });
    assert.deepEqual(speakerLabel({ kind: 'quote', depth: 1, speaker: null, speakerIndex: -1 }, speakers), { name: 'Unknown speaker', className: 'speaker-unknown' });
    assert.deepEqual(speakerLabel({ kind: 'reply', depth: 1, speaker: null, speakerIndex: -1 }, speakers), { name: 'Unknown speaker', className: 'speaker-unknown' });
  });

  it('finds the drafter’s replies however deep in the tree, and none when the front matter names the author', () => {
    // THREAD's drafter reply sits under Ann's first quote, which it answers.
    assert.ok(!model(THREAD).nodes.some((node) => node.kind === 'reply'));
    assert.equal(hasDrafterReply(model(THREAD).nodes), true);
    assert.equal(hasDrafterReply(model(`---\nauthor: Cy\n---\n${THREAD}`).nodes), false);
  });
});

describe('preview patches', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
  const mailingList = generateDraft(40 * 1024, 5);
  const versioned = (text: string, version: number, file = 'draft.reply.md') => buildViewModel(parseDraft(text), lint(text), file, version);
  const plain = (value: ViewModel) => JSON.parse(JSON.stringify(value)) as ViewModel;

  // Edits of several kinds: one word, lines added above everything, a paragraph removed, a new quote at the end.
  const lines = mailingList.split('\n');
  const middle = lines.findIndex((line, index) => index > lines.length / 2 && /^[A-Z]/.test(line));
  // A reply paragraph after the front matter and the first exchange.
  const early = lines.findIndex((line, index) => index > 20 && lines[index - 1] === '' && /^[A-Z]/.test(line));
  const edits: Array<[string, string]> = [
    ['a word in a reply', lines.map((line, index) => (index === middle ? line.replace(/\w+/, 'Changed') : line)).join('\n')],
    ['lines added near the top', lines.map((line, index) => (index === early ? `A new paragraph.\n\nAnd another.\n\n${line}` : line)).join('\n')],
    ['a paragraph removed', lines.filter((_, index) => index !== middle).join('\n')],
    ['a quote added at the end', `${mailingList}\n\nPriya Raman wrote:\n> Something new.\n`],
  ];
  for (const [what, edited] of edits) {
    it(`rebuilds the new model exactly from the old one and a patch (${what})`, () => {
      const before = plain(versioned(mailingList, 1));
      const after = versioned(edited, 2);
      const patch = diffViewModels(before, after);
      assert.ok(patch, 'a small edit goes as a patch');
      // The host keeps only the skeleton of what it sent: the same patch comes of it.
      assert.deepEqual(diffViewModels(sentModelOf(before), after), patch);
      assert.deepEqual(applyViewPatch(before, JSON.parse(JSON.stringify(patch)) as typeof patch), plain(after));
      assert.ok(JSON.stringify(patch).length < JSON.stringify(after).length / 2, 'the patch is smaller than the model');
    });
  }

  it('sends nothing but kept runs for the top-level nodes an edit did not touch', () => {
    const before = versioned(mailingList, 1);
    const after = versioned(edits[0][1], 2);
    const patch = diffViewModels(before, after)!;
    const sent = patch.nodes.filter((item) => !('keep' in item));
    assert.equal(sent.length, 1);
  });

  it('refuses a patch made against another version or file, and sends a full render for another file', () => {
    const before = versioned(mailingList, 1);
    const after = versioned(edits[0][1], 2);
    const patch = diffViewModels(before, after)!;
    assert.equal(applyViewPatch({ ...before, version: 7 }, patch), null);
    assert.equal(applyViewPatch({ ...before, file: 'other.reply.md' }, patch), null);
    assert.equal(diffViewModels(before, versioned(edits[0][1], 2, 'other.reply.md')), null);
  });
});
