import { FrontMatter } from './frontMatter';
import { enclosingQuoteAt, LeadIn, LineSpan, Quote, Speaker, Unit, UnitMemo } from './model';
import { isValediction, matchReviewerLabel, signOffName } from './attribution';
import { NOT_A_NAME_START, PRONOUNS } from './attribution/names';
import { firstIndexWhere } from './search';
import { idsOfText } from './words';

/**
 * Decides who wrote each quote: its own attribution first, then the draft's front matter, then — only for
 * a strict two-person thread — alternation by depth, marked as inferred.
 */
export function resolveSpeakers(
  quotes: readonly Quote[],
  frontMatter: FrontMatter | null,
  isBlankLine: (line: number) => boolean,
  leadIns: readonly LeadIn[] = [],
  units: readonly Unit[] = [],
  /**
   * Given, it gets the stretches of lines outside quotes whose text the speakers were read from (a lead-in
   * sentence, the paragraphs after an unnamed quote, a copied page's posts): see DraftParts.speakerWatch.
   */
  watch?: LineSpan[],
): Speaker[] {
  const author = frontMatter?.values.get('author') || null;
  const replyingTo = frontMatter?.values.get('replying-to') || null;

  for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
    const quote = quotes[quoteIndex];
    if (quote.callout) continue;
    const attribution = quote.attribution;
    if (attribution?.speaker) quote.speaker = attribution.speaker;
    else if (attribution?.addressee && replyingTo) quote.speaker = replyingTo;
    else if (quote.depth === 1 && replyingTo) quote.speaker = replyingTo;
  }
  nameQuotesByTheirLabel(quotes, leadIns, author);

  // A quote split in two by a blank line is one passage: the second block continues the first's speaker.
  // And a mail reply answers one message point by point: after "On …, Jane wrote:" every quote of that
  // level (in the same quoted message, for deeper levels) is Jane's until another header names someone else.
  // Both by parent, at the parent's index + 1 (0 for the top level): quotes are numbered in document order.
  // (A copied page's post header between two quotes starts another message: the top level's author is forgotten.)
  const previousBySibling: (Quote | undefined)[] = new Array(quotes.length + 1);
  const messageAuthorBySibling: (string | undefined)[] = new Array(quotes.length + 1);
  let nextLeadIn = 0;
  for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
    const quote = quotes[quoteIndex];
    for (; nextLeadIn < leadIns.length && leadIns[nextLeadIn].line < quote.startLine; nextLeadIn++) if (leadIns[nextLeadIn].post) messageAuthorBySibling[0] = undefined;
    const sibling = quote.parent ? quote.parent.index + 1 : 0;
    const previous = previousBySibling[sibling];
    previousBySibling[sibling] = quote;
    if (quote.attribution) {
      const form = quote.attribution.form;
      const header = form === 'mail' || form === 'outlook' || form === 'bracket-label' || (form === 'wrote' && quote.depth > 1);
      messageAuthorBySibling[sibling] = header && quote.speaker ? quote.speaker : undefined;
    }
    if (quote.speaker || quote.attribution || quote.callout) continue;
    let onlyBlank = previous?.speaker != null;
    for (let line = previous ? previous.endLine + 1 : quote.startLine; line < quote.startLine && onlyBlank; line++) onlyBlank = isBlankLine(line);
    const continued = onlyBlank ? previous!.speaker : messageAuthorBySibling[sibling];
    if (continued) {
      quote.speaker = continued;
      quote.inferred = true;
    }
  }

  nameLettersByTheirClosing(quotes, leadIns, units);

  // A response to reviewers quotes each reviewer under a label that names them ("Reviewer 2"): the
  // outermost quotes after a label, up to the next one, are that reviewer's comments.
  const labels = leadIns.filter((leadIn) => leadIn.names !== undefined && !leadIn.post);
  // A response letter's title in its front matter ("Responses to … Review by Kalle Jahn") labels it all.
  const title = frontMatter?.values.get('title')?.replace(/^["']|["']$/g, '');
  const titleLabel = title ? matchReviewerLabel(title) : null;
  if (titleLabel?.speaker) labels.unshift({ line: frontMatter!.startLine, text: title!, names: titleLabel.speaker });
  if (labels.length > 0) {
    let next = 0;
    let label: LeadIn | null = null;
    let heading: LeadIn | null = null;
    for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
      const quote = quotes[quoteIndex];
      for (; next < labels.length && labels[next].line <= quote.startLine; next++) {
        if (labels[next].heading) heading = labels[next].names ? labels[next] : null;
        else label = labels[next];
      }
      if (quote.depth !== 1 || quote.speaker || quote.attribution || quote.callout) continue;
      // A reviewer label names every comment after it; a heading naming a person only the comments set in
      // italics, quotation marks or labels under it, and only up to the next heading.
      const current = quote.origin === 'styled' && heading && (!label || heading.line > label.line) ? heading : label;
      if (!current) continue;
      quote.speaker = current.names!;
      // The label is the quote itself ("> Reviewer 1 (Anonymous)"), or stands above it: the reader infers.
      quote.inferred = current.line !== quote.startLine;
    }
  }

  // A copied page's posts are read for the words of unnamed quotes: any of the draft's text may count.
  if (watch && leadIns.some((leadIn) => leadIn.post)) watch.push({ start: 0, end: Number.MAX_SAFE_INTEGER });
  nameQuotesByRepeatedWords(quotes, leadIns, units);
  nameQuotesByTheirLeadIn(quotes, units, watch);
  nameQuotesByLaterMention(quotes, units, watch);
  nameQuotesOfTheLeftOutPost(quotes, leadIns, isBlankLine);

  // Who speaks at odd and at even depths? The author's own words sit at depth 0. A strict two-person
  // thread has one name at each (the same name at both makes one person): a second name at either ends it.
  // A letter answering reviewers under labels ("Reviewer 2") quotes an editor and several reviewers, some
  // of them before any label: never a two-person exchange, though one label may name all its quotes so far.
  const byParity: [string | null, string | null] = [author, null];
  let alternates = !labels.some((label) => !label.heading && label.names);
  for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
    const quote = quotes[quoteIndex];
    if (!quote.speaker || quote.inferred) continue;
    const parity = quote.depth % 2;
    const known = byParity[parity];
    if (known === null) byParity[parity] = quote.speaker;
    else if (known !== quote.speaker) {
      alternates = false;
      break;
    }
  }
  if (alternates && (byParity[0] !== null || byParity[1] !== null)) {
    const speakerAt = (depth: number) => byParity[depth % 2];
    for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
      const quote = quotes[quoteIndex];
      if (quote.speaker || quote.attribution || quote.callout) continue;
      const guess = speakerAt(quote.depth);
      if (guess) {
        quote.speaker = guess;
        quote.inferred = true;
      }
    }
  }

  sameSpeakerSpelledAlike(quotes);

  const speakers = new Map<string, Speaker>();
  // A thread names few people many times: work out each name's key once.
  const keys = new Map<string, string>();
  const add = (name: string, inferred: boolean) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = speakerKey(name)));
    const known = speakers.get(key);
    if (!known) speakers.set(key, { name, inferred });
    else if (!inferred) known.inferred = false;
  };
  if (author) add(author, false);
  if (replyingTo) add(replyingTo, false);
  for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
    const quote = quotes[quoteIndex];
    if (quote.speaker) add(quote.speaker, quote.inferred);
  }
  return [...speakers.values()];
}

