// require("riposte"): the same engine as the CLI and the extension, for other tools.
import * as core from './core';
import { ConfigError, DiagnosticJson, RiposteConfig, TreeJson } from './core';
import { loadConfigFile, ConfigResolver, sourceReaderFor } from './node/config';

export { ConfigError, RULES } from './core';
export type { DiagnosticJson as Diagnostic, TreeJson as Tree, RiposteConfig, Position, Range, Severity } from './core';

export interface ApiOptions {
  /** The draft's path: names it in results, finds `.riposte.json` (when `config` is not given) and resolves `source:`. */
  fileName?: string;
  /**
   * Configuration as `.riposte.json` holds it (validated here; a bad value throws ConfigError), or `false`
   * to use the defaults without looking for `.riposte.json`.
   */
  config?: unknown;
  /** Reads the `source:` document; by default it is read from disk relative to `fileName`. */
  readSource?: (path: string) => string | undefined;
  /** Read a `source:` outside the project (the folder of the nearest `.riposte.json`, else the current one). */
  allowSourcesOutsideProject?: boolean;
}

function resolveConfig(options: ApiOptions): RiposteConfig {
  if (options.config === false) return core.emptyConfig();
  if (options.config !== undefined) {
    const { config, problems } = core.validateConfig(options.config, core.RULES);
    if (problems.length > 0) throw new ConfigError('options.config', problems);
    return config;
  }
  return options.fileName ? new ConfigResolver().configFor(options.fileName).config : core.emptyConfig();
}

/** Lints a draft; diagnostics have the shape of `riposte lint --format json`. */
export function lint(text: string, options: ApiOptions = {}): DiagnosticJson[] {
  const { text: body } = core.stripBom(text);
  return core
    .lint(body, { fileName: options.fileName, config: resolveConfig(options), readSource: options.readSource ?? sourceReaderFor(options.fileName, { allowOutside: options.allowSourcesOutsideProject }) })
    .map(core.diagnosticToJson);
}

/** The reply tree, as `riposte tree --format json` prints it. */
export function replyTree(text: string, options: ApiOptions = {}): TreeJson {
  return core.treeToJson(options.fileName ?? '-', core.replyTree(core.stripBom(text).text));
}

/**
 * Applies the first fix of each diagnostic, skipping fixes that overlap one already taken and fixes that
 * `lint` marked unsafe for unattended use (those are offered as quick fixes only). Lint again to continue.
 */
export function applyFixes(text: string, diagnostics: readonly DiagnosticJson[]): string {
  const { text: body, bom } = core.stripBom(text);
  const internal = diagnostics.map((diagnostic) => ({
    ...diagnostic,
    fixes: diagnostic.fixes.map((fix) => ({ ...fix, safe: (fix as { safe?: boolean }).safe })),
  }));
  return core.restoreBom(core.applyFixes(body, internal), bom);
}

/** Loads and validates a `.riposte.json` file (throws ConfigError with every problem found). */
export function loadConfig(file: string): RiposteConfig {
  return loadConfigFile(file).config;
}
