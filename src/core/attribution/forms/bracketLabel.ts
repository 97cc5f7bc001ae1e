// "[Vladimir Marangozov]" alone on its line over a `>` quote: the Usenet and python-dev habit of naming the
// quoted person in square brackets instead of a "wrote:" line. One label names every quote of that level
// after it until another label or header (speakers.ts), as a mail header names its message's quotes.
import { AttributionMatch } from '../types';
import { labelName } from './speakerLabel';

const MAX_LABEL_LENGTH = 42;

export function matchBracketLabel(content: string): AttributionMatch | null {
  // Asked of lines that stand above a quote: most do not open with '[' and end with ']'.
  if (content.length > MAX_LABEL_LENGTH || content.charCodeAt(0) !== 91 /* [ */ || content.charCodeAt(content.length - 1) !== 93 /* ] */) return null;
  const inner = content.slice(1, -1);
  // ("[...]", "[snip]": the cut a writer marks; "[1]", "[x]": a note, a check box. A name has no bracket inside.)
  if (/[[\]]/.test(inner) || !/^\p{Lu}/u.test(inner)) return null;
  const name = labelName(inner);
  return name ? { form: 'bracket-label', placement: 'before', speaker: name } : null;
}
