// The Outline of a thread: headings as Markdown's own Outline shows them, and under each heading the people
// quoted in its section → their quoted passages (nested quotes inside, with their own speaker) → the
// replies to each passage. Built from the reply tree, so the Outline, `riposte tree` and the preview agree.
import type { Draft, Quote, Unit } from './model';
import { lineRangeLabel } from './lineRange';
import { firstIndexWhere } from './search';
import { buildReplyTree, ReplyTree, TreeNode } from './thread';

export type OutlineKind = 'heading' | 'speaker' | 'quote' | 'reply';

export interface OutlineNode {
  kind: OutlineKind;
  /** What the Outline shows: a heading's text, a speaker's name, the first words of a passage or a reply. */
  name: string;
  /** Shown after the name: the speaker of a nested quote or a reply, the lines, "inferred". */
  detail: string;
  /** 0-based lines, inclusive: the whole section, passage or reply. */
  startLine: number;
  endLine: number;
  /** The line a click selects (a heading's line, a passage's first words). */
  selectionLine: number;
  children: OutlineNode[];
}

/** The Outline shows this many characters of a passage or reply before an ellipsis. */
export const OUTLINE_NAME_CHARS = 60;
export const UNATTRIBUTED = 'Unattributed';

/**
 * The draft's Outline. `passages: false` lists the speakers without their passages, `replies: false` the
 * passages without the replies to them (the editor asks again on every keystroke, and a long thread has
 * thousands of both). `headings: false` leaves headings out (for plain `markdown`, whose Outline VS Code's
 * Markdown support already fills with them): speakers then stand at the top. `speakersInDetail` names the
 * people quoted in a heading's section in the heading's detail ("Ana (2), Bo (1)") instead of listing them
 * under it: a long thread quotes a few people in each of hundreds of sections, and every symbol is sent to
 * the editor again after every keystroke.
 */
