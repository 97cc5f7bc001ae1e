// "Paste Thread": a thread copied from a forum, GitHub or a mail client, turned into the start of a draft that
// answers it. The pasted text is parsed like any draft, so the posts are where the core finds post headers
// ("alice commented on …", "user | date | #3"), and the quotes inside them are named as the core names them
// (mail headers, [quote] tags, forum headers); each post becomes one quote under "X wrote:".
import { matchSignature } from '../attribution';
import { authorOfSource, quoteBlock } from '../draftingCommands';
import type { Draft } from '../model';
import { parseDraft } from '../parse';
import { speakerKey } from '../speakers';
import { attributionName, noQuotes, QuoteCounts, renderQuotes } from './quoteStyles';

export interface PastedThread {
  /** The draft's text: each post quoted under its author's "X wrote:", then an empty line to answer on. */
  text: string;
  /** Posts found (a text with no post header is one post). */
  posts: number;
  /** The people named, in order of first appearance. */
  speakers: string[];
  /** False when nothing in the text looked like a thread: it was quoted whole, with no name. */
  recognised: boolean;
  /** The quotes inside the posts. */
  quotes: QuoteCounts;
}

export function pasteThread(clipboard: string, eol = '\n'): PastedThread {
  const text = clipboard.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const draft = parseDraft(text);
  const headers = draft.leadIns.filter((leadIn) => leadIn.post && leadIn.names);
  const quotes = noQuotes();
  if (headers.length === 0 && !draft.quotes.some((quote) => quote.speaker && !quote.callout)) {
    return { text: text.trim() ? quoteBlock(text, null, eol) : '', posts: 0, speakers: [], recognised: false, quotes };
  }
  const rules = new Set<number>();
  for (const block of draft.parts.blocks) if (block.kind === 'rule' && block.quoteDepth === 0) for (let line = block.startLine; line <= block.endLine; line++) rules.add(line);
  // The text before the first post header (a page's title, or the newest message of a mail), then each post.
  const segments: { author: string | null; from: number; to: number }[] = [];
  const firstHeader = headers.length > 0 ? headers[0].line : draft.lines.length;
  segments.push({ author: headers.length > 0 ? null : authorOfSource(text) ?? signedBy(draft, 0, firstHeader - 1), from: 0, to: firstHeader - 1 });
  headers.forEach((header, index) => segments.push({ author: header.names!, from: header.line + 1, to: (headers[index + 1]?.line ?? draft.lines.length) - 1 }));

  const out: string[] = [];
  const speakers = new Map<string, string>();
  let posts = 0;
  for (const segment of segments) {
    let { from, to } = segment;
    const empty = (line: number) => draft.lineInfo[line].blank;
    while (from <= to && empty(from)) from++;
    while (to >= from && (empty(to) || rules.has(to))) to--;
    if (from > to) continue;
    posts++;
    if (out.length > 0) out.push('');
    if (segment.author) out.push(`${attributionName(segment.author)} wrote:`);
    renderQuotes(draft, 'mail', from, to, 1, out, quotes);
    for (const name of [segment.author, ...draft.quotes.filter((quote) => quote.startLine >= from && quote.startLine <= to).map((quote) => quote.speaker)]) {
      if (name && !speakers.has(speakerKey(name))) speakers.set(speakerKey(name), name);
    }
  }
  out.push('', '');
  return { text: out.join(eol), posts, speakers: [...speakers.values()], recognised: true, quotes };
}

/** The name a message signs its own text with ("--Abhishek Kona" above the quote it answers), or null. */
function signedBy(draft: Draft, from: number, to: number): string | null {
  let name: string | null = null;
  for (let line = from; line <= to; line++) {
    const info = draft.lineInfo[line];
    if (info.depth > 0 || info.code || info.blank) continue;
    const signature = matchSignature(draft.lines[line].text);
    if (!signature) continue;
    let next = line + 1;
    while (next <= to && draft.lineInfo[next].blank && draft.lineInfo[next].depth === 0) next++;
    // It closes the writer's own text: what follows is quoted, names a quote, or is the end.
    if (next > to || draft.lineInfo[next].depth > 0 || draft.parts.attributionOfLine.has(next)) name = signature.speaker;
  }
  return name;
}