/**
 * One person as threads spell them: case, a leading `@` or `u/`, and underscores, dots or hyphens against
 * spaces do not matter ("@jane_doe", "Jane Doe", "jane-doe").
 */
export function speakerKey(name: string): string {
  let key = speakerKeys.get(name);
  if (key === undefined) {
    // A thread names few people many times, and speakers are worked out again on every edit.
    if (speakerKeys.size > 10_000) speakerKeys.clear();
    key = name
      .toLowerCase()
      .replace(/^\/?u\/|^@/, '')
      .replace(/[_.\-\s]+/g, ' ')
      .trim();
    speakerKeys.set(name, key);
  }
  return key;
}

const speakerKeys = new Map<string, string>();

/**
 * A mail header gives a name and an address ("Jane Doe <jane@x.org>"): where another quote is named by
 * the address alone, or by another spelling of the name, it is the same person, named as first written.
 */
function sameSpeakerSpelledAlike(quotes: readonly Quote[]): void {
  const byKey = new Map<string, string>();
  for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
    const quote = quotes[quoteIndex];
    const attribution = quote.attribution;
    if (!quote.speaker || !attribution?.email || attribution.speaker === attribution.email) continue;
    byKey.set(speakerKey(attribution.email), quote.speaker);
  }
  for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
    const quote = quotes[quoteIndex];
    if (!quote.speaker) continue;
    const key = speakerKey(quote.speaker);
    const known = byKey.get(key);
    if (known) quote.speaker = known;
    else byKey.set(key, quote.speaker);
  }
}

