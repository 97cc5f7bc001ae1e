import * as assert from 'node:assert/strict';
import { parseDraft } from '../../src/core';
import { parseFrontMatter } from '../../src/core/frontMatter';
import { maskNonProse } from '../../src/core/masking';
import { markdownBlocks } from '../../src/core/parse';
import { fixtureAndExampleTexts } from '../corpus';
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

  it('never ends the unmarked rest of a forum quote inside a code block: the block is read at one depth', () => {
    // Found by the reply tree's property test (fuzz seed 133): the rest of the quote under "Bob wrote:" repeated
    // the first lines of a fence, and ended inside it; the fence's other lines were then in no node of the tree.
    const text = "> This is the story of #egnuol - a channel I created on EsperNet.\nbecause-- \n\ud800\udc00\ud800\udc00\ud800\udc00\nBob wrote:\nT\n> This is the story of #egnuol - a channel I created on EsperNet.\nthe\n> \n> This is the story of #egnuol - a channel I created on EsperNet.\n> This is the story of #egnuol - a channel I created on EsperNet.\n~~~\n\n\nbecause-- \n\ud800\udc00\ud800\udc00\ud800\udc00\nBob wrote:\nT\n> This is the story of #egnuol - a channel I created on EsperNet.\nthe\n> \n> This is the story of #egnuol - a channel I created on EsperNet.\n> This is the story of #egnuol - a channel I created on EsperNet.\n~~~\n\u0000\u0000\u0000 quote-- features``\n\nbecause-- \n\ud800\udc00\ud800\udc00\ud800\udc00\nBob wrote:\nT\n> This is the story of #egnuol - a channel I created on EsperNet.\nthe\n> \n> This is the story of #egnuol - a channel I created on EsperNet.\n> This is the story of #egnuol - a channel I created on EsperNet.\n~~~\n\u0000\u0000\u0000 quote-- features``\n\nbecause-- \n\ud800\udc00\ud800\udc00\ud800\udc00\nBob wrote:\nT\n> This is the story of #egnuol - a channel I created on EsperNet.\nthe\n> \n> This is the story of #egnuol - a channel I created on EsperNet.\n> This is the story of #egnuol - a channel I created on EsperNet.\n~~~\n\u0000\u0000\u0000 quote-- features``\n\n\n\u0000\u0000\u0000 quote-- features``\n> This is the story of #egnuol - a channel I created on EsperNet.\nThis is the story of #egnuol - a channel I created on EsperNet.\n\n> ";
    const draft = parseDraft(text);
    const codes = draft.units.filter((unit) => unit.kind === 'code');
    assert.ok(codes.length > 0);
    for (const unit of codes) {
      const depths = new Set(draft.lineInfo.slice(unit.startLine, unit.endLine + 1).map((info) => info.depth));
      assert.equal(depths.size, 1, `code block ${unit.startLine}-${unit.endLine} has lines at depths ${[...depths].join(', ')}`);
    }
  });

  it('reads a paragraph in quotation marks right after the writer’s own sentence, set up by nothing, as the writer’s', () => {
    // A blogger's mock "translation" of the paragraph above it (cut from a real post), against a quoted
    // paragraph that a lead-in announces and one in a reviewer's voice after an answer.
    // (An inline test, not a fixture file: the fixtures feed the property tests' generated drafts.)
    const own = [
      'Since I’m going to check out of HN at the end of this YC cycle, this was my last chance to get this done.',
      '',
      '“I’m on my way out, so I decided to make a major change to the way this community works, rather than let the people who will have responsibility for it do it themselves.”',
      '',
      'So I found time to implement pending comments this past week, and with any luck it will launch tonight.',
      '',
      '“I made a significant change to both the codebase and community norms in a week and decided not to tell anybody until hours before it went live. You’re welcome.”',
    ].join('\n');
    assert.deepEqual(parseDraft(own).quotes, []);
    const announced = 'For example, this statement from the middle:\n\n"To achieve these goals, we must plan wisely and rationally. We should not act in fear and panic."\n';
    assert.deepEqual(parseDraft(announced).quotes.map((quote) => quote.startLine), [2]);
    const reviewer = 'The paragraph was rewritten as suggested.\n\n"The authors should say how the threshold was chosen; the manuscript gives no reason."\n';
    assert.deepEqual(parseDraft(reviewer).quotes.map((quote) => quote.startLine), [2]);
  });

  it('reads paragraphs in quotation marks set one under another, some a few words, as a dialogue, not as quotes', () => {
    // Cut from a Lemmy user's comment page: an imagined exchange, then the writer's own mocking line in
    // quotation marks. Against it, reviewer comments in quotation marks one under another, each a sentence.
    const dialogue = [
      'That could be helpful too, depending on what you’re trying to achieve.',
      '',
      '“If you invade there will be sanctions.”',
      '',
      '“We don’t care”',
      '',
      '“It will make finances not as good”',
      '',
      '“We don’t care”',
      '',
      '“That means you can’t pay your debts”',
      '',
      '“Ok then”',
      '',
      '',
      '“Hey, why can’t we pay our debts?! Let’s make up an imaginary conversation that selectively excludes critical contextual details”',
      '',
      'Of all the ways you could possibly interpret it, you deliberately chose the most most ridiculous interpretation.',
    ].join('\n');
    assert.deepEqual(parseDraft(dialogue).quotes, []);
    const comments = [
      'Reviewer 2',
      '',
      '"The authors should say how the threshold was chosen; the manuscript gives no reason."',
      '',
      '"Figure 3 should be redrawn: it is hard to read in print."',
      '',
      '"Why does the discussion repeat the results section?"',
      '',
      'We have rewritten all three parts.',
    ].join('\n');
    assert.deepEqual(parseDraft(comments).quotes.map((quote) => quote.startLine), [2, 4, 6]);
  });
});

