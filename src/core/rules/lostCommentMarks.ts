// A response letter that quotes each comment with `>` and sets the authors' answer under it in bold or
// italics: a plain paragraph standing where the comments stand (after a quote or an answer, right above an
// answer in that style) is a comment whose `>` was lost (the unmarked-quote rule flags it).
import { LineageCache } from '../lineageCache';
import { Draft, Unit } from '../parse';

/** Quotes answered in bold or italics the letter must hold before a plain paragraph is read as a lost comment. */
const MIN_ANSWERED_QUOTES = 3;
// How the authors open their own plain text: "We …", "Our …", "Thank you …".
const OPENS_AS_AUTHORS = /^\s*(?:we|our|thanks?)\b/i;

/**
 * The whole paragraph in bold or in italics: "**Noted and done.**", "_Reworded as suggested._". (Asked of
 * every unit of a draft on its first lint: the first character is read in the line, without a copy of the text.)
 */
function isStyledAnswer(unit: Unit, draft: Draft): boolean {
  if (unit.depth !== 0 || unit.kind !== 'paragraph') return false;
  const line = draft.lines[unit.segmentLine(0)].text;
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

/**
 * The plain paragraphs of the draft that are such lost comments. Read from the styled answers alone (the cache
 * keeps them as edits come): most drafts have none, and a walk over every unit on every keystroke cost the
 * editor half a millisecond on a long draft.
 */
export function commentsThatLostTheirMarks(draft: Draft, cache: LineageCache): Unit[] {
  const answers = cache.unitsWhere(draft, isStyledAnswer);
  if (answers.size < MIN_ANSWERED_QUOTES) return [];
  const units = draft.units;
  let answered = 0;
  for (const answer of answers) if (answer.index > 0 && units[answer.index - 1].depth > 0 && ++answered >= MIN_ANSWERED_QUOTES) break;
  if (answered < MIN_ANSWERED_QUOTES) return [];
  const found: Unit[] = [];
  for (const answer of answers) {
    // The paragraph right above an answer, itself after a quote or another answer.
    const i = answer.index - 1;
    if (i < 1) continue;
    const unit = units[i];
    if (unit.depth !== 0 || unit.kind !== 'paragraph' || unit.wordCount < 6) continue;
    const head = unit.segmentText(0);
    if (/^\s*[*_]/.test(head) || OPENS_AS_AUTHORS.test(head)) continue;
    const previous = units[i - 1];
    if (previous.depth > 0 || answers.has(previous)) found.push(unit);
  }
  return found.sort((a, b) => a.index - b.index);
}
