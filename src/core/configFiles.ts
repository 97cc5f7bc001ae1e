// Finding a draft's `.riposte.json` where files can only be read asynchronously: VS Code's workspace file
// system (vscode.dev, github.dev, virtual workspaces), whose paths are URI paths ('/'-separated). The reading
// is passed in as a function, so the same lookup serves the editor and the tests.
import { ConfigError, parseConfigText, RiposteConfig } from './config';
import { RULES } from './rules';

export const CONFIG_FILE = '.riposte.json';

/** The file's text, or undefined when there is no such file; any other failure throws. */
export type ReadText = (path: string) => Promise<string | undefined>;

/** What a folder's drafts are configured with: the nearest file's settings, none, or the error that file has. */
export type ConfigLookup = { config: RiposteConfig; file: string } | { config: null } | { error: ConfigError };

/**
 * Where a draft in `folder` may find its `.riposte.json`, nearest first: its folder and each one above it up to
 * `root`, its workspace folder, and never above it (a draft must not be configured from outside its workspace).
 * A folder outside `root`, or with no root, is searched alone.
 */
export function configCandidates(folder: string, root: string | undefined): string[] {
  const trim = (path: string) => path.replace(/\/+$/, '') || '/';
  const top = root === undefined ? undefined : trim(root);
  let current = trim(folder);
  const inside = top !== undefined && (current === top || current.startsWith(top === '/' ? '/' : `${top}/`));
  const candidates: string[] = [];
  for (;;) {
    candidates.push(`${current === '/' ? '' : current}/${CONFIG_FILE}`);
    if (!inside || current === top) return candidates;
    current = current.slice(0, current.lastIndexOf('/')) || '/';
  }
}

/**
 * Looks `.riposte.json` files up through `read`, each folder and each file once: a folder's answer is kept, and
 * asked for again while it is being read, the same read is awaited. `peek` answers at once from what is known,
 * for a lint that cannot wait (it then goes on with the settings, and `onSettled` says when to lint again).
 */
export class AsyncConfigResolver {
  private readonly settled = new Map<string, ConfigLookup>();
  private readonly pending = new Map<string, Promise<ConfigLookup>>();
  private readonly files = new Map<string, Promise<ConfigLookup | undefined>>();

  constructor(private readonly read: ReadText) {}

  /** The folder's answer if known; otherwise undefined, and the lookup starts (onSettled runs when it ends). */
  peek(folder: string, root: string | undefined, onSettled: (answer: ConfigLookup) => void): ConfigLookup | undefined {
    const known = this.settled.get(folder);
    if (known) return known;
    if (!this.pending.has(folder)) void this.lookup(folder, root).then(onSettled);
    return undefined;
  }

  lookup(folder: string, root: string | undefined): Promise<ConfigLookup> {
    const known = this.settled.get(folder);
    if (known) return Promise.resolve(known);
    let pending = this.pending.get(folder);
    if (!pending) {
      pending = this.search(configCandidates(folder, root)).then((answer) => {
        this.settled.set(folder, answer);
        this.pending.delete(folder);
        return answer;
      });
      this.pending.set(folder, pending);
    }
    return pending;
  }

  private async search(candidates: readonly string[]): Promise<ConfigLookup> {
    for (const file of candidates) {
      let found = this.files.get(file);
      if (!found) this.files.set(file, (found = this.load(file)));
      const answer = await found;
      if (answer) return answer;
    }
    return { config: null };
  }

  /** One file: undefined when it does not exist. */
  private async load(file: string): Promise<ConfigLookup | undefined> {
    let text: string | undefined;
    try {
      text = await this.read(file);
    } catch (error) {
      return { error: new ConfigError(file, [{ key: '', message: `cannot read the file (${error instanceof Error ? error.message : String(error)})` }]) };
    }
    if (text === undefined) return undefined;
    const { config, problems } = parseConfigText(text, file, RULES);
    return problems.length > 0 ? { error: new ConfigError(file, problems) } : { config, file };
  }
}
