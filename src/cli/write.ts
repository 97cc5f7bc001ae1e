import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes through a temporary file in the same folder and a rename, so a crash never leaves half a draft. */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.riposte-${process.pid}.tmp`);
  const mode = statSync(path).mode;
  try {
    writeFileSync(temporary, text, 'utf8');
    chmodSync(temporary, mode & 0o7777);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw error;
  }
}
