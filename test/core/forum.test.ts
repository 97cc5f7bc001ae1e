import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyForForum, Draft, FORUM_STYLES, ForumStyle, parseDraft, pasteThread } from '../../src/core';
import { plausibleName } from '../../src/core/attribution/names';
import { speakerKey } from '../../src/core/speakers';
import { REPO_ROOT } from '../paths';
import { MAIL_REPLY } from '../forumDrafts';

const FIXTURES = join(REPO_ROOT, 'test', 'core', 'fixtures');

/** A fixture's text without its expect block. */
function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8').replace(/\n<!-- expect[^]*$/, '\n');
}

function copy(text: string, style: ForumStyle, from?: number, to?: number) {
  const result = copyForForum(parseDraft(text), style, from, to);
  assert.ok(result, 'something to copy');
  return result;
}

/** Who speaks in each quote a reader sees as someone's words, by depth, as a person compares names. */
function speakersOf(draft: Draft): string[] {
  return draft.quotes
    .filter((quote) => !quote.callout && quote.origin !== 'styled')
    .map((quote) => `${quote.depth} ${quote.speaker ? speakerKey(plausibleName(quote.speaker) ?? quote.speaker) : 'nobody'}`);
}

// The mail reply, then a log line with a `>` in a code block.
const MAIL_DRAFT = [
  MAIL_REPLY,
  '```text',
  '> not a quote: a line of the log',
  '```',
  '',
  'Thanks.',
  '',
].join('\n');

const OWN_TEXT_AFTER = ['I agree with Raj.', '', '```text', '> not a quote: a line of the log', '```', '', 'Thanks.', ''];

