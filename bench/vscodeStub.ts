// A stand-in for the `vscode` module, enough for activate() to run outside VS Code: a few values that
// activation reads are real (empty document lists, configuration defaults), everything else is an inert,
// callable, constructible proxy that returns more of the same.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

type Overrides = Record<string, unknown>;

function inert(name: string, overrides: Overrides = {}): unknown {
  const cache = new Map<PropertyKey, unknown>();
  const target = function () {} as unknown as Record<PropertyKey, unknown>;
  return new Proxy(target, {
    get(object, property) {
      if (property === 'then') return undefined; // not a promise
      if (property === Symbol.iterator) return function* () {};
      if (property === Symbol.toPrimitive) return () => `[vscode stub ${name}]`;
      if (property === 'prototype') return object.prototype;
      if (typeof property === 'string' && Object.prototype.hasOwnProperty.call(overrides, property)) return overrides[property];
      if (!cache.has(property)) cache.set(property, inert(`${name}.${String(property)}`));
      return cache.get(property);
    },
    set(_object, property, value) {
      cache.set(property, value);
      return true;
    },
    apply: () => inert(`${name}()`),
    construct: () => inert(`new ${name}`) as object,
  });
}

function configuration(): unknown {
  return inert('WorkspaceConfiguration', {
    get: (_key: string, fallback?: unknown) => fallback,
    has: () => false,
    inspect: () => undefined,
    update: async () => undefined,
  });
}

class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  static file(fsPath: string): Uri {
    return new Uri('file', fsPath);
  }
  static parse(value: string): Uri {
    return new Uri(value.split(':')[0], value.replace(/^[a-z]+:\/*/i, '/'));
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, path.posix.join(base.path, ...parts));
  }
  with(change: { path?: string }): Uri {
    return new Uri(this.scheme, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

/**
 * The names @types/vscode declares at the top of the module (classes, enums with their values, namespaces,
 * constants), so that `import * as vscode` sees them as own properties the way esbuild's interop copies them.
 */
function declaredApi(): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  let declarations = '';
  try {
    declarations = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  } catch {
    return api;
  }
  const declaration = /^\texport (class|enum|namespace|const|let|function) (\w+)/gm;
  for (let match = declaration.exec(declarations); match; match = declaration.exec(declarations)) {
    const [, kind, name] = match;
    if (kind !== 'enum') {
      api[name] = kind === 'const' && name === 'version' ? '1.138.0' : inert(name);
      continue;
    }
    const end = declarations.indexOf('\n\t}', match.index);
    const values: Record<string, number> = {};
    let next = 0;
    for (const line of declarations.slice(match.index, end).split('\n').slice(1)) {
      const member = /^\t\t(\w+)\s*(?:=\s*(-?\d+))?\s*,?\s*$/.exec(line);
      if (!member) continue;
      next = member[2] !== undefined ? Number(member[2]) : next;
      values[member[1]] = next++;
    }
    api[name] = values;
  }
  return api;
}

export function vscodeStub(): unknown {
  return {
    ...declaredApi(),
    Uri,
    workspace: inert('workspace', {
      textDocuments: [],
      workspaceFolders: undefined,
      getConfiguration: () => configuration(),
    }),
    window: inert('window', { visibleTextEditors: [], activeTextEditor: undefined, tabGroups: inert('tabGroups', { all: [] }) }),
  };
}

function memento(): unknown {
  const values = new Map<string, unknown>();
  return { get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback), update: async (key: string, value: unknown) => void values.set(key, value), keys: () => [...values.keys()], setKeysForSync: () => undefined };
}

/** The parts of vscode.ExtensionContext an extension reads at activation. */
export function fakeContext(extensionPath: string): unknown {
  const extensionUri = Uri.file(extensionPath);
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionPath,
    extensionUri,
    asAbsolutePath: (relative: string) => path.join(extensionPath, relative),
    workspaceState: memento(),
    globalState: memento(),
    storageUri: undefined,
    globalStorageUri: Uri.file(path.join(extensionPath, '.bench', 'global-storage')),
    logUri: Uri.file(path.join(extensionPath, '.bench', 'logs')),
    extensionMode: 1,
    environmentVariableCollection: inert('environmentVariableCollection'),
    secrets: inert('secrets'),
    extension: inert('extension', { extensionUri, extensionPath, id: 'riposte.riposte' }),
  };
}
