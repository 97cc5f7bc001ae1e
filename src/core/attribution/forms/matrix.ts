// Matrix reply fallbacks: `> <@alice:matrix.org> text`.
import { AttributionMatch } from '../types';

/** Matrix reply fallback: `> <@alice:matrix.org> text`. */
export function matchMatrix(content: string): AttributionMatch | null {
  const match = /^\s*<(@[^\s:>]+:[^\s>]+)>(?:\s|$)/.exec(content);
  return match ? { form: 'matrix', placement: 'first-line', speaker: match[1] } : null;
}
