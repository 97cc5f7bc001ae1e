// @ts-check
// Fails on an import that closes a cycle among the files under one folder (src/), type-only imports
// included. eslint-plugin-import-x's no-cycle skips `import type` and imports of types alone, by
// design and without an option; but a cycle of types still ties two modules together (neither can be
// read, moved or split without the other), which is what this rule exists to prevent.
//
// Imports are read with TypeScript's preProcessFile, which finds every form (import, import type,
// export … from, import x = require, import('…') in types and code) without a full parse: the other
// files of the folder are read from disk, each again only when it changed, the linted file from the
// text being linted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** @type {Map<string, { mtimeMs: number; size: number; imports: string[] }>} */
const importsOnDisk = new Map();

/** @param {string} folder @returns {string[]} */
function typeScriptFilesIn(folder) {
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...typeScriptFilesIn(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** @param {string} text */
function importSpecifiers(text) {
  return ts.preProcessFile(text, true, true).importedFiles;
}

/** The file a relative specifier names, among `files`; undefined for packages and other files. */
function resolveImport(/** @type {string} */ from, /** @type {string} */ specifier, /** @type {Set<string>} */ files) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => files.has(candidate));
}

/** @param {string} file @param {Set<string>} files */
function resolvedImportsOnDisk(file, files) {
  const { mtimeMs, size } = statSync(file);
  let known = importsOnDisk.get(file);
  if (!known || known.mtimeMs !== mtimeMs || known.size !== size) {
    const imports = importSpecifiers(readFileSync(file, 'utf8')).map((found) => found.fileName);
    importsOnDisk.set(file, (known = { mtimeMs, size, imports }));
  }
  return known.imports.map((specifier) => resolveImport(file, specifier, files)).filter((target) => target !== undefined);
}

/**
 * The shortest chain of imports from `start` back to `file`, or null when there is none.
 * @param {string} start @param {string} file @param {(path: string) => string[]} importsOf
 */
function chainBack(start, file, importsOf) {
  /** @type {Map<string, string | null>} */
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  for (let next = 0; next < queue.length; next++) {
    const current = queue[next];
    for (const target of importsOf(current)) {
      if (target === file) {
        const chain = [current];
        for (let step = cameFrom.get(current); step; step = cameFrom.get(step)) chain.unshift(step);
        return chain;
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, current);
        queue.push(target);
      }
    }
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow imports (type-only ones included) that close a cycle among the files of a folder' },
    schema: [{ type: 'object', properties: { folder: { type: 'string' } }, additionalProperties: false }],
    messages: { cycle: 'Import cycle: {{chain}}. Move what both sides need into a module that neither imports.' },
  },
  create(context) {
    const folder = resolve(context.cwd, context.options[0]?.folder ?? 'src');
    const file = resolve(context.physicalFilename);
    if (!file.startsWith(folder + sep)) return {};
    return {
      Program() {
        const files = new Set(typeScriptFilesIn(folder));
        files.add(file);
        const text = context.sourceCode.text;
        /** @type {Map<string, string[]>} */
        const resolved = new Map();
        const importsOf = (/** @type {string} */ path) => {
          let targets = resolved.get(path);
          if (!targets) resolved.set(path, (targets = resolvedImportsOnDisk(path, files)));
          return targets;
        };
        const show = (/** @type {string} */ path) => relative(context.cwd, path).split(sep).join('/');
        for (const found of importSpecifiers(text)) {
          const target = resolveImport(file, found.fileName, files);
          if (!target) continue;
          const chain = target === file ? [] : chainBack(target, file, importsOf);
          if (!chain) continue;
          context.report({
            loc: { start: context.sourceCode.getLocFromIndex(found.pos), end: context.sourceCode.getLocFromIndex(found.end) },
            messageId: 'cycle',
            data: { chain: [file, ...chain, file].map(show).join(' → ') },
          });
        }
      },
    };
  },
};

export default { meta: { name: 'riposte-local' }, rules: { 'no-import-cycle': noImportCycle } };
