// Names as threads write them: a display name, a handle, a name at the end of a mail header, an address.

// (Its brackets may come HTML-escaped from a copied page: "Jane &lt;jane@example.org&gt;".)
const EMAIL = /(?:\(\s*)?(?:<|&lt;|\[|mailto:)?([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)(?:>|&gt;|\])?(?:\s*\))?/i;
// Month and day names stop the walk only when a comma follows ("On Monday, Jane wrote:"): bare, they are
// too often names as well ("Sam", "Mar", "Jun").
const MONTHS_AND_DAYS =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|mai|juni|juli|oktober|dezember|lun|mer|jeu|ven|sam|dim|janv|févr|fév|mars|avr|juin|juil|août|sept|déc|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|avril|juillet|septembre|octobre|novembre|décembre|lun|mié|jue|vie|sáb|dom|ene|abr|ago|dic|ter|qua|qui|sex|seg|fev|ma|wo|vr|za|zo|mrt|mei|okt)\.?,?$/i;
// (With the words some clients put before the name: Russian "пользователь", Greek "ο/η".)
const DATE_WORDS = /^(?:at|um|à|às|om|las|am|pm|a\.m\.|p\.m\.|utc|gmt|cet|cest|est|edt|pst|pdt|bst|mez|mesz|に|の|г\.?|o|kl\.?|пользователь|ο\/η)\.?,?$/i;
// A handle mixes letters and digits, a letter first ("RogerG6", "shakotay2"); a date's tokens do not ("2020,", "14:08", "1er").
const HANDLE_WITH_DIGITS = /^\p{L}[\p{L}\d_-]*$/u;
export function isDateToken(token: string): boolean {
  return (/\d/.test(token) && !HANDLE_WITH_DIGITS.test(token)) || DATE_WORDS.test(token) || (token.endsWith(',') && MONTHS_AND_DAYS.test(token));
}
export const PRONOUNS = /^(?:i|you|he|she|they|we|it|someone|somebody|one|y'all|u|everyone|everybody|anyone|anybody|nobody|people|others|this|that)$/i;
export const NOT_A_NAME_START = /^(?:the|a|an|this|that|these|those|my|your|his|her|their|our|its|which|who|what|and|but|so|then|also|as|if|when|i've|i'd|i'm)$/i;
export const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le', 'la', 'del', 'dos', 'das', 'bin', 'al', 'ibn', 'y', 'ter', 'zu']);
/** A display name as people write it before "wrote:": 1–5 words, or a handle, or an address. */
export function plausibleName(candidate: string): string | null {
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
// A name in a script without letter case (Chinese, Japanese, Korean, Thai, Arabic…), which no capital can
// mark as one: a word or two of such letters ("山田 太郎", "김민수", "刘芳铭").
const CASELESS_NAME = /^[\p{Lo}\p{M}·・]{1,12}(?:\s[\p{Lo}\p{M}·・]{1,12})?$/u;

// The honorific a Japanese or Korean mailer puts after the name it quotes ("Minchan Kim さん wrote:", "김민수님").
const HONORIFIC = /\s*(?:さん|様|さま|氏|殿|先生|님|씨)$/u;

/**
 * A name that plausibleName's capitals cannot vouch for, before "wrote:": one written in a caseless script,
 * or any name with the honorific a Japanese or Korean mailer adds (which is left out).
 */
export function caselessName(candidate: string): string | null {
  const name = candidate.trim().replace(/^["'“”‘’]+|["'“”‘’,]+$/g, '').trim();
  const bare = name.replace(HONORIFIC, '');
  if (bare.length === 0) return null;
  if (CASELESS_NAME.test(bare)) return bare;
  return bare !== name ? plausibleName(bare) : null;
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
  let i = tokens.length - 1;
  for (; i >= 0 && name.length < 5; i--) {
    const token = tokens[i];
    if (token.endsWith(',') || isDateToken(token)) break;
    name.unshift(token);
  }
  // A directory's "Surname, Given" after the date ("Le … 01:16, Protasevich, Natalie a écrit :", Outlook's
  // "On …, Doe, Jane wrote:"): the comma is inside the name, and the date's own comma stands before it.
  if (i >= 1 && name.length > 0 && name.length <= 2 && INVERTED_SURNAME.test(tokens[i]) && !isDateToken(tokens[i]) && isDateToken(tokens[i - 1]) && name.every((word) => /^\p{Lu}/u.test(word))) {
    name.push(tokens[i].slice(0, -1));
  }
  return name.length ? name.join(' ') : null;
}
const INVERTED_SURNAME = /^\p{Lu}[\p{L}'’-]+,$/u;
export function splitEmail(segment: string): { before: string; email?: string; after: string } {
  const match = EMAIL.exec(segment);
  if (!match) return { before: segment, after: '' };
  const index = match.index ?? 0;
  return { before: segment.slice(0, index), email: match[1], after: segment.slice(index + match[0].length) };
}
export function mailName(segment: string): { speaker: string | null; email?: string } {
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
/** A forum user name: 1–4 words or a handle, any case ("jimmy the saint", "shakotay2", "J_Dizzle"). */
export function forumName(candidate: string): string | null {
  const name = candidate.trim().replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/^["'“”‘’@]+|["'“”‘’,:]+$/g, '').trim();
  if (!name || name.length > 40) return null;
  const tokens = name.split(/\s+/);
  if (tokens.length > 4 || tokens.some((token) => !/^[\p{L}\p{N}_.'’-]+$/u.test(token))) return null;
  if (PRONOUNS.test(name) || NOT_A_NAME_START.test(tokens[0])) return null;
  return name;
}
export function forumNameOf(name: string): string | null {
  return /^[\p{L}\p{N}_.' -]{1,40}$/u.test(name) ? name : null;
}
