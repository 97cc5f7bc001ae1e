import { editsSince, unitChangesSince, wordsOnlyEdited } from './unitChanges';
import { IntMap } from './intMap';
import { Draft, Unit, UnitChange } from './parse';
import { enclosingQuoteAt, UnitMemo } from './model';
import { firstIndexWhere, positionInDocument } from './search';
import { speakerKey } from './speakers';
import { isResponseLabelText } from './parsing/styledComments';

/** A run of paragraphs that repeats an earlier run (paragraphs may be missing from either copy). */
export interface RepeatedBlock {
  /** Every unit from the first to the last repeated paragraph of the later copy, in order. */
  later: Unit[];
  /** Each repeated paragraph of the later copy, with its twin in the earlier copy. */
  pairs: Array<{ later: Unit; earlier: Unit }>;
  earlierStart: Unit;
  earlierEnd: Unit;
}

export interface DuplicateIndexOptions {
  /** How many paragraphs either copy may lack between two repeated ones. */
  maxGap: number;
  minParagraphs: number;
  /** Total normalised characters a block must repeat, so two "Thanks!" lines are not a block. */
  minCharacters: number;
  /** How long a repeated paragraph must be to count towards minParagraphs ("Thanks!" does not). */
  substantialCharacters: number;
}

export const DEFAULT_DUPLICATE_INDEX_OPTIONS: DuplicateIndexOptions = { maxGap: 2, minParagraphs: 2, minCharacters: 80, substantialCharacters: 30 };

export interface DuplicateIndex {
  /** Paragraphs that occur more than once (same normalised text, same quote depth), each group in document order. */
  repeated: readonly (readonly Unit[])[];
  blocks: readonly RepeatedBlock[];
  /** Units inside the later copy of a repeated block: one finding covers them all. */
  inLaterCopy: ReadonlySet<Unit>;
}

/**
 * Whether a heading stands between two units. Documentation repeats a sentence under each entry it
 * describes ("Returns a boolean."); outside a debate draft, only repeats within one section are reported.
 */
export function headingBetween(draft: Draft, earlier: Unit, later: Unit): boolean {
  for (let index = earlier.index + 1; index < later.index; index++) if (draft.units[index].kind === 'heading') return true;
  return false;
}

/** The longest a stock answer runs ("We made the suggested corrections."): a longer repeat is a paste. */
const STOCK_ANSWER_MAX_WORDS = 25;

/**
 * Whether short repeated paragraphs are a stock answer: each copy opens a turn of its own, right under a
 * quoted passage, a label or a heading at another level ("This has been edited as suggested." under each of
 * a reviewer's points). A reply repeats such answers by design; a paste repeats a paragraph anywhere.
 */
export function isStockAnswer(draft: Draft, copies: readonly Unit[]): boolean {
  return copies.every((copy) => copy.wordCount <= STOCK_ANSWER_MAX_WORDS && opensTurn(draft, copy));
}

function opensTurn(draft: Draft, unit: Unit): boolean {
  const previous = draft.units[unit.index - 1];
  if (previous === undefined) return false;
  if (previous.depth !== unit.depth || previous.kind === 'heading') return true;
  // Under a response label of its own: "**7. Response:**" / "We made the suggested corrections."
  return previous.startLine === previous.endLine && isResponseLabelText(draft.lines[previous.startLine].text);
}

/** The author of the copied page's post holding a line: the last post header on or above it (null if none). */
export function postAuthorAt(draft: Draft, line: number): string | null {
  const leadIns = draft.leadIns;
  let at = firstIndexWhere(leadIns.length, (index) => leadIns[index].line > line) - 1;
  while (at >= 0 && !leadIns[at].post) at--;
  return at >= 0 ? (leadIns[at].names ?? null) : null;
}

