import { accessSync, chmodSync, constants, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { displayPath, FileError } from './files';

/**
 * Writes through a temporary file in the same folder and a rename, so a crash never leaves half a draft.
 * A symbolic link is written through (its target changes, the link stays a link), the file keeps its mode,
 * and a read-only file is refused rather than replaced: the rename would succeed even so, as it needs
 * only the folder to be writable (and for root, always).
 */
export function writeFileAtomically(path: string, text: string): void {
  const target = realpathSync(path);
  const mode = statSync(target).mode;
  if ((mode & 0o222) === 0 || !writable(target)) throw new FileError(`cannot fix "${displayPath(path)}": the file is read-only`);
  const temporary = join(dirname(target), `.${basename(target)}.riposte-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', mode: 0o600 });
    chmodSync(temporary, mode & 0o7777);
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    const { code, message } = error as NodeJS.ErrnoException;
    throw new FileError(`cannot fix "${displayPath(path)}": ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : message}`);
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
