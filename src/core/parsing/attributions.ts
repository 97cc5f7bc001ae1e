// Step 4 of the parse: where each attribution form (attribution.ts) stands, and which quote it names.
import {
  AttributionMatch,
  isMailHeaderStart,
  matchBoldName,
  matchBracketLabel,
  matchForumHeader,
  matchLeadingAttribution,
  matchLinkLine,
  matchMatrix,
  matchNameHeading,
  matchOriginallyPosted,
  matchOutlookHeader,
  matchPostHeader,
  isPostDateLine,
  matchReviewerLabel,
  mayStartOutlookHeader,
  matchSignature,
  matchSignatureBlock,
  matchSpeakerLabel,
  matchNameLine,
  isSignatureDelimiter,
  programSubject,
  namesSomeone,
  SIGNATURE_BLOCK_LINES,
  headerDateLines,
} from '../attribution';
import { lineShape } from '../attribution/lineShape';
import { Attribution, LeadIn, LineInfo, Quote } from '../model';
import { LineText } from '../text';
import { contentOf } from './lines';

function nextNonBlank(info: readonly LineInfo[], from: number, limit: number): number {
  for (let i = from; i < info.length && i < from + limit; i++) if (!info[i].blank || info[i].depth > 0) return i;
  return -1;
}

export function findAttributions(
  lines: readonly LineText[],
  info: readonly LineInfo[],
  quotes: readonly Quote[],
  quoteOfLine: readonly (Quote | null)[],
  first: number,
  last: number,
): { attributions: Attribution[]; leadIns: LeadIn[]; attributionOfLine: Map<number, Attribution> } {
  const attributions: Attribution[] = [];
  const leadIns: LeadIn[] = [];
  const attributionOfLine = new Map<number, Attribution>();
  const attach = (match: AttributionMatch, startLine: number, endLine: number, quote: Quote | null, marksLines: boolean) => {
    // Spelled out, not spread: every attribution gets one object shape (a spread made one per set of fields).
    const attribution: Attribution = {
      form: match.form,
      placement: match.placement,
      speaker: match.speaker,
      addressee: match.addressee,
      email: match.email,
      url: match.url,
      startLine,
      endLine,
      depth: info[startLine].depth,
      quote,
    };
    attributions.push(attribution);
    if (quote && (!quote.attribution || (!quote.attribution.speaker && attribution.speaker))) quote.attribution = attribution;
    if (marksLines) for (let line = startLine; line <= endLine; line++) attributionOfLine.set(line, attribution);
  };
  /** The quote that starts on the next non-blank line, one level deeper than `depth`. */
  const quoteStartingAfter = (line: number, depth: number): Quote | null => {
    // An empty `>` line of the attribution's own level may stand between it and the quote ("> On … wrote:" / ">" / "> > …").
    let from = line + 1;
    while (from <= last && from <= line + 2 && info[from].blank && info[from].depth > 0 && info[from].depth <= depth) from++;
    let next = nextNonBlank(info, from, 2);
    // "<snip>" or "[...]" between a header and its quote: the writer cut the message's start.
    for (let cuts = 0; cuts < 2 && next >= 0 && info[next].depth === depth && isElision(contentOf(lines, info, next)); cuts++) next = nextNonBlank(info, next + 1, 2);
    if (next < 0 || info[next].depth <= depth) return null;
    let quote = quoteOfLine[next];
    while (quote && quote.depth > depth + 1) quote = quote.parent;
    return quote && quote.startLine === next ? quote : null;
  };
  /** The quote one level deeper than `depth` that ends on the previous non-blank line. */
  const quoteEndingBefore = (line: number, depth: number): Quote | null => {
    for (let i = line - 1; i >= 0 && i >= line - 2; i--) {
      if (info[i].blank && info[i].depth === 0) continue;
      let quote = quoteOfLine[i];
      while (quote && quote.depth > depth + 1) quote = quote.parent;
      return quote && quote.depth === depth + 1 && quote.endLine === i ? quote : null;
    }
    return null;
  };

  for (const quote of quotes) {
    if (quote.origin !== 'bbcode') continue;
    const speaker = info[quote.startLine].bbcodeOpens.find((opened) => opened.depth === quote.depth)?.speaker;
    if (speaker) attach({ form: 'bbcode', placement: 'first-line', speaker }, quote.startLine, quote.startLine, quote, false);
  }

  for (let i = first; i <= last; i++) {
    const line = info[i];
    if (line.code && !line.blank && isLoneLine(info, i, first, last)) {
      // Web mail indents its header ("    On Wednesday, …, Nate <n@x> wrote:"), which Markdown reads as a
      // one-line code block: still a lead-in to the words pasted under it.
      const header = matchLeadingAttribution(lines[i].text.trim());
      if (header?.form === 'mail') leadIns.push({ line: i, text: lines[i].text.trim(), namesSomeone: namesSomeone(header) });
      continue;
    }
    if (line.blank || line.code || line.html || line.frontMatter || attributionOfLine.has(i)) continue;
    const content = contentOf(lines, info, i).trim();
    const shape = lineShape(content);
    const quote = quoteOfLine[i];

    if (mayStartOutlookHeader(content)) {
      const window: string[] = [];
      for (let k = i; k <= last && k < i + 8 && info[k].depth === line.depth && !info[k].code; k++) window.push(contentOf(lines, info, k));
      const outlook = matchOutlookHeader(window);
      if (outlook) {
        const end = i + outlook.lines - 1;
        // The header opens the quote: the message under it is the sender's. Or a quote follows it.
        const own = quote && quote.startLine === i && quote.depth === line.depth ? quote : null;
        // (Outlook leaves a blank line or two between its header and the message.)
        let below = end;
        while (below < end + 3 && below + 1 <= last && info[below + 1].blank && info[below + 1].depth === line.depth) below++;
        const target = own ?? quoteStartingAfter(below, line.depth);
        if (target) attach({ ...outlook.match, placement: own ? 'first-line' : 'before' }, i, end, target, true);
        else leadIns.push({ line: end, text: `From: ${outlook.match.speaker ?? ''}`.trim(), outlookHeader: line.depth === 0 });
        i = end;
        continue;
      }
    }
    // A post's header starts a block of its own (most lines of a draft go on a paragraph: not asked), or,
    // dated, ends the previous post's last line where a copied page kept no blank line between posts.
    if (line.depth === 0 && (i === 0 || info[i - 1].blank || (info[i - 1].depth === 0 && isSeparator(lines[i - 1].text)) || (content.length < 100 && shape.hasDigit && DATED_HEADER.test(content) && shape.spaces <= 12))) {
      const author = matchPostHeader(content, shape);
      if (author) {
        leadIns.push({ line: i, text: content, names: author, post: true });
        continue;
      }
    }
    // SMF's "« Reply #31 on: … »" under a post's subject: the post's text starts under it, its author unnamed here.
    if (line.depth === 0 && isPostDateLine(content)) {
      leadIns.push({ line: i, text: content, post: true });
      continue;
    }
    const reviewer = matchReviewerLabel(content, shape);
    if (reviewer?.speaker) {
      // Names the reviewer whose comments follow: resolveSpeakers carries it on to the quotes after it.
      leadIns.push({ line: i, text: content, names: reviewer.speaker });
      continue;
    }
    if (line.depth === 0 && content.charCodeAt(0) === 35 /* # */) {
      // Any other heading names the person whose styled comments follow, or ends the last one's section.
      leadIns.push({ line: i, text: content, names: matchNameHeading(content) ?? '', heading: true });
      continue;
    }
    if (quote && quote.startLine === i && quote.depth === line.depth) {
      const first = matchBoldName(content) ?? matchMatrix(content);
      if (first) {
        attach(first, i, i, quote, false);
        continue;
      }
      // A forum's header copied into the quote ("> **jimmy the saint said:**"): the rest of the quote is theirs.
      const header = quoteStartingAfter(i, line.depth) ? null : matchForumHeader(content, shape);
      if (header) {
        attach({ ...header, placement: 'first-line' }, i, i, quote, true);
        continue;
      }
      // "> Pieren : …": a name the speakers step weighs against the rest of the thread (the line stays quoted words).
      const label = matchSpeakerLabel(content);
      if (label && !isDialogue(lines, info, quoteOfLine, quote, label.speaker!)) quote.label = label.speaker;
    }
    // The quoted person's own signature ("> --" / "> Jane Doe"): it names a quote whose attribution was trimmed.
    if (quote && quote.depth === line.depth && isSignatureDelimiter(content) && !quote.attribution?.speaker) {
      const block: string[] = [content];
      for (let k = i + 1; k <= last && k <= i + SIGNATURE_BLOCK_LINES && quoteOfLine[k] === quote && info[k].depth === line.depth; k++) block.push(contentOf(lines, info, k));
      const signature = matchSignatureBlock(block);
      if (signature) {
        attach(signature.match, i, i + signature.lines - 1, quote, true);
        i += signature.lines - 1;
        continue;
      }
    }
    if (quote && quote.depth === line.depth && quote.endLine === i && quote.startLine < i) {
      const closing = matchSignature(content) ?? matchOriginallyPosted(content);
      if (closing) {
        attach({ ...closing, placement: 'last-line' }, i, i, quote, true);
        continue;
      }
    }

    const after = matchOriginallyPosted(content);
    if (after) {
      const target = quoteEndingBefore(i, line.depth);
      if (target) attach(after, i, i, target, true);
      continue;
    }

    // An epigraph's or a forum post's "— Name" under the quote it closes.
    const signature = /^(?:[—―–~]|--)/.test(content) ? matchSignature(content) : null;
    const signed = signature ? quoteEndingBefore(i, line.depth) : null;
    if (signature && signed) {
      attach({ ...signature, placement: 'after' }, i, i, signed, true);
      continue;
    }

    const link = matchLinkLine(content);
    if (link) {
      const following = quoteStartingAfter(i, line.depth);
      const preceding = following ? null : quoteEndingBefore(i, line.depth);
      if (following) attach({ ...link, placement: 'before' }, i, i, following, true);
      else if (preceding) attach({ ...link, placement: 'after' }, i, i, preceding, true);
      continue;
    }

    // (A header's first line right under this one starts it instead: "Posted by Jane <j@x>." is a byline of
    // its own above "On Wed, …, Norman Maurer" / "<n@x> wrote:".)
    if (i + 1 <= last && isMailHeaderStart(content, shape) && !startsHeaderBelow(lines, info, i)) {
      // Gmail wrapped inside the address: "On …, Jane <jane@x.org" / "> wrote:", its closing '>' read as a quote mark.
      const splitAt = shape.hasAddressSign && OPEN_ADDRESS_AT_END.test(content) ? verbUnderSplitAddress(lines, info, i, last) : -1;
      if (splitAt >= 0) {
        const split = matchLeadingAttribution(`${content}> ${contentOf(lines, info, splitAt).trim()}`);
        const target = quoteOfLine[splitAt];
        if (split?.form === 'mail' && target && target.startLine === splitAt && target.depth === line.depth + 1) {
          // (Only the header's own line is marked: "> wrote:" stays the quote's first line, as its block says.)
          attach(split, i, i, target, true);
          continue;
        }
      }
      // A header the mail client wrapped: "On Tue, …, Jane Doe" + "<jane@x.org> wrote:", or over up to four lines
      // inside a quote, where an empty `>` line may even split it ("… hat am 6. Juli um" / "10:30" / ">" / "geschrieben:").
      let joined = content;
      let end = i;
      for (let next = i + 1; next <= last && next <= i + 4 && info[next].depth === line.depth && !info[next].code; next++) {
        if (info[next].blank) {
          if (line.depth === 0) break;
          continue;
        }
        joined += ` ${contentOf(lines, info, next).trim()}`;
        end = next;
        if (/:\s*$/.test(joined)) break;
      }
      const wrapped = end > i ? matchLeadingAttribution(joined) : null;
      if (wrapped && (wrapped.form === 'mail' || wrapped.speaker)) {
        const target = quoteStartingAfter(end, line.depth);
        if (target) attach(wrapped, i, end, target, true);
        else leadIns.push({ line: end, text: joined, namesSomeone: namesSomeone(wrapped) });
        i = end;
        continue;
      }
    }

    // "[Vladimir Marangozov]" right over the quote it names.
    if (content.charCodeAt(0) === 91 /* [ */ && content.charCodeAt(content.length - 1) === 93 /* ] */) {
      const bracketed = matchBracketLabel(content);
      const target = bracketed ? quoteStartingAfter(i, line.depth) : null;
      if (bracketed && target) {
        attach(bracketed, i, i, target, true);
        continue;
      }
    }
    let header = matchLeadingAttribution(content);
    const leading = header ?? matchForumHeader(content, shape);
    if (leading) {
      const dateLines = leading.form === 'forum-header' ? headerDateLines(lines, i, last) : 0;
      const target = quoteStartingAfter(i + dateLines, line.depth);
      // "chromb wrote:" over a quote: a forum user's handle, which a mail-style "X wrote:" does not take for a name.
      if (target && header?.form === 'wrote' && header.speaker === null && !header.addressee) {
        const handle = matchForumHeader(content, shape)?.speaker;
        if (handle && namedElsewhere(lines, handle, i)) header = { ...header, speaker: handle };
      }
      if (target) attach(header ?? leading, i, i + dateLines, target, true);
      // HTML mail flattens levels: a mail header opening a quote, with that person's message under it at the
      // same depth ("> > 2025年1月14日 …，Mario <m@x> 写道：" / "> > On …, Jiang wrote:" / …), names that quote.
      else if (header?.form === 'mail' && quote && quote.startLine === i && quote.depth === line.depth && quote.endLine > i) attach({ ...header, placement: 'first-line' }, i, i, quote, true);
      else if (!(header?.form === 'wrote' && header.speaker === null && isProgramOutputLeadIn(lines, content, i))) leadIns.push({ line: i, text: content, namesSomeone: header !== null && namesSomeone(header) });
    } else if (content.charCodeAt(content.length - 1) === 58 /* : */ && (i === first || info[i - 1].blank)) {
      // "Alvaro:" alone over a mail quote (blank lines may stand between): who wrote it, when the thread bears it out.
      const named = matchNameLine(content);
      const target = named ? quoteBelowBlankLines(info, quoteOfLine, i, last) : null;
      if (named && target && (namedElsewhere(lines, named.speaker!, i) || otherNameLineOverQuote(lines, i))) attach(named, i, i, target, true);
    }
  }
  return { attributions, leadIns, attributionOfLine };
}

