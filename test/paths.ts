import { join } from 'node:path';

/** The repository root, from the compiled test files in out/test/…. */
export const REPO_ROOT = join(__dirname, '..', '..');
export const EXAMPLE_DRAFT = join(REPO_ROOT, 'examples', 'interpretability-reply.reply.md');
export const CLI = join(REPO_ROOT, 'dist', 'cli.js');
