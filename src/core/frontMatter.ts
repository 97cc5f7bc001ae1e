import { LineText } from './text';

export interface FrontMatter {
  startLine: number;
  endLine: number;
  /** Top-level `key: value` pairs, keys lower-cased; nested YAML is kept out (Riposte reads only flat keys). */
  values: ReadonlyMap<string, string>;
  /** The line each key was written on, for diagnostics that point at a setting. */
  keyLines: ReadonlyMap<string, number>;
}

const MAX_FRONT_MATTER_LINES = 200;

export function parseFrontMatter(lines: readonly LineText[]): FrontMatter | null {
  if (lines.length < 2 || lines[0].text.trimEnd() !== '---') return null;
  const limit = Math.min(lines.length, MAX_FRONT_MATTER_LINES);
  for (let end = 1; end < limit; end++) {
    const text = lines[end].text.trimEnd();
    if (text !== '---' && text !== '...') continue;
    const values = new Map<string, string>();
    const keyLines = new Map<string, number>();
    for (let i = 1; i < end; i++) {
      const match = /^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(lines[i].text);
      if (!match) continue;
      const key = match[1].toLowerCase();
      values.set(key, unquote(match[2].replace(/\s+#.*$/, '')));
      keyLines.set(key, i);
    }
    return { startLine: 0, endLine: end, values, keyLines };
  }
  return null;
}

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value);
  return match ? match[2] : value;
}
