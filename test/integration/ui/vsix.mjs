// Reading and installing the .vsix that `npm run package` builds, for the installed-copy UI test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { REPO_ROOT } from '../runner/codeServer.mjs';

/** Runs `npm run package` (scripts/package.mjs) with the .vsix written to `out`. */
export function packageVsix(out) {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The entries of a zip file from its central directory: name, compressed and uncompressed size, and a reader. */
export function zipEntries(file) {
  const zip = readFileSync(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i} in ${file}`);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const read = () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return method === 8 ? inflateRawSync(data) : data;
    };
    entries.push({ name, compressed, size, read });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** `code-server --install-extension vsix` into `extensionsDir`, as a user installs a downloaded .vsix. */
export function installVsix(manifest, vsix, { extensionsDir, root }) {
  const dirs = { TMPDIR: join(root, 'tmp'), XDG_CONFIG_HOME: join(root, 'config'), XDG_DATA_HOME: join(root, 'data'), XDG_CACHE_HOME: join(root, 'cache') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const config = join(root, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const result = spawnSync(manifest.node, [manifest.entry, '--config', config, '--user-data-dir', join(root, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    cwd: root,
    env: { ...process.env, ...dirs },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`--install-extension failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  return `${result.stdout}${result.stderr}`;
}
