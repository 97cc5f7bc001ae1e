/**
 * The injection grammar (syntaxes/markdown-injection.tmLanguage.json) with a real TextMate engine and VS Code's
 * own Markdown grammar, registered as VS Code registers it (package.json "injectTo"): plain Markdown files get
 * the Debate Markdown mode's quote depths and attribution scopes, and code stays code.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { REPO_ROOT } from '../paths';

const INJECTION = 'text.html.markdown.riposte-injection';
const FILES: Record<string, () => string> = {
  'text.html.markdown.debate': () => join(REPO_ROOT, 'syntaxes', 'debate-markdown.tmLanguage.json'),
  [INJECTION]: () => join(REPO_ROOT, 'syntaxes', 'markdown-injection.tmLanguage.json'),
  'text.html.markdown': () => require.resolve('tm-grammars/grammars/markdown.json'),
  'source.yaml': () => require.resolve('tm-grammars/grammars/yaml.json'),
  'text.html.basic': () => require.resolve('tm-grammars/grammars/html.json'),
  'text.html.derivative': () => require.resolve('tm-grammars/grammars/html-derivative.json'),
};

interface Contribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}
const grammars = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: Contribution[] } }).contributes.grammars;

let registry: vsctm.Registry;
async function markdown(): Promise<vsctm.IGrammar> {
  registry ??= new vsctm.Registry({
    onigLib: oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'))).then(() => ({
      createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    })),
    loadGrammar: async (scopeName) => {
      const file = FILES[scopeName]?.();
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // As VS Code does with package.json's "injectTo".
    getInjections: (scopeName) => grammars.filter((grammar) => grammar.injectTo?.includes(scopeName)).map((grammar) => grammar.scopeName),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar);
  return grammar;
}

/** The scopes of the first token covering `text` on each line that holds it. */
async function scopesOf(source: string, text: string): Promise<string[]> {
  const grammar = await markdown();
  let state = vsctm.INITIAL;
  for (const line of source.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const at = line.indexOf(text);
    if (at < 0) continue;
    const token = result.tokens.find((candidate) => candidate.startIndex <= at && at < candidate.endIndex);
    if (token) return token.scopes;
  }
  throw new Error(`"${text}" not found`);
}

describe('injection grammar: Debate Markdown colours in plain Markdown', () => {
  it('is contributed for the markdown grammar, with the Debate Markdown grammar it includes', () => {
    const injection = grammars.find((grammar) => grammar.scopeName === INJECTION);
    assert.ok(injection, 'no grammar contribution with the injection scope');
    assert.deepEqual(injection.injectTo, ['text.html.markdown']);
    assert.equal(join(REPO_ROOT, injection.path), FILES[INJECTION]());
  });

  it('gives each quote depth its own scope, up to 6', async () => {
    const source = '# Notes\n\n> one\n>> two\n> > > three\n>>>>>> six\n';
    assert.ok((await scopesOf(source, 'one')).includes('markup.quote.depth-1.debate'));
    assert.ok((await scopesOf(source, 'two')).includes('markup.quote.depth-2.debate'));
    assert.ok((await scopesOf(source, 'three')).includes('markup.quote.depth-3.debate'));
    assert.ok((await scopesOf(source, 'six')).includes('markup.quote.depth-6.debate'));
    assert.ok((await scopesOf(source, 'one')).includes('markup.quote.markdown'), 'still a Markdown quote for themes and other extensions');
  });

  it('marks attribution lines and speaker names, in a quote and above it', async () => {
    const source = 'On Mon, 15 Jun 2020, Priya Raman <priya@example.org> wrote:\n> **Tom Becker:** Thursday is too late.\n';
    assert.ok((await scopesOf(source, 'On Mon')).includes('meta.attribution.debate'));
    assert.ok((await scopesOf(source, 'Tom Becker')).includes('entity.name.speaker.debate'));
  });

  it('leaves code, HTML comments and ordinary text alone', async () => {
    const source = 'Plain text.\n\n```\n> not a quote\n```\n\n    > indented code\n\n<!-- > a comment -->\n';
    for (const text of ['Plain text', 'not a quote', 'indented code', 'a comment']) {
      assert.ok(!(await scopesOf(source, text)).some((scope) => scope.endsWith('.debate')), `${text}: ${(await scopesOf(source, text)).join(' ')}`);
    }
  });
});
