/**
 * Grammar tests for syntaxes/debate-markdown.tmLanguage.json with a real TextMate engine
 * (vscode-textmate + vscode-oniguruma, as VS Code uses), with VS Code's own Markdown grammar behind
 * it: the `tm-grammars` package ships microsoft/vscode's extensions/markdown-basics grammar (pinned
 * to a commit, MIT) together with the YAML and HTML grammars it embeds.
 *
 * Fixtures (test/grammar/fixtures/*.md) carry their own expectations. Lines starting with `%%` are
 * removed before tokenising; each applies to the nearest source line above it:
 *
 *   %% "text": scope-a scope-b !scope-c   every token overlapping the first "text" of the line has
 *                                          scope-a and scope-b and not scope-c ("text"#2: 2nd one)
 *   %% ="text": scope                      as above, and each listed scope covers exactly "text"
 *   %% *: scope !other                     every token of the line (`*: !x`: no token has x)
 *
 * Scopes are compared as whole names. `%%%` lines are comments.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { REPO_ROOT } from '../paths';

const SCOPE = 'text.html.markdown.debate';
const GRAMMAR_FILE = join(REPO_ROOT, 'syntaxes', 'debate-markdown.tmLanguage.json');
const FIXTURES = join(REPO_ROOT, 'test', 'grammar', 'fixtures');

/** The grammars ours loads, by scope name; every other embedded language stays unloaded. */
const GRAMMAR_FILES: Record<string, () => string> = {
  [SCOPE]: () => GRAMMAR_FILE,
  'text.html.markdown': () => require.resolve('tm-grammars/grammars/markdown.json'),
  'source.yaml': () => require.resolve('tm-grammars/grammars/yaml.json'),
  'text.html.basic': () => require.resolve('tm-grammars/grammars/html.json'),
  'text.html.derivative': () => require.resolve('tm-grammars/grammars/html-derivative.json'),
};

let onigLib: Promise<vsctm.IOnigLib> | undefined;
function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'))).then(() => ({
    createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
    createOnigString: (text: string) => oniguruma.createOnigString(text),
  }));
  return onigLib;
}

function newRegistry(): vsctm.Registry {
  return new vsctm.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName]?.();
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
  });
}

async function loadGrammar(registry: vsctm.Registry): Promise<vsctm.IGrammar> {
  const grammar = await registry.loadGrammar(SCOPE);
  assert.ok(grammar, `grammar ${SCOPE} did not load`);
  return grammar;
}

interface Token {
  start: number;
  end: number;
  scopes: string[];
}

function tokenize(grammar: vsctm.IGrammar, lines: string[]): Token[][] {
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ start: t.startIndex, end: Math.min(t.endIndex, line.length), scopes: t.scopes }));
  });
}

// ---------------------------------------------------------------------------------------------
// Fixture format

type Target = { kind: 'line' } | { kind: 'text'; text: string; occurrence: number; exact: boolean };

interface Assertion {
  fixtureLine: number; // 1-based, in the fixture file, for messages
  sourceIndex: number; // index into the stripped source lines
  spec: string;
  target: Target;
  want: string[];
  notWant: string[];
}

interface Fixture {
  name: string;
  source: string[];
  assertions: Assertion[];
}

const ASSERTION = /^%%\s+(\*|=?"(?:[^"\\]|\\.)*"(?:#\d+)?)\s*:\s*(.*)$/;

