// A real editor no one here wrote: Neovim's built-in LSP client, headless, on a copy of the real draft.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../../../src/core';
import { CLI, EXAMPLE_DRAFT, REPO_ROOT } from '../../paths';

const DRIVER = join(REPO_ROOT, 'test', 'lsp', 'neovim', 'drive.lua');

function runNeovim(file: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${DRIVER}`, file], {
      cwd,
      env: { ...process.env, RIPOSTE_NODE: process.execPath, RIPOSTE_CLI: CLI },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('Riposte in Neovim (built-in LSP client, headless)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'riposte-nvim-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the real draft’s findings, applies the repeated block’s code action and saves the fixed file', async () => {
    const file = join(dir, 'interpretability-reply.reply.md');
    copyFileSync(EXAMPLE_DRAFT, file);
    const original = readFileSync(file, 'utf8');
    const { code, stdout, stderr } = await runNeovim(file, dir);
    const version = /^version (\S+)$/m.exec(stdout)?.[1];
    console.log(`      Neovim ${version ?? '(unknown)'}`);
    assert.equal(code, 0, `nvim exited with ${code}\n${stdout}\n${stderr}`);

    const lines = (prefix: string) => stdout.split('\n').filter((line) => line.startsWith(`${prefix} `)).map((line) => line.slice(prefix.length + 1));
    assert.deepEqual(lines('diagnostic'), ['1 lost-paragraph-breaks', '8 unmarked-quote', '12 repeated-words', '13 duplicate-block']);
    assert.deepEqual(lines('action').slice(0, 3), ['Delete the repeated copy (lines 13–22)', 'Disable duplicate-block for this line', 'Disable duplicate-block for this file']);
    assert.deepEqual(lines('after'), ['1 lost-paragraph-breaks', '8 unmarked-quote', '12 repeated-words']);

    // The saved file is the draft with exactly the fix the core offers for the repeated block.
    const block = core.lint(original, { fileName: file }).find((d) => d.rule === 'duplicate-block')!;
    const fixed = core.applyFixes(original, [block]);
    // Neovim ends what it writes with a newline ('fixendofline'); the draft had none after its last line.
    const expected = fixed.endsWith('\n') ? fixed : `${fixed}\n`;
    assert.equal(readFileSync(file, 'utf8'), expected);
    assert.equal(fixed.split('\n').length, original.split('\n').length - 10);
  });
});
