// Outlook's header above the message it quotes: "-----Original Message-----", "From: … Sent: …". (QQ Mail and
// Outlook in Chinese and Korean open it with "---原始邮件---", "-----原始郵件-----", "-----원본 메시지-----".)
import { forumNameOf, plausibleName } from '../names';
import { AttributionMatch } from '../types';

const ORIGINAL_MESSAGE =
  /^-{2,}\s*(?:original\s+message|ursprüngliche\s+nachricht|mensagem\s+original|mensaje\s+original|message\s+d['’]origine|oorspronkelijk\s+bericht|messaggio\s+originale|исходное\s+сообщение|alkuperäinen\s+viesti|oprindelig\s+meddelelse|ursprungligt\s+meddelande|originalmeddelande|wiadomość\s+oryginalna|původní\s+zpráva|原始邮件|原始郵件|원본\s*메시지)\s*-{2,}\s*$/iu;
// Chinese (simplified 发件人/发送时间/主题, traditional 寄件者/寄件日期/主旨), Japanese (差出人/送信日時/件名) and
// Korean (보낸 사람/보낸 날짜/제목) Outlook write the same fields, often with a full-width colon "：".
const FROM_FIELD = /^(?:\*\*)?(?:from|de|von|van|da|от|od|från|fra|lähettäjä|feladó|发件人|寄件者|寄件人|差出人|보낸\s?사람)\s*[:：](?:\*\*)?\s*(.+?)\s*$/iu;
const SENT_FIELD = /^(?:\*\*)?(?:sent|date|enviad[oa]|gesendet|datum|envoyé|date\s+d['’]envoi|verzonden|inviato|data|отправлено|дата|wysłano|skickat|sendt|lähetetty|fecha|elküldve|发送时间|寄件日期|日期|送信日時|보낸\s?날짜)\s*[:：]/iu;
const SUBJECT_FIELD = /^(?:\*\*)?(?:subject|assunto|asunto|betreff|objet|onderwerp|oggetto|тема|temat|ämne|emne|aihe|tárgy|předmět|主题|主旨|件名|제목)\s*[:：]/iu;
// Any field of a header: "Sent:", "To:", "Cc:", "Enviada:", "**Subject:**", "收件人:", "받는 사람:"…
const HEADER_FIELD = /^(?:\*\*)?[\p{L}-]{2,20}(?:\s+[\p{L}-]+)?\s*[:：]/u;
/** Who an Outlook header's "From:" names: "Doe, Jane [mailto:j@x]" → Jane Doe; an address alone stays one. */
function outlookSender(escaped: string): string | null {
  // A copy of the HTML page shows the address's brackets escaped: '"888jiejie"<notifications@github.com&gt;'.
  const value = escaped.replace(/&lt;/gi, '<').replace(/&gt;/gi, '>').replace(/&quot;/gi, '"');
  const email = /\[mailto:([^\]\s]+)\]|<([^<>\s]+@[^<>\s]+)>|([^\s<>"]+@[^\s<>"]+)/i.exec(value);
  const name = value
    .replace(/\[mailto:[^\]]*\]|<[^<>]*>|[^\s<>"]+@[^\s<>"]+/gi, '')
    .replace(/\s+(?:namens|on\s+behalf\s+of|em\s+nome\s+de|im\s+auftrag\s+von)\s+.*$/i, '')
    // Mailman rewrites the sender of a DMARC-protected domain as "Jane Doe via listname".
    .replace(/\s+via\s+[\w.-]+$/i, '')
    .replace(/^["'\s]+|["'\s,;]+$/g, '')
    .trim();
  return (name && (plausibleName(name) ?? forumNameOf(name))) || (email ? (email[1] ?? email[2] ?? email[3]) : null);
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
  // Outlook wraps a long "From:" in plain text: "From: list-owner@x" + "[mailto:list-owner@x] On Behalf Of
  // Jane Doe". A line under it that is no field of the header goes on with its value.
  const wrapped = (contents[from + 1] ?? '').trim();
  if (wrapped && !HEADER_FIELD.test(wrapped)) sender = `${sender} ${wrapped}`;
  // "Van: samba [mailto:…] Namens" + "Jeremy Allison": a list sends on behalf of the person who wrote.
  const onBehalf = /\s(?:namens|on\s+behalf\s+of|em\s+nome\s+de|im\s+auftrag\s+von|de\s+la\s+part\s+de)\s*(.*)$/i.exec(sender);
  if (onBehalf) sender = onBehalf[1].trim();
  const speaker = outlookSender(sender);
  let end = from;
  while (end + 1 < contents.length && end - from < 6 && contents[end + 1].trim() !== '' && !SUBJECT_FIELD.test(contents[end].trim())) end++;
  return { match: { form: 'outlook', placement: 'before', speaker }, lines: end + 1 };
}
/** Whether a line may start an Outlook header (cheap: asked of many lines). */
export function mayStartOutlookHeader(content: string): boolean {
  const first = content.charCodeAt(0);
  if (first === 45 /* - */) return content.startsWith('--');
  // "From:", "De:", "Von:", "**From:**": a colon within the first few characters, before any pattern runs.
  // (Only a line starting with a Hangul or CJK letter may have the full-width colon, or a space in its field.)
  if (first >= 0x3000) {
    const colon = content.search(/[:：]/);
    return colon >= 2 && colon <= 6 && content.length < 200 && FROM_FIELD.test(content);
  }
  const colon = content.indexOf(':');
  return colon >= 2 && colon <= 16 && content.length < 200 && /^(?:\*\*)?[\p{L}]{2,12}\s*:/u.test(content) && FROM_FIELD.test(content);
}
