// A draft's quotes written in another place's style (Discourse, GitHub, plain-text mail, BBCode forums):
// "Copy for Forum" renders a draft with it, and "Paste Thread" renders each pasted post with it one level
// deeper. Everything is read from the parsed model — which lines are quoted and how deep, which quote each
// attribution line names, who speaks — so the text around the quotes is left exactly as written.
import { findBbcodeTags } from '../attribution';
import { plausibleName } from '../attribution/names';
import type { Attribution, Draft, Quote } from '../model';
import { speakerKey } from '../speakers';

export type ForumStyle = 'discourse' | 'github' | 'mail' | 'bbcode';

export interface ForumStyleSpec {
  id: ForumStyle;
  label: string;
  /** What the quotes look like, for the quick pick. */
  detail: string;
}

export const FORUM_STYLES: readonly ForumStyleSpec[] = [
  { id: 'discourse', label: 'Discourse', detail: '[quote="name, post:N, topic:M"] … [/quote]' },
  { id: 'github', label: 'GitHub', detail: '"@user wrote:" above > quotes' },
  { id: 'mail', label: 'Plain-text mail', detail: '"On …, X wrote:" above > quotes' },
  { id: 'bbcode', label: 'BBCode forum', detail: '[quote=name] … [/quote] (phpBB, vBulletin, XenForo, SMF)' },
];

/** How the quotes written came out: each quote once, whatever its lines. */
export interface QuoteCounts {
  quotes: number;
  /** Named by a line of the draft (an attribution, a tag, a label). */
  named: number;
  /** Named by the thread's shape only (Speaker.inferred): worth a look before posting. */
  inferred: number;
  /** Quotes nobody is named for (callouts and alerts aside, which are nobody's). */
  unnamed: number;
}

export function noQuotes(): QuoteCounts {
  return { quotes: 0, named: 0, inferred: 0, unnamed: 0 };
}

/**
 * The name as an attribution line writes it: a handle Riposte would not read as a name ("kostik1337",
 * "J_Dizzle") gets the `@` that marks a handle; display names ("Jane Doe") stay plain, so that nobody else
 * is mentioned on GitHub.
 */
export function attributionName(name: string): string {
  const plain = displayName(name);
  return !plain.startsWith('@') && /^[\w.-]+$/.test(plain) && !plausibleName(plain) ? `@${plain}` : plain;
}

/** A directory's "Doe, Jane" as Jane Doe: a comma would end the name in a Discourse tag or a "wrote:" line. */
function displayName(name: string): string {
  return name.includes(',') ? (plausibleName(name) ?? name.replace(/,/g, '')) : name;
}