// "alice commented on Jan 8", "… on 7 Jan 2017", "… 2016-01-13", "… 3 days ago": what a post header dates itself with
// (every form with a digit).
const DATED_HEADER = /\s(?:on|at|·|•|\|)\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|\b\d+\s+\w+\s+ago\b|\d{4}-\d{2}-\d{2}/i;

// A line of rule characters a copied page puts between posts: "=====", "==>", "* * *".
const SEPARATOR = /^\s*(?:[=_*~#<>.-]\s*){2,}$/;

function isSeparator(content: string): boolean {
  return content.length < 120 && SEPARATOR.test(content);
}

/** Whether the line under line i, at its depth, is a mail header's first line too. */
function startsHeaderBelow(lines: readonly LineText[], info: readonly LineInfo[], i: number): boolean {
  const next = i + 1;
  if (info[next].blank || info[next].code || info[next].depth !== info[i].depth) return false;
  const below = contentOf(lines, info, next).trim();
  return isMailHeaderStart(below) && /^(?:On|Le|El|Em|Am|Op|Il|Den)\s/.test(below);
}

/** Whether line i stands alone between blank lines (or the region's edges). */
function isLoneLine(info: readonly LineInfo[], i: number, first: number, last: number): boolean {
  return (i === first || info[i - 1].blank) && (i === last || info[i + 1].blank);
}

const ELISION = /^\s*(?:<\s*snip\s*>|\[\s*(?:snip|snipped|\.\.\.|…)\s*\]|\(\s*snip\s*\)|\.\.\.|…)\s*$/i;

/** A line that only says something was cut here: "<snip>", "[...]", "[snip]", "…". */
export function isElision(content: string): boolean {
  return content.length < 16 && ELISION.test(content);
}

/** How many of a labelled quote's lines are read for a second label. */
const MAX_DIALOGUE_LINES = 40;

/**
 * Whether a quote whose first line is labelled "Name: …" holds another line labelled with another name at
 * its level ("> Alice: …" / "> Bob: …"): a quoted dialogue, several people's words, not one person's.
 */
function isDialogue(lines: readonly LineText[], info: readonly LineInfo[], quoteOfLine: readonly (Quote | null)[], quote: Quote, name: string): boolean {
  for (let k = quote.startLine + 1; k <= quote.endLine && k <= quote.startLine + MAX_DIALOGUE_LINES; k++) {
    if (quoteOfLine[k] !== quote || info[k].blank) continue;
    const other = matchSpeakerLabel(contentOf(lines, info, k).trim());
    if (other && other.speaker !== name) return true;
  }
  return false;
}

/**
 * Whether the thread writes a handle on another line too (the poster's name over their own post, another
 * quote's header): a forum user's name, not a word of a sentence ("error said:").
 */
function namedElsewhere(lines: readonly LineText[], handle: string, line: number): boolean {
  for (let k = 0; k < lines.length; k++) {
    if (k === line) continue;
    const text = lines[k].text;
    for (let at = text.indexOf(handle); at >= 0; at = text.indexOf(handle, at + 1)) {
      if (!isWordCharacter(text.charCodeAt(at - 1)) && !isWordCharacter(text.charCodeAt(at + handle.length))) return true;
    }
  }
  return false;
}

function isWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 95 || code >= 0xc0;
}

const BARE_WORD = /^[a-z][a-z\d_-]*$/;

/**
 * Whether "dmesg said :", "/proc/interrupts said :" pastes a program's output: a path, a file or a command
 * as the subject, or a lower-case word the thread writes nowhere else (a forum handle it writes elsewhere is a person).
 */
function isProgramOutputLeadIn(lines: readonly LineText[], content: string, line: number): boolean {
  const subject = programSubject(content);
  return subject !== null && (!BARE_WORD.test(subject) || !namedElsewhere(lines, subject, line));
}

/** How many blank lines may stand between a name line and the quote it names. */
const MAX_BLANKS_UNDER_NAME = 2;

/** The quote one level deeper than line i's that starts on the next line of text, up to two blank lines down. */
function quoteBelowBlankLines(info: readonly LineInfo[], quoteOfLine: readonly (Quote | null)[], i: number, last: number): Quote | null {
  let next = i + 1;
  while (next <= last && next <= i + MAX_BLANKS_UNDER_NAME && info[next].blank && info[next].depth <= info[i].depth) next++;
  if (next > last || info[next].blank || info[next].depth <= info[i].depth) return null;
  let quote = quoteOfLine[next];
  while (quote && quote.depth > info[i].depth + 1) quote = quote.parent;
  if (!quote || quote.startLine !== next) return null;
  // ("Alvaro:" over ">> …" alone: the level between lost its own header, and holds nothing but Alvaro's words.)
  while (quote.children.length === 1 && quote.children[0].startLine === quote.startLine && quote.children[0].endLine === quote.endLine) quote = quote.children[0];
  return quote;
}

/** Whether another line of the draft is a name line over a `>` quote ("Humano:" / "" / ">Yo …"): the thread's habit. */
function otherNameLineOverQuote(lines: readonly LineText[], line: number): boolean {
  for (let k = 0; k < lines.length; k++) {
    const text = lines[k].text;
    if (k === line || text.charCodeAt(text.length - 1) !== 58 /* : */ || !matchNameLine(text.trim())) continue;
    let next = k + 1;
    while (next < lines.length && next <= k + MAX_BLANKS_UNDER_NAME && lines[next].text.trim() === '') next++;
    if (next < lines.length && /^\s{0,3}>/.test(lines[next].text)) return true;
  }
  return false;
}

// A mail header's address left open at the line's end: "On …, Jane <jane@example.org".
const OPEN_ADDRESS_AT_END = /<[^<>\s]+@[^<>\s]+$/;
const MAX_SPLIT_VERB = 30;

/** The line holding the rest of a header split by its address's '>' ("> wrote:"), one level deeper, a blank line between or not; or -1. */
function verbUnderSplitAddress(lines: readonly LineText[], info: readonly LineInfo[], i: number, last: number): number {
  let next = i + 1;
  if (next <= last && info[next].blank && info[next].depth === info[i].depth) next++;
  if (next > last || info[next].depth !== info[i].depth + 1 || info[next].code) return -1;
  const rest = contentOf(lines, info, next).trim();
  return rest.length > 0 && rest.length <= MAX_SPLIT_VERB && rest.endsWith(':') ? next : -1;
}
