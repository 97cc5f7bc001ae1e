import { unitChanges } from '../changes';
import { lineLabel, quoteLinesEdits } from '../edits';
import { wordKeys } from '../normalize';
import { mix, wordIds } from '../similarity';
import { Draft, Unit } from '../parse';
import { Finding, Rule } from '../rule';
import { range } from '../types';

// Phrases that end a sentence announcing someone else's words: "… was this argument:", "you wrote that:".
const LEAD_IN_PHRASES = [
  /\b(?:this|that|the following|following|the|your|his|her|their)\s+(?:argument|claim|point|passage|statement|sentence|comment|objection|assertion|quote|paragraph|line|section|reasoning|question|remark|bit|part)s?\s*(?:\([^)]*\))?\s*:\s*$/i,
  /\b(?:you|he|she|they|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:wrote|write|writes|said|say|says|claim|claims|claimed|argue|argues|argued|state|states|stated|suggest|suggests|suggested|assert|asserts|asserted|put it|mention|mentions|mentioned|mean|meant)(?:\s+(?:that|this|the following))?\s*:\s*$/i,
];

const MIN_MATCH_WORDS = 8;

export const unmarkedQuote: Rule = {
  id: 'unmarked-quote',
  description: "Someone else's words pasted without `>`: a paragraph announced by a lead-in (\"this argument:\", \"you wrote:\"), or text found in the source or in an earlier quote.",
  defaultSeverity: 'warning',
  options: {},
  check(draft, { analysis }) {
    const findings: Finding[] = [];
    const flagged = new Set<Unit>();
    const { inLaterCopy } = analysis.duplicates;
    const candidates = new Set(draft.units.filter((unit) => unit.kind === 'paragraph' && !inLaterCopy.has(unit)));
    const leadInLines = new Map(draft.leadIns.map((leadIn) => [leadIn.line, leadIn.text]));

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
      const line = unit.segments[segment];
      const text = line.text.trimEnd();
      // Every lead-in ends with a colon: most lines are rejected before the patterns run.
      if (!text.endsWith(':')) return leadInLines.get(line.line);
      return leadInLines.get(line.line) ?? (unit.isProse ? LEAD_IN_PHRASES.map((pattern) => pattern.exec(text.trim())?.[0]).find(Boolean) : undefined);
    };

    // 1. Announced by the paragraph before it, or by a line of its own paragraph ("… You wrote:" + their words).
    const units = draft.units;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      if (!candidates.has(unit)) continue;
      const previous = units[i - 1];
      const before = previous && previous.depth === unit.depth ? leadInAt(previous, previous.segments.length - 1) : undefined;
      if (before) {
        flag(unit, `introduced by “${shorten(before.trim())}” on ${lineLabel(previous.endLine)}`);
        continue;
      }
      for (let segment = 0; segment < unit.segments.length - 1; segment++) {
        const inside = leadInAt(unit, segment);
        if (!inside) continue;
        const line = unit.segments[segment].line;
        flag(unit, `introduced by “${shorten(inside.trim())}” on ${lineLabel(line)}`, line + 1);
        break;
      }
    }

    // 2. Words found in the source document or in an earlier quote. A paragraph is looked up by its first
    // MIN_MATCH_WORDS words in an index of every quoted run, which edits update rather than rebuild.
    const source = analysis.source ? sourceWordLine(analysis.source.text) : null;
    const quotedRuns = quotedRunIndex(draft);
    for (const unit of units) {
      if (unit.depth > 0 || !candidates.has(unit) || flagged.has(unit)) continue;
      const keys = unit.wordKeys;
      if (keys.length < MIN_MATCH_WORDS) continue;
      if (source && source.includes(unit.wordLine)) {
        flag(unit, `it appears word for word in ${analysis.source!.path}`);
        continue;
      }
      let earliest: Unit | null = null;
      for (const quote of quotedRuns.byRun.get(runHash(wordIds(keys), 0)) ?? []) {
        if (quote.startLine < unit.startLine && (!earliest || quote.startLine < earliest.startLine) && quote.wordLine.includes(unit.wordLine)) earliest = quote;
      }
      if (earliest) flag(unit, `it repeats words quoted at ${lineLabel(earliest.startLine)}`);
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line);
  },
};

interface QuotedRunIndex {
  quoted: Unit[];
  byRun: Map<number, Set<Unit>>;
}

const runIndexes = new WeakMap<object, QuotedRunIndex>();

/** Every run of MIN_MATCH_WORDS words in quoted paragraphs, kept across edits of the same draft. */
function quotedRunIndex(draft: Draft): QuotedRunIndex {
  const quoted = draft.units.filter((unit) => unit.depth > 0 && unit.isProse);
  const add = (index: QuotedRunIndex, unit: Unit) => {
    for (const run of runsOf(unit)) {
      const set = index.byRun.get(run);
      if (set) set.add(unit);
      else index.byRun.set(run, new Set([unit]));
    }
  };
  const kept = runIndexes.get(draft.parts.carry);
  if (kept) {
    const { removed, added } = unitChanges(kept.quoted, quoted);
    for (const unit of removed) {
      for (const run of runsOf(unit)) {
        const set = kept.byRun.get(run);
        set?.delete(unit);
        if (set?.size === 0) kept.byRun.delete(run);
      }
    }
    for (const unit of added) add(kept, unit);
    kept.quoted = quoted;
    return kept;
  }
  const index: QuotedRunIndex = { quoted, byRun: new Map() };
  for (const unit of quoted) add(index, unit);
  runIndexes.set(draft.parts.carry, index);
  return index;
}

const runsOfUnit = new WeakMap<Unit, Uint32Array>();

/** The hashes of every run of MIN_MATCH_WORDS words in a quoted paragraph, computed once per paragraph. */
function runsOf(unit: Unit): Uint32Array {
  let runs = runsOfUnit.get(unit);
  if (!runs) {
    const ids = wordIds(unit.wordKeys);
    runs = new Uint32Array(Math.max(0, ids.length - MIN_MATCH_WORDS + 1));
    for (let i = 0; i < runs.length; i++) runs[i] = runHash(ids, i);
    runsOfUnit.set(unit, runs);
  }
  return runs;
}

/** A number for the MIN_MATCH_WORDS words from `start` (collisions are checked by the text compare after). */
function runHash(ids: Int32Array, start: number): number {
  let hash = 0x27d4eb2d;
  for (let i = start; i < start + MIN_MATCH_WORDS; i++) hash = mix(hash, ids[i]);
  return hash;
}

let lastSource: { text: string; words: string } | undefined;

/** The source's words as one " a b c " line, remembered while the same source text comes back. */
function sourceWordLine(text: string): string {
  if (lastSource?.text !== text) lastSource = { text, words: ` ${wordKeys(text).join(' ')} ` };
  return lastSource.words;
}

function shorten(text: string): string {
  return text.length > 50 ? `…${text.slice(-47)}` : text;
}
