// The parse as a pipeline, the way markdown-it keeps its rule table: each step is a module of parsing/,
// run over a region of lines (the whole draft, or the part an edit touched: see incremental.ts).
//   1. blocks        markdown-it's leaf blocks and their line ranges        parsing/blocks.ts
//   2. lines         quote depth and flags of each line                     parsing/lines.ts
//   3. quotes        the quote tree, alerts and callouts                    parsing/quotes.ts
//   4. attributions  attribution forms placed, the quotes they name         parsing/attributions.ts
//   5. units         paragraphs as the drafter meant them                   parsing/units.ts
// then `assemble` resolves speakers over the whole draft (speakers.ts) and reads suppressions.
import { FrontMatter, parseFrontMatter } from './frontMatter';
import { Attribution, ContinuationWatch, Draft, DraftParts, LeadIn, LineInfo, LineSpan, MarkdownBlock, Quote, Speaker, Unit } from './model';
import { findAttributions } from './parsing/attributions';
import { markdownBlocks } from './parsing/blocks';
import { scanLines } from './parsing/lines';
import { addAnswerVotes, AnswerVotes, isAnswerLetter, noVotes } from './parsing/letterVotes';
import { isUnmarkedReviewPage } from './parsing/unmarkedReviews';
import { buildQuotes, markCallouts } from './parsing/quotes';
import { continueQuotes } from './parsing/continuedQuotes';
import { buildUnits } from './parsing/units';
import { resolveSpeakers } from './speakers';
import { NO_SUPPRESSIONS, parseSuppressions, Suppressions } from './suppressions';
import { dominantEol, LineText, splitLineTexts } from './text';

// The model's types live in model.ts; they are re-exported here for the modules that read a draft as
// the parser gives it.
export type { Attribution, BbcodeOpen, ContinuationWatch, Draft, DraftCarry, DraftParts, LeadIn, LineInfo, LineSegment, LineSpan, MarkdownBlock, Quote, Speaker, UnitChange, UnitKind } from './model';
export { Unit, UnitMemo } from './model';

export { markdownBlocks } from './parsing/blocks';

let generations = 0;

export function nextGeneration(): number {
  return ++generations;
}

export function parseDraft(text: string): Draft {
  const lines = splitLineTexts(text);
  const frontMatter = parseFrontMatter(lines);
  const last = lines.length - 1;
  const lineInfo: LineInfo[] = new Array(lines.length);
  const quoteOfLine: (Quote | null)[] = new Array(lines.length).fill(null);
  // What markdown-it reads is the lines joined with '\n': with no other line breaks, the text itself.
  const onlyLineFeeds = !text.includes('\r');
  const source = onlyLineFeeds ? text : undefined;
  const region = parseRegion(lines, frontMatter, lineInfo, quoteOfLine, 0, last, source);
  return assemble(text, lines, frontMatter, lineInfo, { blocks: region.blocks, quoteOfLine, attributionOfLine: region.attributionOfLine, carry: { log: [] }, generation: nextGeneration(), speakerWatch: [], continuations: region.continuations, answerVotes: region.answerVotes }, region.units, region.quotes, region.attributions, region.leadIns, onlyLineFeeds ? '\n' : dominantEol(lines), null);
}

export interface Region {
  blocks: MarkdownBlock[];
  units: Unit[];
  quotes: Quote[];
  attributions: Attribution[];
  leadIns: LeadIn[];
  attributionOfLine: Map<number, Attribution>;
  /** `[quote]` tags left open at the end of the region: its end was not a real boundary. */
  openBbcode: number;
  /** What the quote boxes' continuations read beyond their lines (parsing/continuedQuotes.ts). */
  continuations: ContinuationWatch[];
  /** A quote box's continuation ran past the region's end: the region cannot be parsed alone. */
  continuationOverrun: boolean;
  /** The votes of the whole draft's blocks on whether it sets its answers in `>`: a full parse only. */
  answerVotes: AnswerVotes;
}

/**
 * Parses lines first..last, which start and end at block boundaries outside any quote. `source`, when
 * given, is what markdown-it is to read: those lines joined with '\n', front matter blanked.
 */
