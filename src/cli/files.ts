import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './args';

const MARKDOWN = /\.(?:md|markdown)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** A file that cannot be read, linted or written, with the reason in words; the CLI goes on with the others. */
export class FileError extends Error {}

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
    if (stats?.isDirectory()) {
      const found = walk(path);
      // Like a glob that matches nothing: most likely a mistyped folder, and "No problems" would hide it.
      if (found.length === 0) throw new UsageError(`no Markdown files (.md, .markdown) in "${path}"`);
      files.push(...found);
    } else if (stats) files.push(path);
    else if (isDynamicPattern(path)) {
      const matches = (await glob(path, { ignore: ['**/node_modules/**', '**/.git/**'] })).sort();
      if (matches.length === 0) throw new UsageError(`no files match "${path}"`);
      files.push(...matches);
    } else {
      throw new FileError(`cannot read "${path}": no such file or directory`);
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

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/**
 * The text of a file (or of standard input for "-"), byte order mark included. Refuses what is not UTF-8
 * text, naming the first offending byte: decoding it anyway would lint replacement characters, and --fix
 * would write them back in place of the user's bytes.
 */
export function readInput(path: string, verb: 'lint' | 'read' = 'lint'): string {
  const shown = displayPath(path);
  let bytes: Buffer;
  try {
    bytes = path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new FileError(`cannot read "${shown}": ${(code && READ_ERRORS[code]) ?? message}`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    throw new FileError(`cannot ${verb} "${shown}": ${utf16 ? 'it is UTF-16 text; save it as UTF-8' : `it is not text (it holds a NUL byte at offset ${nul})`}`);
  }
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    const byte = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    throw new FileError(`cannot ${verb} "${shown}": it is not valid UTF-8 (byte 0x${byte} at offset ${bad}); save it as UTF-8`);
  }
  return bytes.toString('utf8');
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes after the lead, and the range of the first one (which rules out overlong forms,
    // UTF-16 surrogates and code points above U+10FFFF).
    let count: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) count = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      count = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      count = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + count >= bytes.length) return i; // cut short by the end of the input
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k <= count; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += count + 1;
  }
  return -1;
}

/** How a path is shown in reports: relative to the working folder when it lies below it. */
export function displayPath(path: string): string {
  if (path === '-') return '<stdin>';
  const shown = relative(process.cwd(), path);
  return shown && !shown.startsWith('..') ? shown.split('\\').join('/') : path;
}
