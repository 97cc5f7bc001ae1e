// Two readings of a response letter are decided once for the whole draft, by votes of its blocks that an
// edit takes back and casts again for the blocks it touches (updateDraft.ts): whether it sets its answers
// in `>` (styledComments.ts), and whether its reviewers' comments lost every mark (unmarkedReviews.ts).
import { MarkdownBlock } from '../model';
import { LineText } from '../text';
import { answerVote } from './styledComments';
import { unmarkedReviewVote } from './unmarkedReviews';

/** How a draft's blocks lean. */
export interface AnswerVotes {
  /** `>` blocks right under a plain comment that open as the authors answer (yes) or not (no). */
  yes: number;
  no: number;
  /** Reviewer labels ("Reviewer #1 (Public Review):"). */
  labels: number;
  /** Plain paragraphs not in the authors' voice, answered by a paragraph in it. */
  pairs: number;
}

export function noVotes(): AnswerVotes {
  return { yes: 0, no: 0, labels: 0, pairs: 0 };
}

/**
 * A response letter that sets the authors' answers in `>` blocks, the reviewers' comments plain: decided
 * once for the draft, as most `>` blocks right under a plain comment open as the authors answer ("We have
 * …", "Done."). Then the others are answers too, whatever their first words ("> Agreed…", "> The dashed
 * lines…", an empty "> " still to be written), and a `>` block opening as the authors do is theirs.
 */
export function isAnswerLetter(votes: AnswerVotes): boolean {
  return votes.yes >= 3 && votes.yes > votes.no;
}

/** The votes of blocks from..to-1 added to `votes`, `sign` times (-1 takes them away). */
export function addAnswerVotes(votes: AnswerVotes, lines: readonly LineText[], blocks: readonly MarkdownBlock[], from: number, to: number, sign: number): void {
  for (let index = from; index < to && index < blocks.length; index++) {
    const block = blocks[index];
    if (block.quoteDepth === 1) {
      const vote = answerVote(lines, blocks, index);
      if (vote > 0) votes.yes += sign;
      else if (vote < 0) votes.no += sign;
    } else if (block.quoteDepth === 0) {
      const vote = unmarkedReviewVote(lines, blocks, index);
      votes.labels += vote.label * sign;
      votes.pairs += vote.pair * sign;
    }
  }
}
