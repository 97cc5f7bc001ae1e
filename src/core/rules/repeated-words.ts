import { Unit, UnitMemo } from '../parse';
import { Finding, Rule } from '../rule';
import { range } from '../types';
import { idsOfWords, keyOfId } from '../vocabulary';
import { sameWordKey, wordKeyAt, wordSpans } from '../words';

// Doubled single words that English uses on purpose ("that that", "when you set it it works", "I told you
// you were right", "gave her her keys").
const INTENDED_DOUBLES = new Set(['that', 'had', 'is', 'it', 'you', 'her', 'bye', 'so', 'ha', 'haha', 'no', 'yes', 'very', 'really', 'far', 'more', 'knock', 'tut', 'blah', 'bla', 'yada', 'la', 'dum', 'ta', 'chop', 'now', 'well', 'again', 'on', 'over', 'round', 'by']);
const MAX_GROUP = 4;

export const repeatedWords: Rule = {
  id: 'repeated-words',
  description: 'A word or group of words is accidentally doubled ("the the", "to me to me"). Code is never checked.',
  defaultSeverity: 'warning',
  scope: 'prose',
  options: {},
  check(draft, { analysis, cache }) {
    const findings: Finding[] = [];
    const { inLaterCopy } = analysis.duplicates;
    for (const unit of cache.unitsWhere(draft, hasDoubledWords)) {
      if (inLaterCopy.has(unit)) continue;
      const doubled = unit.memo(DOUBLED_GROUPS);
      // The same finding objects while the paragraph stays where it was: a keystroke elsewhere makes none
      // anew, and the engine and the editor keep what they made of them (see engine.ts).
      if (doubled.findingsLine !== unit.startLine) remakeFindings(unit, doubled);
      for (let i = 0; i < doubled.findings.length; i++) findings.push(doubled.findings[i]);
    }
    return findings;
  },
};

function hasDoubledWords(unit: Unit): boolean {
  return unit.isProse && unit.memo(DOUBLED_GROUPS) !== NO_GROUPS;
}

function remakeFindings(unit: Unit, doubled: Doubled): void {
  doubled.findings = doubled.groups.map((group) => findingOf(unit, group));
  doubled.findingsLine = unit.startLine;
}

function findingOf(unit: Unit, { start: from, endOfFirst, endOfSecond, group, repeated }: DoubledGroup): Finding {
  const start = unit.positionAt(from);
  const deleteFrom = unit.positionAt(endOfFirst);
  const end = unit.positionAt(endOfSecond);
  return {
    range: range(start.line, start.character, end.line, end.character),
    message: `“${group}” is repeated: “${repeated}”.`,
    fixes: [{ title: `Delete the repeated “${group}”`, edits: [{ range: range(deleteFrom.line, deleteFrom.character, end.line, end.character), newText: '' }], safe: false }],
  };
}

/** A paragraph's doubled groups, and its findings as made for the line the paragraph then started on. */
interface Doubled {
  groups: readonly DoubledGroup[];
  findingsLine: number;
  findings: readonly Finding[];
}

interface DoubledGroup {
  /** Offsets in the paragraph's text: the group starts, ends, and its repeat ends. */
  start: number;
  endOfFirst: number;
  endOfSecond: number;
  /** The group's words, and the group with its repeat (white space made single), for the message. */
  group: string;
  repeated: string;
}

const NO_GROUPS: Doubled = Object.freeze({ groups: [], findingsLine: -1, findings: [] });

// Found once per paragraph, however many times the draft is linted while other paragraphs are edited.
const DOUBLED_GROUPS = new UnitMemo((unit): Doubled => {
  if (!mayRepeat(unit.wordIds)) return NO_GROUPS;
  const groups: DoubledGroup[] = [];
  const text = unit.text;
  const prose = unit.prose;
  const spans = wordSpans(prose);
  const count = spans.length / 2;
  for (let i = 0; i < count; i++) {
    for (let size = Math.min(MAX_GROUP, Math.floor((count - i) / 2)); size >= 1; size--) {
      if (!isDoubled(prose, spans, i, size, text)) continue;
      const start = spans[2 * i];
      const endOfFirst = spans[2 * (i + size - 1) + 1];
      const endOfSecond = spans[2 * (i + 2 * size - 1) + 1];
      // Kept with the offsets: the prose is not kept with the unit, and every lint writes the message.
      groups.push({ start, endOfFirst, endOfSecond, group: prose.slice(start, endOfFirst), repeated: prose.slice(start, endOfSecond).replace(/\s+/g, ' ') });
      i += 2 * size - 1;
      break;
    }
  }
  return groups.length === 0 ? NO_GROUPS : { groups, findingsLine: -1, findings: [] };
});

