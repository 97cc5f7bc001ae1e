// Above the reply tree: the sticky bar with the draft's counts and the Expand all and Collapse all buttons,
// and the legend of the speakers' colours. Each is rewritten only when what it shows has changed.
import { DRAFTER_LABEL, hasDrafterReply, speakerColourClass } from '../core/preview/labels';
import type { ViewModel, ViewSummary } from '../core/preview/viewModel';
import { el } from './dom';

export class SummaryBar {
  readonly element = el('header', 'summary');
  private readonly counts = el('div', 'counts');

  constructor(actions: { expandAll(): void; collapseAll(): void }) {
    const buttons = el('div', 'actions');
    const expandAll = el('button', 'action', 'Expand all');
    expandAll.type = 'button';
    expandAll.dataset.action = 'expand-all';
    const collapseAll = el('button', 'action', 'Collapse all');
    collapseAll.type = 'button';
    collapseAll.dataset.action = 'collapse-all';
    buttons.append(expandAll, collapseAll);
    this.element.append(this.counts, buttons);
    expandAll.addEventListener('click', () => actions.expandAll());
    collapseAll.addEventListener('click', () => actions.collapseAll());
    // Scrolling a node into view keeps it clear of the sticky bar, however tall that wraps.
    new ResizeObserver(() => {
      document.documentElement.style.setProperty('--riposte-summary-height', `${Math.ceil(this.element.getBoundingClientRect().height)}px`);
    }).observe(this.element);
  }

  render(summary: ViewSummary): void {
    const signature = JSON.stringify(summary);
    if (signature === this.counts.dataset.signature) return;
    this.counts.dataset.signature = signature;
    const count = (value: number, one: string, many: string, attention = false) => {
      const span = el('span', attention && value > 0 ? 'count attention' : 'count');
      span.append(el('strong', undefined, String(value)), ` ${value === 1 ? one : many}`);
      return span;
    };
    this.counts.replaceChildren(
      count(summary.speakers, 'speaker', 'speakers'),
      count(summary.quotes, 'quote', 'quotes'),
      count(summary.replies, 'reply', 'replies'),
      count(summary.unanswered, 'unanswered', 'unanswered', true),
      count(summary.findings, 'finding', 'findings', true),
    );
  }
}

export class SpeakerLegend {
  readonly element = el('ul', 'legend');

  constructor() {
    this.element.setAttribute('aria-label', 'Speakers');
  }

  render(model: ViewModel): void {
    const signature = JSON.stringify([model.speakers, hasDrafterReply(model.nodes)]);
    if (signature === this.element.dataset.signature) return;
    this.element.dataset.signature = signature;
    const items = model.speakers.map((speaker) => {
      const item = el('li', `legend-item ${speakerColourClass(speaker)}${speaker.inferred ? ' inferred' : ''}`);
      item.append(el('span', 'swatch'), el('span', 'name', speaker.name));
      if (speaker.inferred) {
        item.append(el('span', 'inferred-mark', ' (inferred)'));
        item.title = 'Inferred from the shape of the thread: no line names this speaker.';
      }
      return item;
    });
    if (hasDrafterReply(model.nodes)) {
      const you = el('li', 'legend-item speaker-you');
      you.append(el('span', 'swatch'), el('span', 'name', DRAFTER_LABEL));
      items.push(you);
    }
    for (const item of items) item.querySelector('.swatch')!.setAttribute('aria-hidden', 'true');
    this.element.replaceChildren(...items);
    this.element.hidden = items.length === 0;
  }
}
