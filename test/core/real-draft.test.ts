import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixAll, lint, parseDraft, replyTree } from '../../src/core';
import { EXAMPLE_DRAFT } from '../paths';

// The real draft and what the examples' README says an ideal tool reports on it.
const text = readFileSync(EXAMPLE_DRAFT, 'utf8');
const originalLines = text.split('\n');

describe('the real draft (examples/interpretability-reply.reply.md)', () => {
  const diagnostics = lint(text);

  it('sees 22 paragraphs although Markdown renders one', () => {
    const paragraphs = parseDraft(text).units.filter((unit) => unit.kind === 'paragraph');
    assert.equal(paragraphs.length, 22);
    assert.deepEqual(paragraphs.map((unit) => unit.startLine), [...Array(22).keys()]);
  });

  it('reports exactly one finding per fault', () => {
    assert.deepEqual(
      diagnostics.map((d) => `${d.rule} ${d.range.start.line + 1}-${d.range.end.line + 1}`),
      ['lost-paragraph-breaks 1-1', 'unmarked-quote 8-8', 'repeated-words 12-12', 'duplicate-block 13-22'],
    );
  });

  it('points the repeated block at the first copy', () => {
    const block = diagnostics.find((d) => d.rule === 'duplicate-block')!;
    assert.deepEqual(block.range, { start: { line: 12, character: 0 }, end: { line: 21, character: originalLines[21].length } });
    assert.equal(block.related.length, 1);
    assert.equal(block.related[0].range.start.line, 0);
    assert.equal(block.related[0].range.end.line, 11);
    assert.match(block.message, /2 paragraphs of the first copy are missing/);
  });

  it('finds the doubled words where they are, in UTF-16 characters', () => {
    const repeated = diagnostics.find((d) => d.rule === 'repeated-words')!;
    const line = originalLines[11];
    assert.equal(line.slice(repeated.range.start.character, repeated.range.end.character), 'to me to me');
  });

  it('--fix keeps every line of the first copy exactly once and drops the second copy', () => {
    const fixed = fixAll(text).text;
    const fixedLines = fixed.split('\n');
    for (const [index, line] of originalLines.slice(0, 12).entries()) {
      assert.equal(fixedLines.filter((candidate) => candidate === line).length, 1, `line ${index + 1} once`);
    }
    assert.equal(fixedLines.filter((line) => line.trim() !== '').length, 12);
    // Each paragraph now stands alone: blank lines between them.
    assert.equal(fixedLines.filter((line) => line.trim() === '').length, 11);
  });

  it('leaves nothing safe to fix after --fix, and only findings that need a person', () => {
    const { remaining } = fixAll(text);
    assert.deepEqual(remaining.map((d) => d.rule), ['unmarked-quote', 'repeated-words']);
  });

  it('has a reply tree of 22 of the drafter’s paragraphs and no quotes', () => {
    const tree = replyTree(text);
    assert.equal(tree.root.children.length, 22);
    assert.ok(tree.root.children.every((node) => node.kind === 'reply' && node.speaker === null));
  });
});
