#!/usr/bin/env node
// `npm run package [-- --out FILE]`: builds the shipped bundles minified into a fresh staging folder, copies
// the manifest, docs, media, grammars and rule docs next to them, and runs @vscode/vsce there. What goes
// into the .vsix is decided by .vscodeignore (copied along): the staging folder only exists because vsce
// refuses a .vscodeignore beside npm's "files" list, which the npm package needs.
// The staged package.json drops what only npm uses (files, bin, exports, scripts, dependencies: the
// bundles hold them), so vsce packages no node_modules.
// vsce prints the files it packed and their sizes; the last line gives the .vsix's path and size.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const outAt = process.argv.indexOf('--out');
const out = resolve(outAt > 0 ? process.argv[outAt + 1] : join(ROOT, `${manifest.name}-${manifest.version}.vsix`));

const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[package] ${[command, ...args].join(' ')} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
};

const stage = mkdtempSync(join(tmpdir(), 'riposte-vsix-'));
try {
  run(process.execPath, [join(ROOT, 'esbuild.mjs'), '--production', '--out-root', stage], ROOT);
  for (const item of ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'media', 'syntaxes', 'snippets', join('docs', 'rules')]) {
    // media/preview.js comes from the build above, not from a development build with its map
    cpSync(join(ROOT, item), join(stage, item), { recursive: true, force: false, errorOnExist: false });
  }
  const { files, bin, exports, types, scripts, dependencies, devDependencies, ...extension } = manifest;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(extension, null, 2)}\n`);
  rmSync(out, { force: true });
  // README images live in docs/images, which the package leaves out (they would take most of its 1 MB):
  // links stay as written instead of being rewritten to a repository that has no public address.
  run(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], stage);
  console.log(`[package] ${out}: ${(statSync(out).size / 1024).toFixed(1)} KB`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
