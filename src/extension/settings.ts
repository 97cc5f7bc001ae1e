import * as vscode from 'vscode';
import * as core from '../core';
import { AsyncConfigResolver, ConfigLookup } from '../core/configFiles';
import { ConfigResolver, SYNC_CONFIG_FILES } from '../node/config';
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
 *
 * On disk (the desktop extension, file: documents) the file is found and read at once, at or above the draft's
 * folder. Elsewhere — vscode.dev, github.dev, any virtual workspace — files are read through
 * vscode.workspace.fs, which only answers asynchronously: the draft's folder and the ones above it, up to its
 * workspace folder and never outside it, are looked up once; until the answer comes the draft is linted with
 * the settings, and `onLoaded` asks for a lint with the file's settings.
 */
export class DraftConfigurations {
  private resolver = new ConfigResolver();
  /** One resolver per file system (scheme and authority), over its URI paths. */
  private workspaceFiles = new Map<string, AsyncConfigResolver>();

  constructor(
    private readonly log: Log,
    private readonly onLoaded: () => void = () => undefined,
  ) {}

  forDocument(document: Pick<vscode.TextDocument, 'uri'>, settings: Settings): core.RiposteConfig {
    const { uri } = document;
    if (uri.scheme === 'file' && SYNC_CONFIG_FILES) {
      try {
        const loaded = this.resolver.configFor(uri.fsPath);
        return core.mergeConfigs(settings.config, loaded.config);
      } catch (error) {
        if (error instanceof core.ConfigError) {
          this.report(error);
          return settings.config;
        }
        throw error;
      }
    }
    const place = this.workspacePlace(uri);
    if (!place) return settings.config;
    const answer = place.files.peek(place.folder, place.root, (settled) => {
      if ('error' in settled) this.report(settled.error);
      else if (settled.config) this.onLoaded();
    });
    return this.apply(answer, settings);
  }

  /** The configuration once the draft's `.riposte.json` has been looked up (Lint Workspace waits for it). */
  async forDocumentLoaded(document: Pick<vscode.TextDocument, 'uri'>, settings: Settings): Promise<core.RiposteConfig> {
    const place = document.uri.scheme === 'file' && SYNC_CONFIG_FILES ? undefined : this.workspacePlace(document.uri);
    if (place) {
      const answer = await place.files.lookup(place.folder, place.root);
      if ('error' in answer) this.report(answer.error);
      return this.apply(answer, settings);
    }
    return this.forDocument(document, settings);
  }

  private apply(answer: ConfigLookup | undefined, settings: Settings): core.RiposteConfig {
    return answer && !('error' in answer) && answer.config ? core.mergeConfigs(settings.config, answer.config) : settings.config;
  }

  private report(error: core.ConfigError): void {
    this.log.configurationProblem(`Riposte: ${error.file} is invalid and was ignored — ${error.problems.map((p) => (p.key ? `${p.key}: ${p.message}` : p.message)).join('; ')}.`);
  }

  /** The document's folder and its workspace folder (the lookup's limit), as paths of its file system. */
  private workspacePlace(uri: vscode.Uri): { files: AsyncConfigResolver; folder: string; root: string | undefined } | undefined {
    if (uri.scheme === 'untitled') return undefined;
    const system = `${uri.scheme}://${uri.authority}`;
    let files = this.workspaceFiles.get(system);
    if (!files) {
      // Read through VS Code: undefined when the file does not exist.
      files = new AsyncConfigResolver(async (path) => {
        try {
          return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri.with({ path, query: '', fragment: '' })));
        } catch (error) {
          if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) return undefined;
          throw error;
        }
      });
      this.workspaceFiles.set(system, files);
    }
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.path;
    return { files, folder: vscode.Uri.joinPath(uri, '..').path, root };
  }

  /** Forget every loaded file (a `.riposte.json` changed). */
  reset(): void {
    this.resolver = new ConfigResolver();
    this.workspaceFiles.clear();
  }
}
