// fast-check arbitraries of drafts a user, a paste or an attacker could hand the linter.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

function markdownFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? markdownFilesUnder(join(folder, entry.name)) : entry.name.endsWith('.md') && !/^[A-Z]+\.md$/.test(entry.name) ? [join(folder, entry.name)] : []));
}

/** The real threads and the fixtures, each as its lines: every attribution form and quote style the parser reads. */
export const REAL_FILES: readonly (readonly string[])[] = [...markdownFilesUnder(join(REPO_ROOT, 'test', 'corpus', 'real')), ...markdownFilesUnder(join(REPO_ROOT, 'test', 'core', 'fixtures'))]
  .map((file) => readFileSync(file, 'utf8').split(/\r\n|\r|\n/))
  .filter((lines) => lines.length > 1);

const REAL_LINES: readonly string[] = [...new Set(REAL_FILES.flat())];

/** Characters that break naive text handling: astral and joined emoji, combining marks, bidi, zero-width, NUL, lone surrogates. */
export const HOSTILE = ['😀', '👨‍👩‍👧', '🇫🇷', '𝐀', 'e\u0301', '\u0301', '\u0301\u0302\u0303', 'שלום', 'مرحبا', '\u202e', '\u200f', '\u2066', '\u200b', '\u200c', '\u200d', '\ufeff', '\0', '\ud800', '\udc00', '\udbff', '\ud83d', '\t', '\u00a0', '\u2028', '\u2029', '\u0085', '\v', '\f', 'İ', 'ß', 'ΑΣ', '東京', '\ufffd', '\u{10ffff}'];

/** Markdown and reply syntax, whole and broken: quote markers, tags, fences, attributions, suppressions. */
const SYNTAX = ['> ', '>', '>>', '> > ', '>>> ', '[quote]', '[quote="Bob"]', '[quote=Alice;123]', '[QUOTE]', '[/quote]', '[/QUOTE]', '```', '~~~', '```js', '    ', '- ', '* ', '1. ', '2) ', '# ', '## ', '---', '***', '===', '**Bob:**', '**Reviewer 2:**', 'Bob wrote:', 'On Mon, 3 Jun 2024 at 10:00, Jane Doe <jane@example.org> wrote:', '> On Tue, Bob wrote:', '<!-- riposte-disable-next-line -->', '<!-- riposte-disable repeated-words -->', '<!-- riposte-enable -->', '<!--', '-->', '<div>', '</div>', '<details>', '| a | b |', '|---|---|', '[x](http://example.org)', '<https://example.org>', '`', '``', '*', '_', '"', '“', '”', '> [!NOTE]', '> **Note**', 'Comment:', 'Response:', '_Originally posted by @x in https://github.com/a/b/issues/1#issuecomment-1_', '\\', '&amp;', '-- ', 'Sent from my phone'];

const WORDS = ['the', 'the', 'a', 'is', 'we', 'reply', 'quote', 'I', 'agree', 'because', 'this', 'that', 'paper', 'argument', 'Jane', 'Bob', 'said', '.', ',', '?', 'It', 'claims', 'features'];

/** A piece of a line: mostly words and spaces, often syntax, sometimes hostile characters or any code points. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...WORDS), weight: 8 },
  { arbitrary: fc.constant(' '), weight: 4 },
  { arbitrary: fc.constantFrom(...SYNTAX), weight: 3 },
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 },
  // UTF-16 code units one by one: lone and reversed surrogates included.
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 3 }), weight: 1 },
);

const syntheticLine = fc.array(piece, { maxLength: 16 }).map((pieces) => pieces.join(''));

/** A real line, often changed: quoted deeper, cut anywhere (a surrogate pair too), hostile characters put in. */
const realLine = fc
  .tuple(fc.constantFrom(...REAL_LINES), fc.nat(6), fc.nat(), fc.constantFrom(...HOSTILE, ...SYNTAX))
  .map(([line, mutation, at, inserted]) => {
    const cut = line.length === 0 ? 0 : at % (line.length + 1);
    switch (mutation) {
      case 0:
        return `> ${line}`;
      case 1:
        return line.slice(0, cut);
      case 2:
        return line.slice(0, cut) + inserted + line.slice(cut);
      case 3:
        return `${line} ${line}`;
      default:
        return line;
    }
  });

/** Deep quoting, as mail threads nest it (and past where markdown-it stops nesting). */
const deepLine = fc.tuple(fc.integer({ min: 1, max: 60 }), fc.boolean(), syntheticLine).map(([depth, spaced, text]) => (spaced ? '> '.repeat(depth) : '>'.repeat(depth) + ' ') + text);

const line: fc.Arbitrary<string> = fc.oneof({ arbitrary: syntheticLine, weight: 4 }, { arbitrary: realLine, weight: 4 }, { arbitrary: fc.constant(''), weight: 3 }, { arbitrary: deepLine, weight: 1 }, { arbitrary: fc.constantFrom(...SYNTAX), weight: 1 });

/** An excerpt of a real file: its structure (quotes and their attributions) kept whole. */
const realExcerpt = fc.tuple(fc.nat(REAL_FILES.length - 1), fc.nat(), fc.integer({ min: 1, max: 25 })).map(([file, start, length]) => {
  const lines = REAL_FILES[file];
  const from = start % lines.length;
  return lines.slice(from, from + length);
});

/** Lines in order, from real excerpts and made-up lines, with a run of them copied elsewhere (duplicates). */
const draftLines = fc
  .tuple(fc.array(fc.oneof({ arbitrary: realExcerpt, weight: 1 }, { arbitrary: fc.array(line, { maxLength: 8 }), weight: 2 }), { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.nat(), fc.nat(3))
  .map(([chunks, from, length, to, copies]) => {
    const lines = chunks.flat();
    if (lines.length === 0) return lines;
    const start = from % lines.length;
    const copied = lines.slice(start, start + 1 + (length % 12));
    for (let copy = 0; copy < copies; copy++) lines.splice(to % (lines.length + 1), 0, '', ...copied, '');
    return lines;
  });

export type EolStyle = 'lf' | 'crlf' | 'cr' | 'mixed';

const frontMatter = fc.option(fc.constantFrom('---\nauthor: Me\n---', '---\nriposte: true\nsource: source.md\nauthor: Jane Doe\n---', '---\nreplying-to: Bob\n---', '---\nunclosed: yes'), { nil: undefined });

export interface GeneratedDraft {
  text: string;
  bom: boolean;
  eol: EolStyle;
}

/** A whole draft: optional BOM and front matter, lines joined by one line-ending style or a mix of all three. */
export const draftArbitrary: fc.Arbitrary<GeneratedDraft> = fc
  .record({ bom: fc.boolean(), eol: fc.constantFrom<EolStyle>('lf', 'lf', 'crlf', 'cr', 'mixed'), front: frontMatter, lines: draftLines, eols: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 7 }), trailing: fc.boolean() })
  .map(({ bom, eol, front, lines, eols, trailing }) => {
    const all = [...(front ? front.split('\n') : []), ...lines];
    const fixed = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;
    let text = '';
    all.forEach((line, i) => {
      text += line;
      if (i < all.length - 1 || trailing) text += eol === 'mixed' ? eols[i % eols.length] : fixed[eol];
    });
    return { text: (bom ? '\ufeff' : '') + text, bom, eol };
  });
