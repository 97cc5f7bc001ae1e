// GitHub's "_Originally posted by @user in <url>_" under a moved comment.
import { AttributionMatch } from '../types';

/**
 * GitHub's "Quote reply" of a moved comment: `_Originally posted by @user in <url>_`, or as GitHub writes it in
 * the new issue's source, `_Originally posted by @user in [#25 (comment)](<url>)_`.
 */
export function matchOriginallyPosted(content: string): AttributionMatch | null {
  const match = /^\s*[_*]?\s*Originally posted by\s+(@?[\w.-]+)\s+in\s+(?:\[[^\]]*\]\(\s*)?([^\s()]+?)\)?\s*[_*]?\s*$/i.exec(content);
  if (!match) return null;
  const handle = match[1].startsWith('@') ? match[1] : `@${match[1]}`;
  return { form: 'github-originally-posted', placement: 'after', speaker: handle, url: match[2] };
}
