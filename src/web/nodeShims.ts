// What the extension takes from Node's `path` and `crypto`, for the browser build (esbuild.mjs maps
// node:path and node:crypto here for the `browser` entry). Only what src/extension uses.

/** POSIX dirname: the extension uses it on file: paths only, which a web extension host never has. */
export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  return cut < 0 ? '.' : cut === 0 ? '/' : trimmed.slice(0, cut);
}

/** randomBytes(n).toString('base64') from the Web Crypto API (the preview's CSP nonce). */
export function randomBytes(size: number): { toString(encoding: 'base64'): string } {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(size));
  return { toString: () => btoa(String.fromCharCode(...bytes)) };
}
