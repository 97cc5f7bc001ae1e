// The reply tree as the preview shows it: a pure step from the core model to plain data the webview
// renders. Keys stay stable across edits so the webview can re-render only the nodes that changed.
import MarkdownIt from 'markdown-it';
import { fnv1a, FNV_PRIME } from '../hash';
import { lineageCacheOf, RenderedExcerpt } from '../lineageCache';
import { Draft, Quote, Unit, UnitMemo } from '../parse';
import { buildReplyTree, TreeNode } from '../thread';
import { Diagnostic, Severity } from '../types';

export interface ViewBadge {
  rule: string;
  severity: Severity;
  /** Short label shown on the node: "duplicate", "unattributed", … */
  label: string;
  message: string;
}

export interface ViewSpeaker {
  name: string;
  inferred: boolean;
  /** Index into the preview's speaker palette (stable by first appearance). */
  colour: number;
}

export interface ViewNode {
  /** Stable across edits that do not touch this node's text (kind + speaker + text + occurrence). */
  key: string;
  /**
   * Changes whenever anything shown for this node or below it changes, except where it sits: a node whose
   * lines merely moved (an edit above it added or removed lines) keeps its hash, and so do its children.
   */
  hash: string;
  kind: 'quote' | 'reply';
  speaker: string | null;
  /** Index into `speakers`, or -1 for the drafter (no name) or an unknown speaker. */
  speakerIndex: number;
  inferred: boolean;
  depth: number;
  /** 0-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Rendered Markdown of the node's own text (raw HTML in the draft is escaped, never rendered). */
  html: string;
  badges: ViewBadge[];
  children: ViewNode[];
}

export interface ViewSummary {
  speakers: number;
  quotes: number;
  replies: number;
  unanswered: number;
  findings: number;
}

export interface ViewModel {
  file: string;
  version: number;
  speakers: ViewSpeaker[];
  summary: ViewSummary;
  nodes: ViewNode[];
}

const BADGE_LABELS: Record<string, string> = {
  'duplicate-block': 'duplicate',
  'duplicate-paragraph': 'duplicate',
  'near-duplicate-paragraph': 'near-duplicate',
  'unattributed-quote': 'unattributed',
  'unmarked-quote': 'unmarked quote',
  misquote: 'misquote',
  'repeated-words': 'repeated words',
  'lost-paragraph-breaks': 'lost breaks',
  'unanswered-quote': 'unanswered',
};

