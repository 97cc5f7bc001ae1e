// Recognises the lines people use to say who wrote a quote. Each matcher works on one line's content
// (quote markers already stripped), so the same code serves attributions at any quote depth.

export type AttributionForm =
  | 'mail'
  | 'wrote'
  | 'as-put-it'
  | 'bold-name'
  | 'signature'
  | 'bbcode'
  | 'github-originally-posted'
  | 'link'
  | 'matrix'
  | 'reviewer'
  | 'forum-header'
  | 'outlook'
  | 'front-matter';

/** Where the attribution stands relative to the quote it names. */
export type AttributionPlacement = 'before' | 'first-line' | 'last-line' | 'after' | 'default';

export interface AttributionMatch {
  form: AttributionForm;
  placement: AttributionPlacement;
  /** null when the line attributes the quote without naming anybody (a pronoun, a bare link). */
  speaker: string | null;
  /** "You wrote:" names the person being replied to. */
  addressee?: boolean;
  email?: string;
  url?: string;
}

const EMAIL = /(?:\(\s*)?(?:<|\[|mailto:)?([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)(?:>|\])?(?:\s*\))?/;
// Month and day names stop the walk only when a comma follows ("On Monday, Jane wrote:"): bare, they are
// too often names as well ("Sam", "Mar", "Jun").
const MONTHS_AND_DAYS =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|mai|juni|juli|oktober|dezember|lun|mer|jeu|ven|sam|dim|janv|févr|fév|mars|avr|juin|juil|août|sept|déc|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|avril|juillet|septembre|octobre|novembre|décembre|lun|mié|jue|vie|sáb|dom|ene|abr|ago|dic|ter|qua|qui|sex|seg|fev|ma|wo|vr|za|zo|mrt|mei|okt)\.?,?$/i;
const DATE_WORDS = /^(?:at|um|à|às|om|las|am|pm|a\.m\.|p\.m\.|utc|gmt|cet|cest|est|edt|pst|pdt|bst|mez|mesz|に|の|г\.?|o|kl\.?)\.?,?$/i;

function isDateToken(token: string): boolean {
  return /\d/.test(token) || DATE_WORDS.test(token) || (token.endsWith(',') && MONTHS_AND_DAYS.test(token));
}

