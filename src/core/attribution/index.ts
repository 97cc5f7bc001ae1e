// Recognises the lines people use to say who wrote a quote. One file per form in forms/; each matcher works
// on one line's content (quote markers already stripped), so the same code serves any quote depth. Where a
// form's line stands and which quote it names is decided in parsing/attributions.ts; who speaks where no
// line says so, in speakers.ts. FORMS below is the list as data: adding a form is a file in forms/, a row
// here, and fixtures in test/core/fixtures/attribution/ (a test holds each row to its examples and fixtures).
import { findBbcodeTags } from './forms/bbcode';
import { matchBracketLabel } from './forms/bracketLabel';
import { matchBoldName } from './forms/boldName';
import { matchForumHeader } from './forms/forumHeader';
import { matchLinkLine } from './forms/link';
import { matchMatrix } from './forms/matrix';
import { matchNameHeading } from './forms/nameHeading';
import { matchOriginallyPosted } from './forms/originallyPosted';
import { matchOutlookHeader } from './forms/outlook';
import { isPostDateLine, matchPostHeader } from './forms/postHeader';
import { matchSignOff } from './forms/signOff';
import { matchReviewerLabel } from './forms/reviewerLabel';
import { matchSignature } from './forms/signature';
import { matchSignatureBlock } from './forms/signatureBlock';
import { matchSpeakerLabel } from './forms/speakerLabel';
import { matchNameLine } from './forms/nameLine';
import { matchLeadingAttribution } from './leading';
import type { AttributionForm, AttributionMatch } from './types';

export type { AttributionForm, AttributionMatch, AttributionPlacement } from './types';
export type { BbcodeTag } from './forms/bbcode';
export { findBbcodeTags } from './forms/bbcode';
export { matchBracketLabel } from './forms/bracketLabel';
export { matchBoldName } from './forms/boldName';
export { headerDateLines, isBareQuoteBox, matchForumHeader } from './forms/forumHeader';
export { matchLinkLine } from './forms/link';
export { isMailHeaderStart } from './forms/mail';
export { matchMatrix } from './forms/matrix';
export { matchNameHeading } from './forms/nameHeading';
export { matchOriginallyPosted } from './forms/originallyPosted';
export { matchOutlookHeader, mayStartOutlookHeader } from './forms/outlook';
export { isPostDateLine, matchPostHeader } from './forms/postHeader';
export { matchReviewerLabel } from './forms/reviewerLabel';
export { matchSignature } from './forms/signature';
export { isSignatureDelimiter, matchSignatureBlock, SIGNATURE_BLOCK_LINES } from './forms/signatureBlock';
export { matchSpeakerLabel } from './forms/speakerLabel';
export { matchNameLine } from './forms/nameLine';
export { isValediction, matchSignOff, signOffName } from './forms/signOff';
export { matchLeadingAttribution } from './leading';
export { programSubject } from './forms/wrote';

/** Forms that only a reply quoting a person uses (a bare link or a `— Name` may be an epigraph). */
export const PERSON_FORMS: ReadonlySet<AttributionForm> = new Set<AttributionForm>(['mail', 'wrote', 'as-put-it', 'bold-name', 'bbcode', 'github-originally-posted', 'matrix', 'reviewer', 'forum-header', 'outlook']);

/** Whether the match names a person or addresses the reader ("You wrote:"): a sign of a reply to someone. */
export function namesSomeone(match: AttributionMatch): boolean {
  return PERSON_FORMS.has(match.form) && (match.speaker !== null || match.addressee === true);
}

export interface AttributionFormSpec {
  name: string;
  /** Where its line stands, relative to the words it attributes. */
  where: 'above the quote' | 'first line of the quote' | 'last line of the quote' | 'under the quote' | 'around the quote' | 'above the comments' | 'above a post';
  /** Lines as threads write them, each recognised by `recognises` (multi-line headers joined by "\n"). */
  examples: readonly string[];
  /** Files of test/core/fixtures/attribution/ that show the form in a draft. */
  fixtures: readonly string[];
  recognises(line: string): boolean;
}

const speakerOf = (match: { speaker: string | null } | null) => match !== null;

