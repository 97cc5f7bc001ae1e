// The browser build's stand-in for src/node/config.ts (esbuild.mjs swaps it in for the `browser` entry). A web
// extension host has no file system of its own: documents live behind vscode.workspace.fs and URIs such as
// vscode-vfs:, never file:. The extension asks these only for file: documents, so in vscode.dev and
// github.dev a draft is checked with the settings and its front matter, and a `source:` document is read
// while it is open in an editor (src/extension/drafts.ts reads open documents itself).
import type { RiposteConfig, SourceRefusal } from '../core';

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
