// Property tests of the public API (require("riposte")): for any draft fast-check makes (hostile
// characters, every line ending, BOM, deep quoting, broken tags and fences, real threads cut up and
// copied), lint, replyTree and applyFixes keep the promises a user relies on. See test/property.ts for the
// seed, the run counts and how to replay a failure.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as api from '../../src/api';
import { parseDraft } from '../../src/core';
import { ANSWER_KINDS } from '../../src/core/thread';
import { splitLines } from '../../src/core/text';
import { keysOfText } from '../../src/core/words';
import { draftArbitrary } from '../draftArbitraries';
import { checkProperty, FUZZ } from '../property';

type Range = api.Range;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Why a range is not a valid place in these lines (out of bounds, reversed, between the halves of a surrogate pair), or null. */
function rangeProblem(lines: readonly { text: string }[], range: Range): string | null {
  for (const position of [range.start, range.end]) {
    const line = lines[position.line];
    if (!Number.isInteger(position.line) || !line) return `line ${position.line} of ${lines.length}`;
    if (!Number.isInteger(position.character) || position.character < 0 || position.character > line.text.length) return `character ${position.character} of ${line.text.length} on line ${position.line}`;
    const c = position.character;
    if (c > 0 && c < line.text.length && isHigh(line.text.charCodeAt(c - 1)) && isLow(line.text.charCodeAt(c))) return `character ${c} on line ${position.line} splits a surrogate pair`;
  }
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'start after end';
  return null;
}

function allRanges(diagnostic: api.Diagnostic): Array<[string, Range]> {
  return [['range', diagnostic.range], ...diagnostic.related.map((related, i): [string, Range] => [`related ${i}`, related.range]), ...diagnostic.fixes.flatMap((fix, i) => fix.edits.map((edit, j): [string, Range] => [`fix ${i} edit ${j}`, edit.range]))];
}

/** The line-ending kinds a text uses. */
function eolKinds(text: string): Set<string> {
  return new Set(splitLines(text).map((line) => line.eol).filter((eol) => eol !== ''));
}

/**
 * A text's words in order, as the duplicate rules compare them (case and typography aside), between spaces:
 * a line's words are kept when they stand in a row in the fixed text, whatever its line breaks and markers.
 */
function words(text: string): string {
  // A list marker is markup, as the duplicate rules read it: "1. " alone under a paragraph is its lazy
  // continuation, and deleting a copy of that paragraph may take it along.
  const keys = keysOfText(text.replace(/^[\s>]*\d{1,9}[.)](?=\s|$)/, ''));
  return keys.length === 0 ? '' : ` ${keys.join(' ')} `;
}

/** The source document a draft's `source:` names, when the property gives one. */
const withSource = (source: string | undefined): api.ApiOptions => ({ config: false, readSource: () => source });

const RUNS = { unit: 150, fuzz: 5000 };
const FIX_RUNS = { unit: 60, fuzz: 2000 };

