import { isBareQuoteBox, programSubject } from '../attribution';
import { capitalise, lineRangeLabel } from '../lineRange';
import { FORM_FIELD, quotesAnotherWriter, writerOf } from '../duplicates';
import { quoteLinesEdits } from '../fixEdits';
import { Unit, UnitMemo } from '../parse';
import { MIN_MATCH_WORDS } from '../quotedRuns';
import { Finding, Rule } from '../rule';
import { firstAtLeast, firstIndexWhere } from '../search';
import { range } from '../types';
import { containsRun } from '../vocabulary';
import { commentsThatLostTheirMarks } from './lostCommentMarks';
import { paragraphsOfJoinedSentences } from './joinedSentences';

// Phrases that end a sentence announcing someone else's words: "… was this argument:", "you wrote that:".
const LEAD_IN_PHRASES = [
  /\b(?:this|that|the following|following|the|your|his|her|their)\s+(?:argument|claim|point|passage|statement|sentence|comment|objection|assertion|quote|paragraph|line|section|reasoning|question|remark|bit|part)s?\s*(?:\([^)]*\))?\s*:\s*$/i,
  // (A name is capitalised: "someone needs to say:", "I have to say:" announce the writer's own words.)
  /\b(?:[Yy]ou|[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:wrote|write|writes|said|say|says|claim|claims|claimed|argue|argues|argued|state|states|stated|suggest|suggests|suggested|assert|asserts|asserted|put it|mention|mentions|mentioned|mean|meant)(?:\s+(?:that|this|the following))?\s*:\s*$/,
];

