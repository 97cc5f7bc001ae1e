// The reply-tree preview's script, running in the webview frame. It renders what the host sends and posts
// back what the user asked for (select lines, open a link); the one answer to a host message is `ready`,
// when a patch does not fit the model on screen and the host must send it all again.
import type { HostMessage, PreviewState, WebviewMessage } from '../core/preview/messages';
import { applyViewPatch } from '../core/preview/patch';
import { ReplyTreeView, WebviewState } from './tree';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function isState(value: unknown): value is WebviewState {
  if (!value || typeof value !== 'object') return false;
  const state = value as Partial<WebviewState>;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return typeof state.file === 'string' && strings(state.collapsed) && (state.expanded === undefined || strings(state.expanded));
}

/** State from `vscode.getState()`, else what the host wrote into the page (the serializer's copy). */
function initialState(root: HTMLElement): WebviewState | null {
  const saved = vscode.getState();
  if (isState(saved)) return saved;
  const embedded = root.dataset.state;
  if (!embedded) return null;
  try {
    const parsed: unknown = JSON.parse(embedded);
    return isState(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isHostMessage(data: unknown): data is HostMessage {
  if (!data || typeof data !== 'object') return false;
  type ModelLike = { nodes?: unknown; speakers?: unknown; summary?: unknown };
  const message = data as { type?: unknown; model?: ModelLike; patch?: ModelLike & { base?: unknown }; line?: unknown };
  const isModel = (model: ModelLike | undefined) => !!model && Array.isArray(model.nodes) && Array.isArray(model.speakers) && typeof model.summary === 'object';
  switch (message.type) {
    case 'render':
      return isModel(message.model);
    case 'patch':
      return isModel(message.patch) && typeof message.patch!.base === 'number';
    case 'reveal-line':
      return typeof message.line === 'number' && Number.isFinite(message.line);
    case 'expand-all':
    case 'collapse-all':
      return true;
    default:
      return false;
  }
}

function start(): void {
  const root = document.getElementById('riposte-preview') ?? document.body;
  const view = new ReplyTreeView(
    root,
    {
      post: (message) => vscode.postMessage(message),
      saveState: (state: WebviewState) => vscode.setState(state satisfies PreviewState),
    },
    initialState(root),
  );

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isHostMessage(message)) return;
    switch (message.type) {
      case 'render':
      case 'patch': {
        const model = message.type === 'render' ? message.model : view.currentModel && applyViewPatch(view.currentModel, message.patch);
        if (!model) {
          // Made against a model this page does not have (it reloaded, or a message was lost): start over.
          vscode.postMessage({ type: 'ready' });
          break;
        }
        const stats = view.render(model);
        // For tests and for anyone profiling in the webview's developer tools.
        document.dispatchEvent(new CustomEvent('riposte-rendered', { detail: { ...stats, version: model.version, patched: message.type === 'patch' } }));
        break;
      }
      case 'reveal-line':
        view.revealLine(message.line, message.scroll);
        break;
      case 'expand-all':
        view.expandAll();
        break;
      case 'collapse-all':
        view.collapseAll();
        break;
    }
  });

  vscode.postMessage({ type: 'ready' });
}

start();