/** Who wrote a unit, as the thread tells: the speaker of the quote it stands in, or the author of its post. */
export function writerOf(draft: Draft, unit: Unit): string | null {
  if (unit.depth === 0) return postAuthorAt(draft, unit.startLine);
  return unit.quote ? enclosingQuoteAt(unit.quote, unit.depth).speaker : null;
}

/**
 * Whether the later copy is one person quoting another without quote marks: it stands in someone's post
 * (a copied page's post headers tell) and repeats what another person wrote.
 */
export function quotesAnotherWriter(draft: Draft, later: Unit, earlier: Unit): boolean {
  if (later.depth !== 0) return false;
  const quoted = writerOf(draft, earlier);
  const writer = quoted === null ? null : postAuthorAt(draft, later.startLine);
  return quoted !== null && writer !== null && speakerKey(quoted) !== speakerKey(writer);
}

/**
 * Whether the later copy goes on from a quote whose marks the copy lost past its first lines ("> **X said:**"
 * / "> X's first line" / X's next paragraphs unmarked): the rest of that quote, not a second paste. The
 * thread tells so when the quote is of the earlier copy's writer, when the box held nothing but its header
 * ("> Reply from X ↑…" / ">" / X's words unmarked) and nobody else is known to have written the earlier copy,
 * or when the quote's last paragraph repeats the paragraph the earlier copy follows (the quote and the copy
 * together repeat one run of the earlier post).
 */
export function continuesQuoteOfWriter(draft: Draft, later: Unit, earlier: Unit): boolean {
  const previous = draft.units[later.index - 1];
  if (!previous || previous.depth <= later.depth || !previous.quote) return false;
  const quote = enclosingQuoteAt(previous.quote, later.depth + 1);
  const quoted = writerOf(draft, earlier);
  if (quote.speaker && quoted !== null && speakerKey(quote.speaker) === speakerKey(quoted)) return true;
  if (previous.kind === 'attribution') return quoted === null || !quote.speaker;
  const before = comparableBefore(draft, earlier);
  return before !== null && before.depth === earlier.depth && isComparable(previous) && previous.sameNormalized(before);
}

/** The nearest comparable paragraph before the unit, within a few units (null if none). */
function comparableBefore(draft: Draft, unit: Unit): Unit | null {
  for (let index = unit.index - 1; index >= Math.max(0, unit.index - 3); index--) if (isComparable(draft.units[index])) return draft.units[index];
  return null;
}

/**
 * Whether both copies are quoted words in two posts of a copied thread (a post header, or a heading that
 * names nobody such as "## Post #13", stands between them): each post quotes the same words, as replies
 * to one message do; nobody pasted them twice. (A heading naming someone, "## Reviewer 2", opens a
 * section of the drafter's own reply: the same quote under two of them may be a paste.)
 */
export function quotedInAnotherPost(draft: Draft, later: Unit, earlier: Unit): boolean {
  return later.depth > 0 && earlier.depth > 0 && postBoundaryBetween(draft, earlier.endLine, later.startLine);
}

/** Whether a post header, or a heading that names nobody, stands on a line after `from` and before `to`. */
function postBoundaryBetween(draft: Draft, from: number, to: number): boolean {
  const leadIns = draft.leadIns;
  for (let at = firstIndexWhere(leadIns.length, (index) => leadIns[index].line > from); at < leadIns.length && leadIns[at].line < to; at++) {
    if (leadIns[at].post || (leadIns[at].heading && !leadIns[at].names)) return true;
  }
  return false;
}

// A form's field: a capitalised label of a few words and its colon ("Confidence: 4 = …", "Limitations And Societal Impact:").
export const FORM_FIELD = /^\s*\p{Lu}[\p{L}\p{N}'’()/-]*(?:\s+[\p{L}\p{N}'’()/-]+){0,4}\s*:(?:\s|$)/u;

/** Whether the unit's first line opens on a form's field (asked of every repeated paragraph on every lint). */
const OPENS_ON_FORM_FIELD = new UnitMemo((unit) => FORM_FIELD.test(unit.segmentText(0)));

