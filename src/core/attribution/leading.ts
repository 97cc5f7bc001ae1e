// The forms that stand on the line above the quote they name, tried in order.
import { matchAsPutIt } from './forms/asPutIt';
import { matchMailHeader } from './forms/mail';
import { matchWrote } from './forms/wrote';
import { AttributionMatch } from './types';

/** A line that introduces a quote that follows it (the next non-blank line is quoted more deeply). */
export function matchLeadingAttribution(content: string): AttributionMatch | null {
  const text = content.trim();
  // Every form ends with a colon (or "As X put it," with a comma, or a bare "X wrote"): most lines are
  // rejected here, cheaply. (An end-anchored pattern tries every position of the line: the last letter is
  // checked first.)
  const last = text.charCodeAt(text.length - 1);
  if (!text || text.length > 300) return null;
  if ((last | 32) === 101 /* e */ && /\s(?:wrote|said)$/i.test(text)) return matchWrote(`${text}:`);
  // (Chinese and Japanese clients end it with a full-width colon.)
  if (last !== 58 /* : */ && last !== 0xff1a /* ： */ && last !== 44 /* , */ && !((last | 32) === 116 /* t */ && /put\s+it$/i.test(text))) return null;
  return matchMailHeader(text) ?? matchAsPutIt(text) ?? matchWrote(text);
}
