// Re-analysing a draft after an edit without starting over: only the blocks around the edit are parsed
// again; everything before them is reused as it is, everything after them moved by the lines the edit
// added or removed. A region is bounded by blank lines outside quotes, lists, code and HTML, where no
// Markdown block, quote or attribution can continue across.
import { matchForumHeader, matchLinkLine, matchOriginallyPosted } from './attribution';
import { CONTINUES_BLOCK, mayContinue } from './blockBoundaries';
import { isQuoteLine, isResponseLabelText, opensAnswerInQuote } from './parsing/styledComments';
import { addAnswerVotes, isAnswerLetter } from './parsing/letterVotes';
import { isUnmarkedReviewPage } from './parsing/unmarkedReviews';
import { followsReviewerLabel, leadsToResponseLabel } from './parsing/commentGroups';
import { Attribution, assemble, ContinuationWatch, Draft, joinLines, LeadIn, LineInfo, MarkdownBlock, nextGeneration, parseDraft, parseRegion, Quote, Unit } from './parse';
import { firstIndexWhere } from './search';
import { parseSuppressions } from './suppressions';
import { charactersIn, dominantEol, isBlankToMarkdown, LineText, splitLineTexts } from './text';
import { Range } from './types';
import { isElision } from './parsing/attributions';
import { comparableText, holdsKey } from './parsing/continuedQuotes';
import { isDashRule } from './parsing/lines';

/** One change as VS Code reports it: a range of the text before the change, and what replaced it. */
export interface TextChange {
  range: Range;
  text: string;
}

/** More edits than the extension queues before it parses afresh: a kept index further behind rebuilds. */
const MAX_LOGGED_EDITS = 256;

/**
 * A blank line outside quotes, code and HTML after which the text starts afresh: the next non-blank line
 * is neither indented nor a list item (either could continue a list from above).
 */
function isBoundary(lines: readonly LineText[], lineInfo: readonly LineInfo[], i: number): boolean {
  const info = lineInfo[i];
  if (!info.blank || info.depth !== 0 || info.code || info.html || info.frontMatter || !isBlankToMarkdown(lines[i].text)) return false;
  let next = i + 1;
  while (next < lines.length && isBlankToMarkdown(lines[next].text)) next++;
  return next >= lines.length || !CONTINUES_BLOCK.test(lines[next].text);
}

/** The first line of a region holding `line`: just after the `count`-th boundary above it. */
function regionStart(lines: readonly LineText[], lineInfo: readonly LineInfo[], line: number, count: number): number {
  let boundaries = 0;
  for (let i = line - 1; i >= 0; i--) {
    if (!isBoundary(lines, lineInfo, i)) continue;
    // A run of blank lines is one boundary.
    if (i > 0 && isBoundary(lines, lineInfo, i - 1)) continue;
    if (++boundaries === count) return i + 1;
  }
  return 0;
}

function regionEnd(lines: readonly LineText[], lineInfo: readonly LineInfo[], line: number, count: number): number {
  let boundaries = 0;
  for (let i = line + 1; i < lineInfo.length; i++) {
    if (!isBoundary(lines, lineInfo, i)) continue;
    if (i + 1 < lineInfo.length && isBoundary(lines, lineInfo, i + 1)) continue;
    if (++boundaries === count) return i - 1;
  }
  return lineInfo.length - 1;
}

/** The nearest line from `line` (going down with step 1, up with -1) that has text or is quoted; -1 if none. */
function nearestContent(lineInfo: readonly LineInfo[], line: number, step: 1 | -1): number {
  for (let i = line; i >= 0 && i < lineInfo.length; i += step) if (!lineInfo[i].blank || lineInfo[i].depth > 0) return i;
  return -1;
}

