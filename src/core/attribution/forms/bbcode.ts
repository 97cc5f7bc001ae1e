// Discourse and phpBB tags: `[quote="name, post:3, topic:123"]` … `[/quote]`.

export interface BbcodeTag {
  kind: 'open' | 'close';
  speaker: string | null;
  /** Character offsets of the tag within the content it was found in. */
  start: number;
  end: number;
}
/** Discourse/phpBB `[quote="name, post:3, topic:123"]`, `[quote=name]`, `[quote]` and `[/quote]`. */
export function findBbcodeTags(content: string): BbcodeTag[] {
  const tags: BbcodeTag[] = [];
  for (const match of content.matchAll(/\[(\/?)quote(?:=("[^"\]]*"|'[^'\]]*'|[^\]]*))?\]/gi)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (match[1]) {
      tags.push({ kind: 'close', speaker: null, start, end });
      continue;
    }
    const raw = (match[2] ?? '').replace(/^["']|["']$/g, '');
    const name = raw.split(',')[0].trim();
    tags.push({ kind: 'open', speaker: name || null, start, end });
  }
  return tags;
}