/**
 * A quote that opens with a person's name and a colon ("> Pieren : …", ">Yves : …", a mailing-list habit
 * where the attribution line would be) is that person's when the evidence is strong: the thread names them
 * elsewhere (an attribution, a post header, a label), or two quotes or more open so. Alone, "> Jane: …"
 * may be a quoted dialogue's first line, or a label of the quoted text's own.
 */
function nameQuotesByTheirLabel(quotes: readonly Quote[], leadIns: readonly LeadIn[], author: string | null): void {
  let labelled = 0;
  // (A reviewer's comment that a response letter marks by its style opens on the point's own title, "Clarify
  // Evaluation Metrics: …", not on a name: the letter names its reviewers by labels.)
  const named = (quote: Quote) => quote.label !== null && !quote.callout && quote.origin !== 'styled';
  for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) if (named(quotes[quoteIndex])) labelled++;
  if (labelled === 0) return;
  // The names the thread gives elsewhere, by key; a label gives the first name alone as often as not ("Yves"
  // for "Yves Jacolin"): the full name is then the speaker.
  const known = new Map<string, string>();
  const add = (name: string) => {
    const key = speakerKey(name);
    known.set(key, name);
    const space = key.indexOf(' ');
    if (space > 0 && !known.has(key.slice(0, space))) known.set(key.slice(0, space), name);
  };
  for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
    const speaker = quotes[quoteIndex].attribution?.speaker;
    if (speaker) add(speaker);
  }
  for (const leadIn of leadIns) if (leadIn.names) add(leadIn.names);
  const authorKey = author ? speakerKey(author) : null;
  for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
    const quote = quotes[quoteIndex];
    if (!named(quote) || quote.speaker || quote.attribution?.speaker) continue;
    const key = speakerKey(quote.label!);
    // The drafter's own name opening a quote is how the quoted person addressed them ("> Sam: you said …").
    if (key === authorKey) continue;
    const name = known.get(key);
    if (name) quote.speaker = name;
    else if (labelled >= 2) quote.speaker = quote.label;
  }
}

/**
 * A letter quoted piece by piece (a journal's decision letter, a long mail answered point by point) names
 * its writer once, in its closing: "Sincerely," and "Dr Jane Doe" under it. The quote holding the name is
 * theirs, and so are the quotes of that level before it, back to one that names someone, or to a label,
 * heading or rule between them.
 */
function nameLettersByTheirClosing(quotes: readonly Quote[], leadIns: readonly LeadIn[], units: readonly Unit[]): void {
  if (quotes.every((quote) => quote.speaker || quote.callout)) return;
  for (let i = 0; i < units.length; i++) {
    const closing = units[i];
    if (closing.depth === 0 || !closing.quote) continue;
    if (closing.segmentText(0).length > 32 || !closing.memo(OPENS_WITH_VALEDICTION)) continue;
    // The name under the closing: on its next line, or a blank line below ("> Sincerely," / "" / "> Dr Jane Doe").
    const next = units[i + 1];
    const below = closing.segmentCount > 1 ? closing : next && next.depth === closing.depth && next.quote && next.startLine <= closing.endLine + 2 ? next : null;
    const name = below ? signOffName(below.segmentText(below === closing ? 1 : 0)) : null;
    if (!name || !below) continue;
    const letter = enclosingQuoteAt(closing.quote, closing.depth);
    const signed = enclosingQuoteAt(below.quote!, closing.depth);
    for (const quote of new Set([signed, letter])) {
      if (quote.speaker || quote.callout) continue;
      quote.speaker = name;
      quote.inferred = quote !== signed;
    }
    let later = letter;
    for (let k = letter.index - 1; k >= 0; k--) {
      const earlier = quotes[k];
      if (earlier.depth > letter.depth) continue;
      if (earlier.depth < letter.depth || earlier.speaker || earlier.attribution || earlier.callout) break;
      if (separatedByStructure(earlier, later, leadIns, units)) break;
      earlier.speaker = name;
      earlier.inferred = true;
      later = earlier;
    }
  }
}

/** Whether a unit's first line is a closing ("Sincerely,"): asked of every short quoted paragraph on every edit. */
const OPENS_WITH_VALEDICTION = new UnitMemo((unit) => isValediction(unit.segmentText(0)));

