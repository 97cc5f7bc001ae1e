import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, EXAMPLE_DRAFT } from '../paths';

function riposte(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('riposte CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'riposte-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lint --format json keeps the documented contract exactly', () => {
    const { code, stdout } = riposte(['lint', '--format', 'json', EXAMPLE_DRAFT]);
    assert.equal(code, 1);
    const results = JSON.parse(stdout);
    assert.equal(results.length, 1);
    assert.deepEqual(Object.keys(results[0]), ['file', 'diagnostics']);
    for (const diagnostic of results[0].diagnostics) {
      assert.deepEqual(Object.keys(diagnostic), ['rule', 'severity', 'message', 'range', 'related', 'fixes']);
      assert.deepEqual(Object.keys(diagnostic.range), ['start', 'end']);
      assert.deepEqual(Object.keys(diagnostic.range.start), ['line', 'character']);
      for (const related of diagnostic.related) assert.deepEqual(Object.keys(related), ['range', 'message']);
      for (const fix of diagnostic.fixes) {
        assert.deepEqual(Object.keys(fix), ['title', 'edits']);
        for (const edit of fix.edits) assert.deepEqual(Object.keys(edit), ['range', 'newText']);
      }
    }
    const block = results[0].diagnostics.find((d: { rule: string }) => d.rule === 'duplicate-block');
    assert.equal(block.range.start.line, 12);
    assert.equal(block.range.end.line, 21);
  });

  it('exits 0 with no errors or warnings, 1 with some', () => {
    writeFileSync(join(dir, 'clean.md'), 'Thanks for the careful reply.\n');
    assert.equal(riposte(['lint', join(dir, 'clean.md')]).code, 0);
    writeFileSync(join(dir, 'dirty.md'), 'It is the the point.\n');
    const dirty = riposte(['lint', join(dir, 'dirty.md')]);
    assert.equal(dirty.code, 1);
    assert.match(dirty.stdout, /dirty\.md:1:7: warning .*\[repeated-words\]/);
  });

  it('lints a draft whose links carry HTML entities (the bundle loads their decoding table from beside it)', () => {
    writeFileSync(join(dir, 'entities.md'), 'See [the notes] for the the details.\n\n[the notes]: https://example.org/?page=1&amp;part=2 "Notes &mdash; part 2"\n');
    const { code, stdout, stderr } = riposte(['lint', join(dir, 'entities.md')]);
    assert.equal(code, 1, stderr);
    assert.match(stdout, /entities\.md:1:21: warning .*\[repeated-words\]/);
  });

  it('exits 2 on usage, missing files and bad configuration, with a message on stderr', () => {
    const usage = riposte(['lint', '--format', 'xml', EXAMPLE_DRAFT]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--format must be one of text, json, sarif/);
    assert.equal(riposte(['lint', '--frobnicate', EXAMPLE_DRAFT]).code, 2);
    const missing = riposte(['lint', join(dir, 'nope.md')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.md/);
    writeFileSync(join(dir, '.riposte.json'), '{ "rules": { "repeated-words": "loud" } }');
    writeFileSync(join(dir, 'a.md'), 'Fine.\n');
    const bad = riposte(['lint', join(dir, 'a.md')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /\.riposte\.json/);
    assert.match(bad.stderr, /rules\.repeated-words/);
  });

  it('finds .riposte.json above the file and honours --config', () => {
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'drafts', 'a.md'), 'It is the the point.\n');
    writeFileSync(join(dir, '.riposte.json'), '// quiet\n{ "rules": { "repeated-words": "off" } }');
    assert.equal(riposte(['lint', join(dir, 'drafts', 'a.md')]).code, 0);
    writeFileSync(join(dir, 'loud.json'), '{ "rules": { "repeated-words": "error" } }');
    const loud = riposte(['lint', '--config', join(dir, 'loud.json'), join(dir, 'drafts', 'a.md')]);
    assert.equal(loud.code, 1);
    assert.match(loud.stdout, /error/);
  });

  it('lints folders and globs, and standard input', () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'one.md'), 'It is the the point.\n');
    writeFileSync(join(dir, 'sub', 'two.markdown'), 'Fine.\n');
    writeFileSync(join(dir, 'notes.txt'), 'the the\n');
    const folder = JSON.parse(riposte(['lint', '--format', 'json', '.'], { cwd: dir }).stdout);
    assert.deepEqual(folder.map((r: { file: string }) => r.file), ['one.md', 'sub/two.markdown']);
    const globbed = JSON.parse(riposte(['lint', '--format', 'json', '**/*.markdown'], { cwd: dir }).stdout);
    assert.deepEqual(globbed.map((r: { file: string }) => r.file), ['sub/two.markdown']);
    const stdin = riposte(['lint', '--format', 'json', '-'], { input: 'It is the the point.\n' });
    assert.equal(JSON.parse(stdin.stdout)[0].diagnostics[0].rule, 'repeated-words');
  });

  it('--fix rewrites the real draft so each line of the first copy stays exactly once', () => {
    const draft = join(dir, 'reply.md');
    copyFileSync(EXAMPLE_DRAFT, draft);
    const original = readFileSync(EXAMPLE_DRAFT, 'utf8').split('\n');
    const result = riposte(['lint', '--fix', draft]);
    assert.equal(result.code, 1, 'unmarked quote and repeated words still need a person');
    const fixed = readFileSync(draft, 'utf8').split('\n');
    for (const line of original.slice(0, 12)) assert.equal(fixed.filter((l) => l === line).length, 1);
    assert.equal(fixed.filter((l) => l.trim()).length, 12);
  });

  it('--fix keeps CRLF line endings and the byte order mark', () => {
    const draft = join(dir, 'crlf.reply.md');
    const long = 'y'.repeat(120) + '.';
    writeFileSync(draft, `\uFEFF${long}\r\n${long} more.\r\n`);
    riposte(['lint', '--fix', draft]);
    assert.equal(readFileSync(draft, 'utf8'), `\uFEFF${long}\r\n\r\n${long} more.\r\n`);
  });

  it('--fix on standard input prints the fixed text and reports on stderr', () => {
    const long = 'z'.repeat(120) + '.';
    const result = riposte(['lint', '--fix', '-'], { input: `${long}\n${long} more.\n` });
    assert.equal(result.stdout, `${long}\n\n${long} more.\n`);
    assert.match(result.stderr, /No problems/);
  });

  it('lint --format sarif produces SARIF 2.1.0 results', () => {
    const sarif = JSON.parse(riposte(['lint', '--format', 'sarif', EXAMPLE_DRAFT]).stdout);
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results;
    assert.equal(results.length, 4);
    assert.ok(results.every((r: { level: string }) => r.level === 'warning'));
    assert.equal(results.find((r: { ruleId: string }) => r.ruleId === 'duplicate-block').locations[0].physicalLocation.region.startLine, 13);
  });

  it('tree --format json prints the documented shape', () => {
    const thread = '---\nreplying-to: Ana\n---\nOn Mon, 1 Jun 2020, Ana <ana@example.org> wrote:\n> Claim.\n\nMy answer.\n';
    writeFileSync(join(dir, 't.md'), thread);
    const { code, stdout } = riposte(['tree', '--format', 'json', join(dir, 't.md')]);
    assert.equal(code, 0);
    const tree = JSON.parse(stdout);
    assert.deepEqual(Object.keys(tree), ['file', 'speakers', 'root']);
    assert.deepEqual(tree.speakers, [{ name: 'Ana', inferred: false }]);
    assert.deepEqual(tree.root.children, [
      {
        kind: 'quote',
        speaker: 'Ana',
        inferred: false,
        depth: 1,
        range: { startLine: 4, endLine: 4 },
        children: [{ kind: 'reply', speaker: null, inferred: false, depth: 0, range: { startLine: 6, endLine: 6 }, children: [] }],
      },
    ]);
    const text = riposte(['tree', join(dir, 't.md')]);
    assert.match(text.stdout, /> quote from Ana \(line 5\)/);
  });
});
