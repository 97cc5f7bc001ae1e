import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generatedFiles } from '../../src/node/ruleDocs';
import { REPO_ROOT } from '../paths';

describe('files generated from rule metadata', () => {
  for (const [path, text] of generatedFiles(REPO_ROOT)) {
    it(`${relative(REPO_ROOT, path)} is up to date (npm run generate)`, () => {
      assert.equal(readFileSync(path, 'utf8'), text);
    });
  }
});