function parseFixture(name: string, text: string): Fixture {
  const source: string[] = [];
  const assertions: Assertion[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.startsWith('%%%')) return;
    if (!line.startsWith('%%')) {
      source.push(line);
      return;
    }
    const m = ASSERTION.exec(line);
    if (!m) throw new Error(`${name}:${i + 1}: malformed assertion: ${line}`);
    if (source.length === 0) throw new Error(`${name}:${i + 1}: assertion before any source line`);
    const [, targetSpec, scopeSpec] = m;
    let target: Target = { kind: 'line' };
    if (targetSpec !== '*') {
      const exact = targetSpec.startsWith('=');
      const quoted = /^=?("(?:[^"\\]|\\.)*")(?:#(\d+))?$/.exec(targetSpec);
      if (!quoted) throw new Error(`${name}:${i + 1}: bad target ${targetSpec}`);
      target = { kind: 'text', text: JSON.parse(quoted[1]) as string, occurrence: Number(quoted[2] ?? 1), exact };
    }
    const scopes = scopeSpec.trim().split(/\s+/).filter(Boolean);
    if (scopes.length === 0) throw new Error(`${name}:${i + 1}: no scopes`);
    assertions.push({
      fixtureLine: i + 1,
      sourceIndex: source.length - 1,
      spec: line.replace(/^%%\s+/, ''),
      target,
      want: scopes.filter((s) => !s.startsWith('!')),
      notWant: scopes.filter((s) => s.startsWith('!')).map((s) => s.slice(1)),
    });
  });
  return { name, source, assertions };
}

