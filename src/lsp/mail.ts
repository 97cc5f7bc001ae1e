// Mail drafts as mutt, neomutt and aerc hand them to the editor: an RFC 822 header block, a blank line,
// then the body. The header is not prose (a rule must not call "Subject: Re: Re: release" a repeated
// word), but it says who the reply answers and who writes it, which the core reads from front matter.

export interface MailHeader {
  /** Lines before this one are header fields; this one is the blank line after them (or the text's end). */
  endLine: number;
  /** Field names lower-cased; a field given twice keeps its first value. */
  fields: ReadonlyMap<string, string>;
}

const FIELD = /^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]?(.*)$/;
const CONTINUATION = /^[ \t]+\S/;

/** Whether a document is a mail draft: the editor says `mail` (Vim, Neovim, Helix) or `message` (Emacs), or its name says so. */
export function isMailDocument(languageId: string, uri: string): boolean {
  if (languageId === 'mail' || languageId === 'message') return true;
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  // mutt and neomutt write /tmp/(neo)mutt-HOST-UID-PID-N; aerc and most clients a .eml file.
  return /^(?:neo)?mutt(?:ng)?-/.test(name) || /^aerc-/.test(name) || /\.eml$/i.test(name);
}

/**
 * The leading header block, when the first line is a header field and fields (with their folded
 * continuation lines) run to a blank line or the end. Any other line before the blank one: not a header.
 */
export function parseMailHeader(lineAt: (line: number) => string | undefined): MailHeader | null {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (let line = 0; ; line++) {
    const text = lineAt(line);
    if (text === undefined || text.trim() === '') return line === 0 ? null : { endLine: line, fields };
    const field = FIELD.exec(text);
    if (field) {
      last = field[1].toLowerCase();
      if (!fields.has(last)) fields.set(last, field[2].trim());
    } else if (last && CONTINUATION.test(text)) {
      if (fields.get(last) !== undefined) fields.set(last, `${fields.get(last)} ${text.trim()}`);
    } else {
      return null;
    }
    // A header is a few dozen lines; a thousand "Key: value" lines are a document, not a header.
    if (line > 1000) return null;
  }
}

/** Splits an address list at commas outside quotes, angle brackets and comments. */
function addresses(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let nesting = 0;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '<' || char === '(')) nesting++;
    else if (!quoted && (char === '>' || char === ')')) nesting = Math.max(0, nesting - 1);
    if (char === ',' && !quoted && nesting === 0) {
      out.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** The person's name in `Jane Doe <jane@x>`, `"Doe, Jane" <jane@x>` or `jane@x (Jane Doe)`; null for a bare address. */
export function displayName(address: string): string | null {
  const angle = /^\s*"?([^"<]*?)"?\s*<[^>]*>\s*$/.exec(address);
  if (angle && angle[1].trim()) return angle[1].trim();
  const comment = /^[^\s(]+@\S+\s*\(([^)]+)\)\s*$/.exec(address);
  if (comment) return comment[1].trim();
  return null;
}

/**
 * The header as the core reads a draft's context: front matter of the same number of lines, so that
 * every line of the body keeps its number. `replying-to` is the first named recipient (a list address
 * names nobody), `author` the sender, and a reply (`In-Reply-To`, `References`, `Re:`) is a debate draft.
 */
export function headerAsFrontMatter(header: MailHeader): string[] {
  const lines: string[] = [];
  const keys: string[] = [];
  const isReply = header.fields.has('in-reply-to') || header.fields.has('references') || /^\s*(?:re|aw|sv|antw):/i.test(header.fields.get('subject') ?? '');
  if (isReply) keys.push('riposte: true');
  const to = addresses(header.fields.get('to') ?? '')
    .map(displayName)
    .find((name) => name !== null);
  if (to) keys.push(`replying-to: ${yamlScalar(to)}`);
  const from = displayName(header.fields.get('from') ?? '');
  if (from) keys.push(`author: ${yamlScalar(from)}`);
  if (header.endLine < 2) return Array.from({ length: header.endLine }, () => '');
  lines.push('---');
  // Lines between the two markers; keys that do not fit are left out (a header of two lines holds none).
  for (let i = 0; i < header.endLine - 2; i++) lines.push(keys[i] ?? '');
  lines.push('---');
  return lines;
}

function yamlScalar(value: string): string {
  return /[:#"'\n]/.test(value) ? `"${value.replace(/["\n]/g, ' ')}"` : value;
}
