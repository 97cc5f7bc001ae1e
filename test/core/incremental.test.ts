import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Draft, DraftSession, lint, lintDraft, parseDraft, Rule, TextChange, updateDraft } from '../../src/core';
import { range } from '../../src/core/types';
import { offsetAt, splitLines } from '../../src/core/text';
import { REPO_ROOT } from '../paths';
import { seededRandom } from '../random';

/** Everything rules and the tree read from a draft, in a form two drafts can be compared by. */
function shape(draft: Draft) {
  return {
    text: draft.text,
    lines: draft.lines.map((line) => `${line.text}${JSON.stringify(line.eol)}`),
    lineInfo: draft.lineInfo.map((info) => JSON.stringify(info)),
    units: draft.units.map((unit) => `${unit.index} ${unit.kind} ${unit.startLine}-${unit.endLine} d${unit.depth} q${unit.quote?.index ?? '-'} ${unit.joinedToPrevious} ${JSON.stringify(unit.segments)}`),
    quotes: draft.quotes.map((quote) => `${quote.index} ${quote.startLine}-${quote.endLine} d${quote.depth} p${quote.parent?.index ?? '-'} ${quote.origin} ${quote.speaker} ${quote.inferred} a${quote.attribution?.startLine ?? '-'}`),
    attributions: draft.attributions.map((a) => `${a.startLine}-${a.endLine} ${a.form} ${a.speaker} q${a.quote?.index ?? '-'}`),
    leadIns: draft.leadIns.map((leadIn) => `${leadIn.line} ${leadIn.text}`),
    speakers: draft.speakers,
    quoteOfLine: draft.lines.map((_, line) => draft.quoteOfLine(line)?.index ?? -1),
    suppressed: draft.lines.map((_, line) => draft.suppressions.isSuppressed('repeated-words', line)),
    // Every reference points into this draft: nothing reused from before the edit points at a discarded object.
    stale: staleReferences(draft),
  };
}

function staleReferences(draft: Draft): string[] {
  const quotes = new Set(draft.quotes);
  const attributions = new Set(draft.attributions);
  return [
    ...draft.attributions.filter((a) => a.quote && !quotes.has(a.quote)).map((a) => `attribution ${a.startLine} names a discarded quote`),
    ...draft.quotes.filter((q) => q.attribution && !attributions.has(q.attribution)).map((q) => `quote ${q.startLine} has a discarded attribution`),
    ...draft.quotes.filter((q) => q.parent && !quotes.has(q.parent)).map((q) => `quote ${q.startLine} has a discarded parent`),
    ...draft.units.filter((u) => u.quote && !quotes.has(u.quote)).map((u) => `unit ${u.startLine} is in a discarded quote`),
  ];
}

/** The change applied to the text itself, by offsets: what the editor's buffer holds afterwards. */
function applyToText(text: string, change: TextChange): string {
  const lines = splitLines(text);
  return text.slice(0, offsetAt(lines, change.range.start)) + change.text + text.slice(offsetAt(lines, change.range.end));
}

// A deterministic stream of edits: typing, deleting, new lines, quote markers, tags, fences.
function* edits(random: (n: number) => number, draft: () => Draft) {
  const insertions = ['a', ' ', '\n', '\n\n', '> ', '>', '**Bo:** ', 'the the ', '[quote=x]\n', '[/quote]\n', '```\n', 'Bob wrote:\n', '- ', '1. ', '    ', '<!-- riposte-disable-next-line -->\n', '---\n', '\r\n', '_Originally posted by @x in https://x.org/1_\n', 'https://example.org/comment/1\n'];
  for (;;) {
    const current = draft();
    const line = random(current.lines.length);
    const character = random(current.lines[line].text.length + 1);
    if (random(3) === 0) {
      const endLine = Math.min(current.lines.length - 1, line + random(3));
      const endCharacter = endLine === line ? Math.min(current.lines[line].text.length, character + random(8)) : random(current.lines[endLine].text.length + 1);
      yield { range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, text: '' };
    } else {
      yield { range: { start: { line, character }, end: { line, character } }, text: insertions[random(insertions.length)] };
    }
  }
}

