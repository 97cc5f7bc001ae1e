import * as vscode from 'vscode';
import * as core from '../core';
import { ConfigResolver } from '../node/config';
import { Log } from './log';

export const SECTION = 'riposte';

export interface Settings {
  enable: boolean;
  markdownEnable: boolean;
  run: 'onType' | 'onSave';
  debounce: number;
  include: string[];
  exclude: string[];
  /** From `riposte.rules`, `riposte.nearDuplicate.threshold` and `riposte.source`, validated. */
  config: core.RiposteConfig;
}

/** Reads the settings; a bad value is reported once and replaced by its default so linting goes on. */
export function readSettings(scope: vscode.ConfigurationScope | undefined, log: Log): Settings {
  const section = vscode.workspace.getConfiguration(SECTION, scope);
  const problems: string[] = [];
  const pick = <T>(key: string, fallback: T, valid: (value: unknown) => boolean): T => {
    const value = section.get<unknown>(key);
    if (value === undefined) return fallback;
    if (valid(value)) return value as T;
    problems.push(`"${SECTION}.${key}" has an invalid value ${JSON.stringify(value)}; using ${JSON.stringify(fallback)}`);
    return fallback;
  };
  const stringArray = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
  const settings: Settings = {
    enable: pick('enable', true, (v) => typeof v === 'boolean'),
    markdownEnable: pick('markdown.enable', true, (v) => typeof v === 'boolean'),
    run: pick('run', 'onType', (v) => v === 'onType' || v === 'onSave'),
    debounce: pick('debounce', 300, (v) => typeof v === 'number' && v >= 0 && v <= 10_000),
    include: pick('files.include', ['**/*.md', '**/*.markdown'], stringArray),
    exclude: pick('files.exclude', ['**/node_modules/**'], stringArray),
    config: core.emptyConfig(),
  };

  const raw: { rules: Record<string, unknown>; source?: unknown; debate?: unknown } = { rules: {} };
  const rules = section.get<unknown>('rules');
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) Object.assign(raw.rules, rules);
  else if (rules !== undefined && rules !== null) problems.push(`"${SECTION}.rules" must be an object of rule ids to severities`);
  const threshold = section.get<unknown>('nearDuplicate.threshold');
  if (threshold !== undefined) {
    const current = raw.rules['near-duplicate-paragraph'];
    const base = typeof current === 'string' ? { severity: current } : typeof current === 'object' && current ? current : {};
    raw.rules['near-duplicate-paragraph'] = { ...base, threshold };
  }
  const source = section.get<unknown>('source');
  if (source !== undefined && source !== '') raw.source = source;
  const debate = section.get<unknown>('debate');
  if (debate !== undefined) raw.debate = debate;
  const { config, problems: configProblems } = core.validateConfig(raw, core.RULES);
  settings.config = config;
  for (const problem of configProblems) problems.push(`"${SECTION}.${problem.key.replace(/^rules\.near-duplicate-paragraph\.threshold$/, 'nearDuplicate.threshold')}": ${problem.message}`);
  for (const problem of problems) log.configurationProblem(`Riposte settings: ${problem}.`);
  return settings;
}

/**
 * The configuration for one draft: settings, then the nearest `.riposte.json` (more specific, so it wins).
 * A broken `.riposte.json` is reported and skipped; the draft is still linted with the settings.
 */
export class DraftConfigurations {
  private resolver = new ConfigResolver();

  constructor(private readonly log: Log) {}

  forDocument(document: Pick<vscode.TextDocument, 'uri'>, settings: Settings): core.RiposteConfig {
    if (document.uri.scheme !== 'file') return settings.config;
    try {
      const loaded = this.resolver.configFor(document.uri.fsPath);
      return core.mergeConfigs(settings.config, loaded.config);
    } catch (error) {
      if (error instanceof core.ConfigError) {
        this.log.configurationProblem(`Riposte: ${error.file} is invalid and was ignored — ${error.problems.map((p) => (p.key ? `${p.key}: ${p.message}` : p.message)).join('; ')}.`);
        return settings.config;
      }
      throw error;
    }
  }

  /** Forget every loaded file (a `.riposte.json` changed). */
  reset(): void {
    this.resolver = new ConfigResolver();
  }
}
