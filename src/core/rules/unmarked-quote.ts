import { unitChangesSince } from '../changes';
import { lineLabel, quoteLinesEdits } from '../edits';
import { containsRun, wordIdsOf } from '../normalize';
import { mix } from '../similarity';
import { Draft, Unit, UnitMemo } from '../parse';
import { Finding, Rule } from '../rule';
import { range } from '../types';

// Phrases that end a sentence announcing someone else's words: "… was this argument:", "you wrote that:".
const LEAD_IN_PHRASES = [
  /\b(?:this|that|the following|following|the|your|his|her|their)\s+(?:argument|claim|point|passage|statement|sentence|comment|objection|assertion|quote|paragraph|line|section|reasoning|question|remark|bit|part)s?\s*(?:\([^)]*\))?\s*:\s*$/i,
  /\b(?:you|he|she|they|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:wrote|write|writes|said|say|says|claim|claims|claimed|argue|argues|argued|state|states|stated|suggest|suggests|suggested|assert|asserts|asserted|put it|mention|mentions|mentioned|mean|meant)(?:\s+(?:that|this|the following))?\s*:\s*$/i,
];

const MIN_MATCH_WORDS = 8;
const NONE: ReadonlySet<Unit> = new Set();

export const unmarkedQuote: Rule = {
  id: 'unmarked-quote',
  description: "Someone else's words pasted without `>`: a paragraph announced by a lead-in (\"this argument:\", \"you wrote:\"), or text found in the source or in an earlier quote.",
  defaultSeverity: 'warning',
  options: {},
  check(draft, { analysis }) {
    const findings: Finding[] = [];
    const flagged = new Set<Unit>();
    const { inLaterCopy } = analysis.duplicates;
    const isCandidate = (unit: Unit) => unit.kind === 'paragraph' && !inLaterCopy.has(unit);
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
      const found = leadInLines.size > 0 ? leadInLines.get(line.line) : undefined;
      // Every lead-in phrase ends with a colon: most lines are rejected before the patterns run.
      return found ?? (unit.isProse && endsWithColon(line.text) ? leadInPhrase(unit, segment) : undefined);
    };

    // 1. Announced by the paragraph before it, or by a line of its own paragraph ("… You wrote:" + their words).
    const units = draft.units;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      if (!isCandidate(unit)) continue;
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
    const source = analysis.source ? sourceWordIds(analysis.source.text) : null;
    const quotedRuns = quotedRunIndex(draft);
    for (const unit of units) {
      if (unit.depth > 0 || flagged.has(unit) || !isCandidate(unit)) continue;
      const run = unit.memo(FIRST_RUN);
      if (run === null) continue;
      if (source && containsRun(source, unit.wordIds)) {
        flag(unit, `it appears word for word in ${analysis.source!.path}`);
        continue;
      }
      const earliest = earliestQuoteOf(unit, run, quotedRuns);
      if (earliest) flag(unit, `it repeats words quoted at ${lineLabel(earliest.startLine)}`);
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

/** The lead-in phrase each line of the unit ends with (null where none): matched once per unit. */
const LEAD_IN_PHRASES_OF = new UnitMemo((unit) =>
  unit.segments.map((segment) => {
    const text = segment.text.trim();
    return (text.endsWith(':') && LEAD_IN_PHRASES.map((pattern) => pattern.exec(text)?.[0]).find(Boolean)) || null;
  }),
);

function leadInPhrase(unit: Unit, segment: number): string | undefined {
  return unit.memo(LEAD_IN_PHRASES_OF)[segment] ?? undefined;
}

/** The hash of the paragraph's first MIN_MATCH_WORDS words; null when it is shorter. */
const FIRST_RUN = new UnitMemo((unit) => (unit.wordIds.length < MIN_MATCH_WORDS ? null : runHash(unit.wordIds, 0)));

/** The hashes of every run of MIN_MATCH_WORDS words in a quoted paragraph. */
const RUNS = new UnitMemo((unit) => {
  const ids = unit.wordIds;
  const runs = new Int32Array(Math.max(0, ids.length - MIN_MATCH_WORDS + 1));
  for (let i = 0; i < runs.length; i++) runs[i] = runHash(ids, i);
  return runs;
});

interface QuotedRunIndex {
  /** The draft version the index reflects (versions only grow, so they also date the changes below). */
  generation: number;
  /** Most runs occur in one paragraph: a unit alone, a Set only for runs several paragraphs share. */
  byRun: Map<number, Unit | Set<Unit>>;
  /** The version at which each run's quotes last changed (absent: unchanged since the index was built). */
  changedAt: Map<number, number>;
}

/** The earliest quote found for a paragraph, and the version of the index it was found at. */
const earliestFound = new WeakMap<Unit, { index: QuotedRunIndex; generation: number; earliest: Unit | null }>();

/**
 * The earliest quote before `unit` that holds all of its words, looked up by its first run. Kept until
 * that run's quotes change: paragraphs keep their order across edits, so nothing else can change it.
 */
function earliestQuoteOf(unit: Unit, run: number, index: QuotedRunIndex): Unit | null {
  const known = earliestFound.get(unit);
  if (known && known.index === index && (index.changedAt.get(run) ?? -1) <= known.generation) return known.earliest;
  let earliest: Unit | null = null;
  for (const quote of quotesWithRun(index, run)) {
    if (quote.startLine < unit.startLine && (!earliest || quote.startLine < earliest.startLine) && containsRun(quote.wordIds, unit.wordIds)) earliest = quote;
  }
  earliestFound.set(unit, { index, generation: index.generation, earliest });
  return earliest;
}

const runIndexes = new WeakMap<object, QuotedRunIndex>();

function quotesWithRun(index: QuotedRunIndex, run: number): Iterable<Unit> {
  const known = index.byRun.get(run);
  return known === undefined ? NONE : known instanceof Set ? known : [known];
}

/** Every run of MIN_MATCH_WORDS words in quoted paragraphs, kept across edits of the same draft. */
function quotedRunIndex(draft: Draft): QuotedRunIndex {
  const isQuoted = (unit: Unit) => unit.depth > 0 && unit.isProse;
  const add = (index: QuotedRunIndex, unit: Unit) => {
    for (const run of unit.memo(RUNS)) {
      const known = index.byRun.get(run);
      if (!known) index.byRun.set(run, unit);
      else if (known instanceof Set) known.add(unit);
      else if (known !== unit) index.byRun.set(run, new Set([known, unit]));
    }
  };
  const kept = runIndexes.get(draft.parts.carry);
  const changes = kept ? unitChangesSince(draft, kept.generation) : null;
  if (kept && changes) {
    const generation = draft.parts.generation;
    for (const unit of changes.removed) {
      if (!isQuoted(unit)) continue;
      for (const run of unit.memo(RUNS)) {
        kept.changedAt.set(run, generation);
        const known = kept.byRun.get(run);
        if (known === unit) kept.byRun.delete(run);
        else if (known instanceof Set) {
          known.delete(unit);
          if (known.size === 1) kept.byRun.set(run, known.values().next().value!);
        }
      }
    }
    for (const unit of changes.added) {
      if (!isQuoted(unit)) continue;
      for (const run of unit.memo(RUNS)) kept.changedAt.set(run, generation);
      add(kept, unit);
    }
    kept.generation = generation;
    return kept;
  }
  const index: QuotedRunIndex = { generation: draft.parts.generation, byRun: new Map(), changedAt: new Map() };
  for (const unit of draft.units) if (isQuoted(unit)) add(index, unit);
  runIndexes.set(draft.parts.carry, index);
  return index;
}

/** A number for the MIN_MATCH_WORDS words from `start` (collisions are checked by the text compare after). */
function runHash(ids: Int32Array, start: number): number {
  let hash = 0x27d4eb2d;
  for (let i = start; i < start + MIN_MATCH_WORDS; i++) hash = mix(hash, ids[i]);
  return hash | 0; // int32: small integers to V8, so Map keys need no boxing
}

let lastSource: { text: string; ids: Int32Array } | undefined;

/** The source's words, remembered while the same source text comes back. */
function sourceWordIds(text: string): Int32Array {
  if (lastSource?.text !== text) lastSource = { text, ids: wordIdsOf(text) };
  return lastSource.ids;
}

function shorten(text: string): string {
  return text.length > 50 ? `…${text.slice(-47)}` : text;
}