describe('markdownBlocks in pieces', () => {
  // Cut wherever a cut is allowed (pieces of one character at least), the blocks must be those of one parse.
  const inPieces = (text: string, pieceCharacters: number) => {
    const lines = splitLineTexts(text);
    const frontMatter = parseFrontMatter(lines);
    const whole = markdownBlocks(lines, frontMatter, 0, lines.length - 1, undefined, Number.POSITIVE_INFINITY);
    const joined = markdownBlocks(lines, frontMatter, 0, lines.length - 1, undefined, pieceCharacters);
    // The path parseDraft takes for text without carriage returns: pieces are slices of the text itself.
    const sliced = markdownBlocks(lines, frontMatter, 0, lines.length - 1, text, pieceCharacters);
    return { whole, joined, sliced };
  };
  it('finds the blocks of one parse in every fixture, example and generated draft, cut everywhere it may be', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
    const texts = fixtureAndExampleTexts().map((text) => text.replace(/\r/g, ''));
    for (let seed = 1; seed <= 4; seed++) texts.push(generateDraft(40 * 1024, seed));
    let cut = 0;
    for (const text of texts) {
      const { whole, joined, sliced } = inPieces(text, 1);
      assert.deepEqual(joined, whole);
      assert.deepEqual(sliced, whole);
      cut += text.split('\n\n').length;
    }
    assert.ok(cut > 1000, 'the corpus has many places to cut');
  });

  it('parses a long text that has nowhere to cut, in one piece of too many blocks to pass as arguments', () => {
    // Every blank line is followed by a list item, which may continue the list: no cut (130,000 blocks).
    const draft = parseDraft('- item\n\n'.repeat(130_000));
    assert.equal(draft.units.length, 130_000);
  });

  it('parses on past a cut while a fence or an HTML block that ends at a marker is open', () => {
    const text = [
      'Before the fence.', '', '```', 'code', '', 'still code', '```', '',
      '<!-- a comment', '', 'still the comment -->', '',
      '<pre>', '', 'still pre', '</pre>', '',
      '> quote', '', '> another quote', '',
      '- item', '', '    a paragraph of the item, not indented code', '', 'after the list', '',
      '    indented code', '', 'para\u00a0', '\u00a0', 'same paragraph (a no-break space is text to markdown-it)', '',
      '~~~', 'never closed', '', 'to the end',
    ].join('\n');
    const { whole, joined, sliced } = inPieces(text, 1);
    assert.deepEqual(joined, whole);
    assert.deepEqual(sliced, whole);
    assert.deepEqual(
      whole.filter((block) => block.kind === 'code' || block.kind === 'html').map((block) => `${block.kind} ${block.startLine}-${block.endLine}`),
      ['code 2-6', 'html 8-10', 'html 12-15', 'code 27-27', 'code 33-36'],
    );
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
      assert.equal(maskNonProse(text), reference(text), `${JSON.stringify(text)} (seed ${random.seed})`);
    }
  });
});
