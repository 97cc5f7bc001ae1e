import { Speaker } from './model';
import { Draft, Quote, Unit } from './parse';
import { lineRangeLabel } from './lineRange';

export interface TreeNode {
  kind: 'document' | 'quote' | 'reply';
  speaker: string | null;
  inferred: boolean;
  depth: number;
  /** 0-based, inclusive. */
  range: { startLine: number; endLine: number };
  children: TreeNode[];
  /** The model objects behind the node, for adapters (not part of the JSON contract). */
  quote?: Quote;
  unit?: Unit;
}

export interface ReplyTree {
  speakers: Speaker[];
  root: TreeNode;
}

/**
 * How deep the tree nests quotes. A quote deeper than this is not a node of its own: its lines stay in its
 * ancestor at this depth. Every consumer of the tree walks it recursively (and `JSON.stringify` of
 * `riposte tree --format json` does too), so a hostile draft of 10,000 `>` levels would overflow the stack;
 * no real thread nests a hundred deep.
 */
export const MAX_TREE_DEPTH = 100;

/** The kinds of unit that answer a quote (an attribution line or a rule does not). */
export const ANSWER_KINDS: ReadonlySet<string> = new Set(['paragraph', 'list-item', 'heading', 'table', 'code']);

/**
 * Builds the thread: quotes nest as they nest in the text, and each paragraph written after a quote at the
 * quote's outer level is a reply to that quote (by whoever speaks at that level).
 */
export function buildReplyTree(draft: Draft): ReplyTree {
  const author = draft.frontMatter?.values.get('author') || null;
  const lastLine = Math.max(0, draft.lines.length - 1);
  const root: TreeNode = { kind: 'document', speaker: author, inferred: false, depth: 0, range: { startLine: 0, endLine: lastLine }, children: [] };

  const unitsByContainer = new Map<Quote | null, Unit[]>();
  // Units come in document order and neighbours mostly share a container: remember the last one's list.
  let lastContainer: Quote | null | undefined;
  let lastList: Unit[] = [];
  for (const unit of draft.units) {
    if (!ANSWER_KINDS.has(unit.kind)) continue;
    const container = containerOf(unit);
    if (container !== lastContainer) {
      lastContainer = container;
      let list = unitsByContainer.get(container);
      if (!list) unitsByContainer.set(container, (list = []));
      lastList = list;
    }
    lastList.push(unit);
  }

  const fill = (node: TreeNode, container: Quote | null, childQuotes: readonly Quote[]) => {
    const units = unitsByContainer.get(container) ?? [];
    let unitIndex = 0;
    let current: TreeNode | null = null;
    const replySpeaker = container ? container.speaker : author;
    const replyInferred = container ? container.inferred : false;
    const takeUnitsBefore = (line: number) => {
      while (unitIndex < units.length && units[unitIndex].startLine < line) {
        const unit = units[unitIndex++];
        if (!current && container) continue; // the quote's own words before any nested quote
        const reply: TreeNode = {
          kind: 'reply',
          speaker: replySpeaker,
          inferred: replyInferred,
          depth: node.depth,
          range: { startLine: unit.startLine, endLine: unit.endLine },
          children: [],
          unit,
        };
        (current ?? node).children.push(reply);
      }
    };
    for (const quote of childQuotes) {
      takeUnitsBefore(quote.startLine);
      const child: TreeNode = {
        kind: 'quote',
        speaker: quote.speaker,
        inferred: quote.inferred,
        depth: quote.depth,
        range: { startLine: quote.startLine, endLine: quote.endLine },
        children: [],
        quote,
      };
      fill(child, quote, quote.depth >= MAX_TREE_DEPTH ? [] : quote.children);
      node.children.push(child);
      current = child;
    }
    takeUnitsBefore(Number.POSITIVE_INFINITY);
  };
  fill(root, null, draft.quotes.filter((quote) => quote.parent === null));
  return { speakers: draft.speakers.map((speaker) => ({ ...speaker })), root };
}

/** The quote a unit belongs to: the one at its depth among its quote and that quote's ancestors (null: the document). */
export function containerOf(unit: Unit): Quote | null {
  let current = unit.quote;
  while (current && current.depth > unit.depth) current = current.parent;
  return current && current.depth === unit.depth ? current : null;
}

/** The JSON shape of `riposte tree` and `replyTree()`: exactly the documented fields. */
export interface TreeNodeJson {
  kind: TreeNode['kind'];
  speaker: string | null;
  inferred: boolean;
  depth: number;
  range: { startLine: number; endLine: number };
  children: TreeNodeJson[];
}

export function treeNodeToJson(node: TreeNode): TreeNodeJson {
  return {
    kind: node.kind,
    speaker: node.speaker,
    inferred: node.inferred,
    depth: node.depth,
    range: { startLine: node.range.startLine, endLine: node.range.endLine },
    children: node.children.map(treeNodeToJson),
  };
}

export function formatTreeText(tree: ReplyTree, lines: readonly { text: string }[]): string {
  const out: string[] = [];
  const speakers = tree.speakers.map((speaker) => (speaker.inferred ? `${speaker.name} (inferred)` : speaker.name));
  out.push(`Speakers: ${speakers.length ? speakers.join(', ') : '(none named)'}`);
  const walk = (node: TreeNode, indent: string) => {
    for (const child of node.children) {
      const who = child.speaker ? `${child.speaker}${child.inferred ? ' (inferred)' : ''}` : child.kind === 'reply' && child.depth === 0 ? 'me' : 'unknown';
      const label = child.kind === 'quote' ? `> quote from ${who}` : `reply by ${who}`;
      const excerpt = excerptOf(child, lines);
      out.push(`${indent}${label} (${lineRangeLabel(child.range.startLine, child.range.endLine)})${excerpt ? `: ${excerpt}` : ''}`);
      walk(child, `${indent}  `);
    }
  };
  walk(tree.root, '');
  return out.join('\n');
}

function excerptOf(node: TreeNode, lines: readonly { text: string }[]): string {
  const text = node.unit ? node.unit.text : lines[node.range.startLine]?.text.replace(/^[\s>]+/, '') ?? '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
