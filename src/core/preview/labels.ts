// The words the reply tree writes, shared by the webview (src/webview/tree.ts) and the HTML export
// (html.ts) so that the two cannot drift apart, and the line-range label the rules' messages use too.
// No DOM and no vscode: both sides and the rules run it.
import type { ViewNode, ViewSpeaker } from './viewModel'; // types only: the webview bundles this file

import { lineRangeLabel } from '../lineRange';

export { lineRangeLabel };

/** A node's `.meta` text: how deep it is in quotes, and its lines. */
export function nodeMetaLabel(node: Pick<ViewNode, 'depth' | 'startLine' | 'endLine'>): string {
  return `depth ${node.depth} · ${lineRangeLabel(node.startLine, node.endLine)}`;
}

/** The size of preview.css's speaker palette (`.speaker-0` … `.speaker-7`). */
export const SPEAKER_PALETTE_SIZE = 8;

/** What the tree and its legend call the drafter, whose own replies name no one. */
export const DRAFTER_LABEL = 'You';

export function speakerColourClass(speaker: Pick<ViewSpeaker, 'colour'>): string {
  return `speaker-${speaker.colour % SPEAKER_PALETTE_SIZE}`;
}

type SpeakingNode = Pick<ViewNode, 'kind' | 'depth' | 'speakerIndex'>;

/** The drafter's own words: a reply outside every quote whose speaker the model does not list. */
function isDrafterReply(node: SpeakingNode): boolean {
  return node.kind === 'reply' && node.depth === 0 && node.speakerIndex < 0;
}

/** Whether the legend lists the drafter: some reply in the tree is theirs. */
export function hasDrafterReply(nodes: readonly (SpeakingNode & { children: readonly ViewNode[] })[]): boolean {
  return nodes.some((node) => isDrafterReply(node) || hasDrafterReply(node.children));
}

/** Label and CSS class of a node's speaker. */
export function speakerLabel(node: SpeakingNode & Pick<ViewNode, 'speaker'>, speakers: readonly ViewSpeaker[]): { name: string; className: string } {
  const speaker = node.speakerIndex >= 0 ? speakers[node.speakerIndex] : undefined;
  if (speaker) return { name: speaker.name, className: speakerColourClass(speaker) };
  if (isDrafterReply(node)) return { name: DRAFTER_LABEL, className: 'speaker-you' };
  return { name: node.speaker ?? 'Unknown speaker', className: 'speaker-unknown' };
}
