// Mail clients' headers: "On …, Jane Doe <jane@x> wrote:", "Am … schrieb …:", "DATE Name <address>:".
import { LineShape, lineShape } from '../lineShape';
import { mailName, plausibleName, splitEmail } from '../names';
import { AttributionMatch } from '../types';

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
  // Gmail in Czech names the sender as such: "čt 7. 3. 2019 v 14:33 odesílatel Jana <j@x> napsal:".
  { pattern: /^.+?\s+odesílatel\s+(.+?)\s+napsal\(?a?\)?\s*:\s*$/iu, nameFrom: 'after-verb' },
  // Clients that put the date first and the verb after the name: "чт, 19 июля 2018 г., 22:23 Jorge <j@x> написал:",
  // "pon., 1 sty 2018 o 10:00 Jan <j@x> napisał(a):", "2009年8月26日 … 松田 さんは書きました:", Thunderbird in Slovak
  // "Dňa 29.04.2010 14:22, Jana wrote / napísal(a):".
  { pattern: /^(.+?)\s*(?:написал\(?а?\)?|написала|пишет|пише|napisał\(?a?\)?|napsal\(?a?\)?|(?:wrote\s*\/\s*)?napísal\(?a?\)?|kirjoitti|írta|skrev|ha\s+scritto|έγραψε|đã\s+viết|さん(?:は|が)?書きました|は書きました|が書きました)\s*[:：]+\s*$/iu, nameFrom: 'end' },
  // Chinese and Korean: "2025年1月14日 06:27，Jane <j@x> 写道：", "2021년 2월 2일 (화) 오전 8:33, Jane <j@x>님이 작성:".
  // Dated, as a client writes it: "文档中写道：" is a sentence ("the documentation says:").
  { pattern: /^(.*\d.*?)\s*(?:写道|寫道|님이\s*작성)\s*[:：]+\s*$/u, nameFrom: 'end' },
  // Gmail in Hungarian and Turkish puts the name first and the date in the middle: "Jane Doe <j@x> ezt írta
  // (időpont: 2022. okt. 14., P, 9:03):", "Jane Doe <j@x>, 30 Eki 2025 Per, 10:59 tarihinde şunu yazdı:".
  { pattern: /^(.+?)\s+ezt\s+írta\s*(?:\(.*\))?\s*:\s*$/iu, nameFrom: 'after-verb' },
  { pattern: /^(.+?),\s+.+?\s+tarihinde\s+şunu\s+yazdı\s*:\s*$/iu, nameFrom: 'after-verb' },
  // mutt's "* Jane Doe <j@x> [2015-01-05 15:04]:" and Horde's "Quoting Jane Doe <j@x>:".
  { pattern: /^\*\s+(.+?<[^<>\s]+@[^<>\s]+>)\s+\[[^\]]*\d[^\]]*\]\s*:\s*$/u, nameFrom: 'after-verb' },
  { pattern: /^Quoting\s+(.+?<[^<>\s]+@[^<>\s]+>)\s*:\s*$/iu, nameFrom: 'after-verb' },
  // Gmail in many languages writes only the date, the name and the address: "2009/8/26 Akira <a@x>:".
  { pattern: /^(.*\d.*?<[^<>\s]+@[^<>\s]+>)\s*[:：]\s*$/u, nameFrom: 'end' },
];
// A client that wraps a header inside the brackets leaves a space there once the lines are joined ("<" + "jane…>").
const SPELLED_OUT_ADDRESS = /<\s*([\w.+'-]+)\s*(?:@|\s(?:at|a|\(at\)|\[at\])\s)\s*([\w-]+(?:\.[\w-]+)+)\s*>/gi;

const SPELLED_OUT_HINT = /<\s*[\w.+'-]+\s(?:at|a|\(at\)|\[at\])\s/i;

/**
 * The text with its bracketed addresses in one shape: "<jane at example.org>" (as Mailman and MHonArc
 * archives spell them out against harvesters) and "< jane@example.org >" become "<jane@example.org>".
 */
export function deobfuscateAddresses(text: string): string {
  return text.includes('<') ? text.replace(SPELLED_OUT_ADDRESS, '<$1@$2>') : text;
}

export function matchMailHeader(raw: string): AttributionMatch | null {
  // Markdown escapes and typographic angle quotes are the same address brackets ("\<a@x\>", "‹a@x›"), and
  // list archives spell the address out against harvesters ("<jane at example.org>", "<jane a example.org>").
  // (A full-width comma, as Chinese clients write one before the name, separates like a comma.)
  const content = deobfuscateAddresses(raw.replace(/\\([<>])/g, '$1').replace(/‹/g, '<').replace(/›/g, '>').replace(/，/g, ', '));
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
export function isMailHeaderStart(raw: string, shape: LineShape = lineShape(raw)): boolean {
  if (raw.length > 300 || endsWithColon(raw)) return false;
  // "On", "Le", "El", "Em", "Am", "Op", "Il", "Den" and a space start it, and a date follows; otherwise an
  // address is inside, or "hat am" and its date ("Jane Doe hat am 6. Juli 2011 um 10:30" / "geschrieben:").
  if (!shape.hasAddressSign && !shape.hasDigit) return false;
  if ((raw.charCodeAt(2) === 32 || raw.charCodeAt(3) === 32) && /^(?:On|Le|El|Em|Am|Op|Il|Den)\s+\S.*\d/.test(raw)) return true;
  if (raw.indexOf('@') < 0 && (!shape.hasDigit || raw.indexOf(' hat am ') < 0) && (raw.indexOf('<') < 0 || !SPELLED_OUT_HINT.test(raw))) return false;
  const content = deobfuscateAddresses(raw);
  // A name with its address, or "… hat am …", may go on to "wrote:" on the next lines; a header field of
  // a pasted mail ("Message-ID: <…>", "From: …") never does.
  return !/^[\w-]+:\s/.test(content) && /<[^<>\s]+@[^<>\s]+>|\shat\s+am\s/.test(content);
}

function endsWithColon(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end--;
  return text.charCodeAt(end) === 58 /* : */;
}
