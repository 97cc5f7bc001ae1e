// The reply tree in the DOM: a keyed, incremental renderer with roving focus, selection and line reveal.
// Kept apart: which nodes are collapsed (collapse.ts), what the keys do (keyboard.ts), how one node is
// written (entry.ts), and the bar and legend above the tree (summary.ts).
import type { PreviewState, WebviewMessage } from '../core/preview/messages';
import type { ViewModel, ViewNode, ViewSpeaker } from '../core/preview/viewModel';
import { CollapseState } from './collapse';
import { el } from './dom';
import { createEntry, Entry, writeEntry } from './entry';
import { handleTreeKey, VisibleRows } from './keyboard';
import { SAFE_LINK } from './sanitize';
import { SpeakerLegend, SummaryBar } from './summary';

/** What the webview keeps through `setState`: the protocol's state plus deep nodes the user expanded. */
export interface WebviewState extends PreviewState {
  /** Keys of nodes at depth ≥ DEEP_DEPTH (collapse.ts), collapsed by default, that the user expanded. */
  expanded?: string[];
}

/** Past this many nodes, off-screen nodes skip rendering (`content-visibility: auto`, see preview.css). */
export const LARGE_TREE = 400;

export interface RenderStats {
  /** Milliseconds spent in `render` (DOM work only; layout happens after). */
  ms: number;
  created: number;
  updated: number;
  removed: number;
  /** Nodes in the model, rendered or not (children of collapsed nodes are built when first expanded). */
  total: number;
}

export interface TreeHost {
  post(message: WebviewMessage): void;
  saveState(state: WebviewState): void;
}

export class ReplyTreeView {
  private readonly summary = new SummaryBar(this);
  private readonly legend = new SpeakerLegend();
  private readonly tree: HTMLUListElement;
  private readonly empty: HTMLParagraphElement;
  private readonly entries = new Map<string, Entry>();
  private readonly byElement = new WeakMap<Element, Entry>();
  private model: ViewModel | null = null;
  private speakers: readonly ViewSpeaker[] = [];
  private file: string | null;
  private readonly collapse: CollapseState<Entry>;
  private readonly rows: VisibleRows<Entry>;
  private pass = 0;
  private stats: RenderStats = { ms: 0, created: 0, updated: 0, removed: 0, total: 0 };
  /** The treeitem with tabindex 0 (roving tabindex). */
  private active: Entry | null = null;
  private selected: Entry | null = null;
  private revealed: Entry | null = null;

