import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixAll, lint, parseDraft, RULES } from '../../src/core';
import { fixtureFiles, readExpectations } from './expectations';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'core', 'fixtures');

/**
 * One test per fixture of the folder. onlyRules: the rules whose findings are compared (null: all of them);
 * findingsRequired: a fixture without `finding` lines fails instead of leaving its findings unchecked.
 */
function checkModel(folder: string, onlyRules: (file: string) => readonly string[] | null, findingsRequired = false) {
  for (const name of fixtureFiles(join(FIXTURES, folder))) {
    it(`${folder}/${name}`, () => {
      const path = join(FIXTURES, folder, name);
      const text = readFileSync(path, 'utf8');
      const expected = readExpectations(text, name);
      if (findingsRequired) assert.ok(expected.findings, `${name}: no \`finding\` lines in its expect block (write \`finding none\` for a thread with none)`);
      const draft = parseDraft(text);
      if (expected.attributions) {
        const actual = draft.attributions
          .map((attribution) => `${attribution.startLine + 1} ${attribution.speaker === null ? 'none' : JSON.stringify(attribution.speaker)}`)
          .sort();
        const wanted = expected.attributions.map((a) => `${a.line} ${a.speaker === null ? 'none' : JSON.stringify(a.speaker)}`).sort();
        assert.deepEqual(actual, wanted, 'attributions');
      }
      if (expected.quotes) {
        const actual = draft.quotes.map((quote) => `${quote.startLine + 1}-${quote.endLine + 1} ${quote.speaker === null ? 'none' : JSON.stringify(quote.speaker)}${quote.inferred ? ' inferred' : ''}`);
        const wanted = expected.quotes.map((q) => `${q.startLine}-${q.endLine} ${q.speaker === null ? 'none' : JSON.stringify(q.speaker)}${q.inferred ? ' inferred' : ''}`);
        assert.deepEqual(actual.sort(), wanted.sort(), 'quotes');
      }
      if (expected.findings) {
        const rules = onlyRules(name);
        const actual = lint(text, { readSource: sourceReader(join(FIXTURES, folder)) })
          .filter((diagnostic) => !rules || rules.includes(diagnostic.rule))
          .map((d) => findingKey(d.rule, d.range.start.line + 1, d.range.end.line + 1, expected.findings!.find((f) => f.rule === d.rule && f.startLine === d.range.start.line + 1)?.endLine !== undefined));
        const wanted = expected.findings.map((f) => findingKey(f.rule, f.startLine, f.endLine ?? f.startLine, f.endLine !== undefined));
        assert.deepEqual(actual.sort(), wanted.sort(), 'findings');
      }
      const fixedPath = path.replace(/\.md$/, '.fixed.md');
      if (existsSync(fixedPath)) {
        assert.equal(fixAll(text, { readSource: sourceReader(join(FIXTURES, folder)) }).text, readFileSync(fixedPath, 'utf8'), 'text after fixing');
      }
    });
  }
}

function findingKey(rule: string, start: number, end: number, withEnd: boolean): string {
  return withEnd ? `${start}-${end} ${rule}` : `${start} ${rule}`;
}

function sourceReader(dir: string) {
  return (path: string) => {
    const full = join(dir, path);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
}

describe('attribution forms (fixtures)', () => {
  checkModel('attribution', () => ['unattributed-quote']);
});

describe('whole threads (fixtures)', () => {
  // Every rule's findings, not one rule's: a whole thread is where a rule's false positives show.
  checkModel('threads', () => null, true);
});

describe('rules (fixtures)', () => {
  const folders = readdirSync(join(FIXTURES, 'rules')).sort();
  it('has one fixture folder per rule, and no folder for a rule that does not exist', () => {
    assert.deepEqual(folders, RULES.map((rule) => rule.id).sort());
  });
  for (const rule of folders) {
    describe(rule, () => checkModel(join('rules', rule), () => [rule]));
  }
});

describe('fixture harness', () => {
  it('refuses an empty or missing fixture folder instead of making no test of it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'riposte-fixtures-'));
    try {
      assert.throws(() => fixtureFiles(empty), /holds no fixtures/);
      assert.throws(() => fixtureFiles(join(empty, 'missing')), /holds no fixtures/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