// A Discourse link to a post: /t/<slug>/<topic>/<post> (the slug may be left out).
const DISCOURSE_POST_URL = /\/t\/(?:[^/\s]+\/)?(\d+)\/(\d+)(?:[/?#]|$)/;

/**
 * Writes lines from..to of the draft into `out` with their quotes in the style, `base` levels deeper (a pasted
 * post is one quote level inside the new draft). Quotes named by a speaker get the style's attribution and
 * lose the draft's own attribution lines, unless these are already the style's (a mail header in mail, GitHub's
 * "Originally posted by" on GitHub). Lines outside quotes, code included, are copied as they are; front matter,
 * Riposte's suppression comments and a forum export's fences around a post are left out.
 */
export function renderQuotes(draft: Draft, style: ForumStyle, from: number, to: number, base: number, out: string[], counts: QuoteCounts): void {
  const { lines, lineInfo: info } = draft;
  const bracket = style === 'discourse' || style === 'bbcode';
  const attributionOfLine = draft.parts.attributionOfLine;
  const inRange = (quote: Quote) => quote.startLine <= to && quote.endLine >= from;
  // The draft's own lines that stay whatever the style: links to the quoted post, and the style's own forms.
  const keeps = (attribution: Attribution) =>
    attribution.form === 'link' || (style === 'mail' && (attribution.form === 'mail' || attribution.form === 'outlook')) || (style === 'github' && attribution.form === 'github-originally-posted');
  const attributionsOf = new Map<Quote, Attribution[]>();
  for (const attribution of draft.attributions) {
    if (!attribution.quote || attribution.endLine < from || attribution.startLine > to) continue;
    const list = attributionsOf.get(attribution.quote);
    if (list) list.push(attribution);
    else attributionsOf.set(attribution.quote, [attribution]);
  }
  /** A kept line says who speaks, in the style's own words: no line is added for that quote. */
  const keptLine = (quote: Quote) => !bracket && (attributionsOf.get(quote) ?? []).some((attribution) => keeps(attribution) && attribution.speaker && attribution.form !== 'link');
  // Comments marked only by their style (italics, quotation marks) are left as written: nobody marked them as quotes.
  const converted = (quote: Quote) => {
    let outer = quote;
    while (outer.parent) outer = outer.parent;
    return outer.origin !== 'styled';
  };
  const skipped = new Set<number>();
  for (const block of draft.parts.blocks) if (block.fencedPost) skipped.add(block.startLine).add(block.endLine);
  // Riposte's own directive comments, on lines of their own, are for Riposte, not for the forum.
  for (const directive of draft.suppressions.directives) if (/^\s*(?:>\s*)*<!--[^]*-->\s*$/.test(lines[directive.line].text)) skipped.add(directive.line);

  // `>` styles: the depth and blankness of the last line written, to keep each quote from running into the next.
  let lastDepth = 0;
  let lastBlank = true;
  let lastNamed = false;
  const write = (depth: number, content: string, names = false) => {
    const level = depth + base;
    const blank = content.trim() === '';
    // Out of a quote with no blank line, Markdown would carry the line on inside the quote (a lazy line).
    if (!lastBlank && !blank && depth < lastDepth && !bracket) out.push('> '.repeat(level).trimEnd());
    out.push(bracket ? content : content ? '> '.repeat(level) + content : '> '.repeat(level).trimEnd());
    lastDepth = depth;
    lastBlank = blank;
    lastNamed = names;
  };

  // Which quotes got their attribution line, and, per parent, the speaker whose message header the core would
  // carry on to the next sibling quotes (speakers.ts does so after a mail header, or "X wrote:" inside a quote).
  const attributed = new Set<Quote>();
  const counted = new Set<Quote>();
  const carried = new Map<Quote | null, string>();
  const previousSibling = new Map<Quote, Quote>();
  const lastOfParent = new Map<Quote | null, Quote>();
  for (const quote of draft.quotes) {
    const previous = lastOfParent.get(quote.parent);
    if (previous) previousSibling.set(quote, previous);
    lastOfParent.set(quote.parent, quote);
  }
  const onlyBlankBetween = (earlier: Quote, later: Quote) => {
    for (let line = earlier.endLine + 1; line < later.startLine; line++) if (!(info[line].blank && info[line].depth === 0) && !removed(line)) return false;
    return true;
  };
  /** Whether the quote needs a line naming its speaker (`>` styles): not when the text already says it, as the core reads it. */
  const needsLine = (quote: Quote) => {
    if (!quote.speaker || quote.callout || keptLine(quote)) return false;
    const previous = previousSibling.get(quote);
    if (!previous || previous.startLine < from || !previous.speaker || speakerKey(previous.speaker) !== speakerKey(quote.speaker)) return true;
    return !onlyBlankBetween(previous, quote) && carried.get(quote.parent) !== speakerKey(quote.speaker);
  };
  const nameLine = (quote: Quote) => `${attributionName(quote.speaker!)} wrote:`;
  const count = (quote: Quote) => {
    if (counted.has(quote) || quote.callout) return;
    counted.add(quote);
    counts.quotes++;
    if (!quote.speaker) counts.unnamed++;
    else if (quote.inferred) counts.inferred++;
    else counts.named++;
  };
  /** `>` styles: the quote's attribution line, once, at its outer level. */
  const attribute = (quote: Quote) => {
    if (attributed.has(quote)) return;
    attributed.add(quote);
    const key = quote.speaker ? speakerKey(quote.speaker) : '';
    if (needsLine(quote)) {
      // Its own line, unless it follows the line naming the quote around it ("Jane wrote:" / "> Raj wrote:").
      if (!lastBlank && !lastNamed) write(quote.depth - 1, '');
      write(quote.depth - 1, nameLine(quote), true);
      // "X wrote:" inside a quote carries on like a mail header; at the top level it does not.
      if (quote.depth + base > 1) carried.set(quote.parent, key);
      else carried.delete(quote.parent);
      return;
    }
    const kept = (attributionsOf.get(quote) ?? []).find((attribution) => keeps(attribution) && attribution.speaker);
    if (kept && (kept.form === 'mail' || kept.form === 'outlook')) carried.set(quote.parent, key);
    else if (kept || attributionsOf.has(quote)) carried.delete(quote.parent);
  };
  /** An attribution line of the draft that the style's own replaces. */
  function removed(line: number): boolean {
    const attribution = attributionOfLine.get(line);
    const quote = attribution?.quote;
    return !!quote && !!quote.speaker && converted(quote) && inRange(quote) && !keeps(attribution!);
  }

  // Bracket styles: the quotes whose opening tag is written and not yet closed, outermost first.
  const open: Quote[] = [];
  const openTag = (quote: Quote) => {
    const name = quote.speaker && displayName(quote.speaker).replace(/^@/, '').replace(/["\]]/g, '');
    if (!name || quote.callout) return '[quote]';
    if (style === 'bbcode') return /^[^\s\]"']+$/.test(name) ? `[quote=${name}]` : `[quote="${name}"]`;
    const post = discoursePost(draft, quote, attributionsOf.get(quote) ?? []);
    return `[quote="${name}${post ? `, post:${post.post}, topic:${post.topic}` : ''}"]`;
  };

  // After a line left out, a blank line that would double the one before it is left out too.
  let leftOut = false;
  // Blank lines between a replaced attribution line and its quote are left out with it.
  let gapUntil = -1;
  for (let i = from; i <= to; i++) {
    const line = info[i];
    if ((leftOut && lastBlank && line.blank && line.depth === 0) || (i < gapUntil && line.blank)) continue;
    leftOut = true;
    if (line.frontMatter || skipped.has(i)) continue;
    const attribution = attributionOfLine.get(i);
    if (removed(i)) {
      // Where the draft named the quote above it, the style's line takes its place, right above the quote.
      const quote = attribution!.quote!;
      if (attribution!.placement === 'before' && attribution!.startLine === i && quote.startLine >= from) {
        if (!bracket) {
          // A line naming a quote nested in one that starts with it ("Alvaro:" over ">> …"): the outer quote's line comes first.
          const starting: Quote[] = [];
          for (let outer: Quote | null = quote; outer && outer.startLine === quote.startLine; outer = outer.parent) starting.unshift(outer);
          starting.forEach(attribute);
        }
        gapUntil = quote.startLine;
      }
      continue;
    }
    // A line holding nothing but [quote] tags: bracket styles write their own, `>` styles have no use for them.
    if (line.blank && (line.bbcodeOpens.length > 0 || line.bbcodeCloses.length > 0)) continue;
    leftOut = false;
    gapUntil = -1;
    const chain: Quote[] = [];
    for (let quote = line.depth > 0 ? draft.quoteOfLine(i) : null; quote; quote = quote.parent) chain.unshift(quote);
    if (chain.length > 0 && !converted(chain[0])) chain.length = 0;
    let content = chain.length === 0 ? lines[i].text : lines[i].text.slice(line.contentStart, line.contentEnd);
    const innermost = chain[chain.length - 1];
    // "**Jane:** text" or "<@jane:matrix.org> text" on a quote's first line: the new attribution says it instead.
    const first = innermost && innermost.startLine === i && innermost.speaker ? innermost.attribution : null;
    if (first?.startLine === i && (first.form === 'bold-name' || first.form === 'matrix')) {
      content = content.replace(first.form === 'matrix' ? /^\s*<@[^\s>]+>\s*/ : /^\s*\*\*[^*]{1,60}?\s*:?\s*\*\*\s*:?(?:\s*(?:wrote|said|writes)\s*:)?\s*/i, '');
    }
    chain.forEach(count);
    if (bracket) {
      let shared = 0;
      while (shared < open.length && shared < chain.length && open[shared] === chain[shared]) shared++;
      while (open.length > shared) {
        open.pop();
        out.push('[/quote]');
      }
      for (const quote of chain.slice(shared)) {
        open.push(quote);
        out.push(openTag(quote));
      }
      write(0, content);
    } else {
      for (const quote of chain) attribute(quote);
      write(chain.length, content, attribution !== undefined);
    }
  }
  for (let k = open.length; k > 0; k--) out.push('[/quote]');
}

/** Discourse's post and topic numbers of a quote, when the draft gives them: its own tag, or a link to the post. */
function discoursePost(draft: Draft, quote: Quote, attributions: readonly Attribution[]): { post: string; topic: string } | null {
  if (quote.origin === 'bbcode') {
    const nth = draft.lineInfo[quote.startLine].bbcodeOpens.findIndex((opened) => opened.depth === quote.depth);
    const text = draft.lines[quote.startLine].text;
    const tag = findBbcodeTags(text).filter((found) => found.kind === 'open')[nth];
    const raw = tag ? text.slice(tag.start, tag.end) : '';
    const post = /\bpost:\s*(\d+)/.exec(raw);
    const topic = /\btopic:\s*(\d+)/.exec(raw);
    if (post && topic) return { post: post[1], topic: topic[1] };
  }
  for (const attribution of attributions) {
    const link = attribution.url ? DISCOURSE_POST_URL.exec(attribution.url) : null;
    if (link) return { topic: link[1], post: link[2] };
  }
  return null;
}

export interface ForumCopy extends QuoteCounts {
  style: ForumStyle;
  text: string;
}

/**
 * The draft, or its lines from..to, with every quote in the style: nested as they nest, named as the core
 * names them, the draft's attribution lines replaced rather than repeated, and everything else as written.
 * Null when those lines hold no text.
 */
export function copyForForum(draft: Draft, style: ForumStyle, from = 0, to = draft.lines.length - 1): ForumCopy | null {
  const out: string[] = [];
  const counts = noQuotes();
  renderQuotes(draft, style, Math.max(0, from), Math.min(to, draft.lines.length - 1), 0, out, counts);
  // (Front matter left out leaves the blank line under it first.)
  while (out.length > 0 && out[0] === '') out.shift();
  const text = out.join(draft.eol);
  return text.trim() === '' ? null : { style, text, ...counts };
}