/** A line that could attribute a quote just before or after it, at any depth (each form is cheap to spot). */
function mayAttribute(lines: readonly LineText[], lineInfo: readonly LineInfo[], line: number): boolean {
  if (line < 0) return false;
  const text = lines[line].text.slice(lineInfo[line].contentStart, lineInfo[line].contentEnd).trim();
  // (A header field such as "Subject: …" may end an Outlook header that names the quote below it; a mail
  // header may end inside its address, "… Jane <jane@x.org", its '>' starting the quote's "> wrote:". Chinese
  // and Japanese mail ends its attribution with a full-width colon: "Ji You <…> 于2018年8月13日周一 上午10:50写道：".)
  return /[:,：，]$|put\s+it$|<[^<>\s]+@[^<>\s]+$|\s(?:wrote|said)$|^(?:\*\*)?[\p{L}][\p{L} -]{0,20}:\s|^[—―–~]|^--|^\[.*\]$/iu.test(text) || matchLinkLine(text) !== null || matchOriginallyPosted(text) !== null || matchForumHeader(text) !== null;
}

/** A header at the top level over a mail pasted with no `>` (Outlook's, or "On …, X wrote:" over unmarked text): the rest is its original. */
function opensOriginal(attribution: Attribution): boolean {
  return attribution.depth === 0 && (attribution.form === 'outlook' || (attribution.form === 'mail' && attribution.quote?.origin === 'pasted'));
}

const OPENS_IN_QUOTATION_MARKS = /^\s*(?:(?:[-+*]|\d{1,3}[.)])\s+)?["“„«]/;

/** Whether a quote and a possible attribution of it face each other across the boundary just above `line`. */
function facesAcross(lines: readonly LineText[], lineInfo: readonly LineInfo[], line: number, answerLetter: boolean): boolean {
  const above = nearestContent(lineInfo, line - 1, -1);
  const below = nearestContent(lineInfo, line, 1);
  if (above < 0 || below < 0) return false;
  // An elision line ("<snip>") may stand between a header and its quote: on this question it counts as both.
  const elision = (i: number) => isElision(lines[i].text.slice(lineInfo[i].contentStart, lineInfo[i].contentEnd));
  const quoted = (i: number) => lineInfo[i].depth > 0 || elision(i);
  if (elision(above) && quoted(below)) return true;
  // A comment and the drafter's answer to it in a `>` block under it are read together (styledComments.ts).
  if (opensAnswerInQuote(lines[below].text)) return true;
  // So is a `>` block under a response label ("**1. Response:**"), or under any plain comment in a letter
  // that sets its answers in `>`.
  if (isQuoteLine(lines[below].text) && !isQuoteLine(lines[above].text) && (answerLetter || isResponseLabelText(lines[above].text))) return true;
  // And the paragraphs of a reviewer's summary are read with the label above them (commentGroups.ts).
  if (answerLetter && followsReviewerLabel(lines, above)) return true;
  // A comment of several blocks answered under a response label is read whole, from what opens it (commentGroups.ts).
  if (leadsToResponseLabel(lines, below)) return true;
  // A paragraph in quotation marks is read with the paragraph above it (styledComments.ts, isOwnVoiceInQuotes).
  if (OPENS_IN_QUOTATION_MARKS.test(lines[below].text)) return true;
  // A quote box the copy turned into rules of dashes runs over blank lines to its closing rule (lines.ts):
  // its rules and the pasted lines in it are read with what stands across them.
  if (lineInfo[above].pastedQuote || lineInfo[below].pastedQuote || isDashRule(lines[above].text) || isDashRule(lines[below].text)) return true;
  return (quoted(below) && mayAttribute(lines, lineInfo, above)) || (quoted(above) && mayAttribute(lines, lineInfo, below));
}

/** Index of the first item starting on or after `line`, in a list ordered by start line. */
function firstFrom(items: readonly { startLine: number }[], line: number): number {
  return firstIndexWhere(items.length, (index) => items[index].startLine >= line);
}

/** The text after a change, from the previous draft's text (built if it was not yet). */
function joinAround(previous: Draft, first: number, startCharacter: number, inserted: string, last: number, endCharacter: number): string {
  const before = charactersIn(previous.lines, 0, first);
  const end = before + charactersIn(previous.lines, first, last);
  return previous.text.slice(0, before + startCharacter) + inserted + previous.text.slice(end + endCharacter);
}

/** The edited lines' words before and after the edit, as continuedQuotes compares lines. */
function editedTexts(oldLines: readonly LineText[], first: number, last: number, changedText: string): string[] {
  const texts: string[] = [];
  for (let line = first; line <= last; line++) texts.push(comparableText(oldLines[line].text));
  for (const line of changedText.split(/\r\n|\r|\n/)) texts.push(comparableText(line));
  return texts;
}

/** Past this many items, a splice's spread arguments would be a risk to the stack: the tail is moved by hand. */
const SPREAD_LIMIT = 1000;

/**
 * Replaces array[start..start+count) with `items`, in place: a keystroke changes a line or two of arrays
 * as long as the draft, and copying them whole made garbage that outlived a young-generation collection.
 */
export function replaceInPlace<T>(array: T[], start: number, count: number, items: readonly T[]): void {
  if (items.length === count) {
    for (let i = 0; i < count; i++) array[start + i] = items[i];
  } else if (items.length <= SPREAD_LIMIT) {
    array.splice(start, count, ...items);
  } else {
    const tail = array.splice(start + count);
    array.length = start;
    for (const item of items) array.push(item);
    for (const item of tail) array.push(item);
  }
}

/** Makes array[start..start+count) `length` entries long, in place; entries that come in are `fill`. */
function resizeInPlace<T>(array: T[], start: number, count: number, length: number, fill: T): void {
  if (length < count) array.splice(start, count - length);
  else if (length > count) replaceInPlace(array, start + count, 0, new Array<T>(length - count).fill(fill));
}

interface RegionParts {
  quotes: readonly Quote[];
  attributions: readonly Attribution[];
  leadIns: readonly LeadIn[];
  units: readonly Unit[];
}

/** A unit that speakers, folding or the Outline may read: quoted text, headings, rules, attribution lines. */
function significant(unit: Unit): boolean {
  return unit.depth > 0 || unit.kind === 'heading' || unit.kind === 'rule' || unit.kind === 'attribution' || unit.kind === 'code' || unit.kind === 'html';
}

/** Whether two objects' own fields of plain values are equal (objects and arrays among them are left out). */
function samePlainFields(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) {
    const value = x[key];
    if ((value === null || typeof value !== 'object') && value !== y[key]) return false;
  }
  for (const key in y) if (!(key in x)) return false;
  return true;
}

