// A long draft's tree has thousands of nodes and an edit changes a few: after the first render the host
// sends the new model as a patch against the one the webview already has. Both sides use this file.
import type { ViewModel, ViewNode } from './viewModel'; // types only: the webview bundles this file

/** Top-level nodes `from`..`to` (inclusive) of the base model, unchanged but for lines moved by `shift`. */
export interface KeptRun {
  keep: [from: number, to: number];
  shift: number;
}

/** A node whose own fields changed or some of whose children did: its fields, and its children as changes. */
export interface PatchedNode {
  /** Index of the node among the base's siblings (its key is the same). */
  from: number;
  node: Omit<ViewNode, 'children'>;
  children: PatchItem[];
}

/** A new or changed leaf comes whole; unchanged runs as indexes into the base's siblings. */
export type PatchItem = ViewNode | KeptRun | PatchedNode;

export interface ViewPatch {
  /** The version of the model this patch applies to; the webview asks for a full render if it has another. */
  base: number;
  file: string;
  version: number;
  speakers: ViewModel['speakers'];
  summary: ViewModel['summary'];
  nodes: PatchItem[];
}

/**
 * What a patch is made against: of each node only its key, its hash, where it starts and its children. The
 * host keeps this of the model it last sent, not the model (whose rendered HTML and badges are most of it:
 * megabytes for a long thread, held for as long as the tree is open).
 */
export interface SentNode {
  key: string;
  hash: string;
  startLine: number;
  children: SentNode[];
}

export interface SentModel {
  file: string;
  version: number;
  nodes: SentNode[];
}

/** The part of a model the next patch is made against (see SentModel). */
export function sentModelOf(model: ViewModel): SentModel {
  const skeleton = (node: ViewNode): SentNode => ({ key: node.key, hash: node.hash, startLine: node.startLine, children: node.children.map(skeleton) });
  return { file: model.file, version: model.version, nodes: model.nodes.map(skeleton) };
}

function isKeptRun(item: PatchItem): item is KeptRun {
  return 'keep' in item;
}

function isPatchedNode(item: PatchItem): item is PatchedNode {
  return 'from' in item;
}

function countNodes(nodes: readonly ViewNode[]): number {
  let count = nodes.length;
  for (const node of nodes) count += countNodes(node.children);
  return count;
}

/**
 * The patch that turns `previous` into `next`, or null when a full render is about as small (another
 * file, or most nodes changed).
 */
export function diffViewModels(previous: SentModel, next: ViewModel): ViewPatch | null {
  if (previous.file !== next.file) return null;
  let sent = 0;
  const diff = (before: readonly SentNode[], after: readonly ViewNode[]): PatchItem[] => {
    const index = new Map<string, number>();
    before.forEach((node, at) => index.set(node.key, at));
    const items: PatchItem[] = [];
    let run: KeptRun | null = null;
    for (const node of after) {
      const at = index.get(node.key);
      const old = at === undefined ? undefined : before[at];
      if (at !== undefined && old && old.hash === node.hash) {
        const shift = node.startLine - old.startLine;
        if (run && run.keep[1] === at - 1 && run.shift === shift) run.keep[1] = at;
        else items.push((run = { keep: [at, at], shift }));
        continue;
      }
      run = null;
      if (at !== undefined && old && old.children.length && node.children.length) {
        const { children, ...own } = node;
        sent++;
        items.push({ from: at, node: own, children: diff(old.children, children) });
      } else {
        sent += 1 + countNodes(node.children);
        items.push(node);
      }
    }
    return items;
  };
  const nodes = diff(previous.nodes, next.nodes);
  if (sent * 2 > countNodes(next.nodes)) return null;
  return { base: previous.version, file: next.file, version: next.version, speakers: next.speakers, summary: next.summary, nodes };
}

/** The model a patch describes, from the model it was made against; null when the patch does not fit it. */
export function applyViewPatch(previous: ViewModel, patch: ViewPatch): ViewModel | null {
  if (patch.base !== previous.version || patch.file !== previous.file) return null;
  const apply = (before: readonly ViewNode[], items: readonly PatchItem[]): ViewNode[] | null => {
    const nodes: ViewNode[] = [];
    for (const item of items) {
      if (isKeptRun(item)) {
        const [from, to] = item.keep;
        if (!(from >= 0 && to >= from && to < before.length)) return null;
        for (let at = from; at <= to; at++) nodes.push(item.shift ? shifted(before[at], item.shift) : before[at]);
      } else if (isPatchedNode(item)) {
        const old = before[item.from];
        const children = old ? apply(old.children, item.children) : null;
        if (!children) return null;
        nodes.push({ ...item.node, children });
      } else {
        nodes.push(item);
      }
    }
    return nodes;
  };
  const nodes = apply(previous.nodes, patch.nodes);
  return nodes && { file: patch.file, version: patch.version, speakers: patch.speakers, summary: patch.summary, nodes };
}

function shifted(node: ViewNode, shift: number): ViewNode {
  return { ...node, startLine: node.startLine + shift, endLine: node.endLine + shift, children: node.children.map((child) => shifted(child, shift)) };
}
