// What a parsed draft is: its lines, quotes, attributions, lead-ins, speakers and units. parse.ts builds
// it, incremental.ts updates it and everything else reads it, so it depends on nothing but leaves (the
// text forms a unit works out). Unit is a class rather than an interface because it works out its
// derived texts (normalised form, prose, word ids) on demand; it lives with the types because a Draft
// holds units and a unit names its Quote: apart, the two modules would import each other.
import type { AttributionMatch } from './attribution';
import type { FrontMatter } from './frontMatter';
import { isFieldRecord, isPageChrome, isUnfencedLayout } from './layoutText';
import { isLinksOnly, maskNonProse } from './masking';
import { normalizedHashAndLength, normalizeForMatching } from './matchingForm';
import type { Suppressions } from './suppressions';
import type { LineText } from './text';
import type { Position } from './types';
import { keysOfIds } from './vocabulary';
import { WordStore } from './words';

/** `list-item`: a paragraph inside a list, which reads as one point of a list, never as a paragraph of prose. */
export type UnitKind = 'paragraph' | 'list-item' | 'heading' | 'code' | 'html' | 'rule' | 'table' | 'attribution' | 'markup';

export interface LineInfo {
  /** Quote depth: `>` markers (lazy continuation lines inherit theirs) plus enclosing `[quote]` tags. */
  readonly depth: number;
  /** Where the line's own text starts and ends once quote markers and `[quote]` tags are removed. */
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly blank: boolean;
  readonly code: boolean;
  readonly html: boolean;
  readonly frontMatter: boolean;
  /**
   * A reply written right under a quoted line, with no blank line: Markdown keeps it in the quote (a lazy
   * continuation), but it starts a sentence after the quote's last one ended, so it is read as a reply.
   */
  readonly replyInQuote: boolean;
  /**
   * Quoted words that lost their quote box in the copy, right under the forum header that named them
   * ("Sluggy said: ↑" / "Quote from: satoshi on …" and the next line): read as a quote one level deep.
   */
  readonly pastedQuote: boolean;
  /**
   * A comment someone else made, marked by its style instead of `>` as responses to reviewers do: a
   * paragraph all in italics or in quotation marks, under a comment label, or answered by "Response:".
   */
  readonly styledQuote: boolean;
  /** `[quote]` tags opened on this line: the depth of the quote each starts, and the name it gives. */
  readonly bbcodeOpens: readonly BbcodeOpen[];
  /** Depths of the quotes that `[/quote]` tags on this line close. */
  readonly bbcodeCloses: readonly number[];
}

export interface BbcodeOpen {
  depth: number;
  speaker: string | null;
}

export interface LineSegment {
  line: number;
  /** Character where this segment starts on its line. */
  start: number;
  text: string;
}

export interface Attribution extends AttributionMatch {
  startLine: number;
  endLine: number;
  /** Depth of the attribution line itself. */
  depth: number;
  quote: Quote | null;
}

/** A line such as "this argument:" or "Bob wrote:" that announces someone else's words which are not quoted. */
export interface LeadIn {
  line: number;
  text: string;
  /** A label such as "Reviewer 2" names whose comments follow, quoted or not (see resolveSpeakers). */
  names?: string;
  /**
   * A heading, which names the person whose styled comments follow ("## Karthik Ram") or, with `names`
   * empty, ends the previous heading's section: it never names the author of a `>` quote.
   */
  heading?: boolean;
  /** The header of a post in a copied thread page: its author wrote the unquoted text under it. */
  post?: boolean;
  /** An Outlook header at the top level with no message under it yet: text typed below will be its original. */
  outlookHeader?: boolean;
  /** A header line ("Jane wrote:", "On …, Jane <j@x> wrote:") that names a person or addresses the reader. */
  namesSomeone?: boolean;
}

/** The quote holding `quote` that is `depth` deep (the quote itself when it is no deeper; the outermost if none is). */
export function enclosingQuoteAt(quote: Quote, depth: number): Quote {
  let outer = quote;
  while (outer.depth > depth && outer.parent) outer = outer.parent;
  return outer;
}

export interface Quote {
  index: number;
  depth: number;
  startLine: number;
  endLine: number;
  parent: Quote | null;
  children: Quote[];
  /**
   * `pasted`: a forum quote whose box the copy lost, under the header that names its author
   * (LineInfo.pastedQuote); `styled`: a comment marked by italics, quotation marks or labels (LineInfo.styledQuote).
   */
  origin: 'markdown' | 'bbcode' | 'pasted' | 'styled';
  /** A GitHub alert (`> [!NOTE]`) or a callout (`> **Warning**`): a note of the document's, never a quote of a person. */
  callout: boolean;
  attribution: Attribution | null;
  /**
   * The name a first line "Pieren : …" opens with (attribution/forms/speakerLabel.ts): weak evidence alone,
   * a speaker only where the thread knows that name elsewhere, or labels several quotes so (speakers.ts).
   */
  label: string | null;
  /** Filled by the thread step: who wrote the quoted words. */
  speaker: string | null;
  inferred: boolean;
}