const corpus = [
  join(REPO_ROOT, 'examples', 'interpretability-reply.reply.md'),
  join(REPO_ROOT, 'examples', 'mailing-list.reply.md'),
  join(REPO_ROOT, 'examples', 'discourse.reply.md'),
  ...readdirSync(join(REPO_ROOT, 'test', 'core', 'fixtures', 'threads')).map((name) => join(REPO_ROOT, 'test', 'core', 'fixtures', 'threads', name)),
];

/** Real threads and attribution fixtures: every form the parser reads, once each (one seed). */
function markdownFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFilesUnder(join(folder, entry.name)) : entry.name.endsWith('.md') && !/^[A-Z]+\.md$/.test(entry.name) ? [join(folder, entry.name)] : [],
  );
}
const forms = [...markdownFilesUnder(join(REPO_ROOT, 'test', 'corpus', 'real')), ...markdownFilesUnder(join(REPO_ROOT, 'test', 'core', 'fixtures', 'attribution'))];

describe('incremental re-analysis', () => {
  for (const file of corpus) {
    const name = file.slice(REPO_ROOT.length + 1);
    // Seeds come from the file's name in the repository, so a run anywhere replays the same edits.
    for (const seed of [name.length, name.length * 7919 + 17, name.length * 104729 + 3]) {
      it(`matches a full parse after each of 150 random edits (${name}, seed ${seed})`, () => checkEdits(file, seed));
    }
  }
  for (const file of forms) {
    const name = file.slice(REPO_ROOT.length + 1);
    it(`matches a full parse after each of 150 random edits (${name}, seed ${name.length})`, () => checkEdits(file, name.length));
  }

  it('does not cut a paragraph at a line of no-break spaces, which Markdown reads as text', () => {
    // The edit's region reaches two boundaries up: the blank line, then (wrongly) the no-break spaces.
    const text = 'First paragraph goes on here.\n\u00a0\u00a0\nStill the same paragraph to Markdown.\n\nAnother one.\n';
    const draft = parseDraft(text);
    const change: TextChange = { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'x' };
    const updated = updateDraft(draft, change);
    const fresh = parseDraft(applyToText(text, change));
    assert.deepEqual(updated.parts.blocks, fresh.parts.blocks, 'markdown-it blocks');
    assert.deepEqual(shape(updated), shape(fresh));
  });

  it('takes in place a paste and a deletion of thousands of lines, as a fresh parse reads them', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
    const text = generateDraft(200 * 1024, 3);
    let draft = parseDraft(text);
    const middle = Math.floor(draft.lines.length / 2);
    const pasted = `${draft.lines.slice(10, 3010).map((line) => line.text).join('\n')}\n\n`;
    const paste: TextChange = { range: { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } }, text: pasted };
    const afterPaste = applyToText(draft.text, paste);
    draft = updateDraft(draft, paste);
    assert.deepEqual(shape(draft), shape(parseDraft(afterPaste)));
    assert.deepEqual(lintDraft(draft), lint(afterPaste));
    const cut: TextChange = { range: { start: { line: middle - 1500, character: 0 }, end: { line: middle + 1500, character: 0 } }, text: '' };
    const afterCut = applyToText(draft.text, cut);
    draft = updateDraft(draft, cut);
    assert.deepEqual(shape(draft), shape(parseDraft(afterCut)));
    assert.deepEqual(lintDraft(draft), lint(afterCut));
  });

  it('keeps every speaker through an edit of the writer’s own text, exactly when a fresh parse finds the same', function () {
    // A sweep of the whole corpus, which grows: seconds on a quiet machine, more on a loaded one.
    this.timeout(60_000);
    // Lines outside quotes of every real thread, typed into: a letter, a lead-in naming someone, a
    // sentence quoting words back with a name. The speakers after each edit must be a fresh parse's, and
    // the edits that keep them without working them out again must be many (the fast path is taken).
    // Every third line of a short thread, some 20 lines spread over a long one: each edit parses the
    // thread twice, and the corpus keeps growing.
    let kept = 0;
    let edits = 0;
    for (const file of [...corpus, ...forms]) {
      const text = readFileSync(file, 'utf8');
      const lines = parseDraft(text).lines;
      const step = Math.max(3, Math.ceil(lines.length / 20));
      for (let line = 0; line < lines.length; line += step) {
        for (const typed of ['x', ' Jane Doe wrote:', ' Linus is using a “black star for being stupid” here.']) {
          const draft = parseDraft(text);
          if (draft.lineInfo[line].depth > 0 || draft.lineInfo[line].blank) continue;
          const change: TextChange = { range: { start: { line, character: lines[line].text.length }, end: { line, character: lines[line].text.length } }, text: typed };
          const expected = parseDraft(applyToText(text, change));
          const updated = updateDraft(draft, change);
          const speakers = (d: Draft) => ({ quotes: d.quotes.map((q) => `${q.startLine} ${q.speaker} ${q.inferred}`), speakers: d.speakers });
          assert.deepEqual(speakers(updated), speakers(expected), `${file.slice(REPO_ROOT.length + 1)}: ${JSON.stringify(change)}`);
          const log = updated.parts.carry.log;
          if (log.length && log[log.length - 1].to === updated.parts.generation && log[log.length - 1].speakersKept) kept++;
          edits++;
        }
      }
    }
    assert.ok(kept > edits / 10, `speakers kept on ${kept} of ${edits} edits`);
  });

  function checkEdits(file: string, seed: number) {
      let draft = parseDraft(readFileSync(file, 'utf8'));
      const random = seededRandom(seed);
      const stream = edits(random, () => draft);
      for (let step = 0; step < 150; step++) {
        const change = stream.next().value!;
        const expectedText = applyToText(draft.text, change);
        const updated = updateDraft(draft, change);
        assert.equal(updated.length, expectedText.length, `length after edit ${step + 1} (seed ${seed})`);
        const full = parseDraft(expectedText);
        const got = shape(updated);
        const want = shape(full);
        for (const key of Object.keys(want) as Array<keyof typeof want>) {
          const a = got[key] as unknown[];
          const b = want[key] as unknown[];
          const at = Array.isArray(b) ? b.findIndex((item, i) => JSON.stringify(item) !== JSON.stringify(a[i])) : -1;
          assert.deepEqual(a, b, `${key} differ after edit ${step + 1} (seed ${seed}) ${JSON.stringify(change)}${at >= 0 ? ` first at #${at}: got ${JSON.stringify(a[at])}, want ${JSON.stringify(b[at])}` : ''}`);
        }
        // Rules keep indexes across edits: they must say what a fresh lint says, also when several edits
        // came in before the next lint (as the extension queues them while the user types).
        if (step % 4 === 0 || step % 4 === 3) assert.deepEqual(lintDraft(updated), lint(updated.text), `diagnostics after edit ${step + 1} (seed ${seed}) ${JSON.stringify(change)}`);
        draft = updated;
      }
  }

  it('reads a forum quote box and its unmarked rest as a fresh parse does, whatever line an edit touches', () => {
    // The rest of the box is read against the earlier post it repeats (parsing/continuedQuotes.ts): edits of
    // that post, of the box, of the rest and of the answer under it, and a line given the box's text.
    const typed = ['x', '\n', '\n\n', '> ', 'Thank you, MAFoElffen.', '\nThank you, MAFoElffen.\n', ' SAS drives are fast and dependable.'];
    editEveryLine('forum-box-lost-after-first-line.md', typed);
  });

  it('reads a quote box copied as rules of dashes as a fresh parse does, whatever line an edit touches', () => {
    // The box runs over blank lines from its header to its closing rule (parsing/lines.ts): edits that add,
    // break or take away a rule, a blank line or the header change how far it reaches, lines away from them.
    const typed = ['x', '\n', '\n\n', '-----', '\n-----\n', '-----\n', 'Bob said: ↑\n', '> '];
    for (const name of ['forum-quote-box-as-rules-unfenced.md', 'not-forum-quote-box-post-separators.md']) editEveryLine(name, typed);
  });

  /**
   * Types each of `typed` at the start and at the end of every line of an attribution fixture, and takes
   * away every line: the draft updated must be the one a fresh parse makes of the new text.
   */
  function editEveryLine(name: string, typed: readonly string[]): void {
    const text = readFileSync(join(REPO_ROOT, 'test', 'core', 'fixtures', 'attribution', name), 'utf8');
    const lineCount = parseDraft(text).lines.length;
    const check = (change: TextChange) => assert.deepEqual(shape(updateDraft(parseDraft(text), change)), shape(parseDraft(applyToText(text, change))), `${name}: ${JSON.stringify(change)}`);
    for (let line = 0; line < lineCount; line++) {
      for (const insert of typed) {
        for (const character of [0, text.split('\n')[line].length]) check({ range: { start: { line, character }, end: { line, character } }, text: insert });
      }
      check({ range: { start: { line, character: 0 }, end: { line: Math.min(line + 1, lineCount - 1), character: 0 } }, text: '' });
    }
  }

  it('reads a letter that sets its answers in `>` as a fresh parse does, also when an edit decides it anew', () => {
    // Whether the draft's `>` blocks are the authors' answers is decided once for the whole draft
    // (parsing/styledComments.ts): edits that make an answer open otherwise, or as the authors do, or that
    // take away or add a `>`, change the votes, and what was read far from the edit with them.
    for (const name of ['review-answers-in-quotes-any-voice.md', 'review-answers-in-quotes.md', 'review-response-label-quoted-answer.md']) {
      const text = readFileSync(join(REPO_ROOT, 'test', 'core', 'fixtures', 'attribution', name), 'utf8');
      const lineCount = parseDraft(text).lines.length;
      const typed = ['x', '\n', '\n\n', '> ', 'We have ', 'The ', 'Response: '];
      for (let line = 0; line < lineCount; line++) {
        for (const insert of typed) {
          const draft = parseDraft(text);
          const at = draft.lines[line].text.indexOf('> ');
          const character = at >= 0 ? at + 2 : 0;
          const change: TextChange = { range: { start: { line, character }, end: { line, character } }, text: insert };
          assert.deepEqual(shape(updateDraft(draft, change)), shape(parseDraft(applyToText(text, change))), `${name}: ${JSON.stringify(change)}`);
        }
        const draft = parseDraft(text);
        const removal: TextChange = { range: { start: { line, character: 0 }, end: { line: Math.min(line + 1, lineCount - 1), character: 0 } }, text: '' };
        assert.deepEqual(shape(updateDraft(draft, removal)), shape(parseDraft(applyToText(text, removal))), `${name}: ${JSON.stringify(removal)}`);
        const unquote: TextChange = { range: { start: { line, character: 0 }, end: { line, character: Math.max(0, draft.lines[line].text.indexOf('>') + 1) } }, text: '' };
        assert.deepEqual(shape(updateDraft(parseDraft(text), unquote)), shape(parseDraft(applyToText(text, unquote))), `${name}: ${JSON.stringify(unquote)}`);
      }
    }
  });

  it('a DraftSession gives the same diagnostics as linting the text from scratch', () => {
    const text = readFileSync(corpus[1], 'utf8');
    const session = new DraftSession(text);
    session.update([{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: 'It is the the point.\n\n' }]);
    assert.deepEqual(session.diagnostics, lint(session.text));
    assert.ok(session.diagnostics.some((d) => d.rule === 'repeated-words' && d.range.start.line === 12));
  });
});

