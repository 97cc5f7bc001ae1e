// The reply tree's keys, as the WAI-ARIA tree view pattern has them: ↑ and ↓ move through the rows a reader
// sees, → expands a node or steps into its children, ← collapses it or steps out to its parent, Home and
// End jump to the first and the last row, Enter and Space select, * expands a node and its siblings.

/** A rendered node, as far as moving between rows needs it. */
export interface TreeRow {
  li: HTMLLIElement;
  /** The children's <ul>: null until first shown, hidden while the node is collapsed. */
  group: HTMLUListElement | null;
}

/** The rows of the tree in the order a reader sees them: the children of a collapsed node are skipped. */
export class VisibleRows<Row extends TreeRow> {
  constructor(
    private readonly tree: HTMLUListElement,
    private readonly rowOf: (element: Element | null) => Row | null,
  ) {}

  first(): Row | null {
    return this.rowOf(this.tree.firstElementChild);
  }

  last(): Row | null {
    const last = this.rowOf(this.tree.lastElementChild);
    return last && this.lastShownIn(last);
  }

  parentOf(row: Row): Row | null {
    const list = row.li.parentElement;
    if (!list || list === this.tree) return null;
    return this.rowOf(list.parentElement);
  }

  /** The first child of an expanded node. */
  firstChildOf(row: Row): Row | null {
    return row.group && !row.group.hidden ? this.rowOf(row.group.firstElementChild) : null;
  }

  /** The row and the others in its list. */
  siblingsOf(row: Row): Row[] {
    const siblings: Row[] = [];
    for (const element of Array.from(row.li.parentElement?.children ?? [])) {
      const sibling = this.rowOf(element);
      if (sibling) siblings.push(sibling);
    }
    return siblings;
  }

  next(row: Row): Row | null {
    if (this.isOpen(row)) return this.rowOf(row.group!.firstElementChild);
    for (let current: Row | null = row; current; current = this.parentOf(current)) {
      const sibling = current.li.nextElementSibling;
      if (sibling) return this.rowOf(sibling);
    }
    return null;
  }

  previous(row: Row): Row | null {
    const sibling = row.li.previousElementSibling;
    if (!sibling) return this.parentOf(row);
    const previous = this.rowOf(sibling);
    return previous ? this.lastShownIn(previous) : null;
  }

  private isOpen(row: Row): boolean {
    return !!row.group && !row.group.hidden && row.group.firstElementChild !== null;
  }

  /** The last row shown inside `row`'s subtree (itself when it is collapsed or a leaf). */
  private lastShownIn(row: Row): Row {
    let current = row;
    while (this.isOpen(current)) {
      const last = this.rowOf(current.group!.lastElementChild);
      if (!last) break;
      current = last;
    }
    return current;
  }
}

/** What the keys do besides moving the focus, which the tree view carries out. */
export interface TreeKeyActions<Row> {
  /** 'leaf' for a node without children. */
  expansionOf(row: Row): 'expanded' | 'collapsed' | 'leaf';
  setCollapsed(row: Row, collapsed: boolean): void;
  select(row: Row): void;
  /** Makes `row` the focused treeitem. */
  focus(row: Row): void;
}

/** Acts on a key pressed while `row`'s treeitem has the focus; other keys, and keys with modifiers, pass. */
export function handleTreeKey<Row extends TreeRow>(event: KeyboardEvent, row: Row, rows: VisibleRows<Row>, actions: TreeKeyActions<Row>): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  let next: Row | null = null;
  switch (event.key) {
    case 'ArrowDown':
      next = rows.next(row);
      break;
    case 'ArrowUp':
      next = rows.previous(row);
      break;
    case 'ArrowRight':
      if (actions.expansionOf(row) === 'collapsed') actions.setCollapsed(row, false);
      else next = rows.firstChildOf(row);
      break;
    case 'ArrowLeft':
      if (actions.expansionOf(row) === 'expanded') actions.setCollapsed(row, true);
      else next = rows.parentOf(row);
      break;
    case 'Home':
      next = rows.first();
      break;
    case 'End':
      next = rows.last();
      break;
    case 'Enter':
    case ' ':
      actions.select(row);
      break;
    case '*':
      for (const sibling of rows.siblingsOf(row)) actions.setCollapsed(sibling, false);
      break;
    default:
      return;
  }
  event.preventDefault();
  if (next) actions.focus(next);
}