export interface MarkdownBlock {
  kind: UnitKind;
  startLine: number;
  /** Inclusive. */
  endLine: number;
  /** Blockquotes markdown-it sees around the block (for code blocks, whose lines keep their markers). */
  quoteDepth: number;
  /** A fence a forum export wrapped around a post, read as text (parsing/blocks.ts): never cut inside. */
  fencedPost?: boolean;
  /** An indented block under a mail header that quotes a thread by indentation (parsing/indentedQuotes.ts): never cut inside. */
  indentedThread?: boolean;
}

export interface Speaker {
  name: string;
  /** True when no line of the draft names this speaker: Riposte guessed from the thread's shape. */
  inferred: boolean;
}

/**
 * A slot for something a rule works out from one unit alone. A unit's text never changes (an edit makes a
 * new unit), so the value is kept with the unit across every later lint; it must not depend on line numbers
 * or on other units.
 */
export class UnitMemo<T extends NonNullable<unknown> | null> {
  private static slots = 0;
  /** @internal */
  readonly slot = UnitMemo.slots++;
  /** @internal How many memos there are. */
  static get count(): number {
    return UnitMemo.slots;
  }
  constructor(readonly compute: (unit: Unit) => T) {}
}

/**
 * A paragraph as the drafter meant it: markdown-it's paragraph, further split where quote depth changes,
 * at attribution lines, and where pasted text lost its blank lines.
 */
export class Unit {
  // Only numbers are kept from the derived texts: a long draft holds thousands of units, and their
  // normalised, prose and word strings would weigh several times the draft itself.
  private cachedNormalizedHash = 0;
  /** -1 until the normalised hash and length are worked out (together). */
  private cachedNormalizedLength = -1;
  private wordChunk?: Int32Array;
  private wordOffset = 0;
  private wordLength = 0;
  private memos?: unknown[];
  private onlyMemoSlot = -1;
  private onlyMemoValue: unknown = undefined;

  constructor(
    /** Position in `draft.units` (renumbered when an edit adds or removes units before it). */
    public index: number,
    readonly kind: UnitKind,
    public startLine: number,
    public endLine: number,
    readonly depth: number,
    readonly quote: Quote | null,
    /** The unit's lines as (line, start, text) triples, flat; the unit takes the array over. */
    segments: (number | string)[],
    /** True when no blank line separates this unit from the previous one: pasted text that lost its breaks. */
    readonly joinedToPrevious: boolean,
  ) {
    for (let k = 0; k < segments.length; k += 3) (segments[k] as number) -= startLine;
    this.parts = segments;
  }

  /**
   * The segments flat, three entries each (line after `startLine`, start, text): a long draft has tens of
   * thousands of segments, and an object each doubled their weight. Relative lines let moves leave them be.
   */
  private readonly parts: readonly (number | string)[];

  /** Moves the unit down (or up) when an edit above it added (or removed) lines. */
  moveBy(lines: number): void {
    this.startLine += lines;
    this.endLine += lines;
  }

  get segmentCount(): number {
    return this.parts.length / 3;
  }

  segmentLine(segment: number): number {
    return this.startLine + (this.parts[3 * segment] as number);
  }

  segmentStart(segment: number): number {
    return this.parts[3 * segment + 1] as number;
  }

  segmentText(segment: number): string {
    return this.parts[3 * segment + 2] as string;
  }

  /** The unit's lines, each from where its content starts (built on each call). */
  get segments(): LineSegment[] {
    return Array.from({ length: this.segmentCount }, (_, i) => ({ line: this.segmentLine(i), start: this.segmentStart(i), text: this.segmentText(i) }));
  }

  /** The unit's lines joined (worked out on each call: most callers need it once). */
  get text(): string {
    const parts = this.parts;
    if (parts.length === 3) return parts[2] as string;
    let text = parts[2] as string;
    for (let k = 5; k < parts.length; k += 3) text += '\n' + (parts[k] as string);
    return text;
  }

  /** The length of `text`, without joining the lines. */
  get textLength(): number {
    const parts = this.parts;
    let length = (parts[2] as string).length;
    for (let k = 5; k < parts.length; k += 3) length += 1 + (parts[k] as string).length;
    return length;
  }

  /** Whether rules about the drafter's prose look at this unit (not code, markup or attribution lines). */
  get isProse(): boolean {
    return this.kind === 'paragraph' || this.kind === 'list-item' || this.kind === 'heading';
  }