describe('incremental re-lint as paragraphs enter and leave a repeated block', () => {
  const a = 'The first claim is that sparse autoencoders recover features the model actually uses in practice.';
  const b = 'The second claim is that those features compose, so circuits built from them explain behaviour.';
  const c = 'The third claim is that the whole method scales to frontier models without much extra cost at all.';
  const nearC = 'The third claim is that the whole method scales to frontier models without any extra cost at all.';
  const other = 'Something else entirely, written fresh for this reply and sharing nothing with the rest of it.';
  // The later copy is A, C′, B: A and B pair with the first copy, so the block covers C′ (a near copy of C).
  // The edits change the first copy's B, far enough from C′ that C′ is the same unit throughout.
  const text = (firstB: string) => [a, '', firstB, '', c, '', 'My answer follows.', '', 'And more of it.', '', a, '', nearC, '', b, ''].join('\n');

  it('drops and restores the near-duplicate finding of a paragraph the block covers', () => {
    const nearDuplicates = (diagnostics: ReturnType<typeof lint>) => diagnostics.filter((d) => d.rule === 'near-duplicate-paragraph').map((d) => d.range.start.line);
    let draft = parseDraft(text(b));
    assert.deepEqual(nearDuplicates(lintDraft(draft)), [], 'C′ is inside the later copy');
    const nearCopy = draft.units.find((unit) => unit.startLine === 12);
    for (const [replacement, expected] of [[other, [12]], [b, []], [other, [12]]] as const) {
      draft = updateDraft(draft, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: draft.lines[2].text.length } }, text: replacement });
      assert.equal(draft.units.find((unit) => unit.startLine === 12), nearCopy, 'the edit is outside the re-parsed region of C′');
      const found = lintDraft(draft);
      assert.deepEqual(found, lint(draft.text));
      assert.deepEqual(nearDuplicates(found), expected);
    }
  });
});