/**
 * Whether the copies are a form's field filled in alike in two people's posts of a copied page (a review
 * form's "Confidence: 4 = Quite sure. …" or "Ethical Concerns: There are no concerns …" under each review):
 * the form's text, which nobody repeated.
 */
export function formFieldOfTwoWriters(draft: Draft, later: Unit, earlier: Unit): boolean {
  if (!later.memo(OPENS_ON_FORM_FIELD) || !earlier.memo(OPENS_ON_FORM_FIELD)) return false;
  const writer = writerOf(draft, later);
  const other = writer === null ? null : writerOf(draft, earlier);
  return other !== null && speakerKey(writer!) !== speakerKey(other);
}

/**
 * Whether the later copy is the thread's own repeat rather than the drafter's: the rest of a quote of the
 * earlier copy's words, the same words quoted in two posts, a form's field in two people's posts, or the
 * lines a copied page prints over each post's header.
 */
export function repeatedByThread(draft: Draft, later: Unit, earlier: Unit): boolean {
  return (
    continuesQuoteOfWriter(draft, later, earlier) ||
    quotedInAnotherPost(draft, later, earlier) ||
    formFieldOfTwoWriters(draft, later, earlier) ||
    (headsPost(draft, later) && headsPost(draft, earlier)) ||
    (signsOffMessage(draft, later) && signsOffMessage(draft, earlier))
  );
}

/** How many blocks of short lines a sign-off may hold ("| |" / name / address, then the client's "Signature is …" line). */
const MAX_SIGN_OFF_UNITS = 3;

/**
 * Whether the unit is a signature closing a message: its lines are short, and under it (past at most two more
 * such blocks) the quoted message's mail header or the next post's header follows. A writer's
 * signature repeats under each of their mails, and the mails each reply quotes bring theirs along: no paste.
 */
export function signsOffMessage(draft: Draft, unit: Unit): boolean {
  // (It follows the writer's text: right under a post's header it is that text, however short.)
  const previous = draft.units[unit.index - 1];
  if (!previous || previous.kind === 'attribution' || previous.depth !== unit.depth) return false;
  // (The header under it first: most repeats stand nowhere near one, and are settled without reading their lines.)
  for (let k = unit.index; k < unit.index + MAX_SIGN_OFF_UNITS && k + 1 < draft.units.length; k++) {
    if (draft.units[k].depth !== unit.depth) return false;
    if (!opensMessage(draft, draft.units[k + 1].startLine)) continue;
    for (let block = unit.index; block <= k; block++) if (!hasShortLinesOnly(draft.units[block])) return false;
    return true;
  }
  return false;
}

function hasShortLinesOnly(unit: Unit): boolean {
  for (let segment = 0; segment < unit.segmentCount; segment++) if (unit.segmentText(segment).trim().split(/\s+/).length >= WRITTEN_LINE_WORDS) return false;
  return true;
}

/** Whether a mail header or a post's header stands on the line (an attribution of a quote, or a lead-in to unmarked text). */
function opensMessage(draft: Draft, line: number): boolean {
  const leadIns = draft.leadIns;
  const at = firstIndexWhere(leadIns.length, (index) => leadIns[index].line >= line);
  if (at < leadIns.length && leadIns[at].line === line && (leadIns[at].post || leadIns[at].namesSomeone)) return true;
  const attribution = draft.parts.attributionOfLine.get(line);
  return attribution !== undefined && attribution.startLine === line && (attribution.form === 'mail' || attribution.form === 'outlook');
}

/**
 * Whether the unit stands glued over a post's header line, no blank line between: the lines a copied page
 * prints there, such as the poster's profile and the post's subject over SMF's "« Reply #3 on: … »". (A post's
 * own last paragraph leaves a blank line before the next post's header.)
 */
