// On a copied thread page, one person's paragraph made of another's sentences joined together: the authors
// of an OpenReview comment paste a reviewer's two points as one paragraph, unmarked, and answer under it.
// (A paragraph repeated whole is found by the duplicate analysis; this is the quote that joins pieces.)
import { quotesAnotherWriter } from '../duplicates';
import { Draft, Unit, UnitMemo } from '../parse';

/** Sentences shorter than this are too common to tell anyone's words ("Thanks.", "Yes, such methods exist."). */
const MIN_SENTENCE_WORDS = 5;

/** A unit's sentences, and those long enough to tell, worked out once per unit (the rule asks every unit of a copied page on every lint). */
const SENTENCES_OF = new UnitMemo((unit): { all: readonly string[]; long: readonly string[] } => {
  const all = sentencesOf(unit);
  return { all, long: all.filter((sentence) => sentence.split(' ').length >= MIN_SENTENCE_WORDS) };
});

function sentencesOf(unit: Unit): string[] {
  const sentences: string[] = [];
  for (let segment = 0; segment < unit.segmentCount; segment++) {
    const text = unit.segmentText(segment);
    forEachSentence(text, (start, end) => {
      const sentence = text.slice(start, end).trim().replace(/\s+/g, ' ');
      if (sentence.length > 0) sentences.push(sentence);
    });
  }
  return sentences;
}

const isStop = (code: number) => code === 46 /* . */ || code === 33 /* ! */ || code === 63; /* ? */
const isCloser = (code: number) => code === 34 /* " */ || code === 0x201d /* ” */ || code === 0x2019 /* ’ */ || code === 41; /* ) */

/**
 * Calls `found` with each sentence of the text and its closing marks, up to the space after it: what
 * /[^.!?]+[.!?]+["”’)]*(?=\s|$)/g matches, in one pass. (That pattern, tried again from every position of a
 * line with no sentence end, took time in the square of the line's length.) A run of stops not followed by a
 * space or the end ("3.5", "e.g") ends no sentence: the next one starts after it.
 */
function forEachSentence(text: string, found: (start: number, end: number) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (isStop(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let stop = i;
    while (stop < length && !isStop(text.charCodeAt(stop))) stop++;
    if (stop === length) return;
    let after = stop;
    while (after < length && isStop(text.charCodeAt(after))) after++;
    const runEnd = after;
    while (after < length && isCloser(text.charCodeAt(after))) after++;
    if (after === length || /\s/.test(text[after])) {
      found(start, after);
      i = after;
    } else i = runEnd;
  }
}

/** The characters of the unit's lines, without the white space around them. */
function textLength(unit: Unit): number {
  let length = 0;
  for (let segment = 0; segment < unit.segmentCount; segment++) length += unit.segmentText(segment).trim().length;
  return length;
}

/**
 * The paragraphs of someone's post (two sentences or more, none of them short) whose every sentence stands,
 * word for word, in an earlier post of one other person, with the unit of that person's first one.
 */
export function paragraphsOfJoinedSentences(draft: Draft, units: readonly Unit[], skip: ReadonlySet<Unit>): { unit: Unit; earlier: Unit }[] {
  const firstUnitOf = new Map<string, Unit>();
  const found: { unit: Unit; earlier: Unit }[] = [];
  for (const unit of units) {
    if (unit.depth !== 0 || (unit.kind !== 'paragraph' && unit.kind !== 'list-item')) continue;
    const { all: sentences, long } = unit.memo(SENTENCES_OF);
    // (Every word of it in those sentences: a post header or a lead-in run into the paragraph is not quoted.)
    if (!skip.has(unit) && sentences.length >= 2 && long.length === sentences.length && 10 * sentences.reduce((sum, sentence) => sum + sentence.length, 0) >= 9 * textLength(unit)) {
      const sources = long.map((sentence) => firstUnitOf.get(sentence));
      const earlier = sources[0];
      if (earlier && sources.every((source) => source && source !== unit && quotesAnotherWriter(draft, unit, source))) {
        found.push({ unit, earlier });
        continue;
      }
    }
    for (const sentence of long) if (!firstUnitOf.has(sentence)) firstUnitOf.set(sentence, unit);
  }
  return found;
}
