// One node of the reply tree in the DOM, an entry: the elements that show it, and writing its row
// (twisty, speaker, kind, depth and lines, badges) and its excerpt from the view model.
import { nodeMetaLabel, speakerLabel } from '../core/preview/labels';
import type { ViewBadge, ViewNode, ViewSpeaker } from '../core/preview/viewModel';
import { el } from './dom';
import { sanitizeExcerpt } from './sanitize';

export interface Entry {
  node: ViewNode;
  level: number;
  li: HTMLLIElement;
  row: HTMLDivElement;
  excerpt: HTMLDivElement | null;
  /** The children's <ul>, built the first time the node is shown expanded. */
  group: HTMLUListElement | null;
  /** Render pass that last placed this entry (guards against a key appearing twice). */
  pass: number;
}

/** The elements of a node at `level`, empty until written. */
export function createEntry(node: ViewNode, level: number, pass: number): Entry {
  const li = el('li');
  li.setAttribute('role', 'treeitem');
  li.tabIndex = -1;
  const row = el('div', 'row');
  li.append(row);
  return { node, level, li, row, excerpt: null, group: null, pass };
}

function sameBadges(a: readonly ViewBadge[], b: readonly ViewBadge[]): boolean {
  return a.length === b.length && a.every((badge, i) => badge.rule === b[i].rule && badge.severity === b[i].severity && badge.label === b[i].label && badge.message === b[i].message);
}

/**
 * Writes the node's own content; with `old`, touches only what differs from it. `marks` are the classes
 * the tree view adds (the selected and the revealed node).
 */
export function writeEntry(entry: Entry, old: ViewNode | null, speakers: readonly ViewSpeaker[], marks: string): void {
  const { node, li } = entry;
  li.dataset.key = node.key;
  li.setAttribute('aria-level', String(entry.level));
  if (!old || old.startLine !== node.startLine) li.dataset.line = String(node.startLine);
  if (!old || old.endLine !== node.endLine) li.dataset.endLine = String(node.endLine);
  const who = speakerLabel(node, speakers);
  li.className = `tree-node kind-${node.kind} ${who.className}${node.inferred ? ' inferred' : ''}${marks}`;
  if (
    !old ||
    old.kind !== node.kind ||
    old.speaker !== node.speaker ||
    old.speakerIndex !== node.speakerIndex ||
    old.inferred !== node.inferred ||
    old.depth !== node.depth ||
    (old.children.length === 0) !== (node.children.length === 0) ||
    !sameBadges(old.badges, node.badges)
  ) {
    writeRow(entry, who.name);
  } else if (old.startLine !== node.startLine || old.endLine !== node.endLine) {
    // Moved by an edit above: only the line label changes (thousands of nodes may move at once).
    const meta = entry.row.querySelector('.meta');
    if (meta) meta.textContent = nodeMetaLabel(node);
  }
  const excerptClass = `excerpt excerpt-${node.kind}${node.inferred ? ' inferred' : ''}`;
  if (!old || old.html !== node.html) {
    if (node.html) {
      const excerpt = el('div', excerptClass);
      excerpt.append(sanitizeExcerpt(node.html));
      if (entry.excerpt) entry.excerpt.replaceWith(excerpt);
      else entry.row.after(excerpt);
      entry.excerpt = excerpt;
    } else if (entry.excerpt) {
      entry.excerpt.remove();
      entry.excerpt = null;
    }
  } else if (entry.excerpt && entry.excerpt.className !== excerptClass) {
    entry.excerpt.className = excerptClass;
  }
}

function writeRow(entry: Entry, speakerName: string): void {
  const { node } = entry;
  const twisty = el('span', node.children.length ? 'twisty' : 'twisty leaf');
  twisty.setAttribute('aria-hidden', 'true');
  if (node.children.length) twisty.title = 'Collapse or expand';
  const speaker = el('span', node.inferred ? 'speaker inferred' : 'speaker', speakerName);
  if (node.inferred) {
    speaker.append(el('span', 'inferred-mark', ' (inferred)'));
    speaker.title = 'Speaker inferred from the thread';
  }
  const kind = el('span', `kind kind-${node.kind}`, node.kind);
  const meta = el('span', 'meta', nodeMetaLabel(node));
  const head = el('span', 'head');
  head.append(speaker, kind, meta);
  if (node.badges.length) {
    const badges = el('span', 'badges');
    for (const badge of node.badges) {
      const element = el('span', `badge severity-${badge.severity}`, badge.label);
      element.title = badge.message;
      badges.append(element);
    }
    head.append(badges);
  }
  entry.row.replaceChildren(twisty, head);
}
