// Labels naming the reviewer whose comments follow: "Reviewer 2", "Answers to Dr. Sioris:".
import { LineShape, lineShape } from '../lineShape';
import { plausibleName } from '../names';
import { AttributionMatch } from '../types';
import { capitalise } from '../../lineRange';

const ROLE_AND_NAME = /^(?:(?:associate|handling|academic|section|senior|managing|guest|reviewing)\s+)?(?:editor(?:[-\s]in[-\s]chief)?|reviewer|referee)(?:\s*#?\s*\d{1,2})?\s*:\s*(\S.{1,50})$/iu;

// (Not case-blind: the name must be capitalised, and /i would let \p{Lu} match any letter.)
const ROLE_COLON_NUMBER = /^(reviewer|referee)\s*:\s*#?\s*(\d{1,2})\s*$/i;
const REVIEW_BY = /^(?:[Rr]esponses?|[Rr]epl(?:y|ies)|[Aa]nswers?|[Rr]ebuttal)\s+to\s+.{0,40}?\b(?:[Pp]eer\s+)?(?:[Rr]eview|[Cc]omments|[Rr]eport)s?\s+(?:by|from)\s+(?:[Dd]r\.?\s+|[Pp]rof\.?\s+)?(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})\b/u;
const HOTCRP_REVIEW = /^[\s*_#]*review\s*#\s*(\d+)([a-z])?(?:\s*[-.]?\s*([a-z])q\d+)?\s*[:.)]/i;
const ROLE_ONLY = /^((?:(?:associate|handling|academic|section|senior|managing|guest|reviewing)\s+)?(?:editor(?:[-\s]in[-\s]chief)?|reviewer|referee))(?:['’]s)?(?:\s+(?:comments?|remarks?|reviews?|reports?|questions?|points?|feedback))?\s*[:.]?$/iu;

/**
 * A line that names the reviewer whose comments follow, in a response to reviewers: "Reviewer 2",
 * "## Reviewer #1 (Anonymous)", "**Referee 1:**", "Answers to Dr. Sioris:", "Official Review by Reviewer xYz1".
 */
export function matchReviewerLabel(content: string, shape: LineShape = lineShape(content)): AttributionMatch | null {
  // Asked of every line: only a short line naming a reviewer, a referee or a doctor goes on to the patterns.
  // Past eight words only a response letter's title ("Responses to … Review by X for …") is a label.
  if (!/revi|refer|\bdr\b|editor/i.test(content)) return null;
  // HotCRP names reviews by paper and letter, and a rebuttal its questions by both: "**Review #61 AQ1: Can the
  // authors …?**" is review 61A's first question, on the line that asks it (however long).
  const hotcrp = HOTCRP_REVIEW.exec(content);
  if (hotcrp) return { form: 'reviewer', placement: 'before', speaker: `Review #${hotcrp[1]}${(hotcrp[2] ?? hotcrp[3] ?? '').toUpperCase()}` };
  if (content.length > 160) return null;
  if (shape.spaces > 20 || (shape.spaces > 8 && !/^\W*(?:respon|repl|answer|rebut)/i.test(content))) return null;
  const text = content.trim().replace(/^#{1,6}\s+/, '').replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/[*_]+/g, '').trim();
  // A response letter's title names the reviewer it answers: "Responses to … Peer Review by Kalle Jahn for …".
  const reviewBy = REVIEW_BY.exec(text);
  if (reviewBy) {
    const speaker = plausibleName(reviewBy[1]);
    if (speaker) return { form: 'reviewer', placement: 'before', speaker };
  }
  if (text.length > 80) return null;
  // ScholarOne's decision letters number each review after a colon, its text under "Comments to the Author":
  // "Reviewer: 2", "Referee: 1" (the number, not a name, after the role's colon).
  const numbered = ROLE_COLON_NUMBER.exec(text);
  if (numbered) return { form: 'reviewer', placement: 'before', speaker: `${capitalise(numbered[1])} ${numbered[2]}` };
  // A decision letter names each writer by role: "Associate Editor: Dr Daniele Silvestro", "Reviewer 2: Jane Doe".
  const role = ROLE_AND_NAME.exec(text);
  if (role) {
    const speaker = plausibleName(role[1].replace(/^(?:dr|prof|professor)\.?\s+/i, ''));
    if (speaker) return { form: 'reviewer', placement: 'before', speaker };
  }
  // Or by role alone: "**Associate Editor's Comments:**", "Reviewer's comments", "Editor".
  const roleOnly = ROLE_ONLY.exec(text);
  if (roleOnly) return { form: 'reviewer', placement: 'before', speaker: capitalise(roleOnly[1].replace(/\s+/g, ' ')) };
  const match =
    /^(?:(?:comments?|review|response|responses|reply|replies|answers?|official\s+review)\s+(?:from|of|by|to)\s+)?(?:the\s+)?((?:anon)?(?:reviewer|referee)(?:\s*#?\s*(?=[\p{L}]{0,5}\p{N})[\p{L}\p{N}]{1,6}|\s+\p{Lu})|dr\.?\s+\p{Lu}[\p{L}'’-]+)(?:\s*\(([^)]{0,40})\))?(?:['’]s)?(?:\s+(?:comments?|remarks?|reviews?|reports?|questions?|points?))?(?:\s*\([^)]{0,40}\))?\s*[:.]?$/iu.exec(text);
  // OpenReview names the reviewer at the end of the paper's line: "ICLR 2020 Conference Paper2413 AnonReviewer2".
  const openReview = match ? null : /^(?:[^\s].{0,70}\s)?(AnonReviewer\d+|Reviewer_?[A-Za-z0-9]{4})$/u.exec(text);
  if (openReview) return { form: 'reviewer', placement: 'before', speaker: openReview[1] };
  if (!match) return null;
  const label = match[1].replace(/\s*#\s*/, ' ').replace(/\s+/g, ' ').replace(/^(reviewer|referee)(?=\p{N})/iu, '$1 ');
  const speaker = capitalise(label);
  return { form: 'reviewer', placement: 'before', speaker };
}