  /**
   * Whether the unit is a paragraph of prose, the only kind the duplicate and lost-break rules compare:
   * headings, list items, tables and rows of badges or links repeat by design in any document.
   */
  get isParagraph(): boolean {
    if (this.kind !== 'paragraph') return false;
    // Asked of every unit on every lint: worked out once (a unit's text never changes).
    if (this.laidOut < 0) this.laidOut = this.isLaidOut() ? 1 : 0;
    return this.laidOut === 0 && !this.inCallout;
  }

  /** -1 until known: whether the unit is laid out rather than written (see isLaidOut). */
  private laidOut = -1;

  /** Links or images only, a page's buttons, a form's fields, or output that lost its code fence (layoutText.ts). */
  private isLaidOut(): boolean {
    // Asked once of every paragraph of a draft: the segments are read where they are, and the text is joined
    // only for a short paragraph or one holding a link.
    const count = this.segmentCount;
    let length = 0;
    let links = false;
    for (let i = 0; i < count; i++) {
      const segment = this.segmentText(i);
      length += segment.length + 1;
      links ||= segment.includes('](') || segment.includes('][') || segment.includes('<http');
    }
    if ((links || length <= 201) && (isLinksOnly(this.text) || isPageChrome(this.text))) return true;
    if (count === 1 && !this.joinedToPrevious) return false;
    const line = (index: number) => this.segmentText(index);
    return isFieldRecord(count, line, this.joinedToPrevious) || isUnfencedLayout(count, line);
  }

  /** Whether the unit is part of an alert or callout, whose notes a document repeats where they apply. */
  get inCallout(): boolean {
    for (let quote = this.quote; quote; quote = quote.parent) if (quote.callout) return true;
    return false;
  }

  /** The form paragraphs are compared in (worked out on each call; compare `normalizedHash` first). */
  get normalized(): string {
    return normalizeForMatching(this.text);
  }

  /** A hash of `normalized`: equal texts have equal hashes, so unequal hashes settle "not the same". */
  get normalizedHash(): number {
    if (this.cachedNormalizedLength < 0) this.cacheNormalized();
    return this.cachedNormalizedHash;
  }

  get normalizedLength(): number {
    if (this.cachedNormalizedLength < 0) this.cacheNormalized();
    return this.cachedNormalizedLength;
  }

  private cacheNormalized(): void {
    const both = normalizedHashAndLength(this.text);
    this.cachedNormalizedHash = both % 0x100000000 | 0;
    this.cachedNormalizedLength = Math.floor(both / 0x100000000);
  }

  /** Whether the two units' normalised texts are equal (hashes first, texts only when they agree). */
  sameNormalized(other: Unit): boolean {
    return this.normalizedHash === other.normalizedHash && this.normalizedLength === other.normalizedLength && this.normalized === other.normalized;
  }

  /** The text with inline code, HTML, URLs and autolinks blanked out (same length, so offsets still hold). */
  get prose(): string {
    return maskNonProse(this.text);
  }

  /** The prose's words, lower-cased and typography-normalised, as vocabulary ids: what similarity, MinHash and run hashes compare. */
  get wordIds(): Int32Array {
    const chunk = this.wordChunk ?? this.storeWords();
    return chunk.subarray(this.wordOffset, this.wordOffset + this.wordLength);
  }

  /** Whether the unit's words hold `needle`, word for word in a row (containsRun, without making a view). */
  holdsWords(needle: Int32Array): boolean {
    const chunk = this.wordChunk ?? this.storeWords();
    const end = this.wordOffset + this.wordLength;
    const last = end - needle.length;
    if (needle.length === 0) return last >= this.wordOffset;
    const first = needle[0];
    outer: for (let start = this.wordOffset; start <= last; start++) {
      if (chunk[start] !== first) continue;
      for (let k = 1; k < needle.length; k++) if (chunk[start + k] !== needle[k]) continue outer;
      return true;
    }
    return false;
  }

  /** How many words `wordIds` has (without making the view). */
  get wordCount(): number {
    if (!this.wordChunk) this.storeWords();
    return this.wordLength;
  }

  private storeWords(): Int32Array {
    WordStore.add(this.prose, (chunk, offset, count) => {
      this.wordChunk = chunk;
      this.wordOffset = offset;
      this.wordLength = count;
    });
    return this.wordChunk!;
  }

  /** The same words as strings (built on each call, for messages). */
  get wordKeys(): string[] {
    return keysOfIds(this.wordIds);
  }

