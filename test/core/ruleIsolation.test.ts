import * as assert from 'node:assert/strict';
import { DraftSession, lint, Rule, RULES } from '../../src/core';

/** A rule that throws on every draft, as a bug in a real rule would. */
const broken: Rule = {
  id: 'broken-rule',
  description: 'Throws.',
  defaultSeverity: 'warning',
  scope: 'prose',
  options: {},
  check() {
    throw new TypeError('cannot read properties of undefined');
  },
};

describe('a rule that throws', () => {
  const text = 'I think the the point stands.\n\nA paragraph written twice, long enough to count as one.\n\nA paragraph written twice, long enough to count as one.\n';

  it('is reported, and every other rule’s findings still come back, whichever place it runs in', () => {
    const expected = lint(text);
    assert.deepEqual(
      expected.map((d) => d.rule),
      ['repeated-words', 'duplicate-paragraph'],
    );
    for (const rules of [[broken, ...RULES], [...RULES.slice(0, 3), broken, ...RULES.slice(3)], [...RULES, broken]]) {
      const failures: Array<[string, unknown]> = [];
      const found = lint(text, { rules, onRuleError: (rule, error) => failures.push([rule, error]) });
      assert.deepEqual(found, expected);
      assert.equal(failures.length, 1);
      assert.equal(failures[0][0], 'broken-rule');
      assert.match(String(failures[0][1]), /cannot read properties/);
    }
  });

  it('is isolated on the keystroke path too (DraftSession)', () => {
    const failures: string[] = [];
    const session = new DraftSession(text, { rules: [broken, ...RULES], onRuleError: (rule) => failures.push(rule) });
    assert.deepEqual(session.diagnostics.map((d) => d.rule), ['repeated-words', 'duplicate-paragraph']);
    session.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Yes, ' }]);
    assert.deepEqual(session.diagnostics.map((d) => d.rule), ['repeated-words', 'duplicate-paragraph']);
    assert.deepEqual(failures, ['broken-rule', 'broken-rule']);
  });
});
