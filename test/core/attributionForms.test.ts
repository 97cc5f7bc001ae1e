import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FORMS, matchLeadingAttribution, matchPostHeader } from '../../src/core/attribution';
import { REPO_ROOT } from '../paths';

const FIXTURES = join(REPO_ROOT, 'test', 'core', 'fixtures', 'attribution');

describe('attribution forms as data (src/core/attribution)', () => {
  for (const form of FORMS) {
    it(`${form.name}: recognises each of its examples, and its fixtures exist`, () => {
      for (const example of form.examples) assert.ok(form.recognises(example), `${form.name} does not recognise ${JSON.stringify(example)}`);
      assert.ok(form.fixtures.length > 0, `${form.name} has no fixture`);
      for (const fixture of form.fixtures) assert.ok(existsSync(join(FIXTURES, fixture)), `${fixture} is missing`);
    });
  }

  it('has one file in forms/ for each form module it lists, and no file the table forgets', () => {
    const files = readdirSync(join(REPO_ROOT, 'src', 'core', 'attribution', 'forms')).map((name) => name.replace(/\.ts$/, ''));
    assert.ok(files.length >= 10, `${files.length} form files`);
    assert.ok(FORMS.length >= files.length - 2, `${FORMS.length} rows for ${files.length} files (mail, wrote and as-put-it share the "above the quote" reading)`);
  });

  it('reads no post header into a sentence that opens on "From"', () => {
    // A mail archive's "From Jane Doe at 10:04 PM" names the post's writer; prose that opens the same way does not.
    assert.equal(matchPostHeader('From Jane Doe at 10:04 PM'), 'Jane Doe');
    assert.equal(matchPostHeader('From what I can tell, at this point it works'), null);
    assert.equal(matchPostHeader('From in did to this, at features a the scheduler they and but. With'), null);
    assert.equal(matchPostHeader('From the logs at the time it looked fine'), null);
  });

  it('names the writer of "X wrote:" in a caseless script or with a mailer\'s honorific, and no sentence', () => {
    assert.equal(matchLeadingAttribution('刘芳铭 wrote:')?.speaker, '刘芳铭');
    assert.equal(matchLeadingAttribution('Minchan Kim さん wrote:')?.speaker, 'Minchan Kim');
    assert.equal(matchLeadingAttribution('김민수님 wrote:')?.speaker, '김민수');
    // A clause before the verb is no name, in any script: the line introduces words, but nobody is named.
    assert.equal(matchLeadingAttribution('我觉得这篇文章里，作者 wrote:')?.speaker ?? null, null);
    assert.equal(matchLeadingAttribution('the maintainers さん wrote:')?.speaker ?? null, null);
  });
});
