import * as assert from 'node:assert/strict';
import { Diagnostic, lint, range, updateDraft, parseDraft, lintDraft } from '../../src/core';
import { lineEditOf, mapLine, reconcile, Shown } from '../../src/extension/shownFindings';

function finding(rule: string, line: number, message = `${rule} on ${line}`, relatedLine?: number): Diagnostic {
  return {
    rule,
    severity: 'warning',
    message,
    range: range(line, 0, line, 5),
    related: relatedLine === undefined ? [] : [{ range: range(relatedLine, 0, relatedLine, 3), message: 'first copy' }],
    fixes: [],
  };
}

/** Shown objects are plain records here; `made` counts how many were built. */
function show(findings: readonly Diagnostic[]): Shown<{ line: number }>[] {
  return findings.map((f) => ({ finding: f, shown: { line: f.range.start.line } }));
}

const make = (f: Diagnostic) => ({ line: f.range.start.line });
const move = (shown: { line: number }, f: Diagnostic) => {
  shown.line = f.range.start.line;
};

describe('shown findings (extension)', () => {
  it('maps lines through edits: above stays, below moves by the lines added or removed, edited lines stay', () => {
    const edits = [lineEditOf({ range: range(10, 3, 10, 3), text: 'a\nb\n' })]; // line 10 became 3 lines
    assert.deepEqual([5, 10, 11, 20].map((line) => mapLine(edits, line)), [5, 10, 13, 22]);
    const deleted = [lineEditOf({ range: range(4, 0, 7, 0), text: '' })]; // lines 4..7 became one line
    assert.deepEqual([3, 4, 8].map((line) => mapLine(deleted, line)), [3, 4, 5]);
    // Two edits in a row: each against the text the previous one left.
    assert.equal(mapLine([...edits, ...deleted], 20), 22 - 3);
  });

  it('keeps every shown object and reports no change when the findings are the same', () => {
    const before = show([finding('repeated-words', 2), finding('duplicate-block', 9, 'Lines 9–12 repeat…', 1)]);
    const result = reconcile(before, [finding('repeated-words', 2), finding('duplicate-block', 9, 'Lines 9–12 repeat…', 1)], [lineEditOf({ range: range(5, 1, 5, 1), text: 'x' })], make, move);
    assert.equal(result.changed, false);
    assert.deepEqual([result.kept, result.moved, result.made], [2, 0, 0]);
    assert.equal(result.entries[0].shown, before[0].shown);
    assert.equal(result.entries[1].shown, before[1].shown);
  });

  it('moves the objects of findings below an edit that added a line, and makes only the new ones', () => {
    const before = show([finding('repeated-words', 2), finding('duplicate-block', 9, 'm', 1)]);
    const edit = lineEditOf({ range: range(5, 0, 5, 0), text: 'It is the the point.\n' });
    const after = [finding('repeated-words', 2), finding('repeated-words', 5), finding('duplicate-block', 10, 'm', 1)];
    const result = reconcile(before, after, [edit], make, move);
    assert.equal(result.changed, true);
    assert.deepEqual([result.kept, result.moved, result.made], [1, 1, 1]);
    assert.equal(result.entries[2].shown, before[1].shown, 'the moved diagnostic is the same object');
    assert.equal(result.entries[2].shown.line, 10);
  });

  it('makes a finding anew when anything VS Code shows differs: message, severity, related places', () => {
    const before = show([finding('duplicate-block', 9, 'Lines 9–12 repeat lines 1–4.', 1)]);
    assert.equal(reconcile(before, [finding('duplicate-block', 9, 'Lines 9–13 repeat lines 1–5.', 1)], [], make, move).made, 1);
    assert.equal(reconcile(before, [{ ...finding('duplicate-block', 9, 'Lines 9–12 repeat lines 1–4.', 1), severity: 'error' }], [], make, move).made, 1);
    assert.equal(reconcile(before, [finding('duplicate-block', 9, 'Lines 9–12 repeat lines 1–4.', 2)], [], make, move).made, 1);
    const gone = reconcile(before, [], [], make, move);
    assert.deepEqual([gone.changed, gone.entries.length], [true, 0]);
  });

  it('after any edit, the kept and moved objects show exactly what a fresh lint finds', () => {
    const text = ['Alice wrote:', '> We should ship on Friday.', '', 'It is the the point.', '', 'A reply that stays.', '', 'It is the the point.', ''].join('\n');
    let draft = parseDraft(text);
    let shown = show(lintDraft(draft));
    const changes = [
      { range: range(2, 0, 2, 0), text: 'New line.\n\n' },
      { range: range(6, 2, 6, 2), text: 'x' },
      { range: range(0, 0, 1, 0), text: '' },
    ];
    for (const change of changes) {
      draft = updateDraft(draft, change);
      const next = lintDraft(draft);
      const result = reconcile(shown, next, [lineEditOf(change)], make, move);
      assert.deepEqual(
        result.entries.map((entry) => entry.shown.line),
        lint(draft.text).map((f) => f.range.start.line),
      );
      shown = result.entries.map((entry) => ({ ...entry, shown: entry.shown }));
    }
  });

  it('takes a finding the engine gives again as the same object only where its lines did not move', () => {
    const same = finding('repeated-words', 20, 'the same object');
    const before = show([same]);
    const typed = reconcile(before, [same], [lineEditOf({ range: range(3, 1, 3, 1), text: 'x' })], make, move);
    assert.deepEqual([typed.kept, typed.moved, typed.changed], [1, 0, false], 'a keystroke above it, on one line');
    const moved = reconcile(before, [same], [lineEditOf({ range: range(3, 1, 3, 1), text: '\n' })], make, move);
    assert.notEqual([moved.kept, moved.moved, moved.made].join(), '1,0,0', 'a line break above it: the object given again is not where it was shown');
  });
});