const PRONOUNS = /^(?:i|you|he|she|they|we|it|someone|somebody|one|y'all|u|everyone|everybody|anyone|anybody|nobody|people|others|this|that)$/i;
const NOT_A_NAME_START = /^(?:the|a|an|this|that|these|those|my|your|his|her|their|our|its|which|who|what|and|but|so|then|also|as|if|when|i've|i'd|i'm)$/i;

const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le', 'la', 'del', 'dos', 'das', 'bin', 'al', 'ibn', 'y', 'ter', 'zu']);

/** A display name as people write it before "wrote:": 1–5 words, or a handle, or an address. */
function plausibleName(candidate: string): string | null {
  let name = candidate.trim().replace(/^["'“”‘’]+|["'“”‘’,]+$/g, '').trim();
  // Directories give names as "Doe, Jane": the person is Jane Doe.
  const inverted = /^([\p{Lu}][\p{L}'’-]+),\s+([\p{Lu}][\p{L}.'’ -]{0,40})$/u.exec(name);
  if (inverted) name = `${inverted[2].trim()} ${inverted[1]}`;
  if (!name || name.length > 60) return null;
  if (/^@[\w.-]+(?::[\w.-]+)?$/.test(name)) return name;
  if (EMAIL.test(name) && !/\s/.test(name)) return name;
  const tokens = name.split(/\s+/);
  if (tokens.length > 5) return null;
  if (NOT_A_NAME_START.test(tokens[0])) return null;
  if (tokens.some((token) => !/^[\p{L}\p{N}.'’-]+$/u.test(token))) return null;
  // Names are capitalised word by word (Jane Doe, Reviewer 2), particles aside ("Ludwig van Beethoven");
  // "In your last mail you" is a sentence, not a name.
  if (!/^\p{Lu}/u.test(tokens[0])) return null;
  if (tokens.slice(1).some((token) => !/^[\p{Lu}\p{N}]/u.test(token) && !NAME_PARTICLES.has(token.toLowerCase()))) return null;
  return name;
}

/**
 * The name at the end of a mail client's header, e.g. "Tue, Jun 16, 2020 at 11:17 PM Jane Doe" → "Jane Doe":
 * walk back from the end while tokens do not look like parts of a date.
 */
function nameAtEnd(segment: string): string | null {
  const quoted = /["“]([^"”]+)["”]\s*$/.exec(segment);
  if (quoted) return quoted[1].trim();
  const tokens = segment.trim().split(/\s+/).filter(Boolean);
  const name: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && name.length < 5; i--) {
    const token = tokens[i];
    if (token.endsWith(',') || isDateToken(token)) break;
    name.unshift(token);
  }
  return name.length ? name.join(' ') : null;
}

function splitEmail(segment: string): { before: string; email?: string; after: string } {
  const match = EMAIL.exec(segment);
  if (!match) return { before: segment, after: '' };
  const index = match.index ?? 0;
  return { before: segment.slice(0, index), email: match[1], after: segment.slice(index + match[0].length) };
}

function mailName(segment: string): { speaker: string | null; email?: string } {
  // An address in angle brackets ends the name, whatever its shape ("<ronnie@d...>" as archives shorten it).
  const bracketed = /^(.*?)\s*<([^<>\s]+@[^<>\s]*)>\s*$/.exec(segment);
  if (bracketed) {
    const name = nameAtEnd(bracketed[1].replace(/[,\s]+$/, ''));
    return { speaker: name ? name.replace(/^["']|["']$/g, '') : bracketed[2], email: bracketed[2] };
  }
  const { before, email } = splitEmail(segment);
  const name = nameAtEnd(before.replace(/[,\s]+$/, ''));
  const speaker = name ? name.replace(/^["']|["']$/g, '') : email ?? null;
  return { speaker, email };
}

// Mail headers: the verb ends the line, the date comes first and the name last ("On …, Jane <j@x> wrote:").
const MAIL_HEADERS: ReadonlyArray<{ pattern: RegExp; nameFrom: 'end' | 'after-verb' }> = [
  { pattern: /^On\s+(.+?)\s+wrote\s*:\s*$/i, nameFrom: 'end' },
  { pattern: /^Le\s+(.+?)\s+a\s+écrit\s*:\s*$/i, nameFrom: 'end' },
  { pattern: /^El\s+(.+?)\s+escribió\s*:\s*$/i, nameFrom: 'end' },
  { pattern: /^Em\s+(.+?)\s+escreveu\s*:\s*$/i, nameFrom: 'end' },
  { pattern: /^Am\s+.+?\s+schrieb\s+(.+?)\s*:\s*$/i, nameFrom: 'after-verb' },
  { pattern: /^Op\s+.+?\s+schreef\s+(.+?)\s*:\s*$/i, nameFrom: 'after-verb' },
  { pattern: /^Il\s+(.+?)\s+ha\s+scritto\s*:\s*$/i, nameFrom: 'end' },
  { pattern: /^Den\s+.+?\s+skrev\s+(.+?)\s*:\s*$/i, nameFrom: 'after-verb' },
  // "Jane Doe <jane@example.org> schrieb am 16.06.2020:" and friends put the name first.
  { pattern: /^(.+?<[^>]+>)\s+(?:schrieb|schreef|a\s+écrit|escribió|escreveu|wrote)\b.*:\s*$/i, nameFrom: 'after-verb' },
  // Open-Xchange and Outlook in German: "Jane Doe <j@x> hat am 6. Juli 2011 um 10:30 geschrieben:".
  { pattern: /^(.+?)\s+hat\s+am\s+.+?\s+geschrieben\s*:\s*$/i, nameFrom: 'after-verb' },
  // Clients that put the date first and the verb after the name: "чт, 19 июля 2018 г., 22:23 Jorge <j@x> написал:",
  // "pon., 1 sty 2018 o 10:00 Jan <j@x> napisał(a):", "2009年8月26日 … 松田 さんは書きました:".
  { pattern: /^(.+?)\s*(?:написал\(?а?\)?|написала|napisał\(?a?\)?|napsal\(?a?\)?|kirjoitti|írta|skrev|ha\s+scritto|さん(?:は|が)?書きました|は書きました|が書きました)\s*[:：]+\s*$/iu, nameFrom: 'end' },
  // Gmail in many languages writes only the date, the name and the address: "2009/8/26 Akira <a@x>:".
  { pattern: /^(.*\d.*?<[^<>\s]+@[^<>\s]+>)\s*[:：]\s*$/u, nameFrom: 'end' },
];

function matchMailHeader(raw: string): AttributionMatch | null {
  // Markdown escapes and typographic angle quotes are the same address brackets ("\<a@x\>", "‹a@x›").
  const content = raw.replace(/\\([<>])/g, '$1').replace(/‹/g, '<').replace(/›/g, '>');
  for (const { pattern, nameFrom } of MAIL_HEADERS) {
    const match = pattern.exec(content);
    if (!match) continue;
    if (nameFrom === 'end') {
      const { speaker, email } = mailName(match[1]);
      if (!speaker) continue;
      return { form: 'mail', placement: 'before', speaker, email };
    }
    const { before, email } = splitEmail(match[1]);
    const speaker = plausibleName(before.replace(/[,\s]+$/, '')) ?? email ?? null;
    if (!speaker) continue;
    return { form: 'mail', placement: 'before', speaker, email };
  }
  return null;
}

/** The first line of a mail header that a client wrapped: "On Tue, …, Jane Doe" + "<jane@x.org> wrote:". */
export function isMailHeaderStart(content: string): boolean {
  if (content.length > 300 || /:\s*$/.test(content)) return false;
  const first = content.charCodeAt(0);
  // "On", "Le", "El", "Em", "Am", "Op", "Il", "Den": a capital first; otherwise an address or "hat am" inside.
  if ((first < 65 || first > 90) && content.indexOf('@') < 0 && content.indexOf(' hat am ') < 0) return false;
  if (/^(?:On|Le|El|Em|Am|Op|Il|Den)\s+\S.*\d/.test(content)) return true;
  // A name with its address, or "… hat am …", may go on to "wrote:" on the next lines; a header field of
  // a pasted mail ("Message-ID: <…>", "From: …") never does.
  return !/^[\w-]+:\s/.test(content) && /<[^<>\s]+@[^<>\s]+>|\shat\s+am\s/.test(content);
}

const WROTE = /^(.{1,160}?)\s+(?:wrote|writes|said|says|commented|replied|asked|posted|argued|argues|claimed|claims)\s*(?:that\s*)?:+\s*$/i;

function matchWrote(content: string): AttributionMatch | null {
  const match = WROTE.exec(content);
  if (!match) return null;
  let subject = match[1].trim().replace(/^\*\*(.+)\*\*$/, '$1').replace(/^[*•]\s+/, '');
  // "@ghickman in https://…#issuecomment-1 wrote", "Jane Doe (https://…) wrote": where it was said is no name.
  subject = subject.replace(/\s+(?:in|at|on)\s+<?https?:\/\/\S+$|\s*\(<?https?:\/\/[^)]*\)$/i, '');
  // "…, not in the form requested.  Tony Hoare wrote": the name is what follows the last full stop.
  subject = subject.split(/(?<=[.!?])\s+(?=\S)/).pop()!;
  if (subject.length > 80) return null;
  // "Jane Doe <jane@example.org> writes:": the name, or the address when there is no name.
  const { before, email } = splitEmail(subject.replace(/\\([<>])/g, '$1'));
  if (email) subject = before.replace(/[\s,"'“”]+$/, '').replace(/^["'“”]+/, '') || email;
  // "In your last mail you wrote:" addresses the reader like "You wrote:".
  if (/\byou$/i.test(subject) && !PRONOUNS.test(subject)) return { form: 'wrote', placement: 'before', speaker: null, addressee: true };
  if (PRONOUNS.test(subject)) return { form: 'wrote', placement: 'before', speaker: null, addressee: /^(?:you|u)$/i.test(subject) };
  const speaker = plausibleName(subject);
  if (!speaker) return { form: 'wrote', placement: 'before', speaker: null };
  return { form: 'wrote', placement: 'before', speaker };
}

const AS_PUT_IT = /(?:^|[\s,;(])as\s+(@[\w.-]+|[^\s,;]+(?:\s+[^\s,;]+){0,3}?)\s+(?:put\s+it|said|says|wrote|writes|noted|notes|argued|argues|points?\s+out|pointed\s+out)\s*(?:[:,]\s*)?$/i;

function matchAsPutIt(content: string): AttributionMatch | null {
  const match = AS_PUT_IT.exec(content);
  if (!match) return null;
  const subject = match[1].trim();
  // Mid-sentence ("…, and as @kim put it:") only a handle or a capitalised name is trusted.
  if (!/^as\s/i.test(content) && !/^@|^\p{Lu}/u.test(subject)) return null;
  if (PRONOUNS.test(subject)) return { form: 'as-put-it', placement: 'before', speaker: null, addressee: /^you$/i.test(subject) };
  return { form: 'as-put-it', placement: 'before', speaker: plausibleName(subject) };
}

/** A line that introduces a quote that follows it (the next non-blank line is quoted more deeply). */
export function matchLeadingAttribution(content: string): AttributionMatch | null {
  const text = content.trim();
  // Every form ends with a colon (or "As X put it," with a comma, or a bare "X wrote"): most lines are
  // rejected here, cheaply. (An end-anchored pattern tries every position of the line: the last letter is
  // checked first.)
  const last = text.charCodeAt(text.length - 1);
  if (!text || text.length > 300) return null;
  if ((last | 32) === 101 /* e */ && /\s(?:wrote|said)$/i.test(text)) return matchWrote(`${text}:`);
  if (last !== 58 /* : */ && last !== 44 /* , */ && !((last | 32) === 116 /* t */ && /put\s+it$/i.test(text))) return null;
  return matchMailHeader(text) ?? matchAsPutIt(text) ?? matchWrote(text);
}

/** `**Name:** text`, `**Name**: text` or `**Name** wrote:` on the first line of a quote. */
export function matchBoldName(content: string): AttributionMatch | null {
  const match = /^\s*\*\*([^*]{1,60}?)\s*(:?)\s*\*\*\s*(:?)(?:\s*(?:wrote|said|writes)\s*:)?/i.exec(content);
  if (!match) return null;
  const hasColon = match[2] === ':' || match[3] === ':' || /\*\*\s*(?:wrote|said|writes)\s*:/i.test(match[0]);
  if (!hasColon) return null;
  const speaker = plausibleName(match[1]);
  return speaker ? { form: 'bold-name', placement: 'first-line', speaker } : null;
}

/** A closing signature line: `— Name`, `-- Name`, `~Name`. */
export function matchSignature(content: string): AttributionMatch | null {
  const match = /^\s*(?:—|―|–|--|~)\s*(.{1,60}?)\s*$/.exec(content);
  if (!match) return null;
  const speaker = plausibleName(match[1].replace(/^\*+|\*+$/g, ''));
  return speaker ? { form: 'signature', placement: 'last-line', speaker } : null;
}

/** Matrix reply fallback: `> <@alice:matrix.org> text`. */
export function matchMatrix(content: string): AttributionMatch | null {
  const match = /^\s*<(@[^\s:>]+:[^\s>]+)>(?:\s|$)/.exec(content);
  return match ? { form: 'matrix', placement: 'first-line', speaker: match[1] } : null;
}

/** GitHub's "Quote reply" of a moved comment: `_Originally posted by @user in <url>_`. */
export function matchOriginallyPosted(content: string): AttributionMatch | null {
  const match = /^\s*[_*]?\s*Originally posted by\s+(@?[\w.-]+)\s+in\s+(\S+?)\s*[_*]?\s*$/i.exec(content);
  if (!match) return null;
  const handle = match[1].startsWith('@') ? match[1] : `@${match[1]}`;
  return { form: 'github-originally-posted', placement: 'after', speaker: handle, url: match[2] };
}

/** A line that is nothing but a link (to the quoted comment). The placement is decided by the caller. */
export function matchLinkLine(content: string): AttributionMatch | null {
  const text = content.trim();
  let url: string | undefined;
  let label: string | undefined;
  const markdownLink = /^\(?\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)\)?[.:]?$/.exec(text);
  if (markdownLink) {
    label = markdownLink[1];
    url = markdownLink[2];
  } else {
    const bare = /^<?(https?:\/\/\S+?)>?[.:]?$/.exec(text);
    if (bare) url = bare[1];
  }
  if (!url) return null;
  let speaker: string | null = null;
  if (label) {
    const handle = /(@[\w.-]+)/.exec(label);
    const possessive = /^(.+?)['’]s\s+(?:comment|post|reply|answer|message|review)\b/i.exec(label);
    speaker = handle ? handle[1] : possessive ? plausibleName(possessive[1]) : null;
  }
  return { form: 'link', placement: 'before', speaker, url };
}

export interface BbcodeTag {
  kind: 'open' | 'close';
  speaker: string | null;
  /** Character offsets of the tag within the content it was found in. */
  start: number;
  end: number;
}

/** Discourse/phpBB `[quote="name, post:3, topic:123"]`, `[quote=name]`, `[quote]` and `[/quote]`. */
export function findBbcodeTags(content: string): BbcodeTag[] {
  const tags: BbcodeTag[] = [];
  for (const match of content.matchAll(/\[(\/?)quote(?:=("[^"\]]*"|'[^'\]]*'|[^\]]*))?\]/gi)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (match[1]) {
      tags.push({ kind: 'close', speaker: null, start, end });
      continue;
    }
    const raw = (match[2] ?? '').replace(/^["']|["']$/g, '');
    const name = raw.split(',')[0].trim();
    tags.push({ kind: 'open', speaker: name || null, start, end });
  }
  return tags;
}

/**
 * A line that names the reviewer whose comments follow, in a response to reviewers: "Reviewer 2",
 * "## Reviewer #1 (Anonymous)", "**Referee 1:**", "Answers to Dr. Sioris:", "Official Review by Reviewer xYz1".
 */
export function matchReviewerLabel(content: string): AttributionMatch | null {
  // Asked of every line: only a short line naming a reviewer, a referee or a doctor goes on to the patterns.
  if (content.length > 120 || !fewWords(content, 12) || !/revi|refer|\bdr\b/i.test(content)) return null;
  const text = content.trim().replace(/^#{1,6}\s+/, '').replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/[*_]+/g, '').trim();
  if (text.length > 80) return null;
  const match =
    /^(?:(?:comments?|review|response|responses|reply|replies|answers?|official\s+review)\s+(?:from|of|by|to)\s+)?(?:the\s+)?((?:anon)?(?:reviewer|referee)(?:\s*#?\s*(?=[\p{L}]{0,5}\p{N})[\p{L}\p{N}]{1,6}|\s+\p{Lu})|dr\.?\s+\p{Lu}[\p{L}'’-]+)(?:\s*\(([^)]{0,40})\))?(?:['’]s)?(?:\s+(?:comments?|remarks?|reviews?|reports?|questions?|points?))?(?:\s*\([^)]{0,40}\))?\s*[:.]?$/iu.exec(text);
  // OpenReview names the reviewer at the end of the paper's line: "ICLR 2020 Conference Paper2413 AnonReviewer2".
  const openReview = match ? null : /^(?:[^\s].{0,70}\s)?(AnonReviewer\d+|Reviewer_?[A-Za-z0-9]{4})$/u.exec(text);
  if (openReview) return { form: 'reviewer', placement: 'before', speaker: openReview[1] };
  if (!match) return null;
  const label = match[1].replace(/\s*#\s*/, ' ').replace(/\s+/g, ' ').replace(/^(reviewer|referee)(?=\p{N})/iu, '$1 ');
  const speaker = label.charAt(0).toUpperCase() + label.slice(1);
  return { form: 'reviewer', placement: 'before', speaker };
}

/** A forum user name: 1–4 words or a handle, any case ("jimmy the saint", "shakotay2", "J_Dizzle"). */
function forumName(candidate: string): string | null {
  const name = candidate.trim().replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/^["'“”‘’@]+|["'“”‘’,:]+$/g, '').trim();
  if (!name || name.length > 40) return null;
  const tokens = name.split(/\s+/);
  if (tokens.length > 4 || tokens.some((token) => !/^[\p{L}\p{N}_.'’-]+$/u.test(token))) return null;
  if (PRONOUNS.test(name) || NOT_A_NAME_START.test(tokens[0])) return null;
  return name;
}

const FORUM_HEADER_TAIL = /\s*(?:↑|»|«|\bClick to expand\.{3}|\[\[?IMG\].*)\s*$/iu;
// "Quote from: satoshi on June 17, 2010", "Reply from Cyber200 ↑Sat Apr 01, 2023", "Originally Posted by **KIAaze**",
// "Quote: Originally Posted by X", "Zitat von X", "Citation de X"; the name ends at a date, an arrow or a link.
const QUOTE_FROM = /^(?:quote\s*:\s*)?(?:(?:quote|reply|posted|citation|zitat|cita|citazione)\s+(?:from|by|de|von|di)|originally\s+posted\s+by)\s*:?\s+(.+?)(?:\s+(?:on|at|le|am|el|il)\s+.*|\s*[↑»«(\[].*|\s+\d.*)?$/iu;
const SAID = /^(.{1,40}?)\s+(?:said|wrote|writes|says|posted)\s*:?\s*$/iu;
const FORUM_HEADER_END = /(?:said|says|wrote|writes|posted)\s*:?\s*(?:\*\*|__)?\s*(?:↑|»|click to expand\.{3})?\s*$/i;
const FORUM_HEADER_START = /^\s*(?:\*\*|__)?\s*(?:quote|reply\s+from|posted|originally|zitat|cita)/i;

/** Whether the text has at most `count` words (spaces counted, nothing allocated). */
function fewWords(text: string, count: number): boolean {
  let spaces = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32 && ++spaces > count) return false;
  return true;
}

/**
 * The header a forum puts above a quote, as it survives copying: "X said: ↑", "**X wrote:**", "Quote from: X
 * on …", "Originally Posted by X". Forum names are handles, so any case is taken here, where the line is a
 * header by its shape; a bare "Quote:" attributes the quote to nobody.
 */
export function matchForumHeader(content: string): AttributionMatch | null {
  // Asked of most lines of a draft: the words every form holds are looked for first, in one cheap test.
  if (content.length > 200) return null;
  // "X said:" ends with its verb (an arrow or "Click to expand" after it); "Quote from: X …" starts with its words.
  if (!FORUM_HEADER_END.test(content) && !FORUM_HEADER_START.test(content)) return null;
  const text = content.trim().replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/\*\*/g, '').replace(/\\([<>[\]_*])/g, '$1').replace(FORUM_HEADER_TAIL, '').trim();
  if (!text || text.length > 160) return null;
  if (/^quote\s*:?$/i.test(text)) return { form: 'forum-header', placement: 'before', speaker: null };
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

const ORIGINAL_MESSAGE =
  /^-{2,}\s*(?:original\s+message|ursprüngliche\s+nachricht|mensagem\s+original|mensaje\s+original|message\s+d['’]origine|oorspronkelijk\s+bericht|messaggio\s+originale|исходное\s+сообщение|alkuperäinen\s+viesti|oprindelig\s+meddelelse|ursprungligt\s+meddelande|originalmeddelande|wiadomość\s+oryginalna|původní\s+zpráva)\s*-{2,}\s*$/iu;
const FROM_FIELD = /^(?:\*\*)?(?:from|de|von|van|da|от|od|från|fra|lähettäjä|feladó)\s*:(?:\*\*)?\s*(.+?)\s*$/iu;
const SENT_FIELD = /^(?:\*\*)?(?:sent|date|enviad[oa]|gesendet|datum|envoyé|date\s+d['’]envoi|verzonden|inviato|data|отправлено|дата|wysłano|skickat|sendt|lähetetty|fecha|elküldve)\s*:/iu;
const SUBJECT_FIELD = /^(?:\*\*)?(?:subject|assunto|asunto|betreff|objet|onderwerp|oggetto|тема|temat|ämne|emne|aihe|tárgy|předmět)\s*:/iu;

/** Who an Outlook header's "From:" names: "Doe, Jane [mailto:j@x]" → Jane Doe; an address alone stays one. */
function outlookSender(value: string): string | null {
  const email = /\[mailto:([^\]\s]+)\]|<([^<>\s]+@[^<>\s]+)>|(\S+@\S+)/i.exec(value);
  const name = value
    .replace(/\[mailto:[^\]]*\]|<[^<>]*>|\S+@\S+/gi, '')
    .replace(/\s+(?:namens|on\s+behalf\s+of|em\s+nome\s+de|im\s+auftrag\s+von)\s+.*$/i, '')
    // Mailman rewrites the sender of a DMARC-protected domain as "Jane Doe via listname".
    .replace(/\s+via\s+[\w.-]+$/i, '')
    .replace(/^["'\s]+|["'\s,;]+$/g, '')
    .trim();
  return (name && (plausibleName(name) ?? forumNameOf(name))) || (email ? (email[1] ?? email[2] ?? email[3]) : null);
}

function forumNameOf(name: string): string | null {
  return /^[\p{L}\p{N}_.' -]{1,40}$/u.test(name) ? name : null;
}

/**
 * The header Outlook and its kin put above the message a reply quotes: "-----Original Message-----" and a
 * "From:" line, or "From:" followed by "Sent:", in the client's language. `contents` are the line and the
 * few after it (same quote level); the answer says how many lines the header takes.
 */
export function matchOutlookHeader(contents: readonly string[]): { match: AttributionMatch; lines: number } | null {
  const first = contents[0]?.trim() ?? '';
  let from = -1;
  if (ORIGINAL_MESSAGE.test(first)) {
    for (let k = 1; k < contents.length && k <= 3 && from < 0; k++) if (FROM_FIELD.test(contents[k].trim())) from = k;
  } else if (FROM_FIELD.test(first) && (SENT_FIELD.test(contents[1]?.trim() ?? '') || SENT_FIELD.test(contents[2]?.trim() ?? ''))) {
    from = 0;
  }
  if (from < 0) return null;
  let sender = FROM_FIELD.exec(contents[from].trim())![1];
  // "Van: samba [mailto:…] Namens" + "Jeremy Allison": a list sends on behalf of the person who wrote.
  const onBehalf = /\s(?:namens|on\s+behalf\s+of|em\s+nome\s+de|im\s+auftrag\s+von|de\s+la\s+part\s+de)\s*(.*)$/i.exec(sender);
  if (onBehalf) sender = onBehalf[1].trim() || (contents[from + 1] ?? '').trim();
  const speaker = outlookSender(sender);
  let end = from;
  while (end + 1 < contents.length && end - from < 6 && contents[end + 1].trim() !== '' && !SUBJECT_FIELD.test(contents[end].trim())) end++;
  return { match: { form: 'outlook', placement: 'before', speaker }, lines: end + 1 };
}

/** Whether a line may start an Outlook header (cheap: asked of many lines). */
export function mayStartOutlookHeader(content: string): boolean {
  const first = content.charCodeAt(0);
  return (first === 45 /* - */ && content.startsWith('--')) || (content.length < 200 && /^(?:\*\*)?[\p{L}]{2,12}\s*:/u.test(content) && FROM_FIELD.test(content));
}

// Words of section titles, which a heading of two capitalised words is more often than a person's name.
const TITLE_WORDS = new Set(['introduction', 'response', 'responses', 'reply', 'replies', 'comment', 'comments', 'point', 'points', 'summary', 'changes', 'change', 'results', 'methods', 'method', 'discussion', 'conclusion', 'conclusions', 'data', 'analysis', 'review', 'reviews', 'reviewer', 'reviewers', 'major', 'minor', 'general', 'specific', 'other', 'issues', 'issue', 'questions', 'question', 'section', 'part', 'appendix', 'abstract', 'background', 'overview', 'notes', 'note', 'editor', 'editorial', 'letter', 'cover', 'references', 'figures', 'figure', 'tables', 'table', 'supplementary', 'material', 'materials', 'acknowledgements', 'acknowledgments', 'references', 'update', 'updates', 'next', 'steps', 'open', 'closed', 'new', 'old', 'final', 'first', 'second', 'third', 'round', 'revision', 'revisions', 'manuscript', 'paper', 'the', 'and', 'of', 'to', 'for', 'in', 'on']);

/** A heading that is a person's name ("## Karthik Ram", "### Dr. Jane Doe"): whose comments follow it. */
export function matchNameHeading(content: string): string | null {
  const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(content.trim());
  if (!heading) return null;
  const text = heading[1].replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/[:.]$/, '').trim();
  const tokens = text.split(/\s+/);
  if (tokens.length < 2 || tokens.length > 4 || tokens.some((token) => TITLE_WORDS.has(token.toLowerCase().replace(/[^\p{L}]/gu, '')))) return null;
  return plausibleName(text);
}

// The header a copied thread page puts above each post: "alice commented on Mar 3, 2021", "alice · comment ·
// 2016-01-13", "### Post by agquintero on 2009-11-05", "## Post #4 by user", "**Author:** Gavin Andresen",
// "Posted by: X", "user | 2019-03-02 10:41:07 UTC | #3", "[–]user 38 points", "u/name · 3 yr. ago".
const POST_HEADERS: readonly RegExp[] = [
  /^@?([\w.-]{2,39})\s+(?:commented|replied|wrote|posted|answered|responded)(?:\s+(?:on|at)\s+.+|\s+\d+\s+\w+\s+ago|\s+(?:yesterday|today|now|just\s+now))?\s*(?:[•·|–-].*)?$/iu,
  /^@?([\w.-]{2,39})\s+[·•|]\s+(?:comment|description|reply|answer|review|post)\s+[·•|]\s+\S.*$/iu,
  /^#{1,6}\s+(?:post|reply|comment|answer)\s*(?:#\s*\d+\s*)?(?:by|from)\s+@?(.+?)(?:\s+(?:on|at)\s+.*)?$/iu,
  /^(?:\*\*|__)?(?:author|posted\s+by|from)\s*:?(?:\*\*|__)?\s*:?\s*@?([^|·•<>]{2,40}?)(?:\s+(?:on|at)\s+.*|\s*<[^>]*>)?\s*$/iu,
  /^@?([\w.-]{2,39})\s+\|\s+\d{4}-\d{2}-\d{2}.*\|\s*#\d+\s*$/iu,
  /^\[[–-]\]\s*([\w-]{2,30})\b.*\bpoints?\b/iu,
  /^u\/([\w-]{2,30})\s+[·•]/iu,
];

// What every post header holds: one cheap test before the patterns.
const POST_HEADER_HINT = /[·•|]|^\S+\s+(?:commented|replied|wrote|posted|answered|responded)\b|^#{1,6}\s+(?:post|reply|comment|answer)|^\[|^u\/|^(?:\*\*|__)?(?:author|posted|from)\b/i;

/** The author a copied page names at the head of a post, or null. */
export function matchPostHeader(content: string): string | null {
  if (content.length > 160 || !fewWords(content, 16)) return null;
  const text = content.trim();
  if (!POST_HEADER_HINT.test(text)) return null;
  for (const pattern of POST_HEADERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const name = match[1].replace(/^(\*\*|__)(.*)\1$/, '$2').trim();
    if (name && !PRONOUNS.test(name) && !NOT_A_NAME_START.test(name.split(/\s+/)[0]) && name.split(/\s+/).length <= 4) return name;
  }
  return null;
}
