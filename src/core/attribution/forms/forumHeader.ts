// Forum quote headers as copies keep them: "X said: ↑", "Quote from: X on …", "Originally Posted by X".
import { LineShape, lineShape } from '../lineShape';
import { forumName } from '../names';
import { AttributionMatch } from '../types';

// (phpBB dates the arrow: "X wrote: ↑Sat Apr 01, 2023 4:37 pm"; vBulletin 4 ends with "View Post".)
const FORUM_HEADER_TAIL = /\s*(?:[↑»«][^↑»«]{0,60}|\bClick to expand\.{3}|\bView Post|\[\[?IMG\].*)\s*$/iu;
// "Quote from: satoshi on June 17, 2010", "Reply from Cyber200 ↑Sat Apr 01, 2023", "Originally Posted by **KIAaze**",
// "Quote: Originally Posted by X", "Zitat von X", "Citation de X"; the name ends at a date, an arrow or a link
// (or at "on" ending the line, when a copy broke the date onto the next lines: "Quote from: aBc on" / "Yesterday").
const QUOTE_FROM = /^(?:quote\s*:?\s*)?(?:(?:quote|reply|posted|citation|zitat|cita|citazione)\s+(?:from|by|de|von|di)|originally\s+posted\s+by)\s*:?\s+(.+?)(?:\s+(?:on|at|le|am|el|il)(?:\s+(.*)|$)|\s*[↑»«(\[].*|\s+\d.*)?$/iu;
// The date after "on": a sentence goes on with words instead ("Originally posted by Jane on the old forum, the idea …").
const SENTENCE_AFTER_NAME = /^(?:\S+\s+){3}|[.!?]$/u;
// (Forums in other languages: "X пишет:", "X schrieb:", "X a écrit :", "X escribió:", "X ha scritto:", "X napisał:".)
const SAID_VERBS = 'said|wrote|writes|says|posted|пишет|писал|написал|написала|schrieb|schreibt|a\\s+écrit|écrit|escribió|escribe|ha\\s+scritto|scrive|napisał|napisała|escreveu|schreef|skrev|kirjoitti';
const SAID = new RegExp(`^(.{1,40}?)\\s+(?:${SAID_VERBS})\\s*:?\\s*$`, 'iu');
const SAID_LAST_WORDS = new Set(SAID_VERBS.split('|').map((verb) => verb.split('\\s+').pop()!));
// (`| 32` lower-cases an ASCII capital, and leaves Cyrillic and accented lower-case letters as they are.)
const SAID_FIRST_LETTERS = new Set([...SAID_LAST_WORDS].flatMap((word) => [word.charCodeAt(0), word.toUpperCase().charCodeAt(0) | 32]));

/**
 * Whether the line ends the way "X said:" does: the verb last, before a colon, bold markers, an arrow and
 * its date ("↑Sat Apr 01, 2023 4:37 pm") or "Click to expand...". Asked of most lines of a draft, twice:
 * the last word is found by character codes and looked up, as fast as the English-only pattern was.
 */
function endsWithSaidVerb(content: string, arrow: number): boolean {
  // A name of 40 characters at most, the verb and an arrow's date of 60: a longer line is prose.
  if (content.length > 130) return false;
  let end = content.length;
  if (arrow >= 0 && arrow >= end - 61) end = arrow;
  else if (content.charCodeAt(end - 1) === 46 /* . */ && /click to expand\.{3}\s*$/i.test(content.slice(-24))) end = content.toLowerCase().lastIndexOf('click');
  for (let code = content.charCodeAt(end - 1); end > 0 && (code === 32 || code === 9 || code === 42 || code === 95 || code === 58); code = content.charCodeAt(end - 1)) end--;
  let start = end;
  while (start > 0 && end - start < 12 && isLetter(content.charCodeAt(start - 1))) start--;
  // The shortest verb has four letters ("says"): most lines end on a shorter word or a full stop, or on a
  // word that starts with none of the verbs' first letters.
  return end - start >= 4 && SAID_FIRST_LETTERS.has(content.charCodeAt(start) | 32) && SAID_LAST_WORDS.has(content.slice(start, end).toLowerCase());
}

/** A Latin letter, or any character past Latin-1's symbols (accented and Cyrillic letters among them). */
function isLetter(code: number): boolean {
  const lower = code | 32;
  return (lower >= 97 && lower <= 122) || code >= 0xc0;
}
// Invision Power Board: "Quote (janedoe @ Jan 5 2015, 03:04 PM)".
const IPB_QUOTE = /^quote\s*\(\s*([^@()]{1,40}?)\s*@\s*[^()]*\)\s*$/i;
// (The Markdown escapes of the characters a header is marked with: bold and italics, brackets, angles.)
const ESCAPED_MARK = /\\[*_[\]<>]/;
const ESCAPED_MARKS = /\\([*_[\]<>])/g;
const FORUM_HEADER_START = /^\s*(?:\*\*|__)?\s*(?:quote|reply\s+from|posted|originally|zitat|cita)/i;
// FORUM_HEADER_START's first letters (q, r, p, o, z, c), after spaces and bold markers: a line whose first
// letter is another ASCII letter is settled with one test (anything else is left to the pattern).
const HEADER_START_LETTERS = new Set([113, 114, 112, 111, 122, 99]);

function mayStartForumHeader(content: string): boolean {
  let at = 0;
  for (let code = content.charCodeAt(0); code === 32 || code === 9 || code === 42 || code === 95; code = content.charCodeAt(at)) at++;
  const lower = content.charCodeAt(at) | 32;
  return lower < 97 || lower > 122 || HEADER_START_LETTERS.has(lower);
}
/**
 * The header a forum puts above a quote, as it survives copying: "X said: ↑", "**X wrote:**", "Quote from: X
 * on …", "Originally Posted by X". Forum names are handles, so any case is taken here, where the line is a
 * header by its shape; a bare "Quote:" attributes the quote to nobody.
 */
export function matchForumHeader(content: string, shape: LineShape = lineShape(content)): AttributionMatch | null {
  // Asked of most lines of a draft: the words every form holds are looked for first, in one cheap test.
  if (content.length > 200) return null;
  // An export through html2text or turndown escapes the header's bold ("\*\*elias wrote:\*\*"): read as its bold.
  // (It ends with the escaped marker: a backslash second to last, a test that costs ordinary lines nothing.)
  if (content.charCodeAt(content.length - 2) === 92 /* \\ */ && ESCAPED_MARK.test(content)) {
    content = content.replace(ESCAPED_MARKS, '$1');
    shape = lineShape(content);
  }
  // An export that sets the box in quotation marks opens them before the header: '"Originally Posted by X'.
  const opening = content.charCodeAt(0);
  if ((opening === 34 /* " */ || opening === 0x201c /* “ */) && FORUM_HEADER_START.test(content.slice(1))) {
    content = content.slice(1);
    shape = lineShape(content);
  }
  // "X said:" ends with its verb (an arrow or "Click to expand" after it); "Quote from: X …" starts with its words.
  if (!endsWithSaidVerb(content, shape.arrow) && !(mayStartForumHeader(content) && FORUM_HEADER_START.test(content))) return null;
  const text = content.trim().replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/\*\*/g, '').replace(ESCAPED_MARKS, '$1').replace(FORUM_HEADER_TAIL, '').trim();
  if (!text || text.length > 160) return null;
  if (/^quote\s*:?$/i.test(text)) return { form: 'forum-header', placement: 'before', speaker: null };
  const ipb = IPB_QUOTE.exec(text);
  if (ipb) {
    const speaker = forumName(ipb[1]);
    return speaker ? { form: 'forum-header', placement: 'before', speaker } : null;
  }
  const from = QUOTE_FROM.exec(text);
  if (from && from[2] !== undefined && !/\d/.test(from[2]) && SENTENCE_AFTER_NAME.test(from[2])) return null;
  if (from) {
    const speaker = forumName(from[1].split(/\s{2,}|\t/)[0]);
    return speaker ? { form: 'forum-header', placement: 'before', speaker } : null;
  }
  const said = SAID.exec(text);
  if (said) {
    const speaker = forumName(said[1]);
    return speaker ? { form: 'forum-header', placement: 'before', speaker } : null;
  }
  return null;
}

// A box's bare label, as vBulletin ("Quote:") and SMF ("Quote") print it over a quote whose author they leave out.
const BARE_QUOTE_BOX = /^\s{0,3}(?:\*\*|__)?quote\s*:?(?:\*\*|__)?\s*$/i;

/**
 * A line that is only a quote box's label, naming nobody: what the box holds is someone else's words only when
 * the thread shows whose (posters set their own links, code and notes in such boxes too).
 */
export function isBareQuoteBox(text: string): boolean {
  if (text.length > 16) return false;
  // (Its first letter, past spaces and bold markers, is a "q": most short lines are settled by it.)
  let at = 0;
  for (let code = text.charCodeAt(0); code === 32 || code === 9 || code === 42 || code === 95; code = text.charCodeAt(at)) at++;
  return (text.charCodeAt(at) | 32) === 113 /* q */ && BARE_QUOTE_BOX.test(text);
}

// A header whose date a copied page broke onto the next lines ends with its preposition: "Quote from: aBc on".
const DANGLING_ON = /\s(?:on|at|le|am|el|il)\s*$/i;
// The last of the date's lines holds its time ("at 12:57:18 PM", "November 27, 2025, 03:28:43 PM").
const TIME = /\d{1,2}:\d{2}/;
const MAX_DATE_LINES = 3;
const MAX_DATE_LINE_LENGTH = 40;

/**
 * How many lines after a forum header still hold its date ("Quote from: aBc on" / "Yesterday" / " at
 * 12:57:18 PM"): short lines up to one with a time, or 0 when the header does not end waiting for its date.
 */
export function headerDateLines(texts: readonly { text: string }[], header: number, last: number): number {
  const text = texts[header].text;
  if (!DANGLING_ON.test(text)) return 0;
  for (let k = header + 1; k <= last && k <= header + MAX_DATE_LINES; k++) {
    const line = texts[k].text.trim();
    if (line.length === 0 || line.length > MAX_DATE_LINE_LENGTH) return 0;
    if (TIME.test(line)) return k - header;
  }
  return 0;
}
