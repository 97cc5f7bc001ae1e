import * as assert from 'node:assert/strict';
import { parseDraft } from '../../src/core';
import { splitLines, splitLineTexts } from '../../src/core/text';

describe('parseDraft', () => {
  it('finds the same blocks whether markdown-it reads the text itself or the joined lines (front matter too)', () => {
    // Text with CR line breaks takes the joined-lines path; '\n'-only text is handed over as it is.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
    const blocks = (source: string) => parseDraft(source).units.map((unit) => `${unit.kind} ${unit.startLine}-${unit.endLine} d${unit.depth}`);
    const withFrontMatter = generateDraft(30 * 1024, 2);
    assert.ok(parseDraft(withFrontMatter).frontMatter, 'the generated draft has front matter');
    for (const text of [withFrontMatter, withFrontMatter.replace(/^---\n[^]*?\n---\n/, ''), '---\ntitle: only front matter\n---']) {
      assert.deepEqual(blocks(text), blocks(text.replace(/\n/g, '\r\n')));
    }
  });

  it('finds the same blocks in text with NUL characters as markdown-it does after replacing them', () => {
    // markdown-it's own normalisation (turned off: it copied the whole text) replaces NUL with U+FFFD.
    const text = 'Para one\0 with nul.\n\n> quote\0\n> more\n\n```\ncode\0\n```\n\n- item\0\n- next\n\n    indented\0\n\n<div>\0</div>\n\nlast\0';
    const blocks = (source: string) => parseDraft(source).units.map((unit) => `${unit.kind} ${unit.startLine}-${unit.endLine} d${unit.depth}`);
    assert.deepEqual(blocks(text), blocks(text.replace(/\0/g, '\uFFFD')));
    assert.equal(blocks(text).length, 8); // paragraph, quote, code, two items and a second paragraph of the last one, HTML, paragraph
  });
});

describe('splitLineTexts', () => {
  it('gives the lines and line ends splitLines gives, without offsets, with or without carriage returns', () => {
    const samples = ['', 'one', 'one\n', '\n\n', 'a\nb\r\nc\rd\n\re', 'a\r\n', 'x\ny\nz', '\r', 'tail\n\n'];
    for (const sample of samples) {
      assert.deepEqual(
        splitLineTexts(sample),
        splitLines(sample).map(({ text, eol }) => ({ text, eol })),
        JSON.stringify(sample),
      );
    }
  });
});
