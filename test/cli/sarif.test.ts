// riposte lint --format sarif, validated against the SARIF 2.1.0 JSON schema (vendored: see
// schemas/SOURCES.md) with a real validator, formats included (uri-reference, …).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { CLI, EXAMPLE_DRAFT, REPO_ROOT } from '../paths';

const SCHEMA = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'cli', 'schemas', 'sarif-2.1.0.json'), 'utf8'));

function sarif(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(process.execPath, [CLI, 'lint', '--format', 'sarif', ...args], { cwd: options.cwd, input: options.input, encoding: 'utf8' });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return JSON.parse(result.stdout);
}

describe('riposte lint --format sarif', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(SCHEMA);
  const assertValid = (log: unknown) => assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'riposte-sarif-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the validator rejects a log that breaks the schema (so that passing means something)', () => {
    const log = sarif([EXAMPLE_DRAFT]);
    assertValid(log);
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'severe';
    assert.equal(validate(broken), false);
    const badUri = structuredClone(log);
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'my draft.md';
    assert.equal(validate(badUri), false, 'a space is not allowed in a uri-reference');
  });

  it('is valid SARIF 2.1.0 for the real draft, with every rule and result', () => {
    const log = sarif([EXAMPLE_DRAFT]);
    assertValid(log);
    assert.equal(log.runs[0].results.length, 4);
    assert.ok(log.runs[0].tool.driver.rules.length >= 10);
  });

  it('is valid for findings with related locations, in files whose names need escaping, and on standard input', () => {
    writeFileSync(join(dir, 'my reply #2 (draft).reply.md'), 'It is the the point.\n\nIt is the the point.\n');
    const log = sarif(['my reply #2 (draft).reply.md'], { cwd: dir });
    assertValid(log);
    const uris = log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0);
    assert.ok(uris.every((uri: string) => decodeURIComponent(uri) === 'my reply #2 (draft).reply.md'), uris.join(', '));
    assert.ok(log.runs[0].results.some((r: { relatedLocations: unknown[] }) => r.relatedLocations.length > 0), 'a duplicate points at its first copy');
    assertValid(sarif(['-'], { input: 'It is the the point.\n' }));
  });

  it('is valid for an absolute path outside the working folder, as a file: URI', () => {
    writeFileSync(join(dir, 'über.md'), 'It is the the point.\n');
    const log = sarif([join(dir, 'über.md')], { cwd: REPO_ROOT });
    assertValid(log);
    const uri = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri as string;
    assert.match(uri, /^file:\/\//);
    assert.equal(new URL(uri).pathname.endsWith(`/${encodeURIComponent('über.md')}`), true, uri);
  });
});
