import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, parseConfigText, RiposteConfig, RULES } from '../core';

export const CONFIG_FILE_NAME = '.riposte.json';

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

/** Reads a `source:` document named relative to the draft (or absolute). */
export function sourceReaderFor(draftPath: string | undefined): (path: string) => string | undefined {
  const base = draftPath ? dirname(resolve(draftPath)) : process.cwd();
  return (path: string) => {
    try {
      return readFileSync(resolve(base, path), 'utf8');
    } catch {
      return undefined;
    }
  };
}