/** Whether a label, a heading, a post header or a rule stands between two quotes. */
function separatedByStructure(earlier: Quote, later: Quote, leadIns: readonly LeadIn[], units: readonly Unit[]): boolean {
  for (let k = firstUnitFrom(units, earlier.endLine + 1); k < units.length && units[k].startLine < later.startLine; k++) {
    const kind = units[k].kind;
    if (kind === 'heading' || kind === 'rule') return true;
  }
  const next = firstIndexWhere(leadIns.length, (index) => leadIns[index].line > earlier.endLine);
  return next < leadIns.length && leadIns[next].line < later.startLine;
}

/** Words a quote must share, in a row, with earlier text for that text's speaker to be its own. */
const MATCH_WORDS = 6;
/**
 * Chinese and Japanese put no space between words: a clause reads as one word, and a long sentence as a few.
 * A passage this long holds enough text to be told apart with fewer words.
 */
const MATCH_CHARACTERS = 60;

/** Whether a unit holds enough words, or text, to be matched by a run of `size` words. */
function longEnough(unit: Unit, size: number): boolean {
  return unit.isProse && (unit.wordCount >= MATCH_WORDS || (unit.wordCount >= size && unit.textLength >= MATCH_CHARACTERS));
}
/**
 * A comment page copied without the post it comments on: the page's first post header ("Post author: X
 * 11 September 2007") has no text under it before the next header ("Comment author: Y …"). A quote naming
 * nobody in a comment of someone else then quotes the post, the one text of the page not on it: X's,
 * inferred. (A comment's words quoted again are found by nameQuotesByRepeatedWords first.)
 */
function nameQuotesOfTheLeftOutPost(quotes: readonly Quote[], leadIns: readonly LeadIn[], isBlankLine: (line: number) => boolean): void {
  let top = -1;
  let next = -1;
  for (let index = 0; index < leadIns.length && next < 0; index++) {
    if (!leadIns[index].post) continue;
    if (top < 0) top = index;
    else next = index;
  }
  if (next < 0) return;
  const post = leadIns[top];
  if (!post.names) return;
  for (let line = post.line + 1; line < leadIns[next].line; line++) if (!isBlankLine(line)) return;
  let header = next;
  for (const quote of quotes) {
    if (quote.startLine < leadIns[next].line) continue;
    for (; header + 1 < leadIns.length && leadIns[header + 1].line <= quote.startLine; header++);
    if (quote.depth !== 1 || quote.speaker || quote.attribution || quote.callout) continue;
    // The post header of the comment holding the quote: the last one above it.
    let holder = header;
    while (holder > next && !leadIns[holder].post) holder--;
    if (!leadIns[holder].post || leadIns[holder].names === post.names) continue;
    quote.speaker = post.names!;
    quote.inferred = true;
  }
}

/** Past this many quotes naming nobody, or this many earlier passages, the search is not worth a keystroke. */
const MAX_SEARCHED_QUOTES = 64;
const MAX_SEARCHED_PASSAGES = 100;

/**
 * A quote that names nobody may repeat words the thread already gave a speaker: a post's own text under a
 * copied page's post header ("alice commented …"), or an earlier quote whose speaker is known (mail that
 * trimmed the attribution of a deeper level). Its first words in a row, found in the nearest such passage
 * before it, make that passage's speaker its own, marked inferred.
 */