  constructor(
    root: HTMLElement,
    private readonly host: TreeHost,
    state: WebviewState | null,
  ) {
    this.file = state?.file ?? null;
    this.collapse = new CollapseState(state, {
      rowOf: (element) => this.entryOfItem(element),
      buildGroup: (entry) => {
        entry.group = el('ul', 'children');
        entry.group.setAttribute('role', 'group');
        this.reconcile(entry.group, entry.node.children, entry.level + 1);
        entry.li.append(entry.group);
      },
    });

    this.tree = el('ul', 'tree');
    this.tree.setAttribute('role', 'tree');
    this.tree.setAttribute('aria-label', 'Reply tree');
    this.rows = new VisibleRows(this.tree, (element) => this.entryOfItem(element));
    this.empty = el('p', 'empty', 'Nothing to show yet: the draft has no quotes or replies.');
    this.empty.hidden = true;

    root.replaceChildren(this.summary.element, this.legend.element, this.tree, this.empty);
    this.tree.addEventListener('click', (event) => this.onClick(event));
    this.tree.addEventListener('auxclick', (event) => {
      // A middle click would open the link in a new frame: hand it to the host like a click.
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!link) return;
      event.preventDefault();
      const href = link.getAttribute('href');
      if (event.button === 1 && href && SAFE_LINK.test(href)) this.host.post({ type: 'open-link', href });
    });
    this.tree.addEventListener('keydown', (event) => {
      const entry = this.entryOf(event.target);
      if (!entry || event.target !== entry.li) return; // keys on a link inside an excerpt keep their meaning
      handleTreeKey(event, entry, this.rows, {
        expansionOf: ({ node }) => (!node.children.length ? 'leaf' : this.collapse.isCollapsed(node) ? 'collapsed' : 'expanded'),
        setCollapsed: (row, collapsed) => this.setCollapsed(row, collapsed),
        select: (row) => this.select(row),
        focus: (row) => this.setActive(row, true),
      });
    });
  }

  // --- rendering -----------------------------------------------------------------------------------

  /** The model on screen: what the host's next patch is made against. */
  get currentModel(): ViewModel | null {
    return this.model;
  }

  render(model: ViewModel): RenderStats {
    const started = performance.now();
    this.stats = { ms: 0, created: 0, updated: 0, removed: 0, total: 0 };
    if (model.file !== this.file) {
      // Another document: nothing of the old one's collapse state applies.
      if (this.file !== null) {
        this.collapse.clear();
        window.scrollTo(0, 0);
      }
      this.file = model.file;
    }
    this.pass++;
    const hadFocus = this.tree.contains(document.activeElement);
    const activeLine = this.active?.node.startLine ?? null;
    this.model = model;
    this.speakers = model.speakers;
    this.summary.render(model.summary);
    this.legend.render(model);
    this.reconcile(this.tree, model.nodes, 1);
    this.empty.hidden = model.nodes.length > 0;
    this.tree.hidden = model.nodes.length === 0;

    const keys = new Set<string>();
    const walk = (nodes: readonly ViewNode[]) => {
      for (const node of nodes) {
        keys.add(node.key);
        walk(node.children);
      }
    };
    walk(model.nodes);
    this.stats.total = keys.size;
    this.tree.classList.toggle('large', keys.size > LARGE_TREE);
    this.collapse.keepOnly(keys);

    for (const entry of [this.active, this.selected, this.revealed]) {
      if (entry && !this.isLive(entry)) {
        if (entry === this.active) this.active = null;
        if (entry === this.selected) this.selected = null;
        if (entry === this.revealed) this.revealed = null;
      }
    }
    if (!this.active) {
      // The focused node was replaced (its text changed): carry focus to whatever now holds its line.
      const near = activeLine === null ? null : this.visibleEntryAt(activeLine);
      this.setActive(near ?? this.rows.first(), hadFocus);
    }
    this.saveState();
    this.stats.ms = performance.now() - started;
    return this.stats;
  }

  private isLive(entry: Entry): boolean {
    return this.entries.get(entry.node.key) === entry && entry.li.isConnected;
  }

  /** Makes `container`'s children the elements of `nodes`, in order, reusing elements by key. */
  private reconcile(container: HTMLUListElement, nodes: readonly ViewNode[], level: number): void {
    let cursor: Element | null = container.firstElementChild;
    for (const node of nodes) {
      let entry = this.entries.get(node.key);
      if (entry && entry.pass === this.pass) entry = undefined; // the same key twice: never steal an element
      if (!entry) {
        entry = this.create(node, level);
        if (!this.entries.has(node.key) || this.entries.get(node.key)!.pass !== this.pass) this.entries.set(node.key, entry);
      } else if (entry.node.hash !== node.hash || entry.node.startLine !== node.startLine || entry.level !== level) {
        this.update(entry, node, level);
      }
      entry.pass = this.pass;
      if (entry.li === cursor) cursor = cursor.nextElementSibling;
      else container.insertBefore(entry.li, cursor);
    }
    // Whatever is left after the placed elements is gone from the model (or moved and already taken).
    while (cursor) {
      const next = cursor.nextElementSibling;
      this.dispose(cursor);
      cursor = next;
    }
  }

  private dispose(element: Element): void {
    const entry = this.byElement.get(element);
    element.remove();
    if (!entry) return;
    if (this.entries.get(entry.node.key) === entry) {
      this.entries.delete(entry.node.key);
      this.stats.removed++;
    }
    if (entry.group) for (const child of Array.from(entry.group.children)) this.disposeQuietly(child);
  }

  /** Forgets a removed subtree's entries without detaching them one by one (their ancestor is gone). */
  private disposeQuietly(element: Element): void {
    const entry = this.byElement.get(element);
    if (!entry) return;
    if (this.entries.get(entry.node.key) === entry && entry.pass !== this.pass) {
      this.entries.delete(entry.node.key);
      this.stats.removed++;
    }
    if (entry.group) for (const child of Array.from(entry.group.children)) this.disposeQuietly(child);
  }

  private create(node: ViewNode, level: number): Entry {
    this.stats.created++;
    const entry = createEntry(node, level, this.pass);
    this.byElement.set(entry.li, entry);
    this.writeEntry(entry, null);
    this.collapse.show(entry);
    return entry;
  }

  private update(entry: Entry, node: ViewNode, level: number): void {
    this.stats.updated++;
    const old = entry.node;
    entry.node = node;
    const levelChanged = entry.level !== level;
    entry.level = level;
    this.writeEntry(entry, old);
    if (entry.group) {
      if (node.children.length) this.reconcile(entry.group, node.children, level + 1);
      else {
        for (const child of Array.from(entry.group.children)) this.dispose(child);
        entry.group.remove();
        entry.group = null;
      }
      if (levelChanged && entry.group) {
        // Unchanged children were skipped by hash; their level still follows their parent's.
        for (const child of Array.from(entry.group.children)) {
          const childEntry = this.byElement.get(child);
          if (childEntry && childEntry.level !== level + 1) this.update(childEntry, childEntry.node, level + 1);
        }
      }
    }
    this.collapse.show(entry);
  }

  private writeEntry(entry: Entry, old: ViewNode | null): void {
    writeEntry(entry, old, this.speakers, `${entry === this.selected ? ' selected' : ''}${entry === this.revealed ? ' revealed' : ''}`);
  }

  // --- collapse state (collapse.ts) ---------------------------------------------------------------

  private setCollapsed(entry: Entry, collapsed: boolean): void {
    if (!this.collapse.set(entry, collapsed)) return;
    if (collapsed) this.keepActiveVisible(entry);
    this.saveState();
  }

  toggle(entry: Entry): void {
    this.setCollapsed(entry, !this.collapse.isCollapsed(entry.node));
  }

  expandAll(): void {
    if (!this.model) return;
    this.collapse.expandAll(this.model.nodes, this.tree);
    this.saveState();
  }

  collapseAll(): void {
    if (!this.model) return;
    this.collapse.collapseAll(this.model.nodes, this.tree);
    if (this.active) {
      // Focus stays on the outermost collapsed ancestor of wherever it was.
      let top: Entry = this.active;
      for (let parent = this.rows.parentOf(top); parent; parent = this.rows.parentOf(parent)) top = parent;
      this.setActive(top, this.tree.contains(document.activeElement));
    }
    this.saveState();
  }

  private keepActiveVisible(collapsedEntry: Entry): void {
    if (this.active && this.active !== collapsedEntry && collapsedEntry.li.contains(this.active.li)) {
      this.setActive(collapsedEntry, this.tree.contains(document.activeElement));
    }
  }

  private saveState(): void {
    if (this.file === null) return;
    this.host.saveState({ file: this.file, ...this.collapse.saved });
  }

  // --- focus, selection, reveal --------------------------------------------------------------------

  private setActive(entry: Entry | null, focus: boolean): void {
    if (this.active && this.active !== entry) this.active.li.tabIndex = -1;
    this.active = entry;
    if (!entry) return;
    entry.li.tabIndex = 0;
    if (focus) {
      entry.li.focus({ preventScroll: true });
      this.scrollIntoView(entry);
    }
  }

  private select(entry: Entry): void {
    if (this.selected && this.selected !== entry) {
      this.selected.li.removeAttribute('aria-selected');
      this.selected.li.classList.remove('selected');
    }
    this.selected = entry;
    entry.li.setAttribute('aria-selected', 'true');
    entry.li.classList.add('selected');
    this.host.post({ type: 'select-lines', startLine: entry.node.startLine, endLine: entry.node.endLine });
  }

  /** Highlights the innermost node holding `line` (or its nearest shown ancestor); never posts back. */
  revealLine(line: number, scroll: boolean): void {
    const target = this.visibleEntryAt(line);
    if (this.revealed && this.revealed !== target) this.revealed.li.classList.remove('revealed');
    this.revealed = target;
    if (!target) return;
    target.li.classList.add('revealed');
    if (scroll) this.scrollIntoView(target);
  }

  private scrollIntoView(entry: Entry): void {
    entry.row.scrollIntoView({ block: 'nearest' });
    if (!this.tree.classList.contains('large')) return;
    // Nodes that just came near the viewport were laid out at their estimated size, which moved the row:
    // once they have their real size, scroll again.
    requestAnimationFrame(() => {
      if (!entry.row.isConnected) return;
      const box = entry.row.getBoundingClientRect();
      const top = this.summary.element.getBoundingClientRect().bottom;
      if (box.top < top || box.bottom > window.innerHeight) entry.row.scrollIntoView({ block: 'nearest' });
    });
  }

  /** The innermost node holding `line`, or its outermost collapsed ancestor when it is hidden. */
  private visibleEntryAt(line: number): Entry | null {
    if (!this.model) return null;
    let best: ViewNode[] | null = null;
    const path: ViewNode[] = [];
    const walk = (nodes: readonly ViewNode[]) => {
      for (const node of nodes) {
        path.push(node);
        if (node.startLine <= line && line <= node.endLine) {
          const tighter = best && best.length === path.length && node.endLine - node.startLine < best[best.length - 1].endLine - best[best.length - 1].startLine;
          if (!best || path.length > best.length || tighter) best = [...path];
        }
        walk(node.children);
        path.pop();
      }
    };
    walk(this.model.nodes);
    let target: Entry | null = null;
    for (const node of (best ?? []) as ViewNode[]) {
      const entry = this.entries.get(node.key);
      if (!entry || !entry.li.isConnected) break;
      target = entry;
      if (this.collapse.isCollapsed(node)) break;
    }
    return target;
  }

  // --- events --------------------------------------------------------------------------------------

  private entryOf(target: EventTarget | null): Entry | null {
    return this.entryOfItem(target instanceof Element ? target.closest('[role="treeitem"]') : null);
  }

  /** The entry whose treeitem `element` is. */
  private entryOfItem(element: Element | null): Entry | null {
    return element ? this.byElement.get(element) ?? null : null;
  }

  private onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const link = target.closest('a');
    if (link) {
      // Never navigate the frame: the host decides what to open.
      event.preventDefault();
      const href = link.getAttribute('href');
      if (href && SAFE_LINK.test(href)) this.host.post({ type: 'open-link', href });
      return;
    }
    const entry = this.entryOf(target);
    if (!entry) return;
    if (target.closest('.twisty')) {
      this.setActive(entry, true);
      this.toggle(entry);
      return;
    }
    // A drag that selected text is for copying, not for jumping to the editor.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && entry.li.contains(selection.anchorNode)) return;
    this.setActive(entry, true);
    this.select(entry);
  }
}
