// The command line as a careless user or a hostile file meets it: every case ends with a clear message
// and the documented exit status (0 clean, 1 findings, 2 usage, configuration or I/O error), and --fix
// never damages a file it cannot handle.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../../src/cli/files';
import { CLI, REPO_ROOT } from '../paths';

function riposte(args: string[], options: { cwd?: string; input?: string | Buffer } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const VERSION = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
// Two pasted paragraphs with no blank line between them: --fix inserts one (a safe fix).
const LONG = `${'y'.repeat(120)}.`;
const BROKEN = `${LONG}\n${LONG} more.\n`;
const FIXED = `${LONG}\n\n${LONG} more.\n`;

describe('riposte CLI: help, usage errors and hostile input', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'riposte-cli-'));
  });
  afterEach(() => {
    // chmod back so that the folder can be removed whatever a test left read-only
    spawnSync('chmod', ['-R', 'u+w', dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  describe('help, version and usage', () => {
    it('--help prints the usage and the exit statuses on stdout and exits 0', () => {
      const help = riposte(['--help']);
      assert.equal(help.code, 0);
      assert.equal(help.stderr, '');
      assert.match(help.stdout, /riposte lint \[--format text\|json\|sarif\]/);
      assert.match(help.stdout, /riposte tree \[--format text\|json\]/);
      assert.match(help.stdout, /Exit status: 0 .*; 1 .*; 2 usage, configuration or I\/O error/);
    });

    it('lint --help and tree --help print the usage and exit 0, whatever else is on the line', () => {
      for (const args of [['lint', '--help'], ['tree', '--help'], ['lint', '-h', 'nothing.md']]) {
        const help = riposte(args);
        assert.equal(help.code, 0, `${args.join(' ')}: ${help.stderr}`);
        assert.match(help.stdout, /riposte lint \[--format/, args.join(' '));
        assert.equal(help.stderr, '', args.join(' '));
      }
    });

    it('--version prints the package version alone and exits 0', () => {
      assert.deepEqual(riposte(['--version']), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
      assert.deepEqual(riposte(['-v']), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
    });

    it('no arguments: the usage on stderr, nothing on stdout, exit 2', () => {
      const bare = riposte([]);
      assert.equal(bare.code, 2);
      assert.equal(bare.stdout, '', 'a usage error writes nothing a pipe would take for output');
      assert.match(bare.stderr, /riposte: no command given/);
      assert.match(bare.stderr, /riposte lint \[--format/);
    });

    it('an unknown command or flag is named on stderr, with a pointer to --help, exit 2', () => {
      const command = riposte(['lnit', 'a.md']);
      assert.deepEqual([command.code, command.stdout], [2, '']);
      assert.match(command.stderr, /^riposte: unknown command "lnit" \(expected lint, tree or lsp\)\nRun "riposte --help" for usage\.\n$/);
      const topFlag = riposte(['--frobnicate']);
      assert.deepEqual([topFlag.code, topFlag.stdout], [2, '']);
      assert.match(topFlag.stderr, /unknown option "--frobnicate"/);
      for (const args of [['lint', '--frobnicate', 'a.md'], ['tree', '--fix', 'a.md']]) {
        const flag = riposte(args);
        assert.deepEqual([flag.code, flag.stdout], [2, ''], args.join(' '));
        assert.match(flag.stderr, new RegExp(`unknown option "${args[1]}" for ${args[0]}\\n`), args.join(' '));
      }
      const missingValue = riposte(['lint', 'a.md', '--format']);
      assert.equal(missingValue.code, 2);
      assert.match(missingValue.stderr, /--format needs a value/);
    });

    it('tree with no file or two files is a usage error, exit 2', () => {
      assert.match(riposte(['tree']).stderr, /tree takes exactly one FILE/);
      assert.equal(riposte(['tree', 'a.md', 'b.md']).code, 2);
    });
  });

  describe('paths that name no draft', () => {
    it('a glob that matches nothing: exit 2 naming the glob', () => {
      const result = riposte(['lint', 'drafts/**/*.md'], { cwd: dir });
      assert.deepEqual([result.code, result.stdout], [2, '']);
      assert.match(result.stderr, /riposte: no files match "drafts\/\*\*\/\*\.md"/);
    });

    it('a folder with no .md or .markdown file: exit 2 naming the folder, not "No problems in 0 files"', () => {
      mkdirSync(join(dir, 'empty', 'node_modules'), { recursive: true });
      writeFileSync(join(dir, 'empty', 'notes.txt'), 'the the\n');
      writeFileSync(join(dir, 'empty', 'node_modules', 'skipped.md'), 'the the\n');
      for (const format of ['text', 'json']) {
        const result = riposte(['lint', '--format', format, 'empty'], { cwd: dir });
        assert.deepEqual([result.code, result.stdout], [2, ''], format);
        assert.match(result.stderr, /riposte: no Markdown files \(\.md, \.markdown\) in "empty"/, format);
      }
    });

    it('a missing file is named; a folder given to tree is called a folder, not EISDIR', () => {
      const missing = riposte(['tree', join(dir, 'nope.md')]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /riposte: cannot read ".*nope\.md": no such file or directory\n/);
      const folder = riposte(['tree', dir]);
      assert.equal(folder.code, 2);
      assert.match(folder.stderr, /riposte: cannot read ".*": it is a folder \(tree takes one file\)\n/);
      assert.doesNotMatch(folder.stderr, /EISDIR/);
    });
  });

  describe('binary and invalid UTF-8 input', () => {
    const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

    it('a binary file is refused by name with exit 2, and the other files are still reported', () => {
      writeFileSync(join(dir, 'image.md'), PNG);
      writeFileSync(join(dir, 'ok.md'), 'It is the the point.\n');
      const result = riposte(['lint', '--format', 'json', 'image.md', 'ok.md'], { cwd: dir });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /riposte: cannot lint "image\.md": it is not text \(it holds a NUL byte at offset 8\)\n/);
      const reports = JSON.parse(result.stdout);
      assert.deepEqual(reports.map((r: { file: string }) => r.file), ['ok.md'], 'the JSON contract holds the files that were linted');
      assert.equal(reports[0].diagnostics[0].rule, 'repeated-words');
    });

    it('invalid UTF-8 is refused with the offset of the first bad byte, from a file or standard input', () => {
      const latin1 = Buffer.concat([Buffer.from('The caf'), Buffer.from([0xe9]), Buffer.from(' is closed.\n')]);
      writeFileSync(join(dir, 'latin1.md'), latin1);
      const file = riposte(['lint', 'latin1.md'], { cwd: dir });
      assert.equal(file.code, 2);
      assert.match(file.stderr, /riposte: cannot lint "latin1\.md": it is not valid UTF-8 \(byte 0xE9 at offset 7\)/);
      const stdin = riposte(['lint', '-'], { input: latin1 });
      assert.equal(stdin.code, 2);
      assert.match(stdin.stderr, /riposte: cannot lint "<stdin>": it is not valid UTF-8/);
      const tree = riposte(['tree', '-'], { input: PNG });
      assert.equal(tree.code, 2);
      assert.match(tree.stderr, /it is not text/);
    });

    it('finds the first invalid UTF-8 byte exactly where Node\'s own validator says the text stops being UTF-8', () => {
      // Every input of one and two bytes, and every lead byte of a longer sequence followed by the edges of
      // each continuation range (overlong forms, surrogates, code points past U+10FFFF, sequences cut short).
      const edges = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0xff];
      const inputs: number[][] = [[]];
      for (let a = 0; a < 256; a++) {
        inputs.push([a]);
        for (let b = 0; b < 256; b++) inputs.push([a, b]);
        if (a >= 0xc0) for (const b of edges) for (const c of edges) for (const d of [0x80, 0xbf, 0x41]) inputs.push([a, b, c], [a, b, c, d], [0x41, a, b, c, d]);
      }
      for (const input of inputs) {
        const bytes = Buffer.from(input);
        const bad = firstInvalidUtf8(bytes);
        const label = bytes.toString('hex');
        assert.equal(bad === -1, isUtf8(bytes), label);
        // Everything before the offset is UTF-8, and no character starts there (nor can one be completed).
        if (bad === -1) continue;
        assert.ok(isUtf8(bytes.subarray(0, bad)), `${label}: the bytes before ${bad} are valid`);
        for (let length = 1; length <= 4 && bad + length <= bytes.length; length++) assert.ok(!isUtf8(bytes.subarray(bad, bad + length)), `${label}: a character starts at ${bad}`);
      }
    });

    it('--fix leaves a file with invalid UTF-8 byte for byte as it was (no U+FFFD written back)', () => {
      const latin1 = Buffer.concat([Buffer.from(BROKEN), Buffer.from('\nThe caf'), Buffer.from([0xe9]), Buffer.from(' is closed.\n')]);
      const draft = join(dir, 'latin1.reply.md');
      writeFileSync(draft, latin1);
      const result = riposte(['lint', '--fix', draft]);
      assert.equal(result.code, 2);
      assert.ok(readFileSync(draft).equals(latin1), readFileSync(draft, 'latin1'));
    });
  });

  describe('--fix on files it cannot or may not write', () => {
    it('a read-only file is left untouched, named on stderr, exit 2', () => {
      const draft = join(dir, 'locked.reply.md');
      writeFileSync(draft, BROKEN);
      chmodSync(draft, 0o444);
      const result = riposte(['lint', '--fix', draft]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /riposte: cannot fix ".*locked\.reply\.md": the file is read-only\n/);
      assert.equal(readFileSync(draft, 'utf8'), BROKEN);
      assert.equal(statSync(draft).mode & 0o777, 0o444);
    });

    it('of several files, the one that fails is untouched, the others are still fixed, exit 2', () => {
      const names = ['a.reply.md', 'b.reply.md', 'c.reply.md'];
      for (const name of names) writeFileSync(join(dir, name), BROKEN);
      chmodSync(join(dir, 'b.reply.md'), 0o444);
      const result = riposte(['lint', '--fix', '--format', 'json', ...names], { cwd: dir });
      assert.equal(result.code, 2);
      assert.equal(readFileSync(join(dir, 'a.reply.md'), 'utf8'), FIXED);
      assert.equal(readFileSync(join(dir, 'b.reply.md'), 'utf8'), BROKEN);
      assert.equal(readFileSync(join(dir, 'c.reply.md'), 'utf8'), FIXED);
      assert.match(result.stderr, /cannot fix "b\.reply\.md"/);
      assert.deepEqual(JSON.parse(result.stdout).map((r: { file: string }) => r.file), ['a.reply.md', 'c.reply.md']);
    });

    it('keeps the file mode, and writes through a symbolic link instead of replacing it', () => {
      const draft = join(dir, 'shared.reply.md');
      writeFileSync(draft, BROKEN);
      chmodSync(draft, 0o640);
      assert.equal(riposte(['lint', '--fix', draft]).code, 0);
      assert.equal(readFileSync(draft, 'utf8'), FIXED);
      assert.equal(statSync(draft).mode & 0o7777, 0o640);

      const target = join(dir, 'target.reply.md');
      const link = join(dir, 'link.reply.md');
      writeFileSync(target, BROKEN);
      chmodSync(target, 0o600);
      symlinkSync('target.reply.md', link);
      assert.equal(riposte(['lint', '--fix', link]).code, 0);
      assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
      assert.equal(readlinkSync(link), 'target.reply.md');
      assert.equal(readFileSync(target, 'utf8'), FIXED);
      assert.equal(statSync(target).mode & 0o7777, 0o600);
    });
  });
});
