import * as assert from 'node:assert/strict';
import { applyFixes, Diagnostic, fixAll, lint, minimalEdit, range } from '../../src/core';

function diagnostic(rule: string, edits: Array<[number, number, number, number, string]>, safe = true): Diagnostic {
  return {
    rule,
    severity: 'warning',
    message: rule,
    range: range(0, 0, 0, 0),
    related: [],
    fixes: [{ title: rule, safe, edits: edits.map(([a, b, c, d, newText]) => ({ range: range(a, b, c, d), newText })) }],
  };
}

describe('applying fixes', () => {
  it('applies non-overlapping fixes together and skips one that overlaps, whole', () => {
    const text = 'abcdef\nghijkl\n';
    const result = applyFixes(text, [
      diagnostic('duplicate-block', [[0, 1, 0, 3, 'X']]),
      diagnostic('repeated-words', [[0, 2, 0, 4, 'Y'], [1, 0, 1, 1, 'Z']]),
      diagnostic('lost-paragraph-breaks', [[1, 5, 1, 6, '!']]),
    ]);
    assert.equal(result, 'aXdef\nghijk!\n');
  });

  it('leaves unsafe fixes to a person', () => {
    assert.equal(applyFixes('abc', [diagnostic('unmarked-quote', [[0, 0, 0, 0, '> ']], false)]), 'abc');
  });

  it('writes inserted line breaks in the document’s own style (CRLF)', () => {
    const long = 'x'.repeat(120) + '.';
    const text = `${long}\r\n${long} again.\r\n`;
    const fixed = fixAll(text).text;
    assert.equal(fixed, `${long}\r\n\r\n${long} again.\r\n`);
  });

  it('never removes a line that has no copy elsewhere', () => {
    const a = 'First paragraph of my reply, long enough to count as a real paragraph here.';
    const b = 'Second paragraph of my reply, also long enough to count as a real paragraph.';
    const c = 'Third paragraph that says something else entirely and is long enough too.';
    const unique = 'A paragraph that only the second copy has, which must survive any fix.';
    const text = [a, '', b, '', c, '', a, '', b, '', unique, '', c, ''].join('\n');
    const fixed = fixAll(text).text;
    assert.ok(fixed.includes(unique));
    for (const paragraph of [a, b, c]) assert.equal(fixed.split(paragraph).length - 1, 1, paragraph);
  });

  it('changes nothing when every finding needs a person', () => {
    const text = '> A quote with nobody named.\n';
    assert.deepEqual(lint(text).map((d) => d.rule), ['unanswered-quote', 'unattributed-quote']);
    assert.equal(fixAll(text).text, text);
  });
});

describe('the smallest edit between two texts', () => {
  it('replaces only the span between the common start and end, with its lines and characters', () => {
    assert.deepEqual(minimalEdit('one\ntwo\nthree\n', 'one\nTWO!\nthree\n'), { range: range(1, 0, 1, 3), newText: 'TWO!' });
    assert.deepEqual(minimalEdit('a\nb\n', 'a\nb\nc\n'), { range: range(2, 0, 2, 0), newText: 'c\n' });
    assert.equal(minimalEdit('same', 'same'), null);
  });
});