describe('Copy for Forum (core/forum/quoteStyles)', () => {
  it('offers the four targets, Discourse first', () => {
    assert.deepEqual(
      FORUM_STYLES.map((style) => style.id),
      ['discourse', 'github', 'mail', 'bbcode'],
    );
  });

  it('Discourse: nested [quote="name"] tags, the mail header replaced, code and the writer’s text untouched', () => {
    assert.equal(
      copy(MAIL_DRAFT, 'discourse').text,
      ['Hi Jane,', '', '[quote="Jane Doe"]', '[quote="Raj Patel"]', 'Cut the branch on Thursday.', '[/quote]', '', 'Thursday is too late.', '[/quote]', '', ...OWN_TEXT_AFTER].join('\n'),
    );
  });

  it('GitHub: "X wrote:" above each quote at its own level, replacing the draft’s lines', () => {
    assert.equal(
      copy(MAIL_DRAFT, 'github').text,
      ['Hi Jane,', '', 'Jane Doe wrote:', '> Raj Patel wrote:', '> > Cut the branch on Thursday.', '>', '> Thursday is too late.', '', ...OWN_TEXT_AFTER].join('\n'),
    );
  });

  it('mail: a mail header is already the style and stays, with its date; the others become "X wrote:"', () => {
    const text = ['Cut it on Thursday?', '', '> **Raj Patel:** Cut the branch on Thursday.', '', 'No.', ''].join('\n');
    assert.equal(copy(text, 'mail').text, ['Cut it on Thursday?', '', 'Raj Patel wrote:', '> Cut the branch on Thursday.', '', 'No.', ''].join('\n'));
    assert.equal(copy(MAIL_DRAFT, 'mail').text, MAIL_DRAFT);
  });

  it('BBCode: [quote=name], quoted when the name has a space', () => {
    const text = ['[quote="kostik1337, post:2, topic:3312"]', 'Are you doing GetImage() for each pixel?', '[/quote]', 'No.', ''].join('\n');
    assert.equal(copy(text, 'bbcode').text, ['[quote=kostik1337]', 'Are you doing GetImage() for each pixel?', '[/quote]', 'No.', ''].join('\n'));
    assert.match(copy(MAIL_DRAFT, 'bbcode').text, /^\[quote="Jane Doe"\]\n\[quote="Raj Patel"\]$/m);
  });

  it('Discourse keeps post and topic numbers where the draft gives them, and leaves them out where it does not', () => {
    const text = fixture('threads/discourse-thread.md');
    const discourse = copy(text, 'discourse').text;
    assert.match(discourse, /^\[quote="lena_v, post:12, topic:903"\]\n\[quote="okwu, post:9, topic:903"\]\nRate limiting per IP/m);
    assert.match(discourse, /^\[quote="grayfox"\]\nHas anyone checked/m);
    // A link to the post above the quote gives its numbers too (and stays: it is where the words are).
    const linked = ['https://forum.example.org/t/rate-limits/903/21', '> Per account, then.', '', 'Yes.', ''].join('\n');
    const draft = parseDraft(linked);
    draft.quotes[0].speaker = 'okwu';
    assert.equal(copyForForum(draft, 'discourse')!.text, ['https://forum.example.org/t/rate-limits/903/21', '[quote="okwu, post:21, topic:903"]', 'Per account, then.', '[/quote]', '', 'Yes.', ''].join('\n'));
  });

  it('nests as deep as the thread: GitHub "@user wrote:" for handles, inside each quote', () => {
    const github = copy(fixture('threads/discourse-thread.md'), 'github').text;
    assert.match(github, /^@fsantos wrote:\n> @lena_v wrote:\n> > @okwu wrote:\n> > > We had three complaints from the same campus last month alone\.\n> >\n> > Logged-in users/m);
    // Back out of a nested quote with a blank quoted line, so that Markdown does not carry the reply on inside it.
    assert.match(github, /^> > Logged-in users are the ones we can actually talk to if a limit is wrong\.\n>\n> Talking to them/m);
  });

  it('a quote nobody is named for stays a quote with no name, in every style, and is counted', () => {
    const text = 'Intro.\n\n> Who said this?\n\nMy answer.\n';
    assert.equal(copy(text, 'discourse').text, 'Intro.\n\n[quote]\nWho said this?\n[/quote]\n\nMy answer.\n');
    assert.equal(copy(text, 'bbcode').text, 'Intro.\n\n[quote]\nWho said this?\n[/quote]\n\nMy answer.\n');
    assert.equal(copy(text, 'github').text, text);
    assert.equal(copy(text, 'mail').text, text);
    const { quotes, named, inferred, unnamed } = copy(text, 'github');
    assert.deepEqual({ quotes, named, inferred, unnamed }, { quotes: 1, named: 0, inferred: 0, unnamed: 1 });
  });

  it('replaces every line naming a quote (header, signature, "Originally posted by") rather than adding a second', () => {
    const signed = ['> Ship it on Friday.', '> — Jane Doe', '', 'Friday is fine.', ''].join('\n');
    assert.equal(copy(signed, 'github').text, ['Jane Doe wrote:', '> Ship it on Friday.', '', 'Friday is fine.', ''].join('\n'));
    assert.equal(copy(signed, 'discourse').text, ['[quote="Jane Doe"]', 'Ship it on Friday.', '[/quote]', '', 'Friday is fine.', ''].join('\n'));
    const moved = ['> Worker threads will hurt.', '', '_Originally posted by @hubot in https://github.com/o/r/discussions/977#discussioncomment-1_', '', 'They do not.', ''].join('\n');
    // On GitHub, GitHub's own line is the attribution: kept as it is, nothing added.
    assert.equal(copy(moved, 'github').text, moved);
    assert.equal(copy(moved, 'mail').text, ['@hubot wrote:', '> Worker threads will hurt.', '', 'They do not.', ''].join('\n'));
    for (const style of FORUM_STYLES) {
      const { text } = copy(fixture('threads/mailing-list-3-levels.md'), style.id);
      assert.equal(text.split('Raj Patel').length - 1, 1, `${style.id}: Raj is named once`);
    }
  });

  it('names a mail message’s later quotes once in mail and GitHub style, as the core reads them', () => {
    const text = fixture('threads/mailing-list-3-levels.md');
    // In mail the header is kept, and the core carries its sender on to the later quotes of her message.
    assert.equal(copy(text, 'mail').text.split('Jane Doe').length - 1, 1);
    // "Jane Doe wrote:" carries nothing at the top level: each of her quotes says it.
    assert.equal(copy(text, 'github').text.split('Jane Doe wrote:').length - 1, 3);
  });

  it('code blocks holding `>` are copied as they are, at the top level and inside a quote', () => {
    const text = ['Jane wrote:', '> Run this:', '>', '> ```', '> > not a quote', '> ```', '', '```', '> also not a quote', '[quote=x]', '```', ''].join('\n');
    assert.equal(copy(text, 'discourse').text, ['[quote="Jane"]', 'Run this:', '', '```', '> not a quote', '```', '[/quote]', '', '```', '> also not a quote', '[quote=x]', '```', ''].join('\n'));
    assert.equal(copy(text, 'github').text, text);
  });

  it('leaves out front matter and Riposte’s suppression comments, which are for Riposte, not for readers', () => {
    const text = ['---', 'replying-to: Maren Holt', '---', '', '<!-- riposte-disable-file unanswered-quote -->', '> The claim.', '', 'My answer.', ''].join('\n');
    assert.equal(copy(text, 'bbcode').text, ['[quote="Maren Holt"]', 'The claim.', '[/quote]', '', 'My answer.', ''].join('\n'));
  });

  it('a selection: its lines only, with the quote it starts in opened and named', () => {
    const result = copy(MAIL_DRAFT, 'github', 6, 8);
    assert.equal(result.text, ['Jane Doe wrote:', '> Thursday is too late.', '', 'I agree with Raj.'].join('\n'));
    assert.equal(result.quotes, 1);
  });

  it('an empty draft or selection gives nothing to copy', () => {
    assert.equal(copyForForum(parseDraft(''), 'github'), null);
    assert.equal(copyForForum(parseDraft('\n  \n\n'), 'discourse'), null);
    assert.equal(copyForForum(parseDraft('Text\n\n\nMore\n'), 'mail', 1, 2), null);
  });

  it('counts quotes named by the thread’s shape apart, for the writer to check', () => {
    // Sam answers Jane in a strict two-person exchange: the nested quote's speaker is guessed.
    const text = ['---', 'author: Sam', '---', 'Jane wrote:', '> > My first point.', '>', '> Your answer.', '', 'Mine.', ''].join('\n');
    const result = copy(text, 'github');
    assert.deepEqual({ quotes: result.quotes, named: result.named, inferred: result.inferred }, { quotes: 2, named: 1, inferred: 1 });
    assert.match(result.text, /^Jane wrote:\n> Sam wrote:\n> > My first point\./m);
  });

  it('round trip: the core reads the same speakers back from the mail and GitHub styles (every fixture and example)', () => {
    const texts = [...textsUnder(join(FIXTURES, 'threads')), ...textsUnder(join(FIXTURES, 'attribution')), ...textsUnder(join(REPO_ROOT, 'examples'))];
    // Known and left: a forum handle of several words in lower case ("jimmy the saint") is read only in a forum's
    // own header, never in "jimmy the saint wrote:", which is what these styles write. (So is a person's name
    // as an Outlook "From:" gives it in lower case: "mohanlal jangir", and of a name after titles that end in a
    // full stop, "PhDr. Mgr. Frantisek Kalvas Ph.D. wrote:", read from after the last of them. And of a name
    // in a script without capitals, "김민수 wrote:", "山田 太郎 wrote:", read in an Outlook "From:" only.)
    const known = new Set(['forum-headers.md', 'mail-outlook-header-inside-quote.md', 'mail-indented-quotes.md', 'mail-outlook-header-chinese.md',
      'mail-outlook-header-traditional-chinese.md', 'mail-outlook-header-japanese.md', 'mail-outlook-header-korean.md']);
    let compared = 0;
    for (const [name, text] of texts) {
      if (known.has(name)) continue;
      const draft = parseDraft(text);
      for (const style of ['mail', 'github'] as const) {
        const result = copyForForum(draft, style);
        if (!result) continue;
        assert.deepEqual(speakersOf(parseDraft(result.text)), speakersOf(draft), `${name} in ${style} style:\n${result.text}`);
        compared++;
      }
    }
    assert.ok(compared > 100, `${compared} drafts compared`);
  });

  it('keeps the writer’s own lines, in order, in every style (every thread fixture)', () => {
    for (const [name, text] of textsUnder(join(FIXTURES, 'threads'))) {
      const draft = parseDraft(text);
      const own = draft.lines.filter((_line, index) => {
        const info = draft.lineInfo[index];
        return info.depth === 0 && !info.blank && !info.frontMatter && !draft.parts.attributionOfLine.has(index);
      });
      for (const style of FORUM_STYLES) {
        const written = copyForForum(draft, style.id)!.text.split('\n');
        let at = 0;
        for (const line of own) {
          const found = written.indexOf(line.text, at);
          assert.ok(found >= 0, `${name} (${style.id}): "${line.text}" is missing or out of order`);
          at = found + 1;
        }
      }
    }
  });
});

