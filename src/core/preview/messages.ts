// The typed protocol between the preview host (extension) and its webview. Both sides import this file.
import { ViewPatch } from './patch';
import { ViewModel } from './viewModel';

export type HostMessage =
  /** Everything to show; the webview re-renders only nodes whose hash changed since the last one. */
  | { type: 'render'; model: ViewModel }
  /** The same, as changes to the model last sent (render or patch); a webview holding another version answers `ready`. */
  | { type: 'patch'; patch: ViewPatch }
  /** The editor's cursor or scroll position moved: highlight and scroll to the node holding this line. */
  | { type: 'reveal-line'; line: number; scroll: boolean }
  | { type: 'expand-all' }
  | { type: 'collapse-all' };

export type WebviewMessage =
  /** The webview script is running and needs a full `render` (after a load or reload, or a patch it could not apply). */
  | { type: 'ready' }
  /** The user chose a node: select its lines in the editor. */
  | { type: 'select-lines'; startLine: number; endLine: number }
  /** The user clicked a link in an excerpt; the host opens it only when it is http(s). */
  | { type: 'open-link'; href: string };

/** What the webview keeps across reloads through `setState` (the host's serializer restores the panel). */
export interface PreviewState {
  file: string;
  collapsed: string[];
}
