// The asynchronous `.riposte.json` lookup of the web extension (core/configFiles.ts), over an in-memory file
// system standing in for vscode.workspace.fs.
import * as assert from 'node:assert/strict';
import { ConfigError } from '../../src/core';
import { AsyncConfigResolver, configCandidates, ConfigLookup } from '../../src/core/configFiles';

/** Files by path; every read is recorded, and resolves only when the test lets it (as a remote file system would). */
class MemoryFiles {
  readonly reads: string[] = [];
  private readonly waiting: (() => void)[] = [];
  manual = false;

  constructor(private readonly files: Record<string, string | Error>) {}

  read = (path: string): Promise<string | undefined> => {
    this.reads.push(path);
    const answer = () => {
      const file = this.files[path];
      if (file instanceof Error) throw file;
      return file;
    };
    if (!this.manual) return Promise.resolve().then(answer);
    return new Promise((resolve, reject) => this.waiting.push(() => {
      try {
        resolve(answer());
      } catch (error) {
        reject(error);
      }
    }));
  };

  /** Lets every read asked for so far answer. */
  release(): void {
    for (const next of this.waiting.splice(0)) next();
  }
}

const rulesOf = (answer: ConfigLookup | undefined) => (answer && 'config' in answer ? answer.config?.rules : undefined);

describe('.riposte.json through an asynchronous file system (core/configFiles)', () => {
  it('looks in the draft’s folder and each one above it, up to its workspace folder and never above', () => {
    assert.deepEqual(configCandidates('/ws/notes/replies', '/ws'), ['/ws/notes/replies/.riposte.json', '/ws/notes/.riposte.json', '/ws/.riposte.json']);
    assert.deepEqual(configCandidates('/ws/', '/ws/'), ['/ws/.riposte.json']);
    assert.deepEqual(configCandidates('/a/b', '/'), ['/a/b/.riposte.json', '/a/.riposte.json', '/.riposte.json']);
    // Not inside the workspace folder ("/wsx" is not in "/ws"), or in none: its own folder only.
    assert.deepEqual(configCandidates('/wsx/notes', '/ws'), ['/wsx/notes/.riposte.json']);
    assert.deepEqual(configCandidates('/tmp/drafts', undefined), ['/tmp/drafts/.riposte.json']);
  });

  it('takes the nearest file, and reads nothing outside the workspace folder', async () => {
    const files = new MemoryFiles({
      '/.riposte.json': '{ "rules": { "misquote": "off" } }',
      '/ws/.riposte.json': '{ "rules": { "repeated-words": "error" } }',
      '/ws/notes/.riposte.json': '{ "rules": { "repeated-words": "off" } }',
    });
    const resolver = new AsyncConfigResolver(files.read);
    const answer = await resolver.lookup('/ws/notes/replies', '/ws');
    assert.deepEqual(rulesOf(answer), { 'repeated-words': { severity: 'off', options: {} } });
    assert.equal('file' in answer && answer.file, '/ws/notes/.riposte.json');
    assert.deepEqual(rulesOf(await resolver.lookup('/ws/other', '/ws')), { 'repeated-words': { severity: 'error', options: {} } });
    assert.deepEqual(await resolver.lookup('/elsewhere', '/ws'), { config: null });
    assert.deepEqual(
      files.reads.filter((path) => !path.startsWith('/ws/')),
      ['/elsewhere/.riposte.json'],
      'outside the workspace folder only the draft’s own folder is read',
    );
  });

  it('answers a lint at once with nothing, reads once while drafts wait, then answers from what it read', async () => {
    const files = new MemoryFiles({ '/ws/.riposte.json': '{ "rules": { "repeated-words": "off" } }' });
    files.manual = true;
    const resolver = new AsyncConfigResolver(files.read);
    const settled: ConfigLookup[] = [];
    assert.equal(resolver.peek('/ws/a', '/ws', (answer) => settled.push(answer)), undefined, 'not known yet: lint with the settings');
    assert.equal(resolver.peek('/ws/a', '/ws', (answer) => settled.push(answer)), undefined);
    const waiting = resolver.lookup('/ws/a', '/ws');
    // The draft's folder is read first; nothing above it until that read has answered.
    assert.deepEqual(files.reads, ['/ws/a/.riposte.json']);
    files.release();
    await new Promise((resolve) => setImmediate(resolve));
    files.release();
    const answer = await waiting;
    assert.deepEqual(rulesOf(answer), { 'repeated-words': { severity: 'off', options: {} } });
    assert.equal(settled.length, 1, 'told once that the answer came (to lint again)');
    assert.equal(resolver.peek('/ws/a', '/ws', () => assert.fail('nothing left to wait for')), answer);
    assert.deepEqual(files.reads, ['/ws/a/.riposte.json', '/ws/.riposte.json'], 'each file read once');
    // Another folder under the same file reuses what was read.
    const sibling = resolver.lookup('/ws/b', '/ws');
    files.release();
    assert.deepEqual(rulesOf(await sibling), { 'repeated-words': { severity: 'off', options: {} } });
    assert.deepEqual(files.reads, ['/ws/a/.riposte.json', '/ws/.riposte.json', '/ws/b/.riposte.json']);
  });

  it('names the file and the key of a bad setting, and a file it could not read', async () => {
    const resolver = new AsyncConfigResolver(
      new MemoryFiles({
        '/ws/bad/.riposte.json': '{ "rules": { "repeated-words": "loud" } }',
        '/ws/locked/.riposte.json': new Error('permission denied'),
        '/ws/.riposte.json': '{ "rules": { "misquote": "off" } }',
      }).read,
    );
    const bad = await resolver.lookup('/ws/bad', '/ws');
    assert.ok('error' in bad && bad.error instanceof ConfigError);
    assert.equal(bad.error.file, '/ws/bad/.riposte.json');
    assert.match(bad.error.message, /rules\.repeated-words: .*must be one of/);
    const locked = await resolver.lookup('/ws/locked', '/ws');
    assert.ok('error' in locked);
    assert.equal(locked.error.message, '/ws/locked/.riposte.json: cannot read the file (permission denied)');
  });
});