describe('Paste Thread (core/forum/pasteThread)', () => {
  const PASTE = join(FIXTURES, 'forum', 'paste');

  // Excerpts of real threads from test/corpus/real (see README.md there), and what Paste Thread makes of them.
  for (const name of readdirSync(PASTE).filter((file) => file.endsWith('.txt'))) {
    it(`${name}: the draft it makes (${name.replace(/\.txt$/, '.draft.md')})`, () => {
      const pasted = pasteThread(readFileSync(join(PASTE, name), 'utf8'));
      assert.equal(pasted.text, readFileSync(join(PASTE, name.replace(/\.txt$/, '.draft.md')), 'utf8'));
    });
  }

  it('a Discourse topic: one quote per post under its author, the [quote] tags in the posts nested inside', () => {
    const pasted = pasteThread(readFileSync(join(PASTE, 'discourse-urho3d.txt'), 'utf8'));
    assert.equal(pasted.posts, 4);
    assert.deepEqual(pasted.speakers, ['kostik1337', '1vanK', 'Bananaft', 'Eugene']);
    const draft = parseDraft(pasted.text);
    assert.deepEqual(speakersOf(draft), ['1 kostik1337', '1 1vank', '1 bananaft', '2 kostik1337', '2 1vank', '1 eugene', '2 bananaft']);
    // The post headers ("kostik1337 | 2017-07-03 08:23:11 UTC | #2") and separators are gone; the words stay.
    assert.doesNotMatch(pasted.text, /UTC \| #|^-{5,}$|\[\/?quote/m);
  });

  it('a GitHub issue page: the comments under their authors, a quote in a comment named by the comment it repeats', () => {
    const pasted = pasteThread(readFileSync(join(PASTE, 'github-nylas.txt'), 'utf8'));
    assert.equal(pasted.posts, 6, 'the page title, then five comments');
    const draft = parseDraft(pasted.text);
    assert.deepEqual(speakersOf(draft), ['1 nobody', '1 artagnon', '1 bengotow', '1 cdysthe', '1 jstejada', '1 eerohele', '2 jstejada']);
    assert.equal(pasted.quotes.inferred, 1, 'the quote of jstejada is named by its words, not by a line');
  });

  it('a mail: the message signed by its writer, with its quotes one level deeper and their headers kept', () => {
    const pasted = pasteThread(readFileSync(join(PASTE, 'mail-riak.txt'), 'utf8'));
    assert.deepEqual(speakersOf(parseDraft(pasted.text)), ['1 abhishek kona', '2 russell brown', '3 abhishek kona']);
    assert.match(pasted.text, /^> On 01\/03\/11 7:07 PM, Russell Brown wrote:\n> > Hi,$/m);
    const outlook = pasteThread(readFileSync(join(PASTE, 'mail-outlook-samba.txt'), 'utf8'));
    assert.deepEqual(speakersOf(parseDraft(outlook.text)), ['1 nobody', '2 jeremy allison']);
  });

  it('text with nothing thread-like is quoted whole, with no name, and says so', () => {
    const pasted = pasteThread(readFileSync(join(PASTE, 'not-a-thread-irc.txt'), 'utf8'));
    assert.equal(pasted.recognised, false);
    assert.equal(pasted.posts, 0);
    assert.deepEqual(speakersOf(parseDraft(pasted.text)), ['1 nobody']);
  });

  it('ends with an empty line to answer on, in the line endings asked for', () => {
    const pasted = pasteThread('alice commented on Mar 3, 2021\r\n\r\nShip it.\r\n', '\r\n');
    assert.equal(pasted.text, '@alice wrote:\r\n> Ship it.\r\n\r\n');
    assert.equal(pasteThread('  \n').text, '');
  });
});

function textsUnder(folder: string): [string, string][] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md'))
    .map((name) => [name, readFileSync(join(folder, name), 'utf8').replace(/\n<!-- expect[^]*$/, '\n')]);
}
