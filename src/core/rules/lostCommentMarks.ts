// A response letter that quotes each comment with `>` and sets the authors' answer under it in bold or
// italics: a plain paragraph standing where the comments stand (after a quote or an answer, right above an
// answer in that style) is a comment whose `>` was lost (the unmarked-quote rule flags it).
import { Unit } from '../parse';

/** Quotes answered in bold or italics the letter must hold before a plain paragraph is read as a lost comment. */
const MIN_ANSWERED_QUOTES = 3;
// How the authors open their own plain text: "We …", "Our …", "Thank you …".
const OPENS_AS_AUTHORS = /^\s*(?:we|our|thanks?)\b/i;

/** The whole paragraph in bold or in italics: "**Noted and done.**", "_Reworded as suggested._". */
function isStyledAnswer(unit: Unit | undefined): boolean {
  if (!unit || unit.depth !== 0 || unit.kind !== 'paragraph') return false;
  const head = unit.segmentText(0).trimStart();
  const mark = head.charAt(0);
  if (mark !== '*' && mark !== '_') return false;
  const marker = head.charAt(1) === mark ? mark + mark : mark;
  if (/\s/.test(head.charAt(marker.length))) return false;
  const tail = unit.segmentText(unit.segmentCount - 1).trimEnd().replace(/[.,;:!?]$/, '');
  return tail.endsWith(marker) && !/\s/.test(tail.charAt(tail.length - marker.length - 1));
}

/** The plain paragraphs of `units` that are such lost comments. */
export function commentsThatLostTheirMarks(units: readonly Unit[]): Unit[] {
  let answered = 0;
  for (let i = 1; i < units.length && answered < MIN_ANSWERED_QUOTES; i++) {
    if (units[i - 1].depth > 0 && units[i].depth === 0 && isStyledAnswer(units[i])) answered++;
  }
  if (answered < MIN_ANSWERED_QUOTES) return [];
  const found: Unit[] = [];
  for (let i = 1; i + 1 < units.length; i++) {
    const unit = units[i];
    if (unit.depth !== 0 || unit.kind !== 'paragraph' || !unit.isProse || unit.wordCount < 6 || !isStyledAnswer(units[i + 1])) continue;
    const head = unit.segmentText(0);
    if (/^\s*[*_]/.test(head) || OPENS_AS_AUTHORS.test(head)) continue;
    const previous = units[i - 1];
    if (previous.depth > 0 || isStyledAnswer(previous)) found.push(unit);
  }
  return found;
}
