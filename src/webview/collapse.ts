// Which nodes of the reply tree are collapsed, and showing it. The state follows nodes by key, so that an
// edit elsewhere in the draft does not reopen what the user closed, and it goes into the webview's saved
// state, so that it outlives a reload. Nodes deep in quotes start collapsed; of those, only the ones the
// user opened need remembering.
import type { ViewNode } from '../core/preview/viewModel';

/** Nodes this deep in quotes start collapsed. */
export const DEEP_DEPTH = 4;

/** A rendered node, as far as collapsing it needs. */
export interface CollapsibleRow {
  node: ViewNode;
  li: HTMLLIElement;
  /** The children's <ul>, built the first time the node is shown expanded. */
  group: HTMLUListElement | null;
}

/** What the collapse state needs of the tree view that renders the rows. */
export interface CollapsibleTree<Row extends CollapsibleRow> {
  rowOf(element: Element | null): Row | null;
  /** Builds `row.group` and its children's rows (collapsed nodes' children are built when first shown). */
  buildGroup(row: Row): void;
}

export interface SavedCollapseState {
  collapsed: string[];
  /** Keys of nodes at depth ≥ DEEP_DEPTH (collapsed by default) that the user expanded. */
  expanded: string[];
}

export class CollapseState<Row extends CollapsibleRow> {
  private readonly collapsed: Set<string>;
  private readonly expanded: Set<string>;

  constructor(
    saved: Partial<SavedCollapseState> | null,
    private readonly tree: CollapsibleTree<Row>,
  ) {
    this.collapsed = new Set(saved?.collapsed ?? []);
    this.expanded = new Set(saved?.expanded ?? []);
  }

  isCollapsed(node: ViewNode): boolean {
    if (!node.children.length) return false;
    if (this.collapsed.has(node.key)) return true;
    return node.depth >= DEEP_DEPTH && !this.expanded.has(node.key);
  }

  get saved(): SavedCollapseState {
    return { collapsed: [...this.collapsed], expanded: [...this.expanded] };
  }

  /** Another document is shown: nothing of the last one's state applies. */
  clear(): void {
    this.collapsed.clear();
    this.expanded.clear();
  }

  /** Forgets nodes that are gone, so that the saved state does not grow without bound. */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of this.collapsed) if (!keys.has(key)) this.collapsed.delete(key);
    for (const key of this.expanded) if (!keys.has(key)) this.expanded.delete(key);
  }

  /** Shows `row` collapsed or expanded, building its children the first time it is shown expanded. */
  show(row: Row): void {
    if (row.node.children.length && !this.isCollapsed(row.node) && !row.group) this.tree.buildGroup(row);
    this.showExpansion(row);
  }

  private showExpansion(row: Row): void {
    const { node, li, group } = row;
    if (!node.children.length) {
      li.removeAttribute('aria-expanded');
      return;
    }
    const collapsed = this.isCollapsed(node);
    li.setAttribute('aria-expanded', String(!collapsed));
    if (group) group.hidden = collapsed;
  }

  /** Collapses or expands `row`; false when there was nothing to do (it already was, or it is a leaf). */
  set(row: Row, collapsed: boolean): boolean {
    const { node } = row;
    if (!node.children.length || this.isCollapsed(node) === collapsed) return false;
    if (collapsed) {
      this.collapsed.add(node.key);
      this.expanded.delete(node.key);
    } else {
      this.collapsed.delete(node.key);
      if (node.depth >= DEEP_DEPTH) this.expanded.add(node.key);
    }
    this.show(row);
    return true;
  }

  /** Expands every node of `nodes` and shows it in `list`, the rows rendered from them. */
  expandAll(nodes: readonly ViewNode[], list: HTMLUListElement): void {
    this.collapsed.clear();
    const walk = (siblings: readonly ViewNode[]) => {
      for (const node of siblings) {
        if (node.children.length && node.depth >= DEEP_DEPTH) this.expanded.add(node.key);
        walk(node.children);
      }
    };
    walk(nodes);
    this.showAll(list);
  }

  /** Collapses every node of `nodes` and shows it in `list`, the rows rendered from them. */
  collapseAll(nodes: readonly ViewNode[], list: HTMLUListElement): void {
    this.expanded.clear();
    const walk = (siblings: readonly ViewNode[]) => {
      for (const node of siblings) {
        if (node.children.length) this.collapsed.add(node.key);
        walk(node.children);
      }
    };
    walk(nodes);
    this.showAll(list);
  }

  private showAll(list: HTMLUListElement): void {
    for (const child of Array.from(list.children)) {
      const row = this.tree.rowOf(child);
      if (!row) continue;
      this.show(row);
      if (row.group && !row.group.hidden) this.showAll(row.group);
      else if (row.group) this.showHidden(row.group);
    }
  }

  /** Inside a hidden group only the attributes need to follow (nothing new is built there). */
  private showHidden(list: HTMLUListElement): void {
    for (const child of Array.from(list.children)) {
      const row = this.tree.rowOf(child);
      if (!row) continue;
      this.showExpansion(row);
      if (row.group) this.showHidden(row.group);
    }
  }
}