function nameQuotesByRepeatedWords(quotes: readonly Quote[], leadIns: readonly LeadIn[], units: readonly Unit[]): void {
  const unnamed = quotes.filter((quote) => !quote.speaker && !quote.callout);
  if (unnamed.length === 0 || unnamed.length > MAX_SEARCHED_QUOTES) return;
  const headers = leadIns.filter((leadIn) => leadIn.post);
  /** The author of the post a unit outside quotes belongs to: the last post header on or above it. */
  const postAuthorAt = (line: number): string | undefined => {
    let low = 0;
    let high = headers.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (headers[middle].line <= line) low = middle + 1;
      else high = middle;
    }
    return low > 0 ? headers[low - 1].names : undefined;
  };
  for (const quote of unnamed) {
    const at = firstUnitFrom(units, quote.startLine);
    let first: Unit | undefined;
    for (let k = at; k < at + 8 && k < units.length && !first; k++) {
      const unit = units[k];
      if (unit.quote === quote && unit.isProse && unit.depth === quote.depth) first = unit;
    }
    if (!first || first.wordCount < 3) continue;
    // Any few words in a row will do: a link or a shortened hash may differ between the two.
    const words = first.wordIds;
    const size = Math.min(MATCH_WORDS, words.length);
    const needles: Int32Array[] = [];
    for (let offset = 0; offset + size <= words.length && offset < 2 * size; offset += size) needles.push(words.subarray(offset, offset + size));
    // The last search from this paragraph: the passages it read, while they are the same, are known not to
    // hold the words (but the last, when it found them). A keystroke elsewhere leaves them all the same.
    const memo = repeatedWordsSearches.get(first);
    let passages = memo?.passages;
    let speakers = memo?.speakers;
    let same = memo !== undefined;
    let found: string | undefined;
    // The nearest named passages before the quote, going back: a post's own text, or a named quote's.
    let searched = 0;
    for (let k = at - 1; k >= 0 && searched < MAX_SEARCHED_PASSAGES && !found; k--) {
      const unit = units[k];
      if (!longEnough(unit, size)) continue;
      const speaker = unit.depth === 0 ? (headers.length > 0 ? postAuthorAt(unit.startLine) : undefined) : unit.quote && unit.quote.depth === unit.depth ? unit.quote.speaker : null;
      if (!speaker) continue;
      if (same && searched < memo!.passages.length && memo!.passages[searched] === unit && memo!.speakers[searched] === speaker) {
        if (++searched === memo!.passages.length) found = memo!.found;
        continue;
      }
      if (same) {
        same = false;
        passages = memo!.passages.slice(0, searched);
        speakers = memo!.speakers.slice(0, searched);
      }
      passages ??= [];
      speakers ??= [];
      passages.push(unit);
      speakers.push(speaker);
      searched++;
      for (const needle of needles) {
        if (unit.holdsWords(needle)) {
          found = speaker;
          break;
        }
      }
    }
    // A search that stopped short of the memo's passages (the draft's start came first) is a new one.
    if (same && searched < memo!.passages.length) {
      same = false;
      passages = memo!.passages.slice(0, searched);
      speakers = memo!.speakers.slice(0, searched);
    }
    if (!same) repeatedWordsSearches.set(first, { passages: passages ?? [], speakers: speakers ?? [], found });
    found ??= laterNamedQuoteHolding(quote, units, at, needles, size);
    if (found) {
      quote.speaker = found;
      quote.inferred = true;
    }
  }
}

/** How many units after a quote naming nobody are read for a later quote holding its words: the rest of a mail or two. */
const MAX_FOLLOWING_UNITS = 400;

/**
 * The speaker of a later quote, named by its own attribution, that holds the words: a reply that answers a
 * few lines inline and leaves the whole message quoted under "On …, Jane wrote:" at its end quotes Jane both
 * times. (Quoted text only: an edit there is one of the quotes', which has the speakers worked out again.)
 */
function laterNamedQuoteHolding(quote: Quote, units: readonly Unit[], from: number, needles: readonly Int32Array[], size: number): string | undefined {
  let searched = 0;
  for (let k = from; k < units.length && k < from + MAX_FOLLOWING_UNITS && searched < MAX_SEARCHED_PASSAGES; k++) {
    const unit = units[k];
    const holder = unit.quote;
    if (unit.startLine <= quote.endLine || !holder || holder.depth !== unit.depth || !holder.speaker || holder.inferred || !longEnough(unit, size)) continue;
    searched++;
    for (const needle of needles) if (unit.holdsWords(needle)) return holder.speaker;
  }
  return undefined;
}

/** What nameQuotesByRepeatedWords last read, by the paragraph whose words it looked for. */
interface RepeatedWordsSearch {
  /** The named passages read, nearest first, and their speakers; the last holds the words when `found`. */
  passages: Unit[];
  speakers: string[];
  found: string | undefined;
}
const repeatedWordsSearches = new WeakMap<Unit, RepeatedWordsSearch>();

// A person's full name inside a sentence: two or more capitalised words, particles between ("Flávia Lefévre",
// "Ludwig van Beethoven"), not at the start of a sentence, where any word is capitalised.
const FULL_NAME = /(?<=[\p{Ll},;:)]\s+(?:\p{Ll}+\s+)?)\p{Lu}[\p{Ll}'’-]+(?:\s+(?:(?:de|da|do|dos|das|van|von|der|den|di|du|del|la|le)\s+)?\p{Lu}[\p{Ll}'’-]+)+/gu;

