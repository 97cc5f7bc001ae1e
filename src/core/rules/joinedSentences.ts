// On a copied thread page, one person's paragraph made of another's sentences joined together: the authors
// of an OpenReview comment paste a reviewer's two points as one paragraph, unmarked, and answer under it.
// (A paragraph repeated whole is found by the duplicate analysis; this is the quote that joins pieces.)
import { quotesAnotherWriter } from '../duplicates';
import { Draft, Unit, UnitMemo } from '../parse';

// A sentence and its closing marks, up to the space after it.
const SENTENCE = /[^.!?]+[.!?]+["”’)]*(?=\s|$)/g;
/** Sentences shorter than this are too common to tell anyone's words ("Thanks.", "Yes, such methods exist."). */
const MIN_SENTENCE_WORDS = 5;

/** A unit's sentences, worked out once per unit (the rule asks every unit of a copied page on every lint). */
const SENTENCES_OF = new UnitMemo((unit): readonly string[] => sentencesOf(unit));

function sentencesOf(unit: Unit): string[] {
  const sentences: string[] = [];
  for (let segment = 0; segment < unit.segmentCount; segment++) {
    for (const match of unit.segmentText(segment).matchAll(SENTENCE)) {
      const sentence = match[0].trim().replace(/\s+/g, ' ');
      if (sentence.length > 0) sentences.push(sentence);
    }
  }
  return sentences;
}

const wordsIn = (sentence: string) => sentence.split(' ').length;

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
    const sentences = unit.memo(SENTENCES_OF);
    const long = sentences.filter((sentence) => wordsIn(sentence) >= MIN_SENTENCE_WORDS);
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
