import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enclosingSpans, parseDraft } from '../../src/core';
import { REPO_ROOT } from '../paths';

/** The chain as 1-based "start-end" line labels, as the editor numbers lines. */
const chain = (text: string, line: number) => enclosingSpans(parseDraft(text), line - 1).map((span) => `${span.startLine + 1}-${span.endLine + 1}`);

describe('smart select spans (Expand Selection)', () => {
  const mail = readFileSync(join(REPO_ROOT, 'examples', 'mailing-list.reply.md'), 'utf8');

  it('in a nested quote: its paragraph, Priya’s quote with the line naming her, Tom’s quote, with the line naming him, the draft', () => {
    assert.deepEqual(chain(mail, 7), ['7-8', '6-8', '6-11', '5-11', '1-21']);
  });

  it('in a reply: the paragraph, then the draft', () => {
    assert.deepEqual(chain(mail, 14), ['13-14', '1-21']);
  });

  it('heading sections nest by level, and end at the next heading of their level or above', () => {
    const text = '# A\n\nintro\n\n## B\n\n> quoted\n\ntext\n\n## C\n\nmore\n';
    assert.deepEqual(chain(text, 7), ['7-7', '5-10', '1-14']);
    assert.deepEqual(chain(text, 13), ['13-13', '11-14', '1-14']);
  });
});
