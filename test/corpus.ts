import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

function textFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? textFilesUnder(join(folder, entry.name)) : /\.(md|txt)$/.test(entry.name) ? [join(folder, entry.name)] : []));
}

/** The text of every draft the core's fixtures and the examples hold: for tests that hold two ways of working something out to the same answer. */
export function fixtureAndExampleTexts(): string[] {
  return [join(REPO_ROOT, 'test', 'core', 'fixtures'), join(REPO_ROOT, 'examples')].flatMap((folder) => {
    const files = textFilesUnder(folder);
    // The tests that use these compare two ways of working something out: over no text they would pass.
    if (files.length === 0) throw new Error(`${folder} holds no .md or .txt file`);
    return files;
  }).map((file) => readFileSync(file, 'utf8'));
}