describe('incremental re-lint as the quote a paste came from changes', () => {
  const quoted = 'The benchmark numbers were measured on a cold cache every single time.';
  const text = [
    'Alice wrote:',
    `> ${quoted}`,
    '',
    'First filler paragraph of my own.',
    '',
    'Second filler paragraph of my own.',
    '',
    'Third filler paragraph of my own.',
    '',
    quoted,
    '',
  ].join('\n');

  it('finds, forgets and finds again the quote that an unmarked paste repeats', () => {
    const unmarked = (diagnostics: ReturnType<typeof lint>) => diagnostics.filter((d) => d.rule === 'unmarked-quote').map((d) => `${d.range.start.line}: ${d.message}`);
    let draft = parseDraft(text);
    assert.deepEqual(unmarked(lintDraft(draft)), ["9: This looks like someone else's words (it repeats words quoted at line 2) but it is not marked as a quote."]);
    const paste = draft.units.find((unit) => unit.startLine === 9);
    for (const [replacement, expected] of [['> Something else entirely.', 0], [`> ${quoted}`, 1], ['> Something else entirely.', 0]] as const) {
      draft = updateDraft(draft, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: draft.lines[1].text.length } }, text: replacement });
      assert.equal(draft.units.find((unit) => unit.startLine === 9), paste, 'the paste is outside the re-parsed region');
      const found = lintDraft(draft);
      assert.deepEqual(found, lint(draft.text));
      assert.equal(unmarked(found).length, expected);
    }
  });
});

