// An Outlook header in the middle of a quoted message: the writer of that message top-posted from Outlook,
// whose original under "-----Original Message-----" / "From: …" / "Sent: …" carries no `>` of its own; the
// next client quoted both with one `>` each ("> Regards, Rui" / "> -----Mensagem original-----" / "> De: …" /
// "> How can I …"). The lines under the header are the original: one level deeper than their markers say.
import { matchLeadingAttribution, matchOutlookHeader, mayStartOutlookHeader } from '../attribution';
import { endsWithColon, LineText } from '../text';

/** How many lines after a header the window read for its fields reaches. */
const HEADER_WINDOW = 8;

/**
 * The last line of an Outlook header that starts on line i, `markers` deep (its text from `contentStart`),
 * whose lines all carry as many `>`; -1 when there is none.
 */
export function quotedOutlookHeaderEnd(lines: readonly LineText[], i: number, markers: number, contentStart: number, last: number): number {
  const text = lines[i].text;
  // A mail client's one-line header does the same ("> > On 08/10/2018 10:01, Andy wrote:" / "> > 怎么才能…"):
  // NetEase Mail Master and other clients quote the original under it with no mark. (Its last character is
  // a colon: most quoted lines are passed over there.)
  if (endsWithColon(text) && matchLeadingAttribution(text.slice(contentStart))?.form === 'mail') return i;
  // Asked of every quoted line: most have neither a "--" nor a colon near their start, and are not copied.
  if (text.charCodeAt(contentStart) !== 45 /* - */ && !hasColonNear(text, contentStart)) return -1;
  const content = text.slice(contentStart);
  if (!mayStartOutlookHeader(content)) return -1;
  const window: string[] = [content];
  for (let k = i + 1; k <= last && k < i + HEADER_WINDOW; k++) {
    const text = lines[k].text;
    const rest = stripMarkers(text, markers);
    if (rest === null) break;
    window.push(rest);
  }
  const header = matchOutlookHeader(window);
  return header && i + header.lines <= last ? i + header.lines - 1 : -1;
}

/** Whether a colon stands within the first few characters from `start` ("From:", "**Enviada:**"). */
function hasColonNear(text: string, start: number): boolean {
  const end = Math.min(text.length, start + 20);
  for (let k = start + 2; k < end; k++) if (text.charCodeAt(k) === 58 /* : */) return true;
  return false;
}

/** The line without its first `markers` quote markers, or null when it has fewer. */
function stripMarkers(text: string, markers: number): string | null {
  let index = 0;
  for (let count = 0; count < markers; count++) {
    for (let spaces = 0; spaces < 3 && text.charCodeAt(index) === 32; spaces++) index++;
    if (text.charCodeAt(index) !== 62 /* > */) return null;
    index++;
    if (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 9) index++;
  }
  return text.slice(index);
}

