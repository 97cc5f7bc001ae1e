// A mail signature kept inside a quote: the "-- " delimiter line and the name under it. Where the quoter
// trimmed the attribution line, the quoted person's own signature is what names them (issue 14).
import { plausibleName } from '../names';
import { AttributionMatch } from '../types';
import { isValediction } from './signOff';

/** How many lines under the delimiter are read for the name (a signature block is short). */
export const SIGNATURE_BLOCK_LINES = 4;

/** The signature delimiter alone on its line: "--" or "-- " (trimmed by the caller or not). */
export function isSignatureDelimiter(content: string): boolean {
  // Asked of every quoted line: most are longer than the delimiter with its spaces.
  return content.length <= 4 && content.trim() === '--';
}

// Words of a signature's other lines: a title, a company, a team ("Release Engineering", "Acme Corp").
const NOT_PERSON_WORDS = new Set([
  'inc', 'ltd', 'llc', 'gmbh', 'ag', 'sa', 'bv', 'corp', 'corporation', 'company', 'co', 'university', 'universität', 'université', 'universidad',
  'institute', 'institut', 'department', 'dept', 'faculty', 'school', 'college', 'team', 'group', 'foundation', 'project', 'society', 'association',
  'software', 'engineering', 'engineer', 'developer', 'development', 'manager', 'director', 'consultant', 'officer', 'president', 'ceo', 'cto', 'cfo',
  'founder', 'maintainer', 'labs', 'lab', 'laboratory', 'systems', 'solutions', 'services', 'technologies', 'technology', 'support', 'sales',
  'research', 'network', 'networks', 'consulting', 'office', 'sent', 'mobile', 'phone', 'tel', 'fax', 'email', 'web', 'www', 'http', 'https',
]);

/** A line of a signature block that gives a person's name: one column of it ("Wulfraed      Dennis Lee Bieber"). */
export function signatureName(line: string): string | null {
  const text = line.trim().replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2');
  if (!text || text.length > 80 || isValediction(text)) return null;
  // Signatures lay out a nickname, a name, an address in columns: the full name is the column of two words or more.
  const columns = text.split(/\s{2,}|\t|\s+[|·•]\s+/);
  let single: string | null = null;
  for (const column of columns) {
    // (A name and a title: "Dev Malhotra, release team"; a full name, not a place: "K.U.Leuven, Robotics Group".)
    const comma = column.indexOf(',');
    const beforeComma = comma > 0 ? personName(column.slice(0, comma)) : null;
    const name = personName(column) ?? (beforeComma && /\s/.test(beforeComma) ? beforeComma : null);
    if (!name) continue;
    if (/\s/.test(name)) return name;
    single ??= name;
  }
  return single;
}

function personName(column: string): string | null {
  // An address, a handle or a link is not the name the thread knows the person by.
  // (Nor is a domain or an institution's short name, "K.U.Leuven": initials are single letters, "J.R.R. Tolkien".)
  if (/[@:/<>]|\d|\p{L}\.\p{L}{2}/u.test(column)) return null;
  const name = plausibleName(column.replace(/[,.;]$/, '').trim());
  if (!name) return null;
  const tokens = name.toLowerCase().split(/\s+/);
  if (tokens.length > 4 || tokens.some((token) => NOT_PERSON_WORDS.has(token.replace(/[.'’]/g, '')))) return null;
  return name;
}

/**
 * A signature block: the delimiter, then the first of the next few lines that gives a person's name
 * (not an address, a link, a title or a company). `lines` are the delimiter's line and those under it, in
 * the same quote; the match says how many lines it took.
 */
export function matchSignatureBlock(lines: readonly string[]): { match: AttributionMatch; lines: number } | null {
  if (lines.length < 2 || !isSignatureDelimiter(lines[0])) return null;
  for (let k = 1; k < lines.length && k <= SIGNATURE_BLOCK_LINES; k++) {
    if (!lines[k].trim()) return null;
    const speaker = signatureName(lines[k]);
    if (speaker) return { match: { form: 'signature', placement: 'last-line', speaker }, lines: k + 1 };
  }
  return null;
}
