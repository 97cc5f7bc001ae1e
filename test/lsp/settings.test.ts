// riposte.files.exclude in the language server: the same glob patterns VS Code takes for the setting.
import * as assert from 'node:assert/strict';
import { globMatcher } from '../../src/lsp/settings';

describe('riposte.files.exclude in the language server (globMatcher)', () => {
  const excluded = (pattern: string, path: string) => globMatcher(pattern)(path);

  it('takes **, * and ?, on POSIX and Windows paths, dot folders included', () => {
    assert.equal(excluded('**/node_modules/**', '/home/sam/project/node_modules/pkg/README.md'), true);
    assert.equal(excluded('**/node_modules/**', 'C:\\project\\node_modules\\pkg\\README.md'), true);
    assert.equal(excluded('**/node_modules/**', '/home/sam/project/drafts/reply.md'), false);
    assert.equal(excluded('**/.github/**', '/p/.github/ISSUE_TEMPLATE/bug.md'), true);
    assert.equal(excluded('**/*.draft.md', '/p/notes/a.draft.md'), true);
    assert.equal(excluded('**/v?.md', '/p/v2.md'), true);
    assert.equal(excluded('**/v?.md', '/p/v10.md'), false);
  });

  it('takes braces and character classes, as VS Code does (the hand-written matcher did not)', () => {
    assert.equal(excluded('**/{node_modules,dist}/**', '/p/dist/README.md'), true);
    assert.equal(excluded('**/{node_modules,dist}/**', '/p/node_modules/x.md'), true);
    assert.equal(excluded('**/{node_modules,dist}/**', '/p/docs/README.md'), false);
    assert.equal(excluded('**/[Cc]HANGELOG.md', '/p/CHANGELOG.md'), true);
    assert.equal(excluded('**/[Cc]HANGELOG.md', '/p/XHANGELOG.md'), false);
  });

  it('matches a pattern without a leading ** from any folder of the path', () => {
    assert.equal(excluded('drafts/*.md', '/home/sam/project/drafts/a.md'), true);
    assert.equal(excluded('drafts/*.md', '/home/sam/project/drafts/old/a.md'), false);
    assert.equal(excluded('archive/**', 'C:\\p\\archive\\2020\\a.md'), true);
    assert.equal(excluded('*.md', '/p/any/depth/README.md'), true);
  });
});
