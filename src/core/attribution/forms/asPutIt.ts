// "As @kim put it:", "as Jane said,".
import { plausibleName, PRONOUNS } from '../names';
import { AttributionMatch } from '../types';

const AS_PUT_IT = /(?:^|[\s,;(])as\s+(@[\w.-]+|[^\s,;]+(?:\s+[^\s,;]+){0,3}?)\s+(?:put\s+it|said|says|wrote|writes|noted|notes|argued|argues|points?\s+out|pointed\s+out)\s*(?:[:,]\s*)?$/i;
export function matchAsPutIt(content: string): AttributionMatch | null {
  const match = AS_PUT_IT.exec(content);
  if (!match) return null;
  const subject = match[1].trim();
  // Mid-sentence ("…, and as @kim put it:") only a handle or a capitalised name is trusted.
  if (!/^as\s/i.test(content) && !/^@|^\p{Lu}/u.test(subject)) return null;
  if (PRONOUNS.test(subject)) return { form: 'as-put-it', placement: 'before', speaker: null, addressee: /^you$/i.test(subject) };
  return { form: 'as-put-it', placement: 'before', speaker: plausibleName(subject) };
}