describe('properties of the public API (fast-check)', function () {
  // Bounded by run counts, not time: generous so that a busy machine slows them and never fails them.
  this.timeout(FUZZ ? 0 : 60_000);

  it('lint never throws, and every range is in bounds, ordered and on UTF-16 character boundaries', () => {
    checkProperty(
      'lint ranges',
      fc.property(draftArbitrary, fc.option(draftArbitrary, { nil: undefined }), (draft, source) => {
        const diagnostics = api.lint(draft.text, withSource(source?.text));
        const lines = splitLines(draft.text.replace(/^\ufeff/, ''));
        for (const diagnostic of diagnostics) {
          for (const [where, range] of allRanges(diagnostic)) {
            const problem = rangeProblem(lines, range);
            assert.equal(problem, null, `${diagnostic.rule} ${where} ${JSON.stringify(range)}: ${problem}`);
          }
        }
      }),
      RUNS,
    );
  });

  it('lint gives the same diagnostics for the same draft, whatever was linted before', () => {
    checkProperty(
      'lint is deterministic',
      fc.property(draftArbitrary, draftArbitrary, (draft, other) => {
        const first = api.lint(draft.text, withSource(undefined));
        // Another draft in between: nothing one lint leaves behind (word ids, caches) may change the next.
        api.lint(other.text, withSource(undefined));
        assert.deepEqual(api.lint(draft.text, withSource(undefined)), first);
      }),
      { unit: 60, fuzz: 2000 },
    );
  });

  it('fixes converge within 10 passes, keep the BOM and the line endings, and lose no words that have no copy', () => {
    checkProperty(
      'fixes converge and lose nothing',
      fc.property(draftArbitrary, (draft) => {
        let text = draft.text;
        let passes = 0;
        for (;;) {
          const next = api.applyFixes(text, api.lint(text, withSource(undefined)));
          if (next === text) break;
          passes++;
          assert.ok(passes <= 10, `still changing after 10 passes: ${JSON.stringify(next)}`);
          text = next;
        }
        assert.equal(text.startsWith('\ufeff'), draft.text.startsWith('\ufeff'), 'the BOM is kept');
        const before = eolKinds(draft.text);
        if (before.size > 0) for (const eol of eolKinds(text)) assert.ok(before.has(eol), `a ${JSON.stringify(eol)} line ending appeared in a draft that had only ${JSON.stringify([...before])}`);
        const after = words(text);
        for (const line of splitLines(draft.text)) assert.ok(after.includes(words(line.text)), `the words of ${JSON.stringify(line.text)} are gone`);
      }),
      FIX_RUNS,
    );
  });

  it('replyTree nests its nodes (no two overlap unless one holds the other) and covers every quoted line and every reply', () => {
    checkProperty(
      'replyTree covers the draft',
      fc.property(draftArbitrary, (generated) => {
        const body = generated.text.replace(/^\ufeff/, '');
        const tree = api.replyTree(generated.text);
        const draft = parseDraft(body);
        const last = draft.lines.length - 1;
        assert.deepEqual(tree.root.range, { startLine: 0, endLine: last }, 'the root spans the draft');
        const nodes: api.Tree['root'][] = [];
        const visit = (node: api.Tree['root']) => {
          let previousEnd = -1;
          for (const child of node.children) {
            const { startLine, endLine } = child.range;
            assert.ok(startLine >= 0 && startLine <= endLine && endLine <= last, `node ${JSON.stringify(child.range)} out of 0..${last}`);
            assert.ok(startLine > previousEnd, `siblings overlap or go back at ${JSON.stringify(child.range)}`);
            previousEnd = endLine;
            nodes.push(child);
            visit(child);
          }
        };
        visit(tree.root);
        // Laminar: sorted by start (the longer first), each node either lies in the one open before it or
        // starts after it ends; so each line has exactly one innermost node.
        const sorted = [...nodes].sort((a, b) => a.range.startLine - b.range.startLine || b.range.endLine - a.range.endLine);
        const open: number[] = [];
        for (const node of sorted) {
          while (open.length > 0 && open[open.length - 1] < node.range.startLine) open.pop();
          if (open.length > 0) assert.ok(node.range.endLine <= open[open.length - 1], `${JSON.stringify(node.range)} straddles the end of a node that holds its start`);
          open.push(node.range.endLine);
        }
        const covered = new Uint8Array(draft.lines.length);
        for (const node of nodes) covered.fill(1, node.range.startLine, node.range.endLine + 1);
        for (let line = 0; line <= last; line++) if (draft.lineInfo[line].depth > 0) assert.equal(covered[line], 1, `quoted line ${line} (${JSON.stringify(draft.lines[line].text)}) is in no node`);
        for (const unit of draft.units) {
          if (!ANSWER_KINDS.has(unit.kind)) continue;
          for (let line = unit.startLine; line <= unit.endLine; line++) assert.equal(covered[line], 1, `line ${line} of a ${unit.kind} is in no node`);
        }
        const replies = nodes.filter((node) => node.kind === 'reply');
        assert.equal(new Set(replies.map((node) => node.range.startLine)).size, replies.length, 'no unit is a reply twice');
      }),
      RUNS,
    );
  });
});
