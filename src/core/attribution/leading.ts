// The forms that stand on the line above the quote they name, tried in order.
import { matchAsPutIt } from './forms/asPutIt';
import { matchMailHeader } from './forms/mail';
import { matchWrote } from './forms/wrote';
import { AttributionMatch } from './types';

const AS_WORD = /\bas\s/i;
// Tested on the line's last characters only: an end-anchored pattern is tried from every position of the line.
const WROTE_OR_SAID_AT_END = /\s(?:wrote|said)$/i;
const PUT_IT_AT_END = /put\s+it$/i;

/** A line that introduces a quote that follows it (the next non-blank line is quoted more deeply). */
export function matchLeadingAttribution(content: string): AttributionMatch | null {
  const text = content.trim();
  // Every form ends with a colon (or "As X put it," with a comma, or a bare "X wrote"): most lines are
  // rejected here, cheaply. (An end-anchored pattern tries every position of the line: the last letter is
  // checked first.)
  const last = text.charCodeAt(text.length - 1);
  if (!text || text.length > 300) return null;
  if ((last | 32) === 101 /* e */ && WROTE_OR_SAID_AT_END.test(text.slice(-6))) return matchWrote(`${text}:`);
  // (Chinese and Japanese clients end it with a full-width colon.)
  if (last === 58 /* : */ || last === 0xff1a /* ： */) return matchMailHeader(text) ?? matchAsPutIt(text) ?? matchWrote(text);
  // Only "As X put it" goes on without a colon, and a wrapped line of prose often ends in a comma.
  if (last === 44 /* , */ || ((last | 32) === 116 /* t */ && PUT_IT_AT_END.test(text.slice(-24)))) return AS_WORD.test(text) ? matchAsPutIt(text) : null;
  return null;
}