  /** The memo's value for this unit, worked out on first use (plain array slots: cheaper than a WeakMap per rule). */
  memo<T extends NonNullable<unknown> | null>(memo: UnitMemo<T>): T {
    if (this.memos) {
      let value = this.memos[memo.slot] as T | undefined;
      if (value === undefined) this.memos[memo.slot] = value = memo.compute(this);
      return value;
    }
    if (this.onlyMemoSlot === memo.slot) return this.onlyMemoValue as T;
    const value = memo.compute(this);
    // Most units only ever keep one memo (repeated-words' answer, mostly "none"): it goes in two fields,
    // and the array, exactly as long as there are memos, comes with the second.
    if (this.onlyMemoSlot < 0) {
      this.onlyMemoSlot = memo.slot;
      this.onlyMemoValue = value;
    } else {
      this.memos = new Array<unknown>(UnitMemo.count);
      this.memos[this.onlyMemoSlot] = this.onlyMemoValue;
      this.memos[memo.slot] = value;
      this.onlyMemoSlot = -1;
      this.onlyMemoValue = undefined;
    }
    return value;
  }

  positionAt(offset: number): Position {
    let remaining = offset;
    const count = this.segmentCount;
    for (let i = 0; i < count; i++) {
      const length = this.segmentText(i).length;
      if (remaining <= length) return { line: this.segmentLine(i), character: this.segmentStart(i) + remaining };
      remaining -= length + 1;
    }
    const last = count - 1;
    return { line: this.segmentLine(last), character: this.segmentStart(last) + this.segmentText(last).length };
  }
}

export interface Draft {
  /** The whole text, joined from the lines when first asked for (an edit does not build it). */
  readonly text: string;
  /** The text's length in UTF-16 code units, kept without building the text. */
  readonly length: number;
  /** Lines without offsets: an edit would otherwise have to renumber every line after it. */
  lines: readonly LineText[];
  lineInfo: readonly LineInfo[];
  eol: string;
  frontMatter: FrontMatter | null;
  units: readonly Unit[];
  quotes: readonly Quote[];
  attributions: readonly Attribution[];
  leadIns: readonly LeadIn[];
  speakers: readonly Speaker[];
  suppressions: Suppressions;
  /** The innermost quote each line belongs to. */
  quoteOfLine(line: number): Quote | null;
  /** @internal What `updateDraft` reuses. */
  readonly parts: DraftParts;
}

/** @internal The per-line and per-block structures an incremental update splices. */
export interface DraftParts {
  blocks: MarkdownBlock[];
  quoteOfLine: (Quote | null)[];
  attributionOfLine: Map<number, Attribution>;
  /** One identity shared by a draft and its edited successors: the lineage's LineageCache is found by it. */
  carry: DraftCarry;
  /** Tells this version from the others sharing the carry (unique across drafts). */
  generation: number;
  /**
   * Stretches of lines (inclusive) whose text the speakers were worked out from, beyond quotes, attributions
   * and lead-ins: an edit elsewhere that touches none of those keeps every quote's speaker (see updateDraft).
   */
  speakerWatch: readonly LineSpan[];
  /** What the quote boxes' continuations read beyond their own lines, in order of box (parsing/continuedQuotes.ts). */
  continuations: ContinuationWatch[];
  /** How the draft's `>` blocks under plain comments lean: answers or quotes (parsing/styledComments.ts). */
  answerVotes: { yes: number; no: number; labels: number; pairs: number };
}

/**
 * What one quote box's reading depended on beyond its own lines, so that an edit elsewhere can tell
 * whether it may change it (see updateDraft; read by parsing/continuedQuotes.ts): the box's lines and the lines after it that were read
 * (boxStart..examinedTo), the earlier copy walked (sourceFrom..sourceTo, -1 when none was found), and the
 * text of the box's last line (any line given that text may become the earlier copy).
 */
export interface ContinuationWatch {
  boxStart: number;
  examinedTo: number;
  sourceFrom: number;
  sourceTo: number;
  key: string;
}

export interface LineSpan {
  start: number;
  end: number;
}

/** What one edit did to the units (each unit is immutable: an edited paragraph is a new unit), and where. */
export interface UnitChange {
  from: number;
  to: number;
  removed: readonly Unit[];
  added: readonly Unit[];
  /** The region parsed again: old lines `start..oldEnd` became lines `start..end` (`end - oldEnd` lines added). */
  start: number;
  oldEnd: number;
  end: number;
  /** Quotes, attributions or lead-ins were in the region, before the edit or after it. */
  structural: boolean;
  /** A line of the region turned blank or stopped being blank (always so when lines were added or removed). */
  blankChanged: boolean;
  /** Every quote kept its speaker: the speakers were not worked out again. */
  speakersKept: boolean;
}

export interface DraftCarry {
  /** The latest edits, oldest first: an index in the LineageCache replays them instead of diffing every unit. */
  log: UnitChange[];
}
