import * as assert from 'node:assert/strict';
import { parseDraft } from '../../src/core';
import { answeredQuotes } from '../../src/core/rules/unanswered-quote';
import { buildReplyTree, TreeNode } from '../../src/core/thread';
import { fixtureAndExampleTexts } from '../corpus';
import { seededRandom } from '../random';

describe('answeredQuotes', () => {
  it('says a quote is answered exactly when the reply tree gives it a reply, in every fixture, example and generated draft', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateDraft } = require('../../bench/generate') as typeof import('../../bench/generate');
    const texts = fixtureAndExampleTexts();
    const random = seededRandom(3);
    for (let seed = 1; seed <= 6; seed++) {
      const draft = generateDraft(60 * 1024, seed);
      texts.push(draft);
      // The same draft with a random half of its own paragraphs (not quoted) dropped: many quotes left unanswered.
      texts.push(draft.split('\n\n').filter((block) => block.startsWith('>') || random(2) === 0).join('\n\n'));
    }
    let quotes = 0;
    let unanswered = 0;
    for (const text of texts) {
      const draft = parseDraft(text);
      const answered = answeredQuotes(draft);
      const visit = (node: TreeNode) => {
        for (const child of node.children) {
          if (child.kind !== 'quote') continue;
          const hasReply = child.children.some((grandchild) => grandchild.kind === 'reply');
          assert.equal(answered[child.quote!.index] === 1, hasReply, `quote at line ${child.range.startLine + 1} (seed ${random.seed})`);
          quotes++;
          if (!hasReply) unanswered++;
          visit(child);
        }
      };
      visit(buildReplyTree(draft).root);
    }
    // Both answers occur often enough for the comparison to mean something.
    assert.ok(quotes > 1000 && unanswered > 150, `${quotes} quotes, ${unanswered} unanswered (seed ${random.seed})`);
  });
});