export function headsPost(draft: Draft, unit: Unit): boolean {
  const leadIns = draft.leadIns;
  if (leadIns.length === 0) return false;
  const at = firstIndexWhere(leadIns.length, (index) => leadIns[index].line > unit.endLine);
  return at < leadIns.length && leadIns[at].line === unit.endLine + 1 && leadIns[at].post === true;
}

/** Whether the unit opens a post of a copied page: the unit right above it holds the post's header. */
export function opensPost(draft: Draft, unit: Unit): boolean {
  const previous = draft.units[unit.index - 1];
  if (!previous) return false;
  const leadIns = draft.leadIns;
  const at = firstIndexWhere(leadIns.length, (index) => leadIns[index].line > previous.endLine) - 1;
  return at >= 0 && leadIns[at].post === true && leadIns[at].line >= previous.startLine;
}

/** Lines that repeat word for word this long are someone's writing, even in a unit that also holds a page's header lines. */
const WRITTEN_LINE_WORDS = 8;

/**
 * Whether two near copies are the header lines a copied page prints under each post (dates, names,
 * readers): both open a post, every word that changed holds a digit or is a word of a post's author, and
 * no line of writing repeats word for word (a post pasted again under the page's header lines does).
 */
export function isPostHeaderChrome(draft: Draft, later: Unit, earlier: Unit, removed: readonly string[], added: readonly string[]): boolean {
  if (!opensPost(draft, later) || !opensPost(draft, earlier)) return false;
  const earlierLines = new Set(earlier.segments.map((segment) => segment.text.trim()));
  for (const segment of later.segments) {
    const line = segment.text.trim();
    if (earlierLines.has(line) && line.split(/\s+/).length >= WRITTEN_LINE_WORDS && !FORM_FIELD.test(line)) return false;
  }
  const names = new Set<string>();
  for (const leadIn of draft.leadIns) if (leadIn.post && leadIn.names) for (const word of leadIn.names.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word) names.add(word);
  const metadata = (word: string) => /\p{N}/u.test(word) || names.has(word);
  return removed.every(metadata) && added.every(metadata);
}

export function isComparable(unit: Unit): boolean {
  return unit.isParagraph && unit.normalizedLength > 0;
}

/** Candidates for the earlier twin: only the few most recent copies are tried, which keeps this linear. */
const MAX_START_CANDIDATES = 8;

/** Past this many changed units, regrouping every paragraph is as quick as replaying the edits. */
const MAX_REPLAYED_UNITS = 2000;

/**
 * Comparable units grouped by normalised text, kept for a draft's lineage (in its LineageCache) and
 * brought up to date by its edit log. Groups are found by the text's hash (units keep the hash, not the
 * text); the texts are compared only when a unit joins a group, and the rare text whose hash collides
 * with another's is grouped by the text itself.
 */
export interface TextGroups {
  generation: number;
  /** Most texts occur once: a unit alone, an array (in document order) once a copy joins it. */
  byHash: IntMap<Unit | Unit[]>;
  byCollidedText: Map<string, Unit[]>;
  /** The groups holding more than one unit. */
  repeated: Set<Unit[]>;
  /** Counts the changes to the groups holding more than one unit: the same count, the same repeats. */
  repeatsChanged: number;
}

function addToGroup(groups: TextGroups, unit: Unit): void {
  const found = groups.byHash.get(unit.normalizedHash);
  if (found === undefined) {
    const collided = groups.byCollidedText.size > 0 ? groups.byCollidedText.get(unit.normalized) : undefined;
    if (collided) insertInOrder(groups, collided, unit);
    else groups.byHash.set(unit.normalizedHash, unit);
  } else if (Array.isArray(found) ? found[0].sameNormalized(unit) : found.sameNormalized(unit)) {
    if (Array.isArray(found)) insertInOrder(groups, found, unit);
    else {
      const group = unit.index < found.index ? [unit, found] : [found, unit];
      groups.byHash.set(unit.normalizedHash, group);
      groups.repeated.add(group);
      groups.repeatsChanged++;
    }
  } else {
    const text = unit.normalized;
    const collided = groups.byCollidedText.get(text);
    if (collided) insertInOrder(groups, collided, unit);
    else groups.byCollidedText.set(text, [unit]);
  }
}