/**
 * Whether a region parsed again holds the same quotes, attributions, lead-ins and significant units as
 * before, on the same lines (the edit changed only the writer's own paragraphs, lists, tables between them).
 * Quotes are compared by their fields and by where their parent, attribution and quote links point among
 * the region's own; units by kind, depth, lines, text and quote.
 */
function sameStructure(before: RegionParts, after: RegionParts): boolean {
  if (before.quotes.length !== after.quotes.length || before.attributions.length !== after.attributions.length || before.leadIns.length !== after.leadIns.length) return false;
  const at = <T>(list: readonly T[], item: T | null) => (item === null ? -1 : list.indexOf(item));
  for (let i = 0; i < before.quotes.length; i++) {
    const a = before.quotes[i];
    const b = after.quotes[i];
    if (a.startLine !== b.startLine || a.endLine !== b.endLine || a.depth !== b.depth || a.origin !== b.origin || a.callout !== b.callout || a.label !== b.label) return false;
    if (at(before.quotes, a.parent) !== at(after.quotes, b.parent) || at(before.attributions, a.attribution) !== at(after.attributions, b.attribution)) return false;
  }
  for (let i = 0; i < before.attributions.length; i++) {
    const a = before.attributions[i];
    const b = after.attributions[i];
    if (!samePlainFields(a, b) || at(before.quotes, a.quote) !== at(after.quotes, b.quote)) return false;
  }
  for (let i = 0; i < before.leadIns.length; i++) if (!samePlainFields(before.leadIns[i], after.leadIns[i])) return false;
  const oldUnits = before.units.filter(significant);
  const newUnits = after.units.filter(significant);
  if (oldUnits.length !== newUnits.length) return false;
  for (let i = 0; i < oldUnits.length; i++) {
    const a = oldUnits[i];
    const b = newUnits[i];
    if (a.kind !== b.kind || a.depth !== b.depth || a.startLine !== b.startLine || a.endLine !== b.endLine || a.joinedToPrevious !== b.joinedToPrevious) return false;
    if (at(before.quotes, a.quote) !== at(after.quotes, b.quote) || a.text !== b.text) return false;
  }
  return true;
}

