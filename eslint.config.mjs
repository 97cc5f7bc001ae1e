// @ts-check
import tseslint from 'typescript-eslint';
import riposteLocal from './eslint-rules/no-import-cycle.mjs';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'util', 'crypto', 'url', 'stream', 'process'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'media/**', '.vscode-test/**', '.bench/**', 'node_modules/**', 'test/**/fixtures/**', 'test/grammar/vendor/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // A module in a cycle cannot be read, moved or split without the others: src/ is kept a graph
    // without cycles, type-only imports included (see eslint-rules/no-import-cycle.mjs for why a local rule).
    files: ['src/**/*.ts'],
    plugins: { riposte: riposteLocal },
    rules: { 'riposte/no-import-cycle': ['error', { folder: 'src' }] },
  },
  {
    // Plain CommonJS scripts (mocha's reporter) load their dependencies with require().
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core runs anywhere (CLI, extension host, a web worker, the preview): no editor, no file system.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core must not depend on VS Code: adapt it in src/extension.' }, ...nodeBuiltins.map((name) => ({ name, message: 'src/core takes file access as a function, never from Node.' }))],
          patterns: [{ group: ['node:*'], message: 'src/core takes file access as a function, never from Node.' }, { group: ['**/extension/**', '**/cli/**', '**/node/**'], message: 'src/core depends on nothing outside it.' }],
        },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      // Only types may come from the core (src/core/preview's protocol and view model): bundling the core's
      // code into media/preview.js would ship markdown-it and the parser to the browser frame. The
      // exceptions are preview/patch and preview/labels, which both sides run and which import nothing
      // but types.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview runs in a browser frame: talk to the host through messages.' }],
          patterns: [
            { group: ['node:*'], message: 'The webview runs in a browser frame.' },
            { regex: '(^|/)core(/(?!preview/)[^/]+)*/?$', message: 'The webview may use only src/core/preview, and only its types.' },
            { group: ['**/core/preview/*', '!**/core/preview/patch', '!**/core/preview/labels'], allowTypeImports: true, message: 'Import only types from the core (`import type`): the webview bundle must not include it.' },
            { group: ['**/extension/**', '**/cli/**', '**/node/**'], message: 'The webview runs in a browser frame.' },
          ],
        },
      ],
    },
  },
);
