// "Alvaro:" alone on its line, a mail quote under it: a list habit (Spanish and French lists above all) of
// naming each quoted person on the line above their quote instead of a "wrote:" line. The line alone is weak
// evidence (a heading-like "Installation:" has its shape): parsing/attributions.ts names the quote only
// where the thread writes the name elsewhere too, or opens two quotes or more so.
import { AttributionMatch } from '../types';
import { labelName } from './speakerLabel';

// A name of one to three capitalised words (particles between), the colon, nothing after it.
const NAME_LINE = /^(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,3})){0,3})\s?:$/u;

export function matchNameLine(content: string): AttributionMatch | null {
  if (content.length > 40 || content.charCodeAt(content.length - 1) !== 58 /* : */) return null;
  const match = NAME_LINE.exec(content);
  const name = match ? labelName(match[1]) : null;
  return name ? { form: 'speaker-label', placement: 'before', speaker: name } : null;
}