/**
 * The draft after one change. `previous` must not be used afterwards: its per-line arrays and its lists
 * are changed in place (only the edited stretch of each is replaced), and objects after the edited region
 * are moved rather than copied.
 */
export function updateDraft(previous: Draft, change: TextChange): Draft {
  const oldLines = previous.lines;
  const clamp = (line: number) => Math.min(Math.max(line, 0), oldLines.length - 1);
  const first = change.range.start.line;
  const last = change.range.end.line;
  const startLine = oldLines[clamp(first)];
  const endLine = oldLines[clamp(last)];
  // Only the changed lines are rebuilt: the whole text is never copied on a keystroke.
  const startCharacter = Math.min(Math.max(change.range.start.character, 0), startLine.text.length);
  const endCharacter = Math.min(Math.max(change.range.end.character, 0), endLine.text.length);
  const changedText = startLine.text.slice(0, startCharacter) + change.text + endLine.text.slice(endCharacter) + endLine.eol;
  const removed = charactersIn(oldLines, clamp(first), clamp(last)) + endCharacter - startCharacter;
  const length = previous.length - removed + change.text.length;
  const wholeText = () => joinAround(previous, clamp(first), startCharacter, change.text, clamp(last), endCharacter);

  // The front matter decides speakers and sources for the whole draft, and a `---` first line may gain
  // its closing line anywhere in the first 200; a change past the end is odd.
  const frontMatterReach = previous.frontMatter ? previous.frontMatter.endLine + 1 : oldLines[0].text.trimEnd() === '---' ? 200 : 0;
  if (first <= frontMatterReach || last >= oldLines.length || first > last) return parseDraft(wholeText());
  // Under a top-posted Outlook header (or a mail header over unmarked text) the whole rest of the draft is one
  // quote (parsing/lines.ts): an edit there, or one that may make such a header, is parsed with the whole draft.
  // Such mails are short.
  if (
    previous.attributions.some((attribution) => opensOriginal(attribution) && attribution.startLine <= last) ||
    previous.leadIns.some((leadIn) => leadIn.outlookHeader && leadIn.line <= last)
  ) {
    return parseDraft(wholeText());
  }

  // The changed lines, re-split: the edit may add or remove line breaks.
  const changedLines: LineText[] = splitLineTexts(changedText);
  if (endLine.eol !== '') changedLines.pop(); // the empty piece after the last line break belongs to the next line
  const delta = changedLines.length - (last - first + 1);

  // One block of margin on each side; more while a quote and a line that may attribute it face each other
  // across a region's edge ("Bob wrote:" above, "_Originally posted by …_" or a link below): both must be
  // parsed together. (A quote's lazy continuation lines count: quote depth is read, not the text.)
  // Whether the draft sets its answers in `>` (parsing/styledComments.ts): the region is read as before, and
  // an edit that changes it is read with the whole draft.
  const answerVotes = { ...previous.parts.answerVotes };
  const answerLetter = isAnswerLetter(answerVotes);
  // A page whose reviewers' comments lost their marks is read in sections that run far: parsed whole.
  if (isUnmarkedReviewPage(answerVotes)) return parseDraft(wholeText());
  let start = regionStart(oldLines, previous.lineInfo, first, 2);
  // A quote box whose continuation (parsing/continuedQuotes.ts) read the edited lines: the box is parsed
  // again with them; one whose earlier copy they are, or may become, is read with the whole draft.
  const continuations = previous.parts.continuations;
  if (continuations.length > 0) {
    let keys: string[] | null = null;
    for (const watch of continuations) {
      if (watch.boxStart <= last && watch.examinedTo >= first) start = Math.min(start, regionStart(oldLines, previous.lineInfo, watch.boxStart, 1));
      if (watch.boxStart <= last) continue;
      if (watch.sourceFrom >= 0 && watch.sourceFrom <= last && watch.sourceTo >= first) return parseDraft(wholeText());
      keys ??= editedTexts(oldLines, first, last, changedText);
      if (keys.some((text) => holdsKey(text, watch.key))) return parseDraft(wholeText());
    }
  }
  while (start > 0 && facesAcross(oldLines, previous.lineInfo, start, answerLetter)) start = regionStart(oldLines, previous.lineInfo, start - 1, 1);
  let oldRegionEnd = regionEnd(oldLines, previous.lineInfo, last, 2);
  while (oldRegionEnd < oldLines.length - 1 && facesAcross(oldLines, previous.lineInfo, oldRegionEnd + 1, answerLetter)) {
    oldRegionEnd = regionEnd(oldLines, previous.lineInfo, oldRegionEnd + 1, 1);
  }
  // A fence read as a post has blank lines inside that look like boundaries: it is parsed whole.
  const blocks = previous.parts.blocks;
  const postAround = (line: number) => {
    const block = blocks[firstFrom(blocks, line + 1) - 1];
    return (block?.fencedPost || block?.indentedThread) && block.endLine >= line ? block : null;
  };
  const postAtStart = postAround(start);
  if (postAtStart && postAtStart.startLine < start) start = regionStart(oldLines, previous.lineInfo, postAtStart.startLine, 1);
  const postAtEnd = postAround(oldRegionEnd);
  if (postAtEnd && postAtEnd.endLine > oldRegionEnd) oldRegionEnd = regionEnd(oldLines, previous.lineInfo, postAtEnd.endLine, 1);
  const end = oldRegionEnd + delta;
  const touchesSuppressions = (from: number, to: number, within: readonly LineText[]) => {
    for (let line = from; line <= to; line++) if (within[line].text.includes('riposte-')) return true;
    return false;
  };
  // Read before the old lines are replaced: whether the old region held a suppression directive.
  const suppressionsMoved = delta !== 0 || touchesSuppressions(start, oldRegionEnd, oldLines);
  // And which of its lines were blank: a line that turns blank, or stops being blank, may end or join quotes.
  const wasBlank = delta === 0 ? previous.lineInfo.slice(start, oldRegionEnd + 1).map((info) => info.blank) : null;

  // From here on the previous draft's arrays become the new draft's: the edited lines are replaced, and the
  // region's line information and quotes are made again by parseRegion. A fallback to a full parse below
  // reads the new lines.
  // The votes of the region's blocks and of the one after it (its vote reads the block above) are taken back.
  const oldBlocksFrom = firstFrom(blocks, start);
  const oldBlocksTo = firstFrom(blocks, oldRegionEnd + 1);
  addAnswerVotes(answerVotes, oldLines, blocks, oldBlocksFrom, oldBlocksTo + 1, -1);
  const lines = oldLines as LineText[];
  replaceInPlace(lines, first, last - first + 1, changedLines);
  const lineInfo = previous.lineInfo as LineInfo[];
  resizeInPlace(lineInfo, start, oldRegionEnd - start + 1, end - start + 1, lineInfo[start]);
  const quoteOfLine = previous.parts.quoteOfLine;
  resizeInPlace(quoteOfLine, start, oldRegionEnd - start + 1, end - start + 1, null);
  for (let line = start; line <= end; line++) quoteOfLine[line] = null;
  const reparse = () => parseDraft(joinLines(lines));
  const region = parseRegion(lines, previous.frontMatter, lineInfo, quoteOfLine, start, end, undefined, answerLetter);
  if (region.attributions.some(opensOriginal) || region.leadIns.some((leadIn) => leadIn.outlookHeader)) return reparse();

  // A region that ends inside an open fence, HTML block or [quote] did not end at a real boundary (a
  // block that merely ends on the region's last text line is taken for one that may not have closed).
  let lastText = end;
  while (lastText > start && isBlankToMarkdown(lines[lastText].text)) lastText--;
  const reachesEnd = region.blocks.some((block) => block.endLine >= lastText && mayContinue(block, lines));
  // The edit itself may have put a quote, or an attribution, at the region's edge facing the other kind.
  const quoteAtEdge = (start > 0 && facesAcross(lines, lineInfo, start, answerLetter)) || (end < lines.length - 1 && facesAcross(lines, lineInfo, end + 1, answerLetter));
  if (region.openBbcode > 0 || region.continuationOverrun || quoteAtEdge || (end < lines.length - 1 && reachesEnd)) return reparse();
  // The votes of the new blocks, read with the block above the region and the one after it, moved.
  const after = blocks[oldBlocksTo];
  const window: MarkdownBlock[] = oldBlocksFrom > 0 ? [blocks[oldBlocksFrom - 1]] : [];
  for (const block of region.blocks) window.push(block);
  if (after) window.push({ ...after, startLine: after.startLine + delta, endLine: after.endLine + delta });
  addAnswerVotes(answerVotes, lines, window, oldBlocksFrom > 0 ? 1 : 0, window.length, 1);
  if (isAnswerLetter(answerVotes) !== answerLetter || isUnmarkedReviewPage(answerVotes)) return reparse();

  // Every list is in document order: the region's items are found by bisection (before anything moves) and
  // replaced in place; the items after it move by the lines the edit added or removed.
  const span = <T extends { startLine: number }>(items: readonly T[]) => {
    const from = firstFrom(items, start);
    return { from, count: firstFrom(items, oldRegionEnd + 1) - from };
  };
  const units = previous.units as Unit[];
  const quotes = previous.quotes as Quote[];
  const attributions = previous.attributions as Attribution[];
  const unitSpan = span(units);
  const quoteSpan = span(quotes);
  const attributionSpan = span(attributions);
  const blockSpan = span(blocks);
  const removedUnits = units.slice(unitSpan.from, unitSpan.from + unitSpan.count);
  const leadInsAfter = previous.leadIns.filter((leadIn) => leadIn.line > oldRegionEnd);
  const leadInsBefore = previous.leadIns.filter((leadIn) => leadIn.line < start);
  // The region is parsed again with its margins, which usually hold quotes: whether they came back the same.
  const oldQuotes = quotes.slice(quoteSpan.from, quoteSpan.from + quoteSpan.count);
  const structural = !sameStructure(
    { quotes: oldQuotes, attributions: attributions.slice(attributionSpan.from, attributionSpan.from + attributionSpan.count), leadIns: previous.leadIns.filter((leadIn) => leadIn.line >= start && leadIn.line <= oldRegionEnd), units: removedUnits },
    { quotes: region.quotes, attributions: region.attributions, leadIns: region.leadIns, units: region.units },
  );
  let blankChanged = wasBlank === null;
  for (let line = start; !blankChanged && line <= end; line++) blankChanged = wasBlank![line - start] !== lineInfo[line].blank;
  // Who speaks is read from quotes, attributions, lead-ins, blank lines, quoted text, headings and rules
  // between quotes, and the text of a few stretches outside quotes (resolveSpeakers' watch): an edit of
  // none of those keeps every quote's speaker, and the whole draft is not read again for them.
  const speakersKept = !structural && !blankChanged && !previous.parts.speakerWatch.some((watched) => watched.start <= oldRegionEnd && watched.end >= start);
  if (speakersKept) {
    // The region's quotes are new objects, the same quotes as before: they take their speakers over.
    for (let i = 0; i < oldQuotes.length; i++) {
      region.quotes[i].speaker = oldQuotes[i].speaker;
      region.quotes[i].inferred = oldQuotes[i].inferred;
    }
  }
  const generation = nextGeneration();
  const log = previous.parts.carry.log;
  log.push({ from: previous.parts.generation, to: generation, removed: removedUnits, added: region.units, start, oldEnd: oldRegionEnd, end, structural, blankChanged, speakersKept });
  if (log.length > MAX_LOGGED_EDITS) log.splice(0, log.length - MAX_LOGGED_EDITS);
  if (delta !== 0) {
    for (let i = unitSpan.from + unitSpan.count; i < units.length; i++) units[i].moveBy(delta);
    const move = (items: readonly { startLine: number; endLine: number }[], from: number) => {
      for (let i = from; i < items.length; i++) {
        items[i].startLine += delta;
        items[i].endLine += delta;
      }
    };
    move(quotes, quoteSpan.from + quoteSpan.count);
    move(attributions, attributionSpan.from + attributionSpan.count);
    move(blocks, blockSpan.from + blockSpan.count);
    for (const leadIn of leadInsAfter) leadIn.line += delta;
  }
  replaceInPlace(units, unitSpan.from, unitSpan.count, region.units);
  replaceInPlace(quotes, quoteSpan.from, quoteSpan.count, region.quotes);
  replaceInPlace(attributions, attributionSpan.from, attributionSpan.count, region.attributions.sort((a, b) => a.startLine - b.startLine));
  replaceInPlace(blocks, blockSpan.from, blockSpan.count, region.blocks);

  // The lines of attributions: with no line added or removed only the region's change; else every later key moves.
  let attributionOfLine = previous.parts.attributionOfLine;
  if (delta === 0) {
    for (let line = start; line <= oldRegionEnd; line++) attributionOfLine.delete(line);
  } else {
    const moved = new Map<number, Attribution>();
    for (const [line, attribution] of attributionOfLine) {
      if (line < start) moved.set(line, attribution);
      else if (line > oldRegionEnd) moved.set(line + delta, attribution);
    }
    attributionOfLine = moved;
  }
  for (const [line, attribution] of region.attributionOfLine) attributionOfLine.set(line, attribution);

  // The continuations read before and after the region are kept, moved as the lines they read moved.
  const moveLine = (line: number) => (line > last ? line + delta : line);
  const keptContinuations: ContinuationWatch[] = [];
  for (const watch of previous.parts.continuations) {
    if (watch.boxStart >= start && watch.boxStart <= oldRegionEnd) continue;
    if (watch.boxStart > oldRegionEnd) keptContinuations.push(...region.continuations.splice(0));
    keptContinuations.push({ boxStart: moveLine(watch.boxStart), examinedTo: moveLine(watch.examinedTo), sourceFrom: moveLine(watch.sourceFrom), sourceTo: moveLine(watch.sourceTo), key: watch.key });
  }
  keptContinuations.push(...region.continuations);

  const suppressions = !suppressionsMoved && !touchesSuppressions(start, end, lines) ? previous.suppressions : parseSuppressions(lines, (line) => lineInfo[line].code);
  const eol = change.text.includes('\r') || changedLines.some((line) => line.eol === '\r\n' || line.eol === '\r') ? dominantEol(lines) : previous.eol;

  const sameUnitCount = region.units.length === unitSpan.count;
  const sameQuoteCount = region.quotes.length === quoteSpan.count;
  return assemble(
    { length },
    lines,
    previous.frontMatter,
    lineInfo,
    { blocks, quoteOfLine, attributionOfLine, carry: previous.parts.carry, generation, speakerWatch: previous.parts.speakerWatch, continuations: keptContinuations, answerVotes },
    units,
    quotes,
    attributions,
    leadInsBefore.concat(region.leadIns, leadInsAfter),
    eol,
    suppressions,
    {
      unitsFrom: unitSpan.from,
      unitsTo: sameUnitCount ? unitSpan.from + region.units.length : units.length,
      quotesFrom: quoteSpan.from,
      quotesTo: sameQuoteCount ? quoteSpan.from + region.quotes.length : quotes.length,
      speakers: speakersKept ? previous.speakers : undefined,
    },
  );
}
