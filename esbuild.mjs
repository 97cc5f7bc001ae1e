// Builds every bundle Riposte ships, plus an unbundled transpile of src/ and test/ into out/ for mocha.
// `node esbuild.mjs --watch` rebuilds on change; `--production` minifies the shipped bundles.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--out-root DIR`: build only the shipped bundles, into DIR (npm run package stages the .vsix there); out/ is left alone.
const outRootAt = process.argv.indexOf('--out-root');
const outRoot = outRootAt > 0 ? process.argv[outRootAt + 1] : undefined;
const shipped = (path) => (outRoot ? join(outRoot, path) : path);
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const ENTITY_DECODERS = './node_modules/entities/lib/esm/decode.js';

/** @type {import('esbuild').BuildOptions} */
const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  // Bundled as CommonJS, each package must come in the form that works there: jsonc-parser's UMD entry
  // requires files esbuild cannot see (its ES module entry is fine), while tinyglobby's ES module entry
  // relies on import.meta.url (its CommonJS entry is fine).
  // markdown-it needs only entities' decoders, and the package's index drags in its 23 KB encoding table
  // as well: the decoders' module alone (ENTITY_DECODERS) is enough.
  alias: {
    'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
    tinyglobby: './node_modules/tinyglobby/dist/index.cjs',
    entities: ENTITY_DECODERS,
    // markdown-it always makes a linkify-it, and uses it only with `linkify` on, which Riposte never sets.
    'linkify-it': './src/shims/linkify-it.ts',
  },
  define: { RIPOSTE_VERSION: JSON.stringify(version) },
  // Text outside ASCII as UTF-8, not as \uXXXX escapes (six bytes a character): entities' decoding table
  // (markdown-it's) is one long such string. Node and the web worker read sources as UTF-8.
  charset: 'utf8',
  logLevel: 'warning',
};

// The extension's and the CLI's bundles load the entity decoding table from dist/entities.js on the first entity
// (src/shims/entities.ts says why); every other bundle keeps it inline.
const tableBeside = { ...shared, alias: { ...shared.alias, entities: './src/shims/entities.ts' } };

const builds = [
  // The extension host loads this; `vscode` is provided by the host at run time.
  { ...tableBeside, entryPoints: ['src/extension/extension.ts'], outfile: shipped('dist/extension.js'), external: ['vscode'] },
  { ...tableBeside, entryPoints: ['src/cli/main.ts'], outfile: shipped('dist/cli.js'), banner: { js: '#!/usr/bin/env node' } },
  { ...shared, entryPoints: [ENTITY_DECODERS], outfile: shipped('dist/entities.js') },
  { ...shared, entryPoints: ['src/api.ts'], outfile: shipped('dist/api.js') },
  // require("riposte/markdownlint"): the rules as markdownlint custom rules (module.exports is the array of rules).
  { ...shared, entryPoints: ['src/markdownlint.ts'], outfile: shipped('dist/markdownlint.js') },
  // The same extension for a web extension host (vscode.dev, github.dev): a browser bundle with only `vscode`
  // outside. Node's modules give way to src/web/ (files only through vscode.workspace.fs; see src/web/config.ts).
  {
    ...shared,
    entryPoints: ['src/extension/extension.ts'],
    outfile: shipped('dist/web/extension.js'),
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    plugins: [webShims()],
  },
  // The reply-tree preview's script, loaded by the webview (see src/core/preview/html.ts); types only from the core.
  { entryPoints: ['src/webview/preview.ts'], outfile: shipped('media/preview.js'), bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: !production, minify: production, logLevel: 'warning' },
];

/** For the browser bundle: node:path and node:crypto from src/web/nodeShims.ts, src/node/config.ts from src/web/config.ts. */
function webShims() {
  return {
    name: 'riposte-web-shims',
    setup(build) {
      build.onResolve({ filter: /^node:(path|crypto)$/ }, () => ({ path: resolvePath('src/web/nodeShims.ts') }));
      build.onResolve({ filter: /\/node\/config$/ }, (args) => (args.importer.includes(join('src', 'extension')) ? { path: resolvePath('src/web/config.ts') } : undefined));
      // Anything else of Node's is a mistake in the browser: fail the build rather than ship it.
      build.onResolve({ filter: /^(node:|fs$|path$|os$|crypto$|child_process$)/ }, (args) => ({ errors: [{ text: `${args.path} (imported by ${args.importer}) is not available in a web extension host` }] }));
    },
  };
}

function listTypeScript(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules') continue;
    if (statSync(path).isDirectory()) found.push(...listTypeScript(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

// The benchmark and its child processes measure the core as it ships: bundled, so that calls and constants
// across modules are direct (the per-file output below reaches every import through a getter, which cost
// the 1 MB lint an eighth of its time). The packages only the bench uses stay outside.
const BENCH_ENTRIES = [join('bench', 'run.ts'), join('bench', 'child.ts')];
const benchBuild = { ...shared, minify: false, sourcemap: true, entryPoints: BENCH_ENTRIES, outdir: join('out', 'bench'), external: ['playwright-core', 'markdownlint', 'markdownlint/*'] };

// Tests run against per-file output so that stack traces and mocha's file filters stay readable.
const testBuild = {
  entryPoints: [...listTypeScript('src'), ...listTypeScript('test'), ...listTypeScript('bench')].filter((p) => !p.startsWith(join('src', 'webview')) && !BENCH_ENTRIES.includes(p)),
  outdir: 'out',
  outbase: '.',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

if (outRoot) {
  await Promise.all(builds.map((options) => esbuild.build(options)));
} else if (watch) {
  const contexts = await Promise.all([...builds, benchBuild, testBuild].map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('[watch] watching for changes…');
} else {
  // out/ is only ever what this build writes: a compiled copy of a deleted or moved file would still run.
  rmSync('out', { recursive: true, force: true });
  await Promise.all([...builds, benchBuild, testBuild].map((options) => esbuild.build(options)));
}
