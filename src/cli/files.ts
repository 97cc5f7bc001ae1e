import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './args';

const MARKDOWN = /\.(?:md|markdown)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** Expands the PATH arguments: files as given, folders to their Markdown files, globs to their matches. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push('-');
      continue;
    }
    let stats;
    try {
      stats = statSync(path);
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) files.push(...walk(path));
    else if (stats) files.push(path);
    else if (isDynamicPattern(path)) {
      const matches = (await glob(path, { ignore: ['**/node_modules/**', '**/.git/**'] })).sort();
      if (matches.length === 0) throw new UsageError(`no files match "${path}"`);
      files.push(...matches);
    } else {
      throw Object.assign(new Error(`cannot read "${path}": no such file or directory`), { code: 'ENOENT' });
    }
  }
  return [...new Set(files)];
}

function walk(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) found.push(...walk(path));
    } else if (MARKDOWN.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

export function readInput(path: string): string {
  return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
}

/** How a path is shown in reports: relative to the working folder when it lies below it. */
export function displayPath(path: string): string {
  if (path === '-') return '<stdin>';
  const shown = relative(process.cwd(), path);
  return shown && !shown.startsWith('..') ? shown.split('\\').join('/') : path;
}
