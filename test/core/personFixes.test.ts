// The quick fixes that --fix leaves to a person (safe: false), applied as the person would apply them:
// each must do exactly what its title says. A repeated-words fix that deleted both copies, or a
// "Mark as a quote" that added two levels, would pass every test that only counts findings.
import * as assert from 'node:assert/strict';
import { applyFixes, Diagnostic, emptyConfig, lint, parseDraft, toggleQuoteEdits } from '../../src/core';

const DEBATE = { config: { ...emptyConfig(), debate: 'always' as const } };

function findings(text: string, rule: string): Diagnostic[] {
  return lint(text, DEBATE).filter((diagnostic) => diagnostic.rule === rule);
}

/** The text after choosing one diagnostic's first fix, as the quick-fix menu does. */
function choose(text: string, diagnostic: Diagnostic): string {
  assert.equal(diagnostic.fixes[0].safe, false, `${diagnostic.rule}'s fix is one for a person to choose`);
  return applyFixes(text, [diagnostic], { safeOnly: false });
}

function depths(text: string): number[] {
  return parseDraft(text).lineInfo.map((info) => info.depth);
}

describe('fixes that need a person do exactly what they say', () => {
  describe('repeated-words: "Delete the repeated …" keeps exactly one copy', () => {
    const cases: Array<[string, string]> = [
      ['I tried the patch on the the staging box.\n', 'I tried the patch on the staging box.\n'],
      ['It seems to me to me that the budget is too generous.\n', 'It seems to me that the budget is too generous.\n'],
      ['The the point is that it fails.\n', 'The point is that it fails.\n'],
      ['Could you also check whether the\nthe health check uses the same budget?\n', 'Could you also check whether the health check uses the same budget?\n'],
      ['We should ship the the build now.\r\nThanks.\r\n', 'We should ship the build now.\r\nThanks.\r\n'],
    ];
    for (const [text, fixed] of cases) {
      it(JSON.stringify(text.split(/\r?\n/)[0]), () => {
        const found = findings(text, 'repeated-words');
        assert.equal(found.length, 1, JSON.stringify(lint(text, DEBATE)));
        assert.equal(choose(text, found[0]), fixed);
        assert.deepEqual(findings(fixed, 'repeated-words'), [], 'nothing doubled is left');
      });
    }

    it('fixes each doubling in a paragraph on its own, leaving the other copy of every group', () => {
      const text = 'It is the the case that it seems to me to me right.\n';
      const found = findings(text, 'repeated-words');
      assert.equal(found.length, 2);
      assert.equal(choose(text, found[0]), 'It is the case that it seems to me to me right.\n');
      assert.equal(choose(text, found[1]), 'It is the the case that it seems to me right.\n');
    });
  });

  describe('unmarked-quote: "Mark as a quote" adds exactly one `>` level', () => {
    it('quotes every line of a paragraph announced by a lead-in, and nothing else', () => {
      const text = 'I disagree with this argument:\n\nStatic typing slows teams down because every change\nhas to be negotiated with the compiler first.\n\nIn my experience it is the other way round.\n';
      const [finding] = findings(text, 'unmarked-quote');
      const fixed = choose(text, finding);
      assert.equal(fixed, 'I disagree with this argument:\n\n> Static typing slows teams down because every change\n> has to be negotiated with the compiler first.\n\nIn my experience it is the other way round.\n');
      assert.deepEqual(depths(fixed), [0, 0, 1, 1, 0, 0, 0]);
      assert.deepEqual(findings(fixed, 'unmarked-quote'), [], 'once marked, it is a quote');
    });

    it('inside a quote, nests the passage one level deeper than the quote it stands in', () => {
      const text = 'Ann wrote:\n> I disagree with this argument:\n>\n> Static typing slows teams down because every change has to be negotiated.\n>\n> No, it does not.\n\nMy reply here.\n';
      const [finding] = findings(text, 'unmarked-quote');
      assert.ok(finding, JSON.stringify(lint(text, DEBATE)));
      const fixed = choose(text, finding);
      assert.equal(fixed, text.replace('> Static', '> > Static'));
      assert.deepEqual(depths(fixed).slice(1, 6), [1, 1, 2, 1, 1]);
      assert.deepEqual(findings(fixed, 'unmarked-quote'), []);
    });

    it('quotes a pasted original under a mail header, blank lines included, without trailing spaces', () => {
      const text = 'Thanks, see below.\n\nFrom: Jane Doe <jane@example.org>\nSent: Monday, 1 June 2020 10:00\nTo: Team\nSubject: Release\n\nThe release branch should be cut on Thursday.\n\nAfter the last merge, please.\n';
      const [finding] = findings(text, 'unmarked-quote');
      const fixed = choose(text, finding);
      assert.equal(fixed, text.replace('The release', '> The release').replace('Thursday.\n\nAfter', 'Thursday.\n>\n> After'));
      // Once marked, the original is one quote of Jane Doe's, read by its markers (not one level deeper
      // again as an unmarked original under an Outlook header is), and the finding is gone.
      assert.deepEqual(depths(fixed).slice(7, 10), [1, 1, 1]);
      assert.deepEqual(parseDraft(fixed).quotes.map((quote) => [quote.startLine, quote.endLine, quote.depth, quote.speaker]), [[7, 9, 1, 'Jane Doe']]);
      assert.deepEqual(findings(fixed, 'unmarked-quote'), []);
    });
  });

  describe('Toggle Quote adds or removes exactly one level', () => {
    const apply = (lines: string[], edits: ReturnType<typeof toggleQuoteEdits>) =>
      lines.map((line, n) =>
        edits
          .filter((edit) => edit.range.start.line === n)
          .sort((a, b) => b.range.start.character - a.range.start.character)
          .reduce((text, edit) => text.slice(0, edit.range.start.character) + edit.newText + text.slice(edit.range.end.character), line),
      );

    it('one level more on every line, whatever its depth, and back again', () => {
      const lines = ['Plain line', '', '> quoted', '>> deeper', '> > spaced'];
      const added = apply(lines, toggleQuoteEdits(lines, 0, lines.length - 1));
      assert.deepEqual(added, ['> Plain line', '>', '>> quoted', '>>> deeper', '>> > spaced']);
      assert.deepEqual(apply(added, toggleQuoteEdits(added, 0, added.length - 1)), ['Plain line', '', '> quoted', '>> deeper', '> > spaced']);
    });
  });
});
