// The reply tree as the preview shows it: a pure step from the core model to plain data the webview
// renders. Keys stay stable across edits so the webview can re-render only the nodes that changed.
import MarkdownIt from 'markdown-it';
import { Draft, Quote, Unit } from '../parse';
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
  /** Changes whenever anything shown for this node changes. */
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

function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function buildViewModel(draft: Draft, diagnostics: readonly Diagnostic[], file: string, version: number): ViewModel {
  const tree = buildReplyTree(draft);
  const speakers: ViewSpeaker[] = tree.speakers.map((speaker, colour) => ({ name: speaker.name, inferred: speaker.inferred, colour }));
  const speakerIndex = new Map(speakers.map((speaker, index) => [speaker.name.toLowerCase(), index]));
  const summary: ViewSummary = { speakers: speakers.length, quotes: 0, replies: 0, unanswered: 0, findings: diagnostics.length };
  const seen = new Map<string, number>();

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

  const ownText = (node: TreeNode): string => {
    if (node.unit) return node.unit.text;
    // A quote's own words: its units at its depth before any nested quote or reply.
    const firstChild = node.children[0]?.range.startLine ?? Number.POSITIVE_INFINITY;
    return (unitsOfQuote.get(node.quote!) ?? [])
      .filter((unit) => unit.startLine < firstChild)
      .map((unit) => unit.text)
      .join('\n\n');
  };

  const convert = (node: TreeNode): ViewNode => {
    const kind = node.kind === 'quote' ? 'quote' : 'reply';
    if (kind === 'quote') summary.quotes++;
    else summary.replies++;
    const text = ownText(node);
    const identity = `${kind}\u0000${node.speaker ?? ''}\u0000${text}`;
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const badges = badgesFor(node);
    if (badges.some((badge) => badge.rule === 'unanswered-quote')) summary.unanswered++;
    const children = node.children.map(convert);
    const view: Omit<ViewNode, 'hash'> = {
      key: `${hashText(identity)}-${occurrence}`,
      kind,
      speaker: node.speaker,
      speakerIndex: node.speaker ? speakerIndex.get(node.speaker.toLowerCase()) ?? -1 : -1,
      inferred: node.inferred,
      depth: node.depth,
      startLine: node.range.startLine,
      endLine: node.range.endLine,
      html: renderExcerpt(text),
      badges,
      children,
    };
    const hash = hashText(JSON.stringify({ ...view, children: children.map((child) => child.hash) }));
    return { ...view, hash };
  };

  return { file, version, speakers, summary, nodes: tree.root.children.map(convert) };
}
