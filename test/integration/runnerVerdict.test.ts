// The integration runner's verdict on the result file the suite writes inside VS Code: a run passes only
// when nothing failed, nothing was skipped and each file ran exactly the tests its source declares.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../paths';

interface Verdict {
  ok: boolean;
  reason?: string;
}
interface Runner {
  checkResult(file: string, declared?: Record<string, number>): Verdict;
  declaredTests(dir?: string): Record<string, number>;
}

describe('integration runner verdict', () => {
  let runner: Runner;
  let dir: string;
  before(async () => {
    runner = (await import(pathToFileURL(join(REPO_ROOT, 'test', 'integration', 'runner', 'run-code-server.mjs')).href)) as Runner;
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'riposte-verdict-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const verdict = (result: object, declared: Record<string, number>) => {
    const file = join(dir, 'result.json');
    writeFileSync(file, JSON.stringify({ passes: 0, failures: 0, pending: 0, total: 0, ranByFile: {}, failed: [], ...result }));
    return runner.checkResult(file, declared);
  };

  it('passes when every declared test ran and passed', () => {
    assert.deepEqual(verdict({ passes: 3, total: 3, ranByFile: { 'a.test.js': 2, 'b.test.js': 1 } }, { 'a.test.js': 2, 'b.test.js': 1 }), {
      ok: true,
      passed: 3,
      failed: 0,
      skipped: 0,
      result: { passes: 3, failures: 0, pending: 0, total: 3, ranByFile: { 'a.test.js': 2, 'b.test.js': 1 }, failed: [] },
    });
  });

  it('fails when a file ran fewer tests than it declares, or did not load at all, naming the file', () => {
    const fewer = verdict({ passes: 2, total: 2, ranByFile: { 'a.test.js': 1, 'b.test.js': 1 } }, { 'a.test.js': 2, 'b.test.js': 1 });
    assert.equal(fewer.ok, false);
    assert.match(fewer.reason ?? '', /a\.test\.js: 2 declared, 1 ran/);
    const missing = verdict({ passes: 2, total: 2, ranByFile: { 'a.test.js': 2 } }, { 'a.test.js': 2, 'b.test.js': 1 });
    assert.equal(missing.ok, false);
    assert.match(missing.reason ?? '', /b\.test\.js: 1 declared, 0 ran/);
  });

  it('fails when a test was skipped', () => {
    const skipped = verdict({ passes: 1, pending: 1, total: 2, ranByFile: { 'a.test.js': 1 } }, { 'a.test.js': 1 });
    assert.equal(skipped.ok, false);
    assert.match(skipped.reason ?? '', /1 test\(s\) skipped/);
  });

  it('counts the tests the real suite declares, one per it( line', () => {
    const declared = runner.declaredTests();
    assert.ok(Object.keys(declared).includes('smoke.test.js'), Object.keys(declared).join(', '));
    assert.ok(Object.values(declared).every((count) => count > 0), JSON.stringify(declared));
    writeFileSync(join(dir, 'x.test.ts'), "describe('x', () => {\n  it('one', () => {});\n  it.skip('two', () => {});\n  // it('not a test')\n});\n");
    assert.deepEqual(runner.declaredTests(dir), { 'x.test.js': 2 });
  });
});
