// The `riposte` settings as an LSP client sends them (workspace/configuration, or initializationOptions
// for clients without it), validated with the messages the extension gives (src/extension/settings.ts),
// so that a user moving between editors reads the same words about the same mistake.
import picomatch from 'picomatch';
import * as core from '../core';

export const SECTION = 'riposte';

export interface ServerSettings {
  enable: boolean;
  markdownEnable: boolean;
  run: 'onType' | 'onSave';
  debounce: number;
  exclude: string[];
  config: core.RiposteConfig;
}

export function defaultSettings(): ServerSettings {
  return { enable: true, markdownEnable: true, run: 'onType', debounce: 300, exclude: ['**/node_modules/**'], config: core.emptyConfig() };
}

/**
 * A dotted key read from nested objects (`{"markdown": {"enable": false}}`, as VS Code-style clients send
 * it) or from a flat one (`{"markdown.enable": false}`, as some editors' configuration files write it).
 */
function lookup(section: Record<string, unknown>, key: string): unknown {
  if (key in section) return section[key];
  let current: unknown = section;
  for (const part of key.split('.')) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Reads the settings; a bad value is reported (`problems`) and replaced by its default so linting goes on. */
export function readSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const section: Record<string, unknown> = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const pick = <T>(key: string, fallback: T, valid: (value: unknown) => boolean): T => {
    const value = lookup(section, key);
    if (value === undefined || value === null) return fallback;
    if (valid(value)) return value as T;
    problems.push(`"${SECTION}.${key}" has an invalid value ${JSON.stringify(value)}; using ${JSON.stringify(fallback)}`);
    return fallback;
  };
  const defaults = defaultSettings();
  const settings: ServerSettings = {
    enable: pick('enable', defaults.enable, (v) => typeof v === 'boolean'),
    markdownEnable: pick('markdown.enable', defaults.markdownEnable, (v) => typeof v === 'boolean'),
    run: pick('run', defaults.run, (v) => v === 'onType' || v === 'onSave'),
    debounce: pick('debounce', defaults.debounce, (v) => typeof v === 'number' && v >= 0 && v <= 10_000),
    exclude: pick('files.exclude', defaults.exclude, (v) => Array.isArray(v) && v.every((item) => typeof item === 'string')),
    config: core.emptyConfig(),
  };

  const config: { rules: Record<string, unknown>; source?: unknown; debate?: unknown } = { rules: {} };
  const rules = lookup(section, 'rules');
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) Object.assign(config.rules, rules);
  else if (rules !== undefined && rules !== null) problems.push(`"${SECTION}.rules" must be an object of rule ids to severities`);
  const threshold = lookup(section, 'nearDuplicate.threshold');
  if (threshold !== undefined && threshold !== null) {
    const current = config.rules['near-duplicate-paragraph'];
    const base = typeof current === 'string' ? { severity: current } : typeof current === 'object' && current ? current : {};
    config.rules['near-duplicate-paragraph'] = { ...base, threshold };
  }
  const source = lookup(section, 'source');
  if (source !== undefined && source !== null && source !== '') config.source = source;
  const debate = lookup(section, 'debate');
  if (debate !== undefined && debate !== null) config.debate = debate;
  const validated = core.validateConfig(config, core.RULES);
  settings.config = validated.config;
  for (const problem of validated.problems) problems.push(`"${SECTION}.${problem.key.replace(/^rules\.near-duplicate-paragraph\.threshold$/, 'nearDuplicate.threshold')}": ${problem.message}`);
  return { settings, problems };
}

/**
 * A glob of `riposte.files.exclude` as a test on a path, with picomatch (the matcher tinyglobby already brings into
 * the CLI's bundle): `**`, `*`, `?`, `{a,b}`, `[abc]` as in VS Code's own patterns. A pattern without a leading
 * `**` matches from any folder of the path ("drafts/*.md" excludes …/drafts/a.md), as it always has here.
 */
export function globMatcher(pattern: string): (path: string) => boolean {
  let matcher = matchers.get(pattern);
  if (!matcher) {
    const matches = picomatch(pattern, { dot: true });
    matcher = (path: string) => {
      const normalized = path.replace(/\\/g, '/');
      if (matches(normalized)) return true;
      for (let slash = normalized.indexOf('/'); slash >= 0; slash = normalized.indexOf('/', slash + 1)) if (matches(normalized.slice(slash + 1))) return true;
      return false;
    };
    // Asked on every lint of every document: compiled once per pattern.
    if (matchers.size > 100) matchers.clear();
    matchers.set(pattern, matcher);
  }
  return matcher;
}

const matchers = new Map<string, (path: string) => boolean>();