function nthIndexOf(haystack: string, needle: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = haystack.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

function scopesAt(tokens: Token[], offset: number): string[] {
  return tokens.find((t) => t.start <= offset && offset < t.end)?.scopes ?? [];
}

/** Checks one assertion; returns the problems found (empty when it holds). */
function check(a: Assertion, line: string, tokens: Token[]): string[] {
  const problems: string[] = [];
  let start = 0;
  let end = line.length;
  if (a.target.kind === 'text') {
    start = nthIndexOf(line, a.target.text, a.target.occurrence);
    if (start < 0) return [`"${a.target.text}" (#${a.target.occurrence}) is not on the line`];
    end = start + a.target.text.length;
  }
  const covered = tokens.filter((t) => (t.start < end && t.end > start) || (line.length === 0 && t.start === 0));
  for (const t of covered) {
    const text = JSON.stringify(line.slice(t.start, t.end));
    for (const s of a.want) if (!t.scopes.includes(s)) problems.push(`token ${text} lacks ${s}`);
    for (const s of a.notWant) if (t.scopes.includes(s)) problems.push(`token ${text} has ${s}`);
  }
  if (a.target.kind === 'text' && a.target.exact) {
    for (const s of a.want) {
      if (start > 0 && scopesAt(tokens, start - 1).includes(s)) problems.push(`${s} starts before "${a.target.text}"`);
      if (end < line.length && scopesAt(tokens, end).includes(s)) problems.push(`${s} goes on after "${a.target.text}"`);
    }
  }
  return problems.map((p) => `${p}\n      scopes on the line:\n${describeLine(line, tokens)}`);
}

function describeLine(line: string, tokens: Token[]): string {
  return tokens
    .map((t) => `        ${JSON.stringify(line.slice(t.start, t.end)).padEnd(28)} ${t.scopes.slice(1).join(' ')}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => parseFixture(f, readFileSync(join(FIXTURES, f), 'utf8')));

describe('debate-markdown grammar', function () {
  this.timeout(20000);
  let grammar: vsctm.IGrammar;

  before(async () => {
    grammar = await loadGrammar(newRegistry());
  });

  it('has fixtures with assertions', () => {
    assert.ok(fixtures.length >= 5, 'expected the fixture files');
    for (const f of fixtures) assert.ok(f.assertions.length > 0, `${f.name} asserts nothing`);
  });

  for (const fixture of fixtures) {
    describe(`fixture ${fixture.name}`, () => {
      let tokens: Token[][];
      before(() => {
        tokens = tokenize(grammar, fixture.source);
      });
      for (const a of fixture.assertions) {
        it(`line ${a.fixtureLine}: ${a.spec}`, () => {
          const line = fixture.source[a.sourceIndex];
          const problems = check(a, line, tokens[a.sourceIndex]);
          if (problems.length > 0) {
            assert.fail(`${fixture.name}:${a.fixtureLine} on ${JSON.stringify(line)}:\n    ${problems.join('\n    ')}`);
          }
        });
      }
    });
  }

  it('does not change how plain Markdown outside quotes is scoped', () => {
    const lines = ['# Heading', '', 'A paragraph with *emphasis* and a [link](https://example.org).', '', '- item'];
    const ours = tokenize(grammar, lines);
    return newRegistry()
      .loadGrammar('text.html.markdown')
      .then((markdown) => {
        assert.ok(markdown);
        const theirs = tokenize(markdown, lines);
        const strip = (rows: Token[][]) => rows.map((r) => r.map((t) => ({ ...t, scopes: t.scopes.slice(1) })));
        assert.deepEqual(strip(ours), strip(theirs));
      });
  });

  it('tokenises the example draft without Riposte scopes on its unmarked lines', () => {
    const draft = readFileSync(join(REPO_ROOT, 'examples', 'interpretability-reply.reply.md'), 'utf8').split(/\r?\n/);
    const rows = tokenize(grammar, draft);
    rows.forEach((row, i) => {
      for (const t of row) {
        const ours = t.scopes.slice(1).filter((s) => s.endsWith('.debate'));
        assert.deepEqual(ours, [], `line ${i + 1}: ${JSON.stringify(draft[i].slice(t.start, t.end))}`);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Theme check: Dark Modern / Light Modern take their token colours from Dark+ / Light+
// (tm-themes ships microsoft/vscode's dark_plus.json and light_plus.json).

interface RawTheme {
  name: string;
  colors: Record<string, string>;
  tokenColors: vsctm.IRawTheme['settings'];
}

function loadTheme(file: string): vsctm.IRawTheme {
  const raw = JSON.parse(readFileSync(require.resolve(`tm-themes/themes/${file}`), 'utf8')) as RawTheme;
  return {
    name: raw.name,
    settings: [
      { settings: { foreground: raw.colors['editor.foreground'], background: raw.colors['editor.background'] } },
      ...raw.tokenColors,
    ],
  };
}

const FOREGROUND_MASK = 0x00ff8000; // vscode-textmate EncodedTokenAttributes
const FOREGROUND_OFFSET = 15;
const FONT_STYLE_MASK = 0x00007800;
const FONT_STYLE_OFFSET = 11;
const BOLD = 2;

interface Style {
  foreground: string;
  bold: boolean;
}

/** Style of the character at `at` (an offset, or the first occurrence of a string) on line `lineIndex`. */
function styleAt(registry: vsctm.Registry, grammar: vsctm.IGrammar, lines: string[], lineIndex: number, at: string | number): Style {
  let state = vsctm.INITIAL;
  let tokens: Uint32Array = new Uint32Array();
  for (let i = 0; i <= lineIndex; i++) {
    const result = grammar.tokenizeLine2(lines[i], state);
    state = result.ruleStack;
    tokens = result.tokens;
  }
  const offset = typeof at === 'number' ? at : lines[lineIndex].indexOf(at);
  assert.ok(offset >= 0, `${at} not on line ${lineIndex}`);
  let metadata = 0;
  for (let k = 0; k < tokens.length; k += 2) if (tokens[k] <= offset) metadata = tokens[k + 1];
  const colors = registry.getColorMap();
  return {
    foreground: colors[(metadata & FOREGROUND_MASK) >>> FOREGROUND_OFFSET].toUpperCase(),
    bold: (((metadata & FONT_STYLE_MASK) >>> FONT_STYLE_OFFSET) & BOLD) !== 0,
  };
}

describe('debate-markdown colours in the default themes', function () {
  this.timeout(20000);
  const lines = ['plain', '> depth1', '>> depth2', '>>> depth3', '>>>> depth4', '>>>>> depth5', '>>>>>> depth6'];

  for (const file of ['dark-plus.json', 'light-plus.json']) {
    describe(file.replace('.json', ''), () => {
      let registry: vsctm.Registry;
      let grammar: vsctm.IGrammar;
      before(async () => {
        registry = newRegistry();
        registry.setTheme(loadTheme(file));
        grammar = await loadGrammar(registry);
      });

      it('gives each quote depth 1..6 its own foreground, different from plain text', () => {
        const colours = lines.map((line, i) => styleAt(registry, grammar, lines, i, line.replace(/^>+ /, '')).foreground);
        assert.equal(new Set(colours).size, lines.length, `colours by depth (plain, 1..6): ${colours.join(' ')}`);
      });

      it('keeps every > marker in the Markdown quote-marker colour', () => {
        const doc = ['>>>>>> x'];
        const markers = [0, 1, 2, 3, 4, 5].map((i) => styleAt(registry, grammar, doc, 0, i).foreground);
        assert.equal(new Set(markers).size, 1, markers.join(' '));
        assert.notEqual(markers[0], styleAt(registry, grammar, doc, 0, 'x').foreground);
      });

      it('shows speakers in bold and suppression comments as comments', () => {
        const doc = ['Alice Smith wrote:', '<!-- riposte-disable rule-a -->', '<!-- an ordinary comment -->'];
        assert.equal(styleAt(registry, grammar, doc, 0, 'Alice').bold, true);
        assert.equal(
          styleAt(registry, grammar, doc, 1, '<!--').foreground,
          styleAt(registry, grammar, doc, 2, '<!--').foreground,
        );
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Structure of the grammar file and its contribution in package.json

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function walk(node: Json, visit: (key: string, value: Json, path: string) => void, path = ''): void {
  if (Array.isArray(node)) node.forEach((v, i) => walk(v, visit, `${path}[${i}]`));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      visit(k, v, `${path}.${k}`);
      walk(v, visit, `${path}.${k}`);
    }
}

describe('debate-markdown grammar file', () => {
  const raw = JSON.parse(readFileSync(GRAMMAR_FILE, 'utf8')) as { [key: string]: Json };
  const repository = raw.repository as { [key: string]: Json };

  it('resolves every local include', () => {
    const missing: string[] = [];
    walk(raw, (key, value, path) => {
      if (key === 'include' && typeof value === 'string' && value.startsWith('#') && !(value.slice(1) in repository))
        missing.push(`${path}: ${value}`);
    });
    assert.deepEqual(missing, []);
  });

  it('compiles every regex with Oniguruma', async () => {
    await loadOniguruma();
    const bad: string[] = [];
    walk(raw, (key, value, path) => {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
        try {
          oniguruma.createOnigScanner([value]).dispose();
        } catch (e) {
          bad.push(`${path}: ${(e as Error).message}`);
        }
      }
    });
    assert.deepEqual(bad, []);
  });

  it('is contributed in package.json as the debate-markdown language', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: {
        languages?: { id: string; extensions?: string[]; configuration?: string }[];
        grammars?: { language?: string; scopeName: string; path: string; embeddedLanguages?: Record<string, string> }[];
      };
    };
    const language = pkg.contributes.languages?.find((l) => l.id === 'debate-markdown');
    assert.ok(language, 'no debate-markdown language');
    assert.deepEqual(language.extensions, ['.reply.md', '.debate.md']);
    assert.ok(language.configuration && existsSync(join(REPO_ROOT, language.configuration)));
    const contributed = pkg.contributes.grammars?.find((g) => g.language === 'debate-markdown');
    assert.ok(contributed, 'no grammar for debate-markdown');
    assert.equal(contributed.scopeName, SCOPE);
    assert.equal(raw.scopeName, SCOPE);
    assert.ok(existsSync(join(REPO_ROOT, contributed.path)));
    assert.equal(contributed.embeddedLanguages?.['meta.embedded.block.frontmatter'], 'yaml');
  });
});
