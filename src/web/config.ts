// The browser build's stand-in for src/node/config.ts (esbuild.mjs swaps it in for the `browser` entry). A web
// extension host has no file system of its own: documents live behind vscode.workspace.fs. So here nothing
// is read synchronously: `.riposte.json` is looked up asynchronously through vscode.workspace.fs
// (src/extension/settings.ts, core/configFiles.ts), and a `source:` document is read while it is open in an
// editor (src/extension/drafts.ts reads open documents itself).
import type { RiposteConfig, SourceRefusal } from '../core';

/** ConfigResolver below reads nothing: the extension looks `.riposte.json` up through vscode.workspace.fs. */
export const SYNC_CONFIG_FILES = false;

export interface LoadedConfig {
  config: RiposteConfig;
  file?: string;
}

export class ConfigResolver {
  configFor(_draftPath: string): LoadedConfig {
    return { config: { rules: {} } };
  }
}

export function sourceReaderFor(_draftPath: string | undefined, _options: { root?: string; allowOutside?: boolean } = {}): (path: string) => string | undefined | SourceRefusal {
  return () => undefined;
}
