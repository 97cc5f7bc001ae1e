// The command line as a careless user or a hostile file meets it: every case ends with a clear message
// and the documented exit status (0 clean, 1 findings, 2 usage, configuration or I/O error), and --fix
// never damages a file it cannot handle.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, REPO_ROOT } from '../paths';

function riposte(args: string[], options: { cwd?: string; input?: string | Buffer } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const VERSION = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version as string;

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
      assert.match(command.stderr, /^riposte: unknown command "lnit" \(expected lint or tree\)\nRun "riposte --help" for usage\.\n$/);
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
});
