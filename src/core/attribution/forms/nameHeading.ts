// A heading that is a person's name, above the comments of theirs that follow.
import { plausibleName } from '../names';

// Words of section titles, which a heading of two capitalised words is more often than a person's name.
const TITLE_WORDS = new Set(['introduction', 'response', 'responses', 'reply', 'replies', 'comment', 'comments', 'point', 'points', 'summary', 'changes', 'change', 'results', 'methods', 'method', 'discussion', 'conclusion', 'conclusions', 'data', 'analysis', 'review', 'reviews', 'reviewer', 'reviewers', 'major', 'minor', 'general', 'specific', 'other', 'issues', 'issue', 'questions', 'question', 'section', 'part', 'appendix', 'abstract', 'background', 'overview', 'notes', 'note', 'editor', 'editorial', 'letter', 'cover', 'references', 'figures', 'figure', 'tables', 'table', 'supplementary', 'material', 'materials', 'acknowledgements', 'acknowledgments', 'references', 'update', 'updates', 'next', 'steps', 'open', 'closed', 'new', 'old', 'final', 'first', 'second', 'third', 'round', 'revision', 'revisions', 'manuscript', 'paper', 'the', 'and', 'of', 'to', 'for', 'in', 'on']);
/** A heading that is a person's name ("## Karthik Ram", "### Dr. Jane Doe"): whose comments follow it. */
export function matchNameHeading(content: string): string | null {
  // Asked of many lines: a line that does not open with '#' is settled before any pattern.
  const trimmed = content.trim();
  if (trimmed.charCodeAt(0) !== 35 /* # */) return null;
  const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(trimmed);
  if (!heading) return null;
  const text = heading[1].replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/[:.]$/, '').trim();
  const tokens = text.split(/\s+/);
  if (tokens.length < 2 || tokens.length > 4 || tokens.some((token) => TITLE_WORDS.has(token.toLowerCase().replace(/[^\p{L}]/gu, '')))) return null;
  return plausibleName(text);
}