// A sentence under a pasted passage that says where it is from: "That is from …", "This is from …", "Source: …".
const LEAD_OUT = /^\s*(?:(?:that|this)(?:\s+is|\s+was|['’]s)\s+from\s+\S|source\s*:\s*\S|(?:quoted\s+)?from\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*['’]s\s)/iu;

// A mail's signature ("-- " on a line of its own) or a list's footer (a line of underscores): the sender's
// own lines, however often the thread repeats them.
const SIGNATURE_START = /^\s*(?:--|—|_{5,})\s*$/;
function startsSignature(line: string): boolean {
  if (line.length > 60) return false;
  const first = line.trimStart().charAt(0);
  return (first === '-' || first === '—' || first === '_') && SIGNATURE_START.test(line);
}
/** Mailman's footer separator: a line of underscores (Markdown reads it as a rule). */
const isFooterRule = (unit: Unit | undefined) => unit?.kind === 'rule' && /^\s*_{10,}\s*$/.test(unit.segmentText(0));

/** The lead-out a unit's first line opens with, or null: kept with the unit. */
const LEAD_OUT_OF = new UnitMemo((unit) => LEAD_OUT.exec(unit.segmentText(0))?.[0] ?? null);

/** Whether a paragraph's own lines hold a cut-in opening or a hand-over sentence (step 1b starts from these). */
function holdsPassageCue(unit: Unit): boolean {
  return (unit.kind === 'paragraph' || unit.kind === 'list-item') && (unit.memo(TEXT_FACTS) & (OPENS_ELIDED | ELIDED_UNDER_COLON | INNER_HERE_IS | LAST_LINE_HERE_IS)) !== 0;
}

/** Whether the unit's own text ends a line on a lead-in phrase or opens on a lead-out (step 1 starts from these). */
function holdsLeadPhrase(unit: Unit): boolean {
  return unit.isProse && ((unit.memo(TEXT_FACTS) & (LAST_LINE_LEAD_IN | INNER_LEAD_IN)) !== 0 || unit.memo(LEAD_OUT_OF) !== null);
}

export const unmarkedQuote: Rule = {
  id: 'unmarked-quote',
  description:
    "Someone else's words pasted without `>`: a paragraph announced by a lead-in (\"this argument:\", \"you wrote:\") or cited under it (\"That is from …\"), a line under a colon that opens mid-passage (\"...It is no accident\") or under \"here's the relevant quote from …\", text found in the source or in an earlier quote, one person's post repeated in another's on a copied thread page, or a plain paragraph where a response letter quotes the comments it answers in bold or italics.",
  defaultSeverity: 'warning',
  scope: 'debate',
  options: {},
  check(draft, { analysis, cache }) {
    const findings: Finding[] = [];
    const flagged = new Set<Unit>();
    const { inLaterCopy } = analysis.duplicates;
    const isCandidate = (unit: Unit) =>
      (unit.kind === 'paragraph' || unit.kind === 'list-item') && !inLaterCopy.has(unit) && !startsSignature(unit.segmentText(0)) && !isFooterRule(draft.units[unit.index - 1]);
    // (A bare "Quote:" box label announces nobody's words: the parser read it as a quote where the thread shows whose.)
    const leadInLines = new Map(draft.leadIns.filter((leadIn) => leadIn.names === undefined && !leadIn.post && !isBareQuoteBox(leadIn.text)).map((leadIn) => [leadIn.line, leadIn.text]));
    const leadInLineList = [...leadInLines.keys()].sort((a, b) => a - b);

    const flag = (unit: Unit, why: string, firstLine = unit.startLine) => {
      if (flagged.has(unit)) return;
      flagged.add(unit);
      findings.push({
        range: range(firstLine, 0, unit.endLine, draft.lines[unit.endLine].text.length),
        message: `This looks like someone else's words (${why}) but it is not marked as a quote.`,
        fixes: [{ title: 'Mark as a quote', edits: quoteLinesEdits(draft, firstLine, unit.endLine), safe: false }],
      });
    };
    const leadInAt = (unit: Unit, segment: number): string | undefined => {
      const found = leadInLines.size > 0 ? leadInLines.get(unit.segmentLine(segment)) : undefined;
      // Every lead-in phrase ends with a colon: most lines are rejected before the patterns run.
      return found ?? (unit.isProse && endsWithColon(unit.segmentText(segment)) ? leadInPhrase(unit, segment) : undefined);
    };

    // 0. Quotes the parser found without their `>` (a forum header above them, a reviewer's comment before
    // "Response:"): read as quotes already, but shown as the writer's own text until they are marked.
    for (let quoteIndex = 0; quoteIndex < draft.quotes.length; quoteIndex++) {
      const quote = draft.quotes[quoteIndex];
      // One finding per header: the original under an Outlook header may be cut into several quotes by the
      // code or output pasted inside it, and only the first is attributed.
      // (Or a `>` box whose quoted text goes on without its marks: parsing/continuedQuotes.ts.)
      if (quote.parent || !quote.attribution || (quote.origin !== 'pasted' && !draft.lineInfo[quote.endLine].pastedQuote)) continue;
      let start = quote.startLine;
      while (start < quote.endLine && !draft.lineInfo[start].pastedQuote) start++;
      // The blank lines between the box and its unmarked rest are marked too: one quote, as it is read.
      let fixFrom = start;
      while (fixFrom > quote.startLine && draft.lineInfo[fixFrom - 1].blank) fixFrom--;
      const who = quote.speaker ? `${quote.speaker}'s words` : "someone else's words";
      // Underlined: the quote's first paragraph (a pasted original may run to the end of the draft); the fix marks all of it.
      let firstEnd = start;
      while (firstEnd < quote.endLine && !draft.lineInfo[firstEnd + 1].blank) firstEnd++;
      findings.push({
        range: range(start, 0, firstEnd, draft.lines[firstEnd].text.length),
        message: `${capitalise(lineRangeLabel(start, quote.endLine))} ${start === quote.endLine ? 'is' : 'are'} ${who} (${quote.attribution ? `after “${shorten(draft.lines[quote.attribution.startLine].text.trim())}”` : 'a comment you answer'}) but they are not marked as a quote.`,
        fixes: [{ title: 'Mark as a quote', edits: quoteLinesEdits(draft, fixFrom, quote.endLine), safe: false }],
      });
    }

    // 1. Announced by the paragraph before it, or by a line of its own paragraph ("… You wrote:" + their words).
    // Only the units next to or holding a lead-in or a lead-out can be: those whose own text has one (the
    // cache keeps them as edits come, holdsLeadPhrase) and those on a lead-in the parser found. The others,
    // nearly all, are not read at all.
    const units = draft.units;
    const parsedLeadInWithin = (unit: Unit) => {
      if (leadInLineList.length === 0) return false;
      const first = firstAtLeast(leadInLineList, unit.startLine);
      return first < leadInLineList.length && leadInLineList[first] <= unit.endLine;
    };
    const nearLeads = new Set<Unit>();
    const addWithNeighbours = (unit: Unit) => {
      if (unit.index > 0) nearLeads.add(units[unit.index - 1]);
      nearLeads.add(unit);
      if (unit.index + 1 < units.length) nearLeads.add(units[unit.index + 1]);
    };
    for (const unit of cache.unitsWhere(draft, holdsLeadPhrase)) addWithNeighbours(unit);
    for (const line of leadInLineList) {
      const at = firstIndexWhere(units.length, (index) => units[index].endLine >= line);
      if (at < units.length && units[at].startLine <= line) addWithNeighbours(units[at]);
    }
    for (const unit of [...nearLeads].sort((a, b) => a.index - b.index)) {
      const i = unit.index;
      if (unit.kind !== 'paragraph' && unit.kind !== 'list-item') continue;
      const facts = unit.memo(TEXT_FACTS);
      if (facts & STARTS_SIGNATURE) continue;
      const previous = units[i - 1];
      const next = units[i + 1];
      const announced = previous !== undefined && previous.depth === unit.depth && ((previous.memo(TEXT_FACTS) & LAST_LINE_LEAD_IN) !== 0 || parsedLeadInWithin(previous));
      const cited = next !== undefined && next.depth === unit.depth && next.isProse && unit.wordCount >= MIN_MATCH_WORDS && next.memo(LEAD_OUT_OF) !== null;
      const holds = (facts & INNER_LEAD_IN) !== 0 || parsedLeadInWithin(unit);
      if (!announced && !cited && !holds) continue;
      if (!isCandidate(unit)) continue;
      const before = previous && previous.depth === unit.depth ? leadInAt(previous, previous.segmentCount - 1) : undefined;
      if (before) {
        flag(unit, `introduced by “${shorten(before.trim())}” on ${lineRangeLabel(previous.endLine)}`);
        continue;
      }
      // Or named by the paragraph after it, as blogs cite: "That is from George Gilder's new book".
      const source = next && next.depth === unit.depth && next.isProse && unit.wordCount >= MIN_MATCH_WORDS ? next.memo(LEAD_OUT_OF) : null;
      if (source) {
        flag(unit, `“${shorten(source.trim())}” follows it on ${lineRangeLabel(next.startLine)}`);
        continue;
      }
      const segment = firstInnerLeadIn(unit, leadInLineList);
      if (segment >= 0) {
        const inside = leadInAt(unit, segment)!;
        const line = unit.segmentLine(segment);
        flag(unit, `introduced by “${shorten(inside.trim())}” on ${lineRangeLabel(line)}`, line + 1);
      }
    }

    // 1b. Announced by a line ending in a colon, and opening mid-passage with an ellipsis ("Hofstadter on the
    // strangeness of explanations:" / "...It is no accident, I would maintain, that …"): nobody opens their own
    // words with a cut. Or handed over by a sentence ending in a full stop ("here's the relevant quote from the
    // RFC."). The paragraph when it is one of its own; else only the line (what follows it may be the answer).
    // Only the paragraphs holding such a cue, and the ones right under a paragraph ending on a hand-over, can be
    // (the cache keeps the paragraphs with a cue as edits come, as for step 1).
    const nearCues = new Set<Unit>();
    for (const unit of cache.unitsWhere(draft, holdsPassageCue)) {
      if (unit.memo(TEXT_FACTS) & (OPENS_ELIDED | ELIDED_UNDER_COLON | INNER_HERE_IS)) nearCues.add(unit);
      if (unit.kind === 'paragraph' && unit.memo(TEXT_FACTS) & LAST_LINE_HERE_IS && unit.index + 1 < units.length) nearCues.add(units[unit.index + 1]);
    }
    for (const unit of [...nearCues].sort((a, b) => a.index - b.index)) {
      const i = unit.index;
      const prose = unit.kind === 'paragraph' || unit.kind === 'list-item';
      const facts = prose ? unit.memo(TEXT_FACTS) : 0;
      const previous = units[i - 1];
      const factsAbove = previous?.kind === 'paragraph' ? previous.memo(TEXT_FACTS) : 0;
      if (!prose || flagged.has(unit) || !unit.isProse) continue;
      const handedOver = (factsAbove & LAST_LINE_HERE_IS) !== 0 && previous.depth === unit.depth;
      if (!isCandidate(unit)) continue;
      const lastLineOf = (above: Unit) => above.segmentText(above.segmentCount - 1);
      if (handedOver) {
        flag(unit, `handed over by “${shorten(lastLineOf(previous).trim())}” on ${lineRangeLabel(previous.endLine)}`);
        continue;
      }
      if (facts & OPENS_ELIDED && previous !== undefined && previous.depth === unit.depth && previous.isProse && endsWithColon(lastLineOf(previous))) {
        flag(unit, `introduced by “${shorten(lastLineOf(previous).trim())}” on ${lineRangeLabel(previous.endLine)}, and opening mid-passage`);
        continue;
      }
      for (let segment = 1; segment < unit.segmentCount; segment++) {
        const text = unit.segmentText(segment);
        const above = unit.segmentText(segment - 1);
        const elided = opensElided(text) && endsWithColon(above);
        if (!elided && !(facts & INNER_HERE_IS && handsOverPassage(above))) continue;
        const line = unit.segmentLine(segment);
        flagged.add(unit);
        findings.push({
          range: range(line, 0, line, draft.lines[line].text.length),
          message: `This looks like someone else's words (${elided ? 'introduced' : 'handed over'} by “${shorten(above.trim())}” on ${lineRangeLabel(line - 1)}${elided ? ', and opening mid-passage' : ''}) but it is not marked as a quote.`,
          fixes: [{ title: 'Mark as a quote', edits: quoteLinesEdits(draft, line, line), safe: false }],
        });
        break;
      }
    }

    // 2. Words found in the source document or in an earlier quote (the earliest such quote of each
    // paragraph is kept in an index that edits update rather than rebuild, with the few that have one).
    const source = analysis.source ? cache.sourceWordIds(analysis.source.text) : null;
    const quoted = cache.earliestQuotes(draft);
    const repeating = source ? units : [...quoted.found.keys()].sort((a, b) => a.index - b.index);
    for (let i = 0; i < repeating.length; i++) {
      const unit = repeating[i];
      if (unit.depth > 0 || flagged.has(unit) || !isCandidate(unit) || unit.wordCount < MIN_MATCH_WORDS) continue;
      if (source && containsRun(source, unit.wordIds)) {
        flag(unit, `it appears word for word in ${analysis.source!.path}`);
        continue;
      }
      const earliest = quoted.found.get(unit);
      if (earliest) flag(unit, `it repeats words quoted at ${lineRangeLabel(earliest.startLine)}`);
    }
    // 3. A comment that lost its `>` in a letter that quotes the comments and answers them in bold or italics.
    for (const unit of commentsThatLostTheirMarks(draft, cache)) {
      if (!flagged.has(unit) && isCandidate(unit)) flag(unit, 'it stands where the letter quotes the comments it answers, right above an answer');
    }
    // 4. Another person's words repeated in someone's post of a copied thread page: a quote whose marks
    // the copy lost (or never had), of the person the post headers say wrote the first copy.
    if (draft.leadIns.some((leadIn) => leadIn.post)) {
      const mark = (first: Unit, last: Unit, earlier: Unit) => {
        // (A form's field repeated in two people's posts is the form's text, as a review form's
        // "Confidence: 4 = Quite sure. …": no one quotes anyone.)
        if (flagged.has(first) || first.wordCount < MIN_MATCH_WORDS || FORM_FIELD.test(first.text) || !quotesAnotherWriter(draft, first, earlier)) return;
        for (let index = first.index; index <= last.index; index++) flagged.add(units[index]);
        const who = writerOf(draft, earlier)!;
        findings.push({
          range: range(first.startLine, 0, last.endLine, draft.lines[last.endLine].text.length),
          message: `This repeats what ${who} wrote at ${lineRangeLabel(earlier.startLine, earlier.endLine)}, but it is not marked as a quote.`,
          fixes: [{ title: 'Mark as a quote', edits: quoteLinesEdits(draft, first.startLine, last.endLine), safe: false }],
        });
      };
      for (const block of analysis.duplicates.blocks) mark(block.later[0], block.later[block.later.length - 1], block.earlierStart);
      for (const copies of analysis.duplicates.repeated) for (const copy of copies.slice(1)) if (!inLaterCopy.has(copy)) mark(copy, copy, copies[0]);
      // (Or made of the other person's sentences joined into one paragraph.)
      for (const { unit, earlier } of paragraphsOfJoinedSentences(draft, units, flagged)) if (isCandidate(unit)) mark(unit, unit, earlier);
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line);
  },
};

/** Whether the line ends with a colon (and white space): allocation-free, as it runs on every paragraph's last line. */
function endsWithColon(text: string): boolean {
  for (let end = text.length - 1; end >= 0; end--) {
    const code = text.charCodeAt(end);
    if (code === 32 || code === 9) continue;
    if (code < 128) return code === 58; // ':'
    if (!/\s/.test(text[end])) return false;
  }
  return false;
}

/**
 * TEXT_FACTS bits: the first line starts a signature; the last line is a lead-in; a line before it is; the
 * first line opens mid-passage ("...It is no accident"); a later line does, right under a line ending in a colon.
 */
const STARTS_SIGNATURE = 1;
const LAST_LINE_LEAD_IN = 2;
const INNER_LEAD_IN = 4;
const OPENS_ELIDED = 8;
const ELIDED_UNDER_COLON = 16;
const LAST_LINE_HERE_IS = 32;
const INNER_HERE_IS = 64;

// A sentence that hands over a passage, ending with a full stop as often as a colon: "In fact, here's the
// relevant quote from the RFC in which URLs are defined.", "Here is the passage from the manual:".
// (A passage or a paragraph only "from" somewhere: "here is the paragraph I rewrote" hands over the writer's own.)
const HERE_IS_PASSAGE = /\bhere(?:'s|’s|\s+is|\s+are)\s+(?:the|a|an|that|this|some)\s+(?:[\p{L}-]+\s+){0,2}(?:(?:quote|quotation|excerpt)s?\b|(?:passage|paragraph|snippet|definition|wording)s?\b[^!?]*\bfrom\b)[^!?]*[.:]\s*$/iu;

/** Asked of every line of prose: one ending in neither a full stop nor a colon is settled by its last character. */
function handsOverPassage(text: string): boolean {
  let end = text.length - 1;
  while (end > 0 && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end--;
  const last = text.charCodeAt(end);
  return (last === 46 /* . */ || last === 58) /* : */ && text.length < 300 && text.includes('ere') && HERE_IS_PASSAGE.test(text);
}

// An ellipsis opening a line, and the word it cuts into: "...It is no accident", "..a compact string", "… Because".
// (A line of dots alone marks a cut, not the start of a passage.)
const ELIDED_START = /^\s{0,3}(?:\.{2,4}|…)\s?["“]?\p{L}/u;

/** Whether the line opens with an ellipsis cutting into a sentence: a passage quoted from its middle. */
function opensElided(text: string): boolean {
  let at = 0;
  while (at < 3 && text.charCodeAt(at) === 32) at++;
  const code = text.charCodeAt(at);
  return (code === 46 /* . */ || code === 0x2026) /* … */ && ELIDED_START.test(text);
}

/**
 * What a unit's own lines say for this rule, as bits (worked out once per unit: reading every line of every
 * unit on every lint was most of the rule's time). The lead-in bits are the phrases alone; lead-ins the
 * parser found are looked up by line.
 */
const TEXT_FACTS = new UnitMemo((unit): number => {
  let facts = startsSignature(unit.segmentText(0)) ? STARTS_SIGNATURE : 0;
  const last = unit.segmentCount - 1;
  if (opensElided(unit.segmentText(0))) facts |= OPENS_ELIDED;
  for (let segment = 1; segment <= last; segment++) {
    if (opensElided(unit.segmentText(segment)) && endsWithColon(unit.segmentText(segment - 1))) {
      facts |= ELIDED_UNDER_COLON;
      break;
    }
  }
  if (unit.isProse) {
    if (handsOverPassage(unit.segmentText(last))) facts |= LAST_LINE_HERE_IS;
    for (let segment = 0; segment < last; segment++) {
      if (handsOverPassage(unit.segmentText(segment))) {
        facts |= INNER_HERE_IS;
        break;
      }
    }
  }
  if (unit.isProse && endsWithColon(unit.segmentText(last)) && leadInPhrase(unit, last)) facts |= LAST_LINE_LEAD_IN;
  for (let segment = 0; segment < last; segment++) {
    if (endsWithColon(unit.segmentText(segment)) && leadInPhrase(unit, segment)) {
      facts |= INNER_LEAD_IN;
      break;
    }
  }
  return facts;
});

/** The lead-in phrase each line of the unit ends with (null where none): matched once per unit. */
const LEAD_IN_PHRASES_OF = new UnitMemo((unit) =>
  Array.from({ length: unit.segmentCount }, (_, segment) => {
    const text = unit.segmentText(segment).trim();
    // ("dmesg said :" pastes a program's output: no one's words. A handle the thread writes elsewhere is
    // found by the parser's lead-ins.)
    return (text.endsWith(':') && programSubject(text) === null && LEAD_IN_PHRASES.map((pattern) => pattern.exec(text)?.[0]).find(Boolean)) || null;
  }),
);

function leadInPhrase(unit: Unit, segment: number): string | undefined {
  return unit.memo(LEAD_IN_PHRASES_OF)[segment] ?? undefined;
}

/**
 * The first line but the last of a paragraph that is a lead-in (one the parser found, or one ending with
 * a lead-in phrase), as a segment index; -1 when there is none. Every paragraph asks on every lint, so
 * the parser's lead-ins (`leadInLines`, ascending) are bisected rather than looked up line by line: a
 * paragraph's lines are consecutive, so segment i is line startLine + i. Phrases are only matched on
 * lines ending with a colon, once per paragraph (LEAD_IN_PHRASES_OF).
 */
function firstInnerLeadIn(unit: Unit, leadInLines: readonly number[]): number {
  let parsed = -1;
  if (leadInLines.length > 0) {
    const first = firstAtLeast(leadInLines, unit.startLine);
    if (first < leadInLines.length) parsed = leadInLines[first] - unit.startLine;
  }
  const inner = unit.segmentCount - 1;
  const end = parsed >= 0 && parsed < inner ? parsed : inner;
  for (let segment = 0; segment < end; segment++) {
    if (endsWithColon(unit.segmentText(segment)) && leadInPhrase(unit, segment)) return segment;
  }
  return end < inner ? end : -1;
}

function shorten(text: string): string {
  return text.length > 50 ? `…${text.slice(-47)}` : text;
}
