// A line that is nothing but a link to the quoted comment.
import { plausibleName } from '../names';
import { AttributionMatch } from '../types';

/** A line that is nothing but a link (to the quoted comment). The placement is decided by the caller. */
export function matchLinkLine(content: string): AttributionMatch | null {
  // Asked of most lines of a draft: a link line opens on '(', '[', '<' or 'h', read before anything is copied
  // (white space other than spaces and tabs, rare, goes the long way).
  let at = 0;
  while (content.charCodeAt(at) === 32 || content.charCodeAt(at) === 9) at++;
  const first = content.charCodeAt(at);
  if (first > 32 && first < 128 && first !== 40 && first !== 91 && first !== 60 && first !== 104) return null;
  const text = content.trim();
  let url: string | undefined;
  let label: string | undefined;
  const markdownLink = /^\(?\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)\)?[.:]?$/.exec(text);
  if (markdownLink) {
    label = markdownLink[1];
    url = markdownLink[2];
  } else {
    const bare = /^<?(https?:\/\/\S+?)>?[.:]?$/.exec(text);
    if (bare) url = bare[1];
  }
  if (!url) return null;
  let speaker: string | null = null;
  if (label) {
    const handle = /(@[\w.-]+)/.exec(label);
    const possessive = /^(.+?)['’]s\s+(?:comment|post|reply|answer|message|review)\b/i.exec(label);
    speaker = handle ? handle[1] : possessive ? plausibleName(possessive[1]) : null;
  }
  return { form: 'link', placement: 'before', speaker, url };
}
