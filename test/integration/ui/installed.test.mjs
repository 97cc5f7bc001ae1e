// The packaged extension as a user gets it: `npm run package` builds the .vsix, its contents are checked,
// `code-server --install-extension` installs it, and a real VS Code with nothing but that installed copy
// (no development path, no link to this repository) checks a draft and shows its reply tree.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startCodeServer } from '../runner/codeServer.mjs';
import { openFile, runCommand, TIMEOUT, webview } from '../runner/actions.mjs';
import { ensureInstalled } from '../runner/install.mjs';
import { installVsix, packageVsix, zipEntries } from './vsix.mjs';

const SHOTS = join(REPO_ROOT, 'out', 'screenshots');
const { version, publisher, name } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const RULES = readdirSync(join(REPO_ROOT, 'docs', 'rules')).filter((file) => file.endsWith('.md'));

describe('the packaged extension (.vsix), installed into VS Code', () => {
  let root;
  let vsix;
  let manifest;
  let server;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'riposte-vsix-test-'));
    vsix = join(root, 'riposte.vsix');
    packageVsix(vsix);
  });
  after(async () => {
    await server?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('holds only the bundles, media, grammars, rule docs, manifest and docs, in under 1 MB', () => {
    const size = statSync(vsix).size;
    const files = zipEntries(vsix).map((entry) => entry.name).filter((file) => file.startsWith('extension/')).map((file) => file.slice('extension/'.length)).sort();
    console.log(`      ${vsix}: ${(size / 1024).toFixed(1)} KB, ${files.length} files:\n        ${files.join('\n        ')}`);
    assert.ok(size < 1024 * 1024, `the .vsix is ${size} bytes`);
    assert.deepEqual(files, [
      'changelog.md', // vsce's name for CHANGELOG.md
      'LICENSE.txt', // vsce's name for LICENSE
      'dist/entities.js',
      'dist/extension.js',
      'dist/web/extension.js',
      ...RULES.map((file) => `docs/rules/${file}`),
      'media/icon.png',
      'media/markdown-preview.css',
      'media/preview.css',
      'media/preview.js',
      'media/riposte.schema.json',
      'media/walkthrough/apply-fix.md',
      'media/walkthrough/copy-for-forum.md',
      'media/walkthrough/open-example.md',
      'media/walkthrough/reply-tree.md',
      'media/walkthrough/see-findings.md',
      'package.json',
      'readme.md', // vsce's name for README.md
      'snippets/debate-markdown.json',
      'syntaxes/debate-markdown.tmLanguage.json',
      'syntaxes/language-configuration.json',
      'syntaxes/markdown-injection.tmLanguage.json',
    ].sort());
    const packed = JSON.parse(zipEntries(vsix).find((entry) => entry.name === 'extension/package.json').read().toString('utf8'));
    assert.equal(packed.icon, 'media/icon.png');
    assert.ok(packed.galleryBanner?.color && packed.categories.includes('Linters') && packed.keywords.includes('markdown'));
    assert.equal(packed.files, undefined, 'npm\'s file list is not part of the extension manifest');
    const bundle = zipEntries(vsix).find((entry) => entry.name === 'extension/dist/extension.js').read().toString('utf8');
    assert.doesNotMatch(bundle, /sourceMappingURL/, 'the shipped bundle is the production build, without a source map');
  });

  it('installs with --install-extension and runs from the extensions folder, not from this repository', async () => {
    manifest = await ensureInstalled();
    const extensionsDir = join(root, 'extensions');
    mkdirSync(extensionsDir);
    const output = installVsix(manifest, vsix, { extensionsDir, root: join(root, 'install') });
    assert.match(output, /successfully installed/i);
    const folder = join(extensionsDir, `${publisher}.${name}-${version}`);
    assert.ok(existsSync(join(folder, 'dist', 'extension.js')), `no ${folder}/dist/extension.js`);
    assert.ok(!existsSync(join(folder, 'src')) && !existsSync(join(folder, 'node_modules')));

    const workspace = join(root, 'workspace');
    cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
    server = await startCodeServer({ manifest, extensionsDir, smokeTestDriver: false, settings: { 'workbench.editor.enablePreview': false } });
    const { page } = await server.openWorkbench({ folder: workspace, timeout: TIMEOUT });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: TIMEOUT });
    // The installed copy's language mode, diagnostics (the real draft's four warnings) and reply tree.
    await openFile(page, 'interpretability-reply.reply.md', { language: 'Debate Markdown' });
    await page.waitForFunction(() => /\b4\b/.test(document.querySelector('[id="status.problems"]')?.getAttribute('aria-label') ?? ''), undefined, { timeout: TIMEOUT });
    assert.match(await page.locator('[id="status.problems"]').getAttribute('aria-label'), /Warnings: 4/);
    await runCommand(page, 'Riposte: Open Reply Tree to the Side');
    const items = webview(page).locator('[role="treeitem"]');
    await items.nth(21).waitFor({ state: 'attached', timeout: TIMEOUT });
    assert.equal(await items.count(), 22);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'installed-vsix.png') });
  });
});
