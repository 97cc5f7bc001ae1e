import { parse as parseJsonc, ParseError, printParseErrorCode } from 'jsonc-parser';
import { DEBATE_SETTINGS, DebateSetting } from './debate';
import { Rule, RuleOptionValues } from './rule';
import { SeveritySetting } from './types';

export const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface RuleSettings {
  severity?: SeveritySetting;
  options: RuleOptionValues;
}

/** Riposte's configuration after validation: what `.riposte.json`, settings or the API supplied. */
export interface RiposteConfig {
  rules: Record<string, RuleSettings>;
  /** Path of the document quotes are checked against (misquote, unmarked-quote), relative to the draft. */
  source?: string;
  /** Which Markdown files are debate drafts, checked by the quote rules (see debate.ts); `auto` when unset. */
  debate?: DebateSetting;
}

export interface ConfigProblem {
  /** Where the problem is: "rules.near-duplicate-paragraph.threshold". */
  key: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(`${file}: ${problems.map((problem) => (problem.key ? `${problem.key}: ${problem.message}` : problem.message)).join('; ')}`);
    this.name = 'ConfigError';
  }
}

export function emptyConfig(): RiposteConfig {
  return { rules: {} };
}

const TOP_LEVEL_KEYS = new Set(['$schema', 'rules', 'source', 'debate']);

/**
 * Validates a configuration object. Bad entries are reported and left out, so a caller can either refuse
 * the whole file (the CLI) or lint with everything that was valid (the editor).
 */
export function validateConfig(raw: unknown, rules: readonly Rule[]): { config: RiposteConfig; problems: ConfigProblem[] } {
  const config = emptyConfig();
  const problems: ConfigProblem[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ key: '', message: 'the configuration must be a JSON object' });
    return { config, problems };
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!TOP_LEVEL_KEYS.has(key)) problems.push({ key, message: `unknown key (expected one of: ${[...TOP_LEVEL_KEYS].filter((k) => k !== '$schema').join(', ')})` });
  }
  if (record.source !== undefined) {
    if (typeof record.source === 'string' && record.source.trim()) config.source = record.source;
    else problems.push({ key: 'source', message: 'must be a non-empty string (a path relative to the draft)' });
  }
  if (record.debate !== undefined) {
    if (DEBATE_SETTINGS.includes(record.debate as DebateSetting)) config.debate = record.debate as DebateSetting;
    else problems.push({ key: 'debate', message: `must be one of ${DEBATE_SETTINGS.map((s) => `"${s}"`).join(', ')}, not ${JSON.stringify(record.debate)}` });
  }
  if (record.rules === undefined) return { config, problems };
  if (record.rules === null || typeof record.rules !== 'object' || Array.isArray(record.rules)) {
    problems.push({ key: 'rules', message: 'must be an object keyed by rule id' });
    return { config, problems };
  }
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const [id, value] of Object.entries(record.rules as Record<string, unknown>)) {
    const rule = byId.get(id);
    const key = `rules.${id}`;
    if (!rule) {
      problems.push({ key, message: `unknown rule (known rules: ${[...byId.keys()].join(', ')})` });
      continue;
    }
    const settings = validateRuleSettings(rule, value, key, problems);
    if (settings) config.rules[id] = settings;
  }
  return { config, problems };
}

function validateRuleSettings(rule: Rule, value: unknown, key: string, problems: ConfigProblem[]): RuleSettings | null {
  if (typeof value === 'string' || typeof value === 'boolean') {
    const severity = value === true ? rule.defaultSeverity : value === false ? 'off' : value;
    if (!SEVERITIES.includes(severity as SeveritySetting)) {
      problems.push({ key, message: `severity must be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}, not ${JSON.stringify(value)}` });
      return null;
    }
    return { severity: severity as SeveritySetting, options: {} };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ key, message: 'must be a severity string, true/false, or an object with "severity" and options' });
    return null;
  }
  const settings: RuleSettings = { options: {} };
  for (const [name, optionValue] of Object.entries(value as Record<string, unknown>)) {
    const optionKey = `${key}.${name}`;
    if (name === 'severity') {
      if (SEVERITIES.includes(optionValue as SeveritySetting)) settings.severity = optionValue as SeveritySetting;
      else problems.push({ key: optionKey, message: `must be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}, not ${JSON.stringify(optionValue)}` });
      continue;
    }
    const spec = rule.options[name];
    if (!spec) {
      const known = Object.keys(rule.options);
      problems.push({ key: optionKey, message: `unknown option${known.length ? ` (options of ${rule.id}: severity, ${known.join(', ')})` : ` (${rule.id} has only "severity")`}` });
      continue;
    }
    if (typeof optionValue !== spec.type) {
      problems.push({ key: optionKey, message: `must be a ${spec.type}, not ${JSON.stringify(optionValue)}` });
      continue;
    }
    if (typeof optionValue === 'number') {
      if ((spec.minimum !== undefined && optionValue < spec.minimum) || (spec.maximum !== undefined && optionValue > spec.maximum)) {
        problems.push({ key: optionKey, message: `must be between ${spec.minimum ?? '-∞'} and ${spec.maximum ?? '∞'}, not ${optionValue}` });
        continue;
      }
    }
    settings.options[name] = optionValue as number | boolean | string;
  }
  return settings;
}

/** Reads `.riposte.json` text (JSON with comments and trailing commas). */
export function parseConfigText(text: string, file: string, rules: readonly Rule[]): { config: RiposteConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const raw = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    const before = text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    return { config: emptyConfig(), problems: [{ key: '', message: `invalid JSON at ${file}:${line}:${column} (${printParseErrorCode(first.error)})` }] };
  }
  return validateConfig(raw ?? {}, rules);
}

export function mergeConfigs(base: RiposteConfig, override: RiposteConfig): RiposteConfig {
  const rules: Record<string, RuleSettings> = { ...base.rules };
  for (const [id, settings] of Object.entries(override.rules)) {
    const previous = rules[id];
    rules[id] = { severity: settings.severity ?? previous?.severity, options: { ...previous?.options, ...settings.options } };
  }
  return { rules, source: override.source ?? base.source, debate: override.debate ?? base.debate };
}