export const FORMS: readonly AttributionFormSpec[] = [
  {
    name: 'mail header',
    where: 'above the quote',
    examples: ['On Tue, Jun 16, 2020 at 11:17 PM Jane Doe <jane@example.org> wrote:', 'Am 16.06.2020 um 23:17 schrieb Jana Weber <jana@example.org>:', 'Le mar. 16 juin 2020 à 23:17, Jeanne <j@example.org> a écrit :', '2009/8/26 Akira Matsuda <ronnie@example.jp>:', 'Am Samstag, 9. Juli 2011, um 11:28:50 schrieb Betten, Thorben:', '2016-01-28 16:35 GMT+01:00 Alessandro Palmas <alessandro.palmas at wikimedia.it>:',
      '2025年1月14日 06:27，Mario Limonciello <mario.limonciello@amd.com> 写道：', '2021년 2월 2일 (화) 오전 8:33, Daeho Jeong <daeho43@gmail.com>님이 작성:',
      'Wolfram Sang <wsa@kernel.org> ezt írta (időpont: 2021. jún. 4., P 22:45):', 'Laurent Pinchart, 27 Ara 2025 Cmt, 16:05 tarihinde şunu yazdı:',
      '* Jane Doe <jane@example.org> [2015-01-05 15:04]:', 'Quoting Jane Doe <jane@example.org>:', 'Dňa 29.04.2010 14:22, Marcel Telka wrote / napísal(a):', 'Le Mercredi 13 Juillet 2005 01:16, Protasevich, Natalie a écrit :', 'čt 7. 3. 2019 v 14:33 odesílatel František <kalvas@kss.zcu.cz> napsal:'],
    fixtures: ['mail-german.md', 'mail-gmail-split-by-address.md', 'mail-archive-spelled-out-address.md', 'mail-clients-worldwide.md', 'mail-french.md', 'mail-spanish.md', 'mail-portuguese.md', 'mail-dutch.md', 'mail-gmail-date-name-address.md', 'mail-kmail-directory-name.md', 'mail-surname-comma-given.md', 'mail-two-line.md', 'mail-header-under-byline.md', 'mail-header-inside-quote-unmarked-original.md', 'mail-header-over-unmarked-chain.md', 'not-mail-header-over-own-signature.md', 'mail-top-posted-header-original-lost-marks.md', 'not-top-posted-header-over-own-signature.md', 'mail-indented-quotes.md', 'not-indented-code-under-mail-header.md'],
    recognises: (line) => matchLeadingAttribution(line)?.form === 'mail',
  },
  {
    name: 'wrote',
    where: 'above the quote',
    examples: ['Jane wrote:', 'Mauro Carvalho Chehab <mchehab@example.org> writes:', '@ghickman in https://github.com/o/r/pull/54#issuecomment-1 wrote', 'You wrote:', 'Also sprach Manuel:', 'Thus spake Jane Doe:', '"Barry A. Warsaw" wrote:', 'Minchan Kim さん wrote:', 'きくちゃんさん wrote:', '刘芳铭 wrote:'],
    fixtures: ['plain-wrote.md', 'github-at-wrote.md', 'mail-flattened-quote-repeats-earlier-post.md', 'wrote-caseless-and-honorific-names.md'],
    recognises: (line) => matchLeadingAttribution(line)?.form === 'wrote',
  },
  {
    name: 'as X put it',
    where: 'above the quote',
    examples: ['As @kim put it:', 'As Jane said,', 'As reported by artoska on the Wall:', 'as noted by @kim in #12,'],
    fixtures: ['github-as-put-it.md', 'github-as-reported-by.md'],
    recognises: (line) => matchLeadingAttribution(line)?.form === 'as-put-it',
  },
  {
    name: 'Outlook header',
    where: 'above the quote',
    examples: ['-----Original Message-----\nFrom: Emperor [mailto:emperor@example.net]\nSent: Sunday, 24 February, 2002 20:58', 'From: Doe, Jane\nSent: Monday, 2 March 2020 10:00',
      '-----Original Message-----\nFrom: linux-kernel-owner@vger.kernel.org\n[mailto:linux-kernel-owner@vger.kernel.org] On Behalf Of Enrico Bartky\nSent: Friday, November 12, 2004 10:35 AM',
      '发件人: 刘芳铭\n发送时间: 2015年11月2日 15:41', '---原始邮件---\n发件人: "888jiejie"<notifications@github.com&gt;\n发送时间: 2020年9月13日(周日) 下午4:38', '寄件者： 陳小明\n寄件日期： 2019年4月8日 下午 03:22', '差出人：山田 太郎\n送信日時：2021年6月3日 10:15', '보낸 사람: 김민수\n보낸 날짜: 2022년 3월 14일 월요일 오후 2:30'],
    fixtures: ['mail-outlook-header.md', 'mail-outlook-wrapped-from.md', 'mail-outlook-header-inside-quote.md', 'mail-outlook-header-chinese.md', 'mail-outlook-header-traditional-chinese.md', 'mail-outlook-header-japanese.md', 'mail-outlook-header-korean.md', 'mail-outlook-header-escaped-address.md'],
    recognises: (line) => matchOutlookHeader(line.split('\n')) !== null,
  },
  {
    name: 'forum header',
    where: 'first line of the quote',
    examples: ['**jimmy the saint said:**', 'Sluggy said: ↑', 'Quote from: satoshi on June 17, 2010, 06:46:08 PM', 'Originally Posted by **KIAaze**', 'QUOTE: Originally Posted by Sgtkevin', 'Cyber200 wrote: ↑Sat Apr 01, 2023 4:37 pm',
      'Quote Originally Posted by janedoe View Post', 'Quote: Originally Posted by AllisonBerryman View Post', 'Quote (janedoe @ Jan 5 2015, 03:04 PM)', 'Андрей Любченко пишет:', 'janedoe a écrit :', '\\*\\*elias wrote:\\*\\*', 'Quote from: aBc on', '"Originally Posted by **KIAaze**'],
    fixtures: ['forum-headers.md', 'forum-export-escaped-bold-header.md', 'forum-copied-page-handle-wrote-chain.md', 'forum-smf-quote-from-date-lines.md', 'not-handle-wrote-named-nowhere.md', 'forum-quote-in-fence.md', 'forum-quote-box-as-rules.md', 'forum-quote-box-as-rules-unfenced.md', 'not-forum-quote-box-post-separators.md', 'forum-box-lost-after-first-line.md', 'not-forum-box-answer.md', 'forum-header-blank-line.md', 'forum-vbulletin-one-line-header.md', 'not-originally-posted-sentence.md', 'forum-bare-quote-box-repeats-post.md', 'forum-box-in-quotation-marks.md', 'wrote-over-quotation-marks.md'],
    recognises: (line) => speakerOf(matchForumHeader(line)),
  },
  {
    name: 'bold name',
    where: 'first line of the quote',
    examples: ['**Jane Doe:** the cache is slow', '**Jane** wrote: it is'],
    fixtures: ['bold-name.md'],
    recognises: (line) => matchBoldName(line) !== null,
  },
  {
    name: 'Matrix reply',
    where: 'first line of the quote',
    examples: ['<@alice:matrix.org> did you see the new build?'],
    fixtures: ['matrix.md'],
    recognises: (line) => matchMatrix(line) !== null,
  },
  {
    name: 'signature',
    where: 'last line of the quote',
    examples: ['— Jane Doe', '-- Jane', '~Jane Doe', '—Paul Postal (talking about Chomsky)', '— Jane Doe, The Book of Quotes'],
    fixtures: ['dash-signature.md', 'dash-after-quote.md'],
    recognises: (line) => matchSignature(line) !== null,
  },
  {
    name: 'quoted signature block',
    where: 'last line of the quote',
    examples: ['--\nJane Doe', '-- \nWulfraed                 Dennis Lee Bieber', '--\nhttps://example.org/~jane\nJane Doe'],
    fixtures: ['quoted-signature-block.md', 'not-quoted-signature-deeper.md'],
    recognises: (lines) => matchSignatureBlock(lines.split('\n')) !== null,
  },
  {
    name: 'speaker label',
    where: 'first line of the quote',
    examples: ['Pieren : Ceux que tu suggères', 'Yves: je suis d’accord', 'Jean de La Fontaine : la raison du plus fort'],
    fixtures: ['speaker-label.md', 'not-speaker-label.md'],
    recognises: (line) => matchSpeakerLabel(line) !== null,
  },
  {
    name: 'name line',
    where: 'above the quote',
    examples: ['Alvaro:', 'Jean de La Fontaine :'],
    fixtures: ['name-line-over-mail-quote.md', 'not-name-line-heading.md'],
    recognises: (line) => matchNameLine(line) !== null,
  },
  {
    name: 'bracketed name',
    where: 'above the quote',
    examples: ['[Vladimir Marangozov]', '[Tim]', '[Jean de La Fontaine]'],
    fixtures: ['bracket-label-python-dev.md', 'not-bracket-label.md'],
    recognises: (line) => matchBracketLabel(line) !== null,
  },
  {
    name: 'GitHub "Originally posted by"',
    where: 'under the quote',
    examples: ['_Originally posted by @octocat in https://github.com/o/r/issues/412#issuecomment-1_', '_Originally posted by @octocat in [#412 (comment)](https://github.com/o/r/issues/412#issuecomment-1)_'],
    fixtures: ['github-originally-posted.md'],
    recognises: (line) => matchOriginallyPosted(line) !== null,
  },
  {
    name: 'link to the comment',
    where: 'above the quote',
    examples: ["[Jane's comment](https://example.org/posts/1#comment-2)", 'https://example.org/posts/1#comment-2'],
    fixtures: ['link-to-comment.md'],
    recognises: (line) => matchLinkLine(line) !== null,
  },
  {
    name: 'BBCode quote',
    where: 'around the quote',
    examples: ['[quote="jane, post:3, topic:123"]', '[QUOTE=jane]', '[quote]'],
    fixtures: ['bbcode-plain.md', 'bbcode-uppercase.md', 'bbcode-anonymous.md', 'discourse.md', 'discourse-nested.md'],
    recognises: (line) => findBbcodeTags(line).some((tag) => tag.kind === 'open'),
  },
  {
    name: 'reviewer label',
    where: 'above the comments',
    examples: ['Reviewer 1 (Anonymous)', '## Reviewer #2', '**Referee 1:**', 'Answers to Dr. Sioris:', 'ICLR 2020 Conference Paper2413 AnonReviewer2', 'Associate Editor: Dr Daniele Silvestro',
      '**Associate Editor’s Comments:**', 'Responses to USGS-selected Peer Review by Kalle Jahn for Self-Guided Modelling', '**Review #61 AQ1: Can the authors give an example?**', 'Review #12B:', 'Reviewer: 2', 'Referee: 1'],
    fixtures: ['reviewer-labels.md', 'review-styled-comments.md', 'letter-closing.md', 'review-italic-list-comments.md', 'review-role-labels-and-pairs.md', 'review-answers-in-quotes.md', 'review-hotcrp-questions.md', 'review-label-inside-quote.md', 'review-plain-points-indented-italic-answers.md'],
    recognises: (line) => matchReviewerLabel(line) !== null,
  },
  {
    name: 'name heading',
    where: 'above the comments',
    examples: ['## Karthik Ram', '### Dr. Jane Doe'],
    fixtures: ['review-styled-comments.md'],
    recognises: (line) => matchNameHeading(line) !== null,
  },
  {
    name: 'closing of a quoted letter',
    where: 'last line of the quote',
    examples: ['Sincerely,\nDr Isabel Sanmartín', 'Best regards,\nJane Doe', 'Mit freundlichen Grüßen\nThorben Betten', 'Cordiali saluti,\nAlessandro Palmas'],
    fixtures: ['letter-closing.md'],
    recognises: (lines) => matchSignOff(lines) !== null,
  },
  {
    name: 'post header',
    where: 'above a post',
    examples: ['alice commented on Mar 3, 2021', 'alice commented Jan 5, 2015', 'jsmith 5 hours ago | parent | next [–]', 'Jane Doe @jdoe · 3 days ago', 'level 1 jsmith · 3 yr. ago', 'Posted by u/jsmith 3 years ago', 'Jane Doe — Today at 3:04 PM', '[alice](https://github.com/alice) opened this issue on 7 Jan 2017 · 3 comments', 'jstejada · comment · 2016-01-13', '### Post by agquintero on 2009-11-05', '**Author:** Gavin Andresen', '[–]Tweakers 38 points39 points  (14 children)', '_Marcus Merrell  8:40 PM_', 'Official Review of Submission3520 by Reviewer FqbG', 'Official Comment by Authors', '## Aug 26, 2009 From: shintaro.kakutani@g...', '« Reply #31 on: November 22, 2020, 11:27:16 PM »'],
    fixtures: ['post-headers-copied-page.md', 'post-header-mail-archive-heading.md', 'post-date-line-smf.md'],
    recognises: (line) => matchPostHeader(line) !== null || isPostDateLine(line),
  },
];
