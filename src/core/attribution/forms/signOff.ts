// A letter's closing inside a quote: "Sincerely," and the writer's name under it. A decision letter or a
// long mail quoted piece by piece names its writer only there, at the end.
import { plausibleName } from '../names';

const VALEDICTIONS = [
  'sincerely', 'sincerely yours', 'yours sincerely', 'yours truly', 'yours faithfully', 'yours', 'regards', 'best regards',
  'kind regards', 'warm regards', 'best wishes', 'all the best', 'best', 'cheers', 'thanks', 'many thanks', 'thank you',
  'respectfully', 'cordially', 'with best regards', 'with kind regards',
  'mit freundlichen grüßen', 'freundliche grüße', 'viele grüße', 'beste grüße', 'liebe grüße', 'grüße', 'gruß', 'servus',
  'cordialement', 'bien cordialement', 'bien à vous', 'salutations', 'amitiés', 'merci',
  'saludos', 'un saludo', 'atentamente', 'saludos cordiales', 'gracias',
  'atenciosamente', 'abraços', 'abraço', 'obrigado', 'obrigada',
  'cordiali saluti', 'saluti', 'un saluto', 'grazie', 'ciao',
  'met vriendelijke groet', 'vriendelijke groeten', 'groeten', 'groet',
  'с уважением', 'спасибо', 'pozdrawiam', 'z poważaniem', 'mvh', 'med vänliga hälsningar', 'hälsningar',
];
const VALEDICTION_SET = new Set(VALEDICTIONS);
const TITLE = /^(?:dr|prof|professor|mr|mrs|ms|mx|sir)\.?\s+/i;

/** Whether a line is only a letter's closing word or words ("Sincerely,", "Best regards,", "Mit freundlichen Grüßen"). */
export function isValediction(content: string): boolean {
  if (content.length > 32) return false;
  // Asked of every short quoted line on a keystroke: a lookup, not a pattern of sixty alternatives.
  const text = content.trim().replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2').replace(/\s*[,.!]$/, '');
  return VALEDICTION_SET.has(text.toLowerCase().replace(/\s+/g, ' '));
}

/** The writer a closing names on the line under it ("Dr Isabel Sanmartín" → "Isabel Sanmartín"), or null. */
export function signOffName(nameLine: string): string | null {
  const text = nameLine.trim().replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2').replace(/,$/, '');
  if (text.length > 60) return null;
  return plausibleName(text.replace(TITLE, ''));
}

/** A closing and the name under it, as the FORMS table's examples give them ("Sincerely,\nDr Jane Doe"). */
export function matchSignOff(lines: string): string | null {
  const [closing, name] = lines.split('\n');
  return closing !== undefined && name !== undefined && isValediction(closing) ? signOffName(name) : null;
}
