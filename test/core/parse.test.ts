import * as assert from 'node:assert/strict';
import { parseDraft } from '../../src/core';
import { maskNonProse } from '../../src/core/parse';
import { splitLines, splitLineTexts } from '../../src/core/text';
import { seededRandom } from '../random';

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

describe('maskNonProse', () => {
  it('blanks what the six patterns in a row blank, on random text of backticks, tags, links and addresses', () => {
    const blank = (match: string) => match.replace(/[^\n]/g, ' ');
    const reference = (text: string) =>
      text
        .replace(/(`+)[^`]*?\1/g, blank)
        .replace(/<!--[^]*?-->/g, blank)
        .replace(/<\/?[A-Za-z][^<>]*>/g, blank)
        .replace(/<[a-z][\w+.-]*:[^<>\s]*>/gi, blank)
        .replace(/\]\([^)\s]*\)/g, blank)
        .replace(/\bhttps?:\/\/\S+/g, blank);
    const alphabet = ['`', '``', '<', '>', '<!--', '-->', '](', ')', '(', 'http://', 'https://x', 'a', ' ', 'b:', '[x', '\n', 'H', '<a href="http://y">', '</a>'];
    const random = seededRandom(77);
    for (let sample = 0; sample < 5000; sample++) {
      let text = '';
      for (let k = random(10); k > 0; k--) text += alphabet[random(alphabet.length)];
      assert.equal(maskNonProse(text), reference(text), JSON.stringify(text));
    }
  });
});