/** Whether the `size` words from word `i` are followed by the same words (spans as `wordSpans` gives them). */
function isDoubled(prose: string, spans: Int32Array, i: number, size: number, text: string): boolean {
  for (let k = 0; k < size; k++) {
    const a = 2 * (i + k);
    const b = 2 * (i + size + k);
    if (!sameWordKey(prose, spans[a], spans[a + 1], spans[b], spans[b + 1])) return false;
  }
  // Only white space may separate the words ("no, no" is deliberate), in the text as written: code or a
  // URL blanked out between two words separates them.
  for (let k = 0; k < 2 * size - 1; k++) if (!/^\s+$/.test(text.slice(spans[2 * (i + k) + 1], spans[2 * (i + k + 1)]))) return false;
  // "per-option option", "re-read read": the first word ends a compound, the second is a word of its own.
  if (/[-/]/.test(text[spans[2 * i] - 1] ?? '')) return false;
  // "package.json JSON": the first word ends a file's or a domain's name. "minimum minimum-number-of-calls",
  // "Sync vs Async vs Async/Await": the repeat's last word starts a compound.
  if (text[spans[2 * i] - 1] === '.' && /\w/.test(text[spans[2 * i] - 2] ?? '')) return false;
  const after = spans[2 * (i + 2 * size - 1) + 1];
  if (/[-/.]/.test(text[after] ?? '') && /\w/.test(text[after + 1] ?? '')) return false;
  if (size === 1) {
    const word = wordKeyAt(prose, spans[2 * i], spans[2 * i + 1]);
    if (INTENDED_DOUBLES.has(word) || /^\d+$/.test(word)) return false;
  }
  // "again and again and it will…", "more and more and more": English's "X and X" said on purpose, then "and".
  if (size === 2 && INTENDED_DOUBLES.has(wordKeyAt(prose, spans[2 * i], spans[2 * i + 1])) && /^(?:and|or)$/.test(wordKeyAt(prose, spans[2 * i + 2], spans[2 * i + 3]))) return false;
  return true;
}

/**
 * Whether a group of 1–4 words is followed by itself, leaving out single words doubled on purpose or
 * numbers (isDoubled would reject them): the cheap test before offsets are worked out. A group of `size`
 * words is doubled where `size` words in a row equal the words `size` further on. One pass counts such
 * runs for the four sizes at once (every prose paragraph of a draft takes this test; one pass a size read
 * its words four times).
 */
function mayRepeat(keys: Int32Array): boolean {
  const count = keys.length;
  let run2 = 0;
  let run3 = 0;
  let run4 = 0;
  for (let i = 0; i + 1 < count; i++) {
    const key = keys[i];
    if (key === keys[i + 1] && !isIntendedOrNumber(key)) return true;
    if (i + 2 < count) {
      if (key !== keys[i + 2]) run2 = 0;
      else if (++run2 >= 2) return true;
    }
    if (i + 3 < count) {
      if (key !== keys[i + 3]) run3 = 0;
      else if (++run3 >= 3) return true;
    }
    if (i + 4 < count) {
      if (key !== keys[i + 4]) run4 = 0;
      else if (++run4 >= 4) return true;
    }
  }
  return false;
}

let intendedIds: Set<number> | undefined;

function isIntendedOrNumber(id: number): boolean {
  intendedIds ??= new Set(idsOfWords([...INTENDED_DOUBLES]));
  return intendedIds.has(id) || /^\d+$/.test(keyOfId(id));
}