function insertInOrder(groups: TextGroups, group: Unit[], unit: Unit): void {
  group.splice(positionInDocument(group, unit.index), 0, unit);
  groups.repeated.add(group);
  if (group.length > 1) groups.repeatsChanged++;
}

function removeFromGroup(groups: TextGroups, unit: Unit): void {
  const found = groups.byHash.get(unit.normalizedHash);
  if (found === unit) {
    groups.byHash.delete(unit.normalizedHash);
    return;
  }
  if (Array.isArray(found) && found.includes(unit)) {
    groups.repeatsChanged++;
    found.splice(found.indexOf(unit), 1);
    if (found.length === 1) {
      groups.repeated.delete(found);
      groups.byHash.set(unit.normalizedHash, found[0]);
    }
    return;
  }
  const text = unit.normalized;
  const collided = groups.byCollidedText.get(text)!;
  if (collided.length > 1) groups.repeatsChanged++;
  collided.splice(collided.indexOf(unit), 1);
  if (collided.length < 2) groups.repeated.delete(collided);
  if (collided.length === 0) groups.byCollidedText.delete(text);
}

/** The text groups of `draft`: `kept` (those of an earlier version of its lineage) brought up to date, or new ones. */
export function currentTextGroups(kept: TextGroups | undefined, draft: Draft): TextGroups {
  const changes = kept ? unitChangesSince(draft, kept.generation) : null;
  if (kept && changes && changes.removed.length + changes.added.length <= MAX_REPLAYED_UNITS) {
    for (const unit of changes.removed) if (isComparable(unit)) removeFromGroup(kept, unit);
    for (const unit of changes.added) if (isComparable(unit)) addToGroup(kept, unit);
    kept.generation = draft.parts.generation;
    return kept;
  }
  const groups: TextGroups = { generation: draft.parts.generation, byHash: new IntMap(draft.units.length), byCollidedText: new Map(), repeated: new Set(), repeatsChanged: 0 };
  for (let unitIndex = 0; unitIndex < draft.units.length; unitIndex++) {
    const unit = draft.units[unitIndex];
    if (isComparable(unit)) addToGroup(groups, unit);
  }
  return groups;
}

/** A duplicate index, with the draft version and the text groups (and their count of changes) it was built from. */
export interface KeptDuplicateIndex {
  generation: number;
  groups: TextGroups;
  repeatsChanged: number;
  index: DuplicateIndex;
}

/**
 * The duplicate index of `draft`: `kept`'s when nothing it was built from changed since (no repeated paragraph
 * joined or left a group, and every edit changed only the words of paragraphs outside the blocks' later copies,
 * each still compared or not as before, so that the gaps between copies count the same); else built anew.
 */
export function currentDuplicateIndex(kept: KeptDuplicateIndex | undefined, draft: Draft, groups: TextGroups): KeptDuplicateIndex {
  if (kept && kept.groups === groups && kept.repeatsChanged === groups.repeatsChanged) {
    const edits = editsSince(draft, kept.generation);
    if (edits && edits.every((edit) => wordsOnlyEdited(edit) && keepsCopies(edit, kept.index.inLaterCopy))) {
      kept.generation = draft.parts.generation;
      return kept;
    }
  }
  return { generation: draft.parts.generation, groups, repeatsChanged: groups.repeatsChanged, index: buildDuplicateIndex(draft, groups) };
}

function keepsCopies(edit: UnitChange, inLaterCopy: ReadonlySet<Unit>): boolean {
  for (let i = 0; i < edit.removed.length; i++) {
    const before = edit.removed[i];
    const after = edit.added[i];
    if (inLaterCopy.has(before) || before.isParagraph !== after.isParagraph || isComparable(before) !== isComparable(after)) return false;
  }
  return true;
}

