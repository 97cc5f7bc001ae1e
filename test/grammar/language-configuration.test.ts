/**
 * syntaxes/language-configuration.json: its regexes compile as VS Code compiles them, and its
 * onEnterRules continue a quote's `>` prefix the way VS Code applies them (first matching rule wins;
 * the new line gets the current line's indentation followed by appendText).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';

type RegexSpec = string | { pattern: string; flags?: string };

interface OnEnterRule {
  beforeText: RegexSpec;
  afterText?: RegexSpec;
  previousLineText?: RegexSpec;
  action: { indent: 'none' | 'indent' | 'outdent' | 'indentOutdent'; appendText?: string; removeText?: number };
}

interface LanguageConfiguration {
  comments: { blockComment: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  folding: { offSide?: boolean; markers: { start: RegexSpec; end: RegexSpec } };
  wordPattern: RegexSpec;
  onEnterRules: OnEnterRule[];
}

const conf = JSON.parse(
  readFileSync(join(REPO_ROOT, 'syntaxes', 'language-configuration.json'), 'utf8'),
) as LanguageConfiguration;

/** As VS Code's languageConfigurationExtensionPoint `_parseRegex`. */
function compile(spec: RegexSpec): RegExp {
  return typeof spec === 'string' ? new RegExp(spec, '') : new RegExp(spec.pattern, spec.flags ?? '');
}

function ruleMatches(rule: OnEnterRule, beforeText: string, afterText: string): boolean {
  return compile(rule.beforeText).test(beforeText) && (rule.afterText === undefined || compile(rule.afterText).test(afterText));
}

/** The text VS Code puts at the start of the new line, or undefined when no onEnterRule applies. */
function onEnter(beforeText: string, afterText = ''): string | undefined {
  const rule = conf.onEnterRules.find((r) => ruleMatches(r, beforeText, afterText));
  if (!rule) return undefined;
  assert.equal(rule.action.indent, 'none');
  return /^\s*/.exec(beforeText)![0] + (rule.action.appendText ?? '');
}

describe('debate-markdown language configuration', () => {
  it('compiles every regex', () => {
    compile(conf.wordPattern);
    compile(conf.folding.markers.start);
    compile(conf.folding.markers.end);
    for (const rule of conf.onEnterRules) {
      compile(rule.beforeText);
      if (rule.afterText !== undefined) compile(rule.afterText);
      if (rule.previousLineText !== undefined) compile(rule.previousLineText);
    }
  });

  it('has the rule that continues ">> " for ">> some text", and it leaves plain lines alone', () => {
    const rule = conf.onEnterRules.find((r) => r.action.appendText === '>> ' && r.afterText === undefined);
    assert.ok(rule, 'no rule appends ">> "');
    assert.ok(ruleMatches(rule, '>> some text', ''));
    assert.equal(onEnter('>> some text'), '>> ');
    for (const plain of ['plain text', 'a > b', '3 > 2', '', '   ', '# heading', '- item', '```', '>>> deeper', '> > spaced']) {
      assert.ok(!ruleMatches(rule, plain, ''), `the ">> " rule matches ${JSON.stringify(plain)}`);
    }
  });

  it('continues the same prefix on Enter inside a quote', () => {
    const cases: [string, string][] = [
      ['> text', '> '],
      ['>text', '> '],
      ['>> text', '>> '],
      ['> > text', '> > '],
      ['>>> text', '>>> '],
      ['> >> text', '> >> '],
      ['>> > text', '>> > '],
      ['> > > text', '> > > '],
      ['>>>>>> six deep', '>>>>>> '],
      ['> > > > > > six deep, spaced', '> > > > > > '],
      ['  > inside a list item', '  > '],
      ['> On Tue, Alice wrote:', '> '],
    ];
    for (const [line, expected] of cases) assert.equal(onEnter(line), expected, line);
  });

  it('continues the prefix when Enter splits a quoted line', () => {
    assert.equal(onEnter('> some', ' text'), '> ');
    assert.equal(onEnter('>> ', 'text right after the markers'), '>> ');
  });

  it('steps out one level on Enter at the end of an empty quoted line', () => {
    assert.equal(onEnter('> '), '');
    assert.equal(onEnter('>'), '');
    assert.equal(onEnter('>> '), '> ');
    assert.equal(onEnter('> > '), '> ');
    assert.equal(onEnter('> >> '), '> > ');
    assert.equal(onEnter('  >  '), '  ');
  });

  it('does nothing outside quotes', () => {
    for (const line of ['plain text', 'a > b', '', '    indented code', '- item', '1. item', '[quote=alice]', '<!-- c -->']) {
      assert.equal(onEnter(line), undefined, line);
    }
  });

  it('matches each quote prefix of depth 1..6 with exactly one continuation rule', () => {
    const continuation = conf.onEnterRules.filter((r) => r.afterText === undefined);
    for (let depth = 1; depth <= 6; depth++) {
      for (let mask = 0; mask < 1 << (depth - 1); mask++) {
        let prefix = '>';
        for (let i = 0; i < depth - 1; i++) prefix += (mask & (1 << i) ? ' ' : '') + '>';
        const matching = continuation.filter((r) => ruleMatches(r, `${prefix} x`, ''));
        assert.equal(matching.length, 1, `${prefix}: ${matching.length} rules`);
        assert.equal(matching[0].action.appendText, `${prefix} `);
      }
    }
  });

  it('folds [quote] … [/quote] and #region markers', () => {
    const start = compile(conf.folding.markers.start);
    const end = compile(conf.folding.markers.end);
    for (const line of ['[quote]', '[quote="alice, post:3, topic:123"]', '[QUOTE=bob]', '  [quote=\'carol\']', '<!-- #region notes -->']) {
      assert.ok(start.test(line), line);
    }
    for (const line of ['[quote]inline[/quote]', 'text [quote]', '[quotes]', '> [quote]']) assert.ok(!start.test(line), line);
    for (const line of ['[/quote]', '[/QUOTE]  ', '<!-- #endregion -->']) assert.ok(end.test(line), line);
    assert.ok(!end.test('text [/quote]'));
  });

  it('keeps Markdown comments, brackets and pairs, plus [quote] … [/quote]', () => {
    assert.deepEqual(conf.comments.blockComment, ['<!--', '-->']);
    assert.deepEqual(conf.brackets, [['{', '}'], ['[', ']'], ['(', ')'], ['[quote]', '[/quote]']]);
    const pairs = conf.autoClosingPairs.map((p) => p.open + p.close);
    assert.deepEqual(pairs, ['{}', '[]', '()', '<>', '[quote][/quote]']);
    assert.ok(conf.surroundingPairs.some(([a, b]) => a === '`' && b === '`'));
  });
});
