import { programSubject } from '../attribution';
import { capitalise, lineRangeLabel } from '../lineRange';
import { FORM_FIELD, quotesAnotherWriter, writerOf } from '../duplicates';
import { quoteLinesEdits } from '../fixEdits';
import { Unit, UnitMemo } from '../parse';
import { MIN_MATCH_WORDS } from '../quotedRuns';
import { Finding, Rule } from '../rule';
import { firstAtLeast } from '../search';
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

/** The lead-out a unit's first line opens with, or null: kept with the unit, asked of most units on every lint. */
const LEAD_OUT_OF = new UnitMemo((unit) => LEAD_OUT.exec(unit.segmentText(0))?.[0] ?? null);

export const unmarkedQuote: Rule = {
  id: 'unmarked-quote',
  description:
    "Someone else's words pasted without `>`: a paragraph announced by a lead-in (\"this argument:\", \"you wrote:\") or cited under it (\"That is from …\"), text found in the source or in an earlier quote, one person's post repeated in another's on a copied thread page, or a plain paragraph where a response letter quotes the comments it answers in bold or italics.",
  defaultSeverity: 'warning',
  scope: 'debate',
  options: {},
  check(draft, { analysis, cache }) {
    const findings: Finding[] = [];
    const flagged = new Set<Unit>();
    const { inLaterCopy } = analysis.duplicates;
    const isCandidate = (unit: Unit) =>
      (unit.kind === 'paragraph' || unit.kind === 'list-item') && !inLaterCopy.has(unit) && !startsSignature(unit.segmentText(0)) && !isFooterRule(draft.units[unit.index - 1]);
    const leadInLines = new Map(draft.leadIns.filter((leadIn) => leadIn.names === undefined && !leadIn.post).map((leadIn) => [leadIn.line, leadIn.text]));
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
    // Every unit is asked on every lint, so first what can be known of it without reading its lines: what
    // its own text holds (worked out once per unit, TEXT_FACTS) and whether a lead-in the parser found is on
    // its lines. Most units are neither announced, nor cited, nor hold a lead-in, and are passed over there.
    const units = draft.units;
    const parsedLeadInWithin = (unit: Unit) => {
      if (leadInLineList.length === 0) return false;
      const first = firstAtLeast(leadInLineList, unit.startLine);
      return first < leadInLineList.length && leadInLineList[first] <= unit.endLine;
    };
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
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
    for (const unit of commentsThatLostTheirMarks(draft.lines, units)) {
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

/** TEXT_FACTS bits: the first line starts a signature; the last line is a lead-in; a line before it is. */
const STARTS_SIGNATURE = 1;
const LAST_LINE_LEAD_IN = 2;
const INNER_LEAD_IN = 4;

/**
 * What a unit's own lines say for this rule, as bits (worked out once per unit: reading every line of every
 * unit on every lint was most of the rule's time). The lead-in bits are the phrases alone; lead-ins the
 * parser found are looked up by line.
 */
const TEXT_FACTS = new UnitMemo((unit): number => {
  let facts = startsSignature(unit.segmentText(0)) ? STARTS_SIGNATURE : 0;
  const last = unit.segmentCount - 1;
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