// html: false — a draft's raw HTML is shown as text; links are kept for the host to open (http/https only).
const renderer = new MarkdownIt('commonmark', { html: false, linkify: false });
renderer.validateLink = (url: string) => /^(?:https?:|mailto:|#)/i.test(url.trim());

/** Renders Markdown the way the preview shows excerpts: no raw HTML, only http(s)/mailto links. */
export function renderExcerpt(markdown: string): string {
  return renderer.render(markdown).trim();
}

/**
 * The most of one node's text the tree shows. The tree is an overview of who said what; a paragraph
 * pasted as one enormous line (a 1 MB line with a 100 000-character run and no space) froze the preview
 * for about nine seconds while Chromium laid it out, and the export would carry all of it.
 */
export const MAX_EXCERPT_CHARS = 10_000;

/** A node's excerpt: its first MAX_EXCERPT_CHARS characters rendered, then how many more there are. */
function excerptHtml(text: string): string {
  if (text.length <= MAX_EXCERPT_CHARS) return renderExcerpt(text);
  let cut = MAX_EXCERPT_CHARS;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--; // never split a surrogate pair
  const more = text.length - cut;
  return `${renderExcerpt(`${text.slice(0, cut)}…`)}\n<p>(${more.toLocaleString('en-US')} more characters not shown)</p>`;
}

/** Mixes a number into a running hash (a separator too, so adjacent fields cannot run together). */
function fnvNumber(hash: number, value: number): number {
  return Math.imul(Math.imul(hash ^ 0x9e37, FNV_PRIME) ^ value, FNV_PRIME);
}

function hashText(text: string): string {
  return String(fnv1a(text) >>> 0);
}

/** A paragraph's excerpt, rendered once: a unit's text never changes. */
const UNIT_EXCERPT = new UnitMemo((unit): RenderedExcerpt => ({ html: excerptHtml(unit.text), textHash: hashText(unit.text) }));

export function buildViewModel(draft: Draft, diagnostics: readonly Diagnostic[], file: string, version: number): ViewModel {
  // Built afresh rather than kept with the draft: a tree per open draft would weigh more than building one.
  const tree = buildReplyTree(draft);
  const speakers: ViewSpeaker[] = tree.speakers.map((speaker, colour) => ({ name: speaker.name, inferred: speaker.inferred, colour }));
  const speakerIndex = new Map(speakers.map((speaker, index) => [speaker.name.toLowerCase(), index]));
  const summary: ViewSummary = { speakers: speakers.length, quotes: 0, replies: 0, unanswered: 0, findings: diagnostics.length };
  // Occurrences of each identity (kind, speaker, text), by its hash: equal hashes only number the nodes apart.
  const seen = new Map<number, number>();
  const indexOfName = new Map<string, number>();
  const speakerIndexOf = (name: string) => {
    let index = indexOfName.get(name);
    if (index === undefined) indexOfName.set(name, (index = speakerIndex.get(name.toLowerCase()) ?? -1));
    return index;
  };

  // Findings by first line, and each quote's own paragraphs, gathered once (per node lookups stay cheap).
  const findingsByLine = new Map<number, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = findingsByLine.get(diagnostic.range.start.line);
    if (list) list.push(diagnostic);
    else findingsByLine.set(diagnostic.range.start.line, [diagnostic]);
  }
  const unitsOfQuote = new Map<Quote, Unit[]>();
  for (const unit of draft.units) {
    if (!unit.quote || unit.quote.depth !== unit.depth || unit.kind === 'attribution' || unit.kind === 'markup') continue;
    const list = unitsOfQuote.get(unit.quote);
    if (list) list.push(unit);
    else unitsOfQuote.set(unit.quote, [unit]);
  }

  // A finding belongs to the innermost node that holds its first line.
  const badgesFor = (node: TreeNode): ViewBadge[] => {
    const badges: ViewBadge[] = [];
    let child = 0;
    for (let line = node.range.startLine; line <= node.range.endLine; line++) {
      while (child < node.children.length && node.children[child].range.endLine < line) child++;
      const inChild = child < node.children.length && node.children[child].range.startLine <= line;
      if (inChild) {
        line = node.children[child].range.endLine;
        continue;
      }
      for (const diagnostic of findingsByLine.get(line) ?? []) {
        badges.push({ rule: diagnostic.rule, severity: diagnostic.severity, label: BADGE_LABELS[diagnostic.rule] ?? diagnostic.rule, message: diagnostic.message });
      }
    }
    return badges;
  };

  // Quotes' own words (several paragraphs joined) are rendered once per text: the last build's are reused.
  const cache = lineageCacheOf(draft);
  const nextQuoteExcerpts = new Map<string, RenderedExcerpt>();
  const excerptOf = (node: TreeNode): RenderedExcerpt => {
    if (node.unit) return node.unit.memo(UNIT_EXCERPT);
    // A quote's own words: its units at its depth before any nested quote or reply.
    const firstChild = node.children[0]?.range.startLine ?? Number.POSITIVE_INFINITY;
    const text = (unitsOfQuote.get(node.quote!) ?? [])
      .filter((unit) => unit.startLine < firstChild)
      .map((unit) => unit.text)
      .join('\n\n');
    const excerpt = nextQuoteExcerpts.get(text) ?? cache.quoteExcerpts.get(text) ?? { html: excerptHtml(text), textHash: hashText(text) };
    nextQuoteExcerpts.set(text, excerpt);
    return excerpt;
  };

  // Each node's hash as a number too, so a parent mixes its children's without parsing strings.
  const hashes = new Map<ViewNode, number>();
  const convert = (node: TreeNode): ViewNode => {
    const kind = node.kind === 'quote' ? 'quote' : 'reply';
    if (kind === 'quote') summary.quotes++;
    else summary.replies++;
    const excerpt = excerptOf(node);
    const identity = fnv1a(excerpt.textHash, fnv1a(node.speaker ?? '', fnv1a(kind)));
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const badges = badgesFor(node);
    if (badges.some((badge) => badge.rule === 'unanswered-quote')) summary.unanswered++;
    const children = node.children.map(convert);
    const startLine = node.range.startLine;
    const speakerAt = node.speaker ? speakerIndexOf(node.speaker) : -1;
    // Everything shown, with lines relative to the node's start: moving a whole subtree keeps its hashes.
    let hash = identity;
    hash = fnvNumber(hash, speakerAt);
    hash = fnvNumber(hash, node.inferred ? 1 : 0);
    hash = fnvNumber(hash, node.depth);
    hash = fnvNumber(hash, node.range.endLine - startLine);
    for (const badge of badges) hash = fnv1a(`${badge.severity}\u0001${badge.message}`, fnv1a(badge.rule, fnvNumber(hash, badges.length)));
    for (const child of children) hash = fnvNumber(fnvNumber(hash, hashes.get(child)!), child.startLine - startLine);
    const view: ViewNode = {
      // Decimal: V8 turns numbers into decimal strings several times faster than into base 36.
      key: `${identity >>> 0}-${occurrence}`,
      hash: String(hash >>> 0),
      kind,
      speaker: node.speaker,
      speakerIndex: speakerAt,
      inferred: node.inferred,
      depth: node.depth,
      startLine,
      endLine: node.range.endLine,
      html: excerpt.html,
      badges,
      children,
    };
    hashes.set(view, hash);
    return view;
  };

  const nodes = tree.root.children.map(convert);
  cache.quoteExcerpts = nextQuoteExcerpts;
  return { file, version, speakers, summary, nodes };
}