/**
 * A quote that names nobody, under a sentence that announces it and names one person ("… the question
 * that Flávia Lefévre asked in her message. It was:"), is that person's, inferred: the reader would say so.
 */
function nameQuotesByTheirLeadIn(quotes: readonly Quote[], units: readonly Unit[], watch?: LineSpan[]): void {
  let searched = 0;
  for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
    const quote = quotes[quoteIndex];
    if (quote.speaker || quote.callout || quote.depth !== 1) continue;
    if (++searched > MAX_SEARCHED_QUOTES) return;
    const leadIn = units[firstUnitFrom(units, quote.startLine) - 1];
    // The unit before the quote, and the lines between: another unit typed there would be read instead.
    watch?.push({ start: leadIn ? leadIn.startLine : 0, end: quote.startLine });
    if (!leadIn || leadIn.depth !== 0 || !leadIn.isProse || leadIn.endLine < quote.startLine - 2) continue;
    const text = leadIn.text;
    if (!/:\s*$/.test(text) || text.length > 600) continue;
    const names = new Set(text.match(FULL_NAME) ?? []);
    if (names.size !== 1) continue;
    quote.speaker = [...names][0];
    quote.inferred = true;
  }
}

/**
 * The sentences of a unit that quote words back with a name ("Linus is using a “black star …”"), as
 * (name, the quoted words' vocabulary ids): worked out once per unit, as a keystroke asks again.
 */
const MENTIONS = new UnitMemo<readonly (readonly [string, Int32Array])[]>((unit) => {
  const text = unit.text;
  if (!text.includes('"') && !text.includes('“')) return NO_MENTIONS;
  const found: (readonly [string, Int32Array])[] = [];
  for (const mention of text.matchAll(MENTION)) {
    // "It is using “…”", "This says “…”": a pronoun or a sentence's first word names nobody.
    if (PRONOUNS.test(mention[1]) || NOT_A_NAME_START.test(mention[1].split(/\s+/)[0])) continue;
    found.push([mention[1], idsOfText(mention[2])]);
  }
  return found.length > 0 ? found : NO_MENTIONS;
});
const NO_MENTIONS: readonly (readonly [string, Int32Array])[] = [];

/** How many units after an unnamed quote are read for a sentence naming who said it. */
const MAX_MENTION_UNITS = 40;
// "Linus is using a “black star for being stupid” as …", "as Jane said, “…”", "Jane calls it “…”".
const MENTION = /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+(?:is\s+|was\s+)?(?:says?|said|saying|wrote|writes|writing|calls?|called|calling|uses?|using|means?|meant|put\s+it)\b[^"“”.!?]{0,20}["“]([^"”]{12,200})["”]/gu;

/**
 * A quote that names nobody may be named by a later sentence that quotes its words back and says who
 * wrote them ("Linus is using a “black star for being stupid” as a joke"): that person's, inferred.
 */
function nameQuotesByLaterMention(quotes: readonly Quote[], units: readonly Unit[], watch?: LineSpan[]): void {
  let searched = 0;
  for (let quoteIndex = 0; quoteIndex < quotes.length; quoteIndex++) {
    const quote = quotes[quoteIndex];
    if (quote.speaker || quote.callout) continue;
    if (++searched > MAX_SEARCHED_QUOTES) return;
    const from = firstUnitFrom(units, quote.startLine);
    const quoteHolds = (phrase: Int32Array) => {
      for (let k = from; k < units.length && units[k].startLine <= quote.endLine; k++) if (units[k].quote === quote && units[k].holdsWords(phrase)) return true;
      return false;
    };
    let k = from;
    for (let read = 0; k < units.length && read < MAX_MENTION_UNITS && !quote.speaker; k++) {
      const unit = units[k];
      if (unit.startLine <= quote.endLine || !unit.isProse) continue;
      read++;
      for (const [name, phrase] of unit.memo(MENTIONS)) {
        if (!quoteHolds(phrase)) continue;
        quote.speaker = name;
        quote.inferred = true;
        break;
      }
    }
    // The units read after the quote, to the last (or to the end of the draft).
    watch?.push({ start: quote.endLine, end: k < units.length ? units[k].endLine : Number.MAX_SAFE_INTEGER });
  }
}

/** The index of the first unit starting on or after `line` (units are in document order). */
function firstUnitFrom(units: readonly Unit[], line: number): number {
  return firstIndexWhere(units.length, (index) => units[index].startLine >= line);
}
