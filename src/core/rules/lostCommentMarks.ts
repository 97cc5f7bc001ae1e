// A response letter that quotes each comment with `>` and sets the authors' answer under it in bold or
// italics: a plain paragraph standing where the comments stand (after a quote or an answer, right above an
// answer in that style) is a comment whose `>` was lost (the unmarked-quote rule flags it).
import { Unit } from '../parse';
import { LineText } from '../text';

/** Quotes answered in bold or italics the letter must hold before a plain paragraph is read as a lost comment. */
const MIN_ANSWERED_QUOTES = 3;
// How the authors open their own plain text: "We …", "Our …", "Thank you …".
const OPENS_AS_AUTHORS = /^\s*(?:we|our|thanks?)\b/i;

/**
 * The whole paragraph in bold or in italics: "**Noted and done.**", "_Reworded as suggested._". (Asked of
 * most units on every lint: the first character is read in the line, without a copy of the text.)
 */
function isStyledAnswer(lines: readonly LineText[], unit: Unit | undefined): boolean {
  if (!unit || unit.depth !== 0 || unit.kind !== 'paragraph') return false;
  const line = lines[unit.segmentLine(0)].text;
  let at = unit.segmentStart(0);
  while (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9) at++;
  const first = line.charCodeAt(at);
  if (first !== 42 && first !== 95) return false;
  const head = unit.segmentText(0).trimStart();
  const mark = head.charAt(0);
  if (mark !== '*' && mark !== '_') return false;
  const marker = head.charAt(1) === mark ? mark + mark : mark;
  if (/\s/.test(head.charAt(marker.length))) return false;
  const tail = unit.segmentText(unit.segmentCount - 1).trimEnd().replace(/[.,;:!?]$/, '');
  return tail.endsWith(marker) && !/\s/.test(tail.charAt(tail.length - marker.length - 1));
}

/** The plain paragraphs of `units` that are such lost comments. */
export function commentsThatLostTheirMarks(lines: readonly LineText[], units: readonly Unit[]): Unit[] {
  let answered = 0;
  for (let i = 1; i < units.length && answered < MIN_ANSWERED_QUOTES; i++) {
    if (units[i - 1].depth > 0 && units[i].depth === 0 && isStyledAnswer(lines, units[i])) answered++;
  }
  if (answered < MIN_ANSWERED_QUOTES) return [];
  const found: Unit[] = [];
  for (let i = 1; i + 1 < units.length; i++) {
    const unit = units[i];
    if (unit.depth !== 0 || unit.kind !== 'paragraph' || !isStyledAnswer(lines, units[i + 1]) || unit.wordCount < 6) continue;
    const head = unit.segmentText(0);
    if (/^\s*[*_]/.test(head) || OPENS_AS_AUTHORS.test(head)) continue;
    const previous = units[i - 1];
    if (previous.depth > 0 || isStyledAnswer(lines, previous)) found.push(unit);
  }
  return found;
}