describe('incremental re-lint on a generated draft with many near-duplicates', () => {
  it('gives a fresh lint’s diagnostics after each of 40 edits', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
    let draft = parseDraft(generateDraft(60 * 1024, 11));
    lintDraft(draft);
    const random = seededRandom(5);
    const texts = ['x', 'the the ', '\n\n', '', 'Bob wrote:\n> ', ' pasted again'];
    for (let step = 0; step < 40; step++) {
      const line = random(draft.lines.length);
      const character = random(draft.lines[line].text.length + 1);
      const endLine = Math.min(draft.lines.length - 1, line + random(2));
      const text = texts[random(texts.length)];
      const change = text === '' ? { range: { start: { line, character: 0 }, end: { line: endLine, character: 0 } }, text } : { range: { start: { line, character }, end: { line, character } }, text };
      draft = updateDraft(draft, change);
      if (step % 3 === 1) continue; // two edits before the next lint
      const found = lintDraft(draft);
      assert.deepEqual(found, lint(draft.text), `after edit ${step + 1} (seed ${random.seed}) ${JSON.stringify(change)}`);
      assert.ok(found.some((d) => d.rule === 'near-duplicate-paragraph'), 'the draft keeps near-duplicates to check');
    }
  });
});

describe('rules that read only the structure (Rule.reads)', () => {
  const text = ['Alice wrote:', '> The model memorises its training set.', '', 'It does not, and here is why.', '', '> An unnamed claim about the benchmark results.', ''].join('\n');
  const typeAt = (draft: Draft, line: number, character: number, typed: string) => updateDraft(draft, { range: { start: { line, character }, end: { line, character } }, text: typed });

  it('gives their last findings again after edits of the writer’s own words, and checks again after anything else', () => {
    const checked: number[] = [];
    const spy: Rule = { id: 'spy', description: 'counts its checks', defaultSeverity: 'warning', scope: 'prose', options: {}, reads: 'structure', check: (draft) => (checked.push(draft.parts.generation), [{ range: range(1, 0, 1, 2), message: `${draft.quotes.length} quotes` }]) };
    // Both quotes named: nothing of the reply's is read for their speakers (an unnamed one could be inferred from it).
    let draft = parseDraft(text.replace('\n> An unnamed', '\nBob wrote:\n> A'));
    const lintSpy = () => lintDraft(draft, { rules: [spy] }).map((d) => d.message);
    assert.deepEqual(lintSpy(), ['2 quotes']);
    draft = typeAt(draft, 3, 10, 'really ');
    draft = typeAt(draft, 3, 0, 'No: ');
    assert.deepEqual(lintSpy(), ['2 quotes'], 'same findings');
    assert.equal(checked.length, 1, 'two edits of the reply’s words: not checked again');
    draft = typeAt(draft, 3, 0, '- ');
    lintSpy();
    assert.equal(checked.length, 2, 'the reply became a list item: checked again');
    draft = typeAt(draft, 3, 0, '> ');
    assert.deepEqual(lintSpy(), ['3 quotes'], 'the reply became a quote of its own');
    assert.equal(checked.length, 3, 'the reply became part of a quote: checked again');
    draft = typeAt(draft, 3, 0, '\n');
    lintSpy();
    assert.equal(checked.length, 4, 'a line was added: checked again');
    lintDraft(draft, { rules: [{ ...spy, options: { depth: { type: 'number', default: 1, description: 'x' } } }] });
    assert.equal(checked.length, 5, 'other options: checked again');
  });

  it('report what a fresh lint reports after typing in a reply and turning it into a list item or a quote', () => {
    let draft = parseDraft(text);
    lintDraft(draft);
    for (const [line, typed] of [[3, 'x'], [3, '- '], [3, '> '], [4, 'Bob wrote:'], [6, 'New words.']] as const) {
      draft = typeAt(draft, line, 0, typed);
      assert.deepEqual(lintDraft(draft), lint(draft.text), `after typing ${JSON.stringify(typed)} on line ${line + 1}`);
    }
  });

  it('a finding nothing changed is given again as the same diagnostic, a moved one anew', () => {
    const filler = ['First point of mine.', '', 'Second point of mine.', '', 'Third point of mine.', ''];
    const doubled = ['Alice wrote:', '> The the model memorises its training set.', '', ...filler, 'It does not, and here is why.', '', ...filler, 'Bob wrote:', '> A claim.', '', 'I think the the claim is wrong.', ''].join('\n');
    let draft = parseDraft(doubled);
    const repeated = () => lintDraft(draft).filter((d) => d.rule === 'repeated-words');
    const first = repeated();
    assert.equal(first.length, 2);
    draft = typeAt(draft, 9, 3, 'really ');
    const typed = repeated();
    assert.ok(typed[0] === first[0] && typed[1] === first[1], 'typing in another paragraph');
    draft = typeAt(draft, 9, 0, 'A new line.\n');
    const moved = repeated();
    assert.equal(moved[0], first[0], 'above the edit');
    assert.notEqual(moved[1], first[1], 'below the edit');
    assert.deepEqual([first[1].range.start.line, moved[1].range.start.line], [20, 21]);
    assert.deepEqual(lintDraft(draft), lint(draft.text));
  });

  it('keeps the findings of joined, repeated and nearly repeated paragraphs through a keystroke elsewhere', () => {
    const point = 'The benchmark measures recall on held-out questions, not memorised answers from training.';
    const near = 'The benchmark measures recall on held-out questions, not memorised replies from training.';
    const text = [
      'Alice wrote:', '> Models memorise their benchmarks.', '',
      point, '', 'First point of mine, which stands alone here.', '',
      'A pasted paragraph holds sentences. It goes on for a while, well past the width that a hand-wrapped line would have.',
      'The next one lost its blank line. It also holds more than one sentence, as the paragraphs of pasted web text do.', '',
      point, '', near, '', ...Array.from({ length: 6 }, (_, k) => [`Filler paragraph ${k + 1} of mine.`, '']).flat(), 'My closing words.', '',
    ].join('\n');
    const rules = ['lost-paragraph-breaks', 'duplicate-paragraph', 'near-duplicate-paragraph'];
    let draft = parseDraft(text);
    const found = () => lintDraft(draft).filter((d) => rules.includes(d.rule));
    const before = found();
    assert.deepEqual(before.map((d) => d.rule).sort(), [...rules].sort());
    draft = typeAt(draft, 26, 3, 'own ');
    const after = found();
    assert.deepEqual(after.map((d) => before.indexOf(d)), [0, 1, 2], 'the same diagnostic objects after typing in another paragraph');
    // A blank line typed above all of them moves them: each is made anew, at its new line.
    draft = typeAt(draft, 5, 0, '\n');
    const moved = found();
    assert.ok(moved.every((d) => !before.includes(d)));
    assert.deepEqual(moved, lint(draft.text).filter((d) => rules.includes(d.rule)));
    assert.deepEqual(moved.map((d) => d.range.start.line), before.map((d) => d.range.start.line + 1));
  });
});
