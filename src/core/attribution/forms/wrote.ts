// "Jane wrote:", "Jane <j@x> writes:", "@user in <url> wrote", "You wrote:".
import { caselessName, plausibleName, PRONOUNS, splitEmail } from '../names';
import { AttributionMatch } from '../types';

const WROTE = /^(.{1,160}?)\s+(?:wrote|writes|said|says|commented|replied|asked|posted|argued|argues|claimed|claims)\s*(?:that\s*)?:+\s*$/i;
// The verb before the name, as hackers write it after Nietzsche and the King James Bible: "Also sprach Manuel:",
// "Thus spake Jane:", "Quoth Bob:".
const SPAKE = /^(?:(?:thus|so|also)\s+(?:spake|spoke|sprach|said|wrote)|quoth)\s+(.{1,60}?)\s*:+\s*$/i;

export function matchWrote(content: string): AttributionMatch | null {
  const spake = SPAKE.exec(content);
  if (spake) {
    const name = spake[1].replace(/^(\*\*|__)(.*)\1$/, '$2').trim();
    if (PRONOUNS.test(name)) return { form: 'wrote', placement: 'before', speaker: null, addressee: /^(?:you|u)$/i.test(name) };
    return { form: 'wrote', placement: 'before', speaker: plausibleName(name) };
  }
  const match = WROTE.exec(content);
  if (!match) return null;
  let subject = match[1].trim().replace(/^\*\*(.+)\*\*$/, '$1').replace(/^[*•]\s+/, '');
  // "@ghickman in https://…#issuecomment-1 wrote", "Jane Doe (https://…) wrote": where it was said is no name.
  subject = subject.replace(/\s+(?:in|at|on)\s+<?https?:\/\/\S+$|\s*\(<?https?:\/\/[^)]*\)$/i, '');
  // "…, not in the form requested.  Tony Hoare wrote": the name is what follows the last full stop (not a
  // middle initial's: '"Barry A. Warsaw" wrote:').
  subject = subject.split(/(?<=[.!?])(?<!(?:^|[\s"“'(])\p{Lu}\.)\s+(?=\S)/u).pop()!;
  if (subject.length > 80) return null;
  // "Jane Doe <jane@example.org> writes:": the name, or the address when there is no name.
  const { before, email } = splitEmail(subject.replace(/\\([<>])/g, '$1'));
  if (email) subject = before.replace(/[\s,"'“”]+$/, '').replace(/^["'“”]+/, '') || email;
  // "In your last mail you wrote:" addresses the reader like "You wrote:" (a capital "You" ends a name: "Ji You wrote:").
  if (/\byou$/.test(subject) && !PRONOUNS.test(subject)) return { form: 'wrote', placement: 'before', speaker: null, addressee: true };
  if (PRONOUNS.test(subject)) return { form: 'wrote', placement: 'before', speaker: null, addressee: /^(?:you|u)$/i.test(subject) };
  const speaker = plausibleName(subject) ?? caselessName(subject);
  if (!speaker) return { form: 'wrote', placement: 'before', speaker: null };
  return { form: 'wrote', placement: 'before', speaker };
}

// A program, a file or a path is no speaker: "dmesg said :", "/proc/interrupts said :", "syslog.txt says:" paste
// its output. A lower-case word alone is one only when it "says" (a forum's handle "writes", and its "said:"
// header keeps its arrow or bold: "sluggy said: ↑"); the caller may still ask whether the thread writes it elsewhere.
const PROGRAM_SUBJECT = /^(?:(?:`[^`]+`|\S*\/\S*|[\w-]+\.[a-z\d]{1,5})\s+(?:said|says|wrote|writes|printed|prints|reported|reports|showed|shows|gave|gives)|[a-z][a-z\d_-]*\s+(?:said|says|printed|prints|reported|reports|showed|shows|gave|gives))\s*:\s*$/;

/** The program, file or path a "… said:" line makes its subject ("dmesg", "/proc/interrupts"), or null. */
export function programSubject(content: string): string | null {
  const match = PROGRAM_SUBJECT.exec(content.trim());
  return match ? match[0].slice(0, match[0].search(/\s+\S+\s*:\s*$/)) : null;
}
