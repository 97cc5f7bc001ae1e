import * as assert from 'node:assert/strict';
import { parseDraft } from '../../src/core';

describe('parseDraft', () => {
  it('finds the same blocks in text with NUL characters as markdown-it does after replacing them', () => {
    // markdown-it's own normalisation (turned off: it copied the whole text) replaces NUL with U+FFFD.
    const text = 'Para one\0 with nul.\n\n> quote\0\n> more\n\n```\ncode\0\n```\n\n- item\0\n- next\n\n    indented\0\n\n<div>\0</div>\n\nlast\0';
    const blocks = (source: string) => parseDraft(source).units.map((unit) => `${unit.kind} ${unit.startLine}-${unit.endLine} d${unit.depth}`);
    assert.deepEqual(blocks(text), blocks(text.replace(/\0/g, '\uFFFD')));
    assert.equal(blocks(text).length, 8); // paragraph, quote, code, two items and a second paragraph of the last one, HTML, paragraph
  });
});
