// The npm package as a user installs it: `npm pack` of this repository (its prepack build is skipped: the test
// runs on the build under test, and must not rewrite out/ under mocha), installed from the tarball into an
// empty folder with npm --offline (the bundles hold every dependency, so nothing is fetched), then the
// `riposte` binary and require('riposte') used from there.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_DRAFT, REPO_ROOT } from '../paths';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the npm package, installed from its packed tarball', function () {
  // npm pack and npm install each start npm; on a busy 2-core machine that takes seconds.
  this.timeout(120_000);
  let root: string;
  let files: string[];
  let project: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'riposte-pack-'));
    const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', root], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { filename: string; files: { path: string }[] }[];
    files = packed.files.map((file) => file.path).sort();
    project = join(root, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "uses-riposte", "version": "1.0.0", "private": true }\n');
    const install = spawnSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(root, packed.filename)], { cwd: project, encoding: 'utf8' });
    assert.equal(install.status, 0, `npm install of the tarball failed:\n${install.stdout}\n${install.stderr}`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('holds the CLI, the API and its types, and no sources, tests, maps or extension bundle', () => {
    for (const file of ['dist/cli.js', 'dist/entities.js', 'dist/api.js', 'dist/markdownlint.js', 'dist/types/api.d.ts', 'dist/types/markdownlint.d.ts', 'docs/rules/repeated-words.md', 'package.json', 'README.md', 'LICENSE']) assert.ok(files.includes(file), `${file} is missing from the tarball: ${files.join(', ')}`);
    const stray = files.filter((file) => /^(src|test|out|node_modules)\/|\.map$|\.ts$(?<!\.d\.ts)|^dist\/extension\.js$/.test(file));
    assert.deepEqual(stray, []);
  });

  it('installs with no dependency to fetch: the bundles hold them', () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'riposte', 'package.json'), 'utf8')) as { dependencies?: object };
    assert.deepEqual(Object.keys(installed.dependencies ?? {}), []);
  });

  it('`npx riposte lint` reports the real draft’s findings with exit status 1, and 0 on a clean file', () => {
    copyFileSync(EXAMPLE_DRAFT, join(project, 'draft.reply.md'));
    // The link's entity makes the CLI load its decoding table (dist/entities.js) from the installed package.
    writeFileSync(join(project, 'clean.md'), '# Notes\n\nOne short paragraph, [linked].\n\n[linked]: https://example.org/?a=1&amp;b=2\n');
    const bin = join(project, 'node_modules', '.bin', 'riposte');
    const dirty = spawnSync(bin, ['lint', '--format', 'json', 'draft.reply.md'], { cwd: project, encoding: 'utf8' });
    assert.equal(dirty.status, 1, dirty.stderr);
    const [report] = JSON.parse(dirty.stdout) as { diagnostics: { rule: string }[] }[];
    assert.deepEqual(report.diagnostics.map((d) => d.rule), ['lost-paragraph-breaks', 'unmarked-quote', 'repeated-words', 'duplicate-block']);
    const clean = spawnSync(bin, ['lint', 'clean.md'], { cwd: project, encoding: 'utf8' });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  });

  it('require("riposte") from the installed package lints and builds the reply tree', () => {
    const script = "const r = require('riposte'); console.log(JSON.stringify([r.lint('the the cat sat down.', {}).map((d) => d.rule), r.replyTree('> **Ana:** Claim.\\n\\nAnswer.\\n').speakers]))";
    const output = execFileSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(output), [['repeated-words'], [{ name: 'Ana', inferred: false }]]);
  });

  it('runs each .pre-commit-hooks.yaml entry as pre-commit does (entry + the staged file names): 1 fails the commit', () => {
    const hooks = readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const entries = [...hooks.matchAll(/^\s+entry: (.+)$/gm)].map((match) => match[1].trim().split(/\s+/));
    assert.deepEqual(entries, [['riposte', 'lint'], ['riposte', 'lint', '--fix']]);
    assert.equal([...hooks.matchAll(/^\s+language: node$/gm)].length, 2, 'both hooks install the package with npm');
    const bin = join(project, 'node_modules', '.bin');
    copyFileSync(EXAMPLE_DRAFT, join(project, 'hook.reply.md'));
    writeFileSync(join(project, 'notes.md'), '# Notes\n\nOne short paragraph.\n');
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    const [[lintCommand, ...lintArgs], [fixCommand, ...fixArgs]] = entries;
    assert.equal(spawnSync(lintCommand, [...lintArgs, 'notes.md'], { cwd: project, env }).status, 0);
    assert.equal(spawnSync(lintCommand, [...lintArgs, 'notes.md', 'hook.reply.md'], { cwd: project, env }).status, 1);
    const before = readFileSync(join(project, 'hook.reply.md'), 'utf8');
    const fixed = spawnSync(fixCommand, [...fixArgs, 'hook.reply.md'], { cwd: project, env, encoding: 'utf8' });
    assert.equal(fixed.status, 1, 'the findings that need a person are still reported');
    const after = readFileSync(join(project, 'hook.reply.md'), 'utf8');
    assert.ok(after.length < before.length, 'the safe fixes (the repeated copy deleted) were written');
  });

  it('markdownlint-cli2 loads the rules by the name the README gives, `riposte/markdownlint`, from the installed package', () => {
    const folder = join(project, 'markdownlint');
    mkdirSync(folder);
    writeFileSync(join(folder, '.markdownlint-cli2.jsonc'), '{ "customRules": ["riposte/markdownlint"], "config": { "default": false, "riposte": true } }\n');
    writeFileSync(join(folder, 'reply.md'), '# Reply\n\nIt seems to me to me that the point stands.\n');
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), 'reply.md'], { cwd: folder, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /^reply\.md:3:10 error riposte\/repeated-words .*“to me” is repeated/m);
  });
});
