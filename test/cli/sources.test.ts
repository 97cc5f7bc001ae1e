import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_SOURCE_BYTES, readConfinedSource } from '../../src/node/config';
import { CLI } from '../paths';

const SECRET = 'correct horse battery staple';

describe('source documents are read only inside the project', () => {
  let dir: string;
  let project: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'riposte-sources-'));
    project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, '.riposte.json'), '{}');
    writeFileSync(join(project, 'essay.md'), 'The essay says what it says.\n');
    writeFileSync(join(dir, 'secret.txt'), `${SECRET}\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const refused = (result: unknown) => (typeof result === 'object' && result !== null ? (result as { refused: string }).refused : undefined);

  it('reads a regular file inside the project, and refuses one outside it unless allowed', () => {
    assert.equal(readConfinedSource(join(project, 'essay.md'), project, false), 'The essay says what it says.\n');
    assert.match(refused(readConfinedSource(join(dir, 'secret.txt'), project, false)) ?? '', /outside the project/);
    assert.equal(readConfinedSource(join(dir, 'secret.txt'), project, true), `${SECRET}\n`);
    assert.equal(readConfinedSource(join(project, 'missing.md'), project, false), undefined);
  });

  it('resolves links before it decides: a link inside the project to a file outside it is outside', () => {
    symlinkSync(join(dir, 'secret.txt'), join(project, 'innocent.md'));
    assert.match(refused(readConfinedSource(join(project, 'innocent.md'), project, false)) ?? '', /outside the project/);
  });

  it('never opens a FIFO, a device or a file too large to be a document, even when outside sources are allowed', () => {
    execFileSync('mkfifo', [join(project, 'pipe.md')]);
    // A read would block for ever: the test would time out rather than fail if the FIFO were opened.
    assert.match(refused(readConfinedSource(join(project, 'pipe.md'), project, true)) ?? '', /not a regular file/);
    assert.match(refused(readConfinedSource('/dev/zero', project, true)) ?? '', /device or system file/);
    writeFileSync(join(project, 'huge.md'), Buffer.alloc(MAX_SOURCE_BYTES + 1, 97));
    assert.match(refused(readConfinedSource(join(project, 'huge.md'), project, false)) ?? '', /larger than/);
  });

  it('riposte lint names the refused key in one diagnostic and prints nothing of the file', () => {
    const draft = join(project, 'draft.reply.md');
    writeFileSync(draft, '---\nsource: ../secret.txt\n---\n\nOn Tue, 3 Mar 2020, Jane Doe <jane@example.org> wrote:\n> correct horse battery staple is what she wrote\n\nNot quite.\n');
    const result = spawnSync(process.execPath, [CLI, 'lint', draft], { cwd: project, encoding: 'utf8' });
    assert.match(result.stdout, /:2:1: warning The source "\.\.\/secret\.txt" \(front matter `source:`\) was not read: it is outside the project folder/);
    assert.equal(result.stdout.split('\n').filter((line) => line.includes('[misquote]')).length, 1, result.stdout);
    const allowed = spawnSync(process.execPath, [CLI, 'lint', '--allow-outside-sources', draft], { cwd: project, encoding: 'utf8' });
    assert.doesNotMatch(allowed.stdout, /was not read/);
  });
});