export function buildOutline(
  draft: Draft,
  {
    headings = true,
    passages = true,
    replies = true,
    speakersInDetail = false,
    tree = buildReplyTree(draft),
  }: { headings?: boolean; passages?: boolean; replies?: boolean; speakersInDetail?: boolean; tree?: ReplyTree } = {},
): OutlineNode[] {
  const lastLine = Math.max(0, draft.lines.length - 1);
  const top: OutlineNode[] = [];
  // Sections: each heading node with the list its speakers go into; found by line.
  const sections: { node: OutlineNode; level: number }[] = [];
  if (headings) {
    const stack: { node: OutlineNode; level: number }[] = [];
    for (let unitIndex = 0; unitIndex < draft.units.length; unitIndex++) {
      const unit = draft.units[unitIndex];
      if (unit.kind !== 'heading' || unit.depth !== 0) continue;
      const text = unit.text.trim();
      const atx = /^(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(text);
      const level = atx ? atx[1].length : /^ {0,3}=+\s*$/.test(draft.lines[unit.endLine]?.text ?? '') ? 1 : 2;
      const name = atx ? atx[2] : text.split(/\r?\n/)[0].trim();
      const node: OutlineNode = { kind: 'heading', name: name || '(empty heading)', detail: '', startLine: unit.startLine, endLine: lastLine, selectionLine: unit.startLine, children: [] };
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop()!.node.endLine = unit.startLine - 1;
      (stack.length ? stack[stack.length - 1].node.children : top).push(node);
      stack.push({ node, level });
      sections.push({ node, level });
    }
  }

  // Speaker groups per section, by name, in order of first appearance; they go before the section's subheadings.
  const groups = new Map<OutlineNode | null, Map<string, OutlineNode & { passages: number }>>();
  // Innermost: of the sections starting on or before the line, the last that holds it (found by bisection,
  // then going back: a long thread has thousands of passages and hundreds of headings).
  const sectionAt = (line: number): OutlineNode | null => {
    const after = firstIndexWhere(sections.length, (index) => sections[index].node.startLine > line);
    for (let k = after - 1; k >= 0; k--) if (line <= sections[k].node.endLine) return sections[k].node;
    return null;
  };
  for (const child of tree.root.children) {
    if (child.kind !== 'quote' || child.quote?.callout) continue; // the author's own text, alerts and callouts
    const section = sectionAt(child.range.startLine);
    let bySpeaker = groups.get(section);
    if (!bySpeaker) groups.set(section, (bySpeaker = new Map()));
    const name = child.speaker ?? UNATTRIBUTED;
    let group = bySpeaker.get(name.toLowerCase());
    if (!group) {
      group = { kind: 'speaker', name, detail: '', startLine: child.range.startLine, endLine: child.range.endLine, selectionLine: child.range.startLine, children: [], passages: 0 };
      bySpeaker.set(name.toLowerCase(), group);
    }
    // A reply under a later heading is in that section, not an answer in this one (the reply tree ignores headings).
    if (passages) group.children.push(passage(draft, child, false, section?.endLine ?? lastLine, replies));
    group.passages++;
    group.endLine = Math.max(group.endLine, child.range.endLine);
    if (child.inferred) group.detail = 'inferred';
  }
  for (const [section, bySpeaker] of groups) {
    const speakers = [...bySpeaker.values()];
    for (const speaker of speakers) {
      const count = speaker.passages;
      speaker.detail = [speaker.detail, `${count} passage${count === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
    }
    if (section && speakersInDetail) {
      section.detail = speakersSummary(speakers.map((speaker) => [speaker.name, speaker.passages]));
      continue;
    }
    const nodes = speakers.map(({ passages: _, ...node }) => node);
    if (section) section.children.unshift(...nodes);
    else top.unshift(...nodes);
  }
  return top;
}

/** How many people a heading's detail names before it says how many more there are. */
export const SUMMARY_SPEAKERS = 4;

/** "Ana (2), Bo (1), +3 more": the people quoted in a section, with their passage counts, in order of first appearance. */
function speakersSummary(speakers: readonly [string, number][]): string {
  const named = speakers.slice(0, SUMMARY_SPEAKERS).map(([name, count]) => `${name} (${count})`);
  if (speakers.length > SUMMARY_SPEAKERS) named.push(`+${speakers.length - SUMMARY_SPEAKERS} more`);
  return named.join(', ');
}

/**
 * Every value the Outline without passages or replies is built from (see buildOutline), in order: two drafts
 * with equal signatures have equal outlines of that kind. An editor asks for the Outline after every
 * keystroke, and most keystrokes change none of it.
 */
export function outlineSignature(draft: Draft, headings: boolean): unknown[] {
  const values: unknown[] = [draft.lines.length];
  if (headings) {
    for (let unitIndex = 0; unitIndex < draft.units.length; unitIndex++) {
      const unit = draft.units[unitIndex];
      if (unit.kind === 'heading' && unit.depth === 0) values.push(unit.startLine, unit.endLine, unit.text, draft.lines[unit.endLine]?.text);
    }
  }
  // The reply tree's top level: the quotes of the document itself.
  for (let quoteIndex = 0; quoteIndex < draft.quotes.length; quoteIndex++) {
    const quote = draft.quotes[quoteIndex];
    if (quote.parent === null) values.push(quote.startLine, quote.endLine, quote.speaker, quote.inferred, quote.callout);
  }
  return values;
}

/** Whether two lists hold the same values in the same order. */
export function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function passage(draft: Draft, node: TreeNode, nested: boolean, sectionEnd: number, replies: boolean): OutlineNode {
  const quote = node.quote!;
  const line = ownLine(draft, quote);
  const lines = lineRangeLabel(node.range.startLine, node.range.endLine);
  return {
    kind: 'quote',
    name: excerpt(contentOf(draft, line).replace(/^\s*\*\*[^*\n]{1,80}?:\*\*\s*/, '')), // `> **Ana:** …` names Ana, who heads the group
    detail: nested ? `${node.speaker ?? UNATTRIBUTED}${node.inferred ? ' (inferred)' : ''} · ${lines}` : lines,
    startLine: node.range.startLine,
    endLine: node.range.endLine,
    selectionLine: line,
    children: node.children.flatMap((child): OutlineNode[] => {
      if (child.kind === 'quote') return child.quote?.callout ? [] : [passage(draft, child, true, sectionEnd, replies)];
      if (!replies || child.kind !== 'reply' || !child.unit || child.unit.kind === 'heading' || child.range.startLine > sectionEnd) return [];
      return [{
        kind: 'reply',
        name: excerpt(openingOf(child.unit)),
        detail: `reply${child.speaker ? ` by ${child.speaker}` : ''} · ${lineRangeLabel(child.range.startLine, child.range.endLine)}`,
        startLine: child.range.startLine,
        endLine: child.range.endLine,
        selectionLine: child.range.startLine,
        children: [],
      }];
    }),
  };
}

/** The first line holding the quote's own words (not an attribution line, not a nested quote), else its first line. */
function ownLine(draft: Draft, quote: Quote): number {
  for (let line = quote.startLine; line <= quote.endLine && line < quote.startLine + 200; line++) {
    const info = draft.lineInfo[line];
    if (info.blank || draft.quoteOfLine(line) !== quote) continue;
    if (draft.parts.attributionOfLine.has(line)) continue; // "On …, Priya wrote:" names a quote; it is not its words
    if (contentOf(draft, line).trim()) return line;
  }
  return quote.startLine;
}

function contentOf(draft: Draft, line: number): string {
  const info = draft.lineInfo[line];
  return draft.lines[line].text.slice(info.contentStart, info.contentEnd);
}

/** A unit's first lines, enough for an excerpt: its whole text is joined on each call, and a thread has thousands. */
function openingOf(unit: Unit): string {
  let text = unit.segmentText(0);
  for (let i = 1; i < unit.segmentCount && text.length < 4 * OUTLINE_NAME_CHARS; i++) text += ` ${unit.segmentText(i)}`;
  return text;
}

function excerpt(text: string): string {
  // Only the start is shown: a long paragraph is not flattened whole for sixty characters of it.
  const flat = (text.length > 4 * OUTLINE_NAME_CHARS ? text.slice(0, 4 * OUTLINE_NAME_CHARS) : text).replace(/\s+/g, ' ').trim();
  if (flat.length <= OUTLINE_NAME_CHARS) return flat || '…';
  let cut = OUTLINE_NAME_CHARS;
  const last = flat.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--; // never split a surrogate pair
  return `${flat.slice(0, cut).trimEnd()}…`;
}

