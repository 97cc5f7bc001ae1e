import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { ConfigError, parseConfigText, RiposteConfig, RULES, SourceRefusal } from '../core';

export const CONFIG_FILE_NAME = '.riposte.json';

/** Whether ConfigResolver reads `.riposte.json` files itself (Node does; the browser build's stand-in cannot). */
export const SYNC_CONFIG_FILES = true;

/** The nearest `.riposte.json` at or above the draft's folder, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadedConfig {
  config: RiposteConfig;
  file?: string;
}

/** Reads and validates a configuration file; any problem is a ConfigError naming the file and key. */
export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [{ key: '', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  const { config, problems } = parseConfigText(text, file, RULES);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return { config, file };
}

/** Finds and loads the configuration that applies to a draft at `draftPath`, remembering each folder's answer. */
export class ConfigResolver {
  private readonly byFile = new Map<string, LoadedConfig>();

  configFor(draftPath: string): LoadedConfig {
    const file = findConfigFile(dirname(resolve(draftPath)));
    if (!file) return { config: { rules: {} } };
    let loaded = this.byFile.get(file);
    if (!loaded) {
      loaded = loadConfigFile(file);
      this.byFile.set(file, loaded);
    }
    return loaded;
  }
}

/** The largest source read: a document anyone answers is far smaller, and a device or a runaway file is not. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export interface SourceReaderOptions {
  /** The folder sources must be in; by default the folder of the nearest `.riposte.json`, else the current one. */
  root?: string;
  /** Read a regular file anywhere (the user asked: `--allow-outside-sources`, never a draft or a workspace). */
  allowOutside?: boolean;
}

/** The project a draft belongs to: the folder holding the nearest `.riposte.json`, else the current folder. */
export function projectRootFor(draftPath: string | undefined): string {
  const config = findConfigFile(draftPath ? dirname(resolve(draftPath)) : process.cwd());
  return config ? dirname(config) : process.cwd();
}

/**
 * Reads a `source:` document named relative to the draft (or absolute), confined to the project: a draft
 * that arrives in a pull request must not make a CI machine print its files, and a FIFO or a device must
 * not hang or exhaust the process. Missing: undefined; refused: the reason, for a diagnostic.
 */
export function sourceReaderFor(draftPath: string | undefined, options: SourceReaderOptions = {}): (path: string) => string | undefined | SourceRefusal {
  const base = draftPath ? dirname(resolve(draftPath)) : process.cwd();
  const root = options.root ?? projectRootFor(draftPath);
  return (path: string) => readConfinedSource(resolve(base, path), root, options.allowOutside === true);
}

export function readConfinedSource(target: string, root: string, allowOutside: boolean): string | undefined | SourceRefusal {
  let real: string;
  try {
    // Links resolved first: a link inside the project to a file outside it is outside.
    real = realpathSync(target);
  } catch {
    return undefined;
  }
  if (/^\/(?:dev|proc|sys)(?:\/|$)/.test(real)) return { refused: 'it is a device or system file' };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = resolve(root);
  }
  const inside = real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  if (!inside && !allowOutside) return { refused: 'it is outside the project folder (allow it with --allow-outside-sources)' };
  let stats;
  try {
    stats = statSync(real);
  } catch {
    return undefined;
  }
  if (!stats.isFile()) return { refused: 'it is not a regular file' };
  if (stats.size > MAX_SOURCE_BYTES) return { refused: `it is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB` };
  try {
    return readFileSync(real, 'utf8');
  } catch {
    return undefined;
  }
}
