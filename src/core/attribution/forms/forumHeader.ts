// Forum quote headers as copies keep them: "X said: ↑", "Quote from: X on …", "Originally Posted by X".
import { forumName } from '../names';
import { AttributionMatch } from '../types';

// (phpBB dates the arrow: "X wrote: ↑Sat Apr 01, 2023 4:37 pm"; vBulletin 4 ends with "View Post".)
const FORUM_HEADER_TAIL = /\s*(?:[↑»«][^↑»«]{0,60}|\bClick to expand\.{3}|\bView Post|\[\[?IMG\].*)\s*$/iu;
// "Quote from: satoshi on June 17, 2010", "Reply from Cyber200 ↑Sat Apr 01, 2023", "Originally Posted by **KIAaze**",
// "Quote: Originally Posted by X", "Zitat von X", "Citation de X"; the name ends at a date, an arrow or a link.
const QUOTE_FROM = /^(?:quote\s*:?\s*)?(?:(?:quote|reply|posted|citation|zitat|cita|citazione)\s+(?:from|by|de|von|di)|originally\s+posted\s+by)\s*:?\s+(.+?)(?:\s+(?:on|at|le|am|el|il)\s+.*|\s*[↑»«(\[].*|\s+\d.*)?$/iu;
// (Forums in other languages: "X пишет:", "X schrieb:", "X a écrit :", "X escribió:", "X ha scritto:", "X napisał:".)
const SAID_VERBS = 'said|wrote|writes|says|posted|пишет|писал|написал|написала|schrieb|schreibt|a\\s+écrit|écrit|escribió|escribe|ha\\s+scritto|scrive|napisał|napisała|escreveu|schreef|skrev|kirjoitti';
const SAID = new RegExp(`^(.{1,40}?)\\s+(?:${SAID_VERBS})\\s*:?\\s*$`, 'iu');
// (Not /u: the verbs need no Unicode mode, and without it the end-anchored pattern runs twice as fast.)
const FORUM_HEADER_END = new RegExp(`(?:${SAID_VERBS})\\s*:?\\s*(?:\\*\\*|__)?\\s*(?:[↑»][^↑»]{0,60}|click to expand\\.{3})?\\s*$`, 'i');

/**
 * Whether the line ends the way "X said:" does: the verb last, before a colon, bold markers, an arrow and
 * its date ("↑Sat Apr 01, 2023 4:37 pm") or "Click to expand...". Asked of most lines of a draft: an
 * end-anchored pattern is tried at every position, so only on the line's last 90 characters.
 */
function endsWithSaidVerb(content: string): boolean {
  return FORUM_HEADER_END.test(content.length > 90 ? content.slice(-90) : content);
}
// Invision Power Board: "Quote (janedoe @ Jan 5 2015, 03:04 PM)".
const IPB_QUOTE = /^quote\s*\(\s*([^@()]{1,40}?)\s*@\s*[^()]*\)\s*$/i;
const FORUM_HEADER_START = /^\s*(?:\*\*|__)?\s*(?:quote|reply\s+from|posted|originally|zitat|cita)/i;
/**
 * The header a forum puts above a quote, as it survives copying: "X said: ↑", "**X wrote:**", "Quote from: X
 * on …", "Originally Posted by X". Forum names are handles, so any case is taken here, where the line is a
 * header by its shape; a bare "Quote:" attributes the quote to nobody.
 */
export function matchForumHeader(content: string): AttributionMatch | null {
  // Asked of most lines of a draft: the words every form holds are looked for first, in one cheap test.
  if (content.length > 200) return null;
  // "X said:" ends with its verb (an arrow or "Click to expand" after it); "Quote from: X …" starts with its words.
  if (!endsWithSaidVerb(content) && !FORUM_HEADER_START.test(content)) return null;
  const text = content.trim().replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/\*\*/g, '').replace(/\\([<>[\]_*])/g, '$1').replace(FORUM_HEADER_TAIL, '').trim();
  if (!text || text.length > 160) return null;
  if (/^quote\s*:?$/i.test(text)) return { form: 'forum-header', placement: 'before', speaker: null };
  const ipb = IPB_QUOTE.exec(text);
  if (ipb) {
    const speaker = forumName(ipb[1]);
    return speaker ? { form: 'forum-header', placement: 'before', speaker } : null;
  }
  const from = QUOTE_FROM.exec(text);
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
