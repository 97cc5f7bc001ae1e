// "As @kim put it:", "as Jane said,", and the passive "As reported by artoska on the Wall:", "as noted by @kim in #12,".
import { plausibleName, PRONOUNS } from '../names';
import { AttributionMatch } from '../types';

const AS_PUT_IT = /(?:^|[\s,;(])as\s+(@[\w.-]+|[^\s,;]+(?:\s+[^\s,;]+){0,3}?)\s+(?:put\s+it|said|says|wrote|writes|noted|notes|argued|argues|points?\s+out|pointed\s+out)\s*(?:[:,]\s*)?$/i;
// The passive turn names the person after "by", and may say where they wrote it ("on the Wall", "in #1234",
// "on the mailing list"): a few words after a preposition, up to the line's colon or comma.
const AS_REPORTED_BY = /(?:^|[\s,;(])as\s+(?:(?:was|has\s+been)\s+)?(?:reported|noted|mentioned|pointed\s+out|suggested|explained|described|stated|said|written|put|argued|proposed|asked|requested|observed)\s+by\s+(@[\w.-]+|[^\s,;:]+(?:\s+[^\s,;:]+){0,3}?)(?:\s+(?:on|in|at|over|via|from)\s+[^,;:]{1,40}?)?\s*[:,]\s*$/i;

export function matchAsPutIt(content: string): AttributionMatch | null {
  const match = AS_PUT_IT.exec(content) ?? AS_REPORTED_BY.exec(content);
  if (!match) return null;
  const subject = match[1].trim();
  // Mid-sentence ("…, and as @kim put it:") only a handle or a capitalised name is trusted.
  if (!/^as\s/i.test(content) && !/^@|^\p{Lu}/u.test(subject)) return null;
  if (PRONOUNS.test(subject)) return { form: 'as-put-it', placement: 'before', speaker: null, addressee: /^you$/i.test(subject) };
  // (After "by", a lower-case word is as often a way as a handle: "noted by email,". It names nobody here.)
  return { form: 'as-put-it', placement: 'before', speaker: plausibleName(subject) };
}
