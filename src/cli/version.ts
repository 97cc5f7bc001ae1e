// esbuild defines RIPOSTE_VERSION from package.json; unbundled test builds fall back to reading it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

declare const RIPOSTE_VERSION: string | undefined;

export function riposteVersion(): string {
  if (typeof RIPOSTE_VERSION === 'string') return RIPOSTE_VERSION;
  try {
    return JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}
