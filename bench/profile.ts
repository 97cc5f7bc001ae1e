// `npm run bench -- --profile`: the 1 MB full lint under V8's sampling CPU profiler, saved for DevTools and
// summarised as the functions with the most self time (mapped back to the TypeScript through source maps).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../src/core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  name: string;
  location: string;
  ms: number;
  share: number;
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

const maps = new Map<string, SourceMap | null>();

/** `out/src/core/x.js:12` → `src/core/x.ts:10` when the transpile's source map says so. */
function locate(url: string, line: number, column: number, root: string): string {
  if (!url) return '';
  let file = url;
  if (url.startsWith('file://')) file = fileURLToPath(url);
  if (!maps.has(file)) {
    let map: SourceMap | null = null;
    try {
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  const map = maps.get(file);
  const entry = map?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
  if (entry?.originalSource) {
    const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
    return `${path.relative(root, source)}:${(entry.originalLine ?? 0) + 1}`;
  }
  return `${path.isAbsolute(file) ? path.relative(root, file) : file}:${line + 1}`;
}

/** Self time per function (functionName + url + line), largest first. */
export function selfTimes(profile: Profile, root: string): SelfTime[] {
  const total = (profile.endTime - profile.startTime) / 1000;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byNode = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; charge each sample with the interval that follows it.
  for (let i = 0; i < samples.length; i++) {
    const delta = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    byNode.set(samples[i], (byNode.get(samples[i]) ?? 0) + delta);
  }
  const byFunction = new Map<string, SelfTime>();
  for (const node of profile.nodes) {
    const ms = byNode.get(node.id);
    if (!ms) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName}\u0000${url}\u0000${lineNumber}`;
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', location: locate(url, lineNumber, columnNumber, root), ms: 0, share: 0 };
    entry.ms += ms;
    byFunction.set(key, entry);
  }
  const list = [...byFunction.values()].sort((a, b) => b.ms - a.ms);
  for (const entry of list) entry.share = total > 0 ? entry.ms / total : 0;
  return list;
}

/** Profiles `runs` full lints of `text` (after one unprofiled warm-up) and writes the .cpuprofile. */
export async function profileLint(text: string, output: string, runs: number): Promise<{ selfTimes: SelfTime[]; lintMs: number[]; profiledMs: number }> {
  lint(text, {}); // warm-up, so the profile shows steady state rather than the first compile
  const session = new Session();
  session.connect();
  const lintMs: number[] = [];
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
    await post(session, 'Profiler.start');
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      lint(text, {});
      lintMs.push(performance.now() - start);
    }
    const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(output, JSON.stringify(profile));
    const root = path.resolve(__dirname, '..', '..');
    return { selfTimes: selfTimes(profile, root), lintMs, profiledMs: (profile.endTime - profile.startTime) / 1000 };
  } finally {
    session.disconnect();
  }
}
