// `> **Name:** text` on the first line of a quote.
import { plausibleName } from '../names';
import { AttributionMatch } from '../types';

/** `**Name:** text`, `**Name**: text` or `**Name** wrote:` on the first line of a quote. */
export function matchBoldName(content: string): AttributionMatch | null {
  const match = /^\s*\*\*([^*]{1,60}?)\s*(:?)\s*\*\*\s*(:?)(?:\s*(?:wrote|said|writes)\s*:)?/i.exec(content);
  if (!match) return null;
  const hasColon = match[2] === ':' || match[3] === ':' || /\*\*\s*(?:wrote|said|writes)\s*:/i.test(match[0]);
  if (!hasColon) return null;
  const speaker = plausibleName(match[1]);
  return speaker ? { form: 'bold-name', placement: 'first-line', speaker } : null;
}