/** The duplicate index of `draft`, given its text groups (`currentTextGroups`). */
export function buildDuplicateIndex(draft: Draft, groups: TextGroups, options: DuplicateIndexOptions = DEFAULT_DUPLICATE_INDEX_OPTIONS): DuplicateIndex {
  // Paragraphs at different quote depths are not copies of each other: such groups split by depth.
  const repeated: Unit[][] = [];
  for (const group of groups.repeated) {
    if (group.every((unit) => unit.depth === group[0].depth)) repeated.push(group.slice());
    else {
      for (const depth of new Set(group.map((unit) => unit.depth))) {
        const same = group.filter((unit) => unit.depth === depth);
        if (same.length > 1) repeated.push(same);
      }
    }
  }
  repeated.sort((a, b) => a[0].index - b[0].index);

  // Gaps between copies are counted in comparable paragraphs: number them.
  const prose: Unit[] = [];
  const ordinal = new Int32Array(draft.units.length);
  for (let unitIndex = 0; unitIndex < draft.units.length; unitIndex++) {
    const unit = draft.units[unitIndex];
    ordinal[unit.index] = prose.length;
    if (isComparable(unit)) prose.push(unit);
  }
  // Each repeated paragraph's copies, as ascending positions among the comparable paragraphs.
  const twins = new Map<Unit, number[]>();
  const later: Unit[] = [];
  for (const group of repeated) {
    const positions = group.map((unit) => ordinal[unit.index]);
    for (const unit of group) twins.set(unit, positions);
    later.push(...group.slice(1));
  }
  later.sort((a, b) => a.index - b.index);
  const twinsAt = (position: number) => twins.get(prose[position]);

  const extend = (start: number, twin: number): Array<[number, number]> => {
    const pairs: Array<[number, number]> = [[start, twin]];
    let lastLater = start;
    let lastEarlier = twin;
    for (let k = start + 1; k < prose.length && k - lastLater <= options.maxGap + 1; k++) {
      const candidates = twinsAt(k);
      if (!candidates) continue;
      const match = candidates[firstAbove(candidates, lastEarlier)];
      if (match === undefined || match >= start || match - lastEarlier > options.maxGap + 1) continue;
      pairs.push([k, match]);
      lastLater = k;
      lastEarlier = match;
    }
    return pairs;
  };

  const blocks: RepeatedBlock[] = [];
  const inLaterCopy = new Set<Unit>();
  let covered = -1;
  for (const unit of later) {
    const i = ordinal[unit.index];
    if (i <= covered) continue;
    const own = twins.get(unit)!;
    const before = firstAbove(own, i - 1);
    const earlier = own.slice(Math.max(0, before - MAX_START_CANDIDATES), before);
    let best: Array<[number, number]> | null = null;
    for (const twin of earlier) {
      const pairs = extend(i, twin);
      if (!best || pairs.length > best.length) best = pairs;
    }
    if (!best || best.filter(([l]) => prose[l].normalizedLength >= options.substantialCharacters).length < options.minParagraphs) continue;
    const characters = best.reduce((sum, [l]) => sum + prose[l].normalizedLength, 0);
    if (characters < options.minCharacters) continue;
    const lastLater = best[best.length - 1][0];
    const first = prose[i];
    const last = prose[lastLater];
    const copy = draft.units.slice(first.index, last.index + 1);
    blocks.push({
      later: copy,
      pairs: best.map(([l, e]) => ({ later: prose[l], earlier: prose[e] })),
      earlierStart: prose[best[0][1]],
      earlierEnd: prose[best[best.length - 1][1]],
    });
    for (const member of copy) inLaterCopy.add(member);
    covered = lastLater;
  }
  return { repeated, blocks, inLaterCopy };
}

/** Index of the first element of the ascending list that is greater than `value` (list length if none). */
function firstAbove(list: readonly number[], value: number): number {
  return firstIndexWhere(list.length, (index) => list[index] > value);
}