export function parseRegion(
  lines: readonly LineText[],
  frontMatter: FrontMatter | null,
  lineInfo: LineInfo[],
  quoteOfLine: (Quote | null)[],
  first: number,
  last: number,
  source?: string,
  answerLetter?: boolean,
): Region {
  const blocks = markdownBlocks(lines, frontMatter, first, last, source);
  // Whether the draft sets its answers in `>` (styledComments.ts) is decided once for the whole draft: an
  // update passes the decision it had, and checks afterwards that its edit did not change it.
  const answerVotes: AnswerVotes = noVotes();
  if (answerLetter === undefined) addAnswerVotes(answerVotes, lines, blocks, 0, blocks.length, 1);
  // A page whose reviews lost their marks is read whole (an update parses it afresh): sections run far.
  const unmarkedReviews = answerLetter === undefined && isUnmarkedReviewPage(answerVotes);
  const openBbcode = scanLines(lines, blocks, frontMatter, lineInfo, first, last, answerLetter ?? isAnswerLetter(answerVotes), unmarkedReviews);
  const continued = continueQuotes(lines, lineInfo, first, last);
  const quotes = buildQuotes(lineInfo, quoteOfLine, first, last);
  markCallouts(lines, lineInfo, quotes);
  const { attributions, leadIns, attributionOfLine } = findAttributions(lines, lineInfo, quotes, quoteOfLine, first, last);
  const postHeaderLines = new Set(leadIns.filter((leadIn) => leadIn.post).map((leadIn) => leadIn.line));
  const units = buildUnits(lines, lineInfo, blocks, quoteOfLine, attributionOfLine, postHeaderLines);
  return { blocks, units, quotes, attributions, leadIns, attributionOfLine, openBbcode, continuations: continued.watch, continuationOverrun: continued.overrun, answerVotes };
}

/** What an update keeps of the previous version instead of working it out again over the whole draft. */
export interface Kept {
  /** Only units unitsFrom..unitsTo-1 are numbered again: the others kept their places. */
  unitsFrom: number;
  unitsTo: number;
  /** The same for quotes. */
  quotesFrom: number;
  quotesTo: number;
  /** The speakers: an edit that could change no quote's speaker (updateDraft decides) keeps them all. */
  speakers?: readonly Speaker[];
}

export function assemble(
  text: string | { length: number },
  lines: readonly LineText[],
  frontMatter: FrontMatter | null,
  lineInfo: LineInfo[],
  parts: DraftParts,
  units: Unit[],
  quotes: Quote[],
  attributions: Attribution[],
  leadIns: LeadIn[],
  eol: string,
  reuseSuppressions: Suppressions | null,
  kept?: Kept,
): Draft {
  // An update passes what it kept: it put the region's attributions, sorted, among the others in order.
  for (let index = kept?.unitsFrom ?? 0, end = kept?.unitsTo ?? units.length; index < end; index++) units[index].index = index;
  if (!kept) attributions.sort((a, b) => a.startLine - b.startLine);
  for (let index = kept?.quotesFrom ?? 0, end = kept?.quotesTo ?? quotes.length; index < end; index++) quotes[index].index = index;
  // A whole text without the directives' prefix (most drafts) needs no look at each line.
  const mayHaveDirectives = typeof text !== 'string' || text.includes('riposte-');
  const suppressions = reuseSuppressions ?? (mayHaveDirectives ? parseSuppressions(lines, (line) => lineInfo[line].code) : NO_SUPPRESSIONS);
  let speakers = kept?.speakers;
  if (!speakers) {
    for (let index = 0; index < quotes.length; index++) {
      quotes[index].speaker = null;
      quotes[index].inferred = false;
    }
    const watch: LineSpan[] = [];
    speakers = resolveSpeakers(quotes, frontMatter, (line) => lineInfo[line].blank && lineInfo[line].depth === 0, leadIns, units, watch);
    parts.speakerWatch = watch;
  }
  let joined = typeof text === 'string' ? text : undefined;
  return {
    get text() {
      joined ??= joinLines(lines);
      return joined;
    },
    length: text.length,
    lines,
    lineInfo,
    eol,
    frontMatter,
    units,
    quotes,
    attributions,
    leadIns,
    speakers,
    suppressions,
    quoteOfLine: (line) => parts.quoteOfLine[line] ?? null,
    parts,
  };
}

/** The text of the lines, line breaks included. */
export function joinLines(lines: readonly LineText[]): string {
  const parts: string[] = new Array(lines.length * 2);
  for (let i = 0; i < lines.length; i++) {
    parts[2 * i] = lines[i].text;
    parts[2 * i + 1] = lines[i].eol;
  }
  return parts.join('');
}
