// FNV-1a over UTF-16 code units, as int32: the one string hash of the core (vocabulary, MinHash seeds,
// preview keys). Callers that hash while scanning use the constants directly.
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** The hash of text[start..end), continuing from `hash` (a seed, or the hash of what came before). */
export function fnv1a(text: string, hash = FNV_OFFSET, start = 0, end = text.length): number {
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}
