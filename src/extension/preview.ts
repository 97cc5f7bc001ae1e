import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import * as core from '../core';
import { exportHtml, previewHtml } from '../core/preview/html';
import { DraftService } from './drafts';
import { LANGUAGE_ID } from './diagnostics';
import { Disposable, disposeAll } from './util/dispose';

export const PREVIEW_VIEW_TYPE = 'riposte.replyTree';

/** One panel showing one draft's reply tree, live, scroll-synced with the draft's editors. */
class PreviewPanel extends Disposable {
  private timer?: ReturnType<typeof setTimeout>;
  private ready = false;
  private lastSentLine = -1;
  /** What the next patch is made against, of the model the webview was last sent (not the model itself). */
  private sent: core.SentModel | null = null;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public document: vscode.TextDocument,
    private readonly host: PreviewManager,
  ) {
    super();
    this._register({ dispose: () => clearTimeout(this.timer) });
    this._register({ dispose: () => host.forget(this) });
    this._register(panel);
    panel.webview.options = { enableScripts: true, localResourceRoots: [host.mediaRoot] };
    this.setHtml();
    this._register(panel.webview.onDidReceiveMessage((message: core.WebviewMessage) => this.onMessage(message)));
    // The user closed the panel. When this disposes the panel itself, the event comes back here and
    // finds this already disposed.
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.scheduleRender(0);
      }),
    );
  }

  /** A fresh nonce for every document the webview loads: the CSP allows only this script. */
  private setHtml(): void {
    const webview = this.panel.webview;
    this.ready = false;
    this.sent = null;
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.host.mediaRoot, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.host.mediaRoot, 'preview.css')).toString(),
    });
    this.panel.title = `Reply Tree: ${basename(this.document.uri)}`;
  }

  show(document: vscode.TextDocument): void {
    if (document !== this.document) {
      this.document = document;
      this.panel.title = `Reply Tree: ${basename(document.uri)}`;
      this.lastSentLine = -1;
      this.scheduleRender(0);
    }
  }

  scheduleRender(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, delay);
  }

  private render(): void {
    if (!this.ready || !this.panel.visible || this.document.isClosed) return;
    const version = this.document.version;
    const analysis = this.host.drafts.analyse(this.document);
    // Typing went on while this render was pending: the next scheduled render shows the newer text.
    if (analysis.version !== version) return;
    // The model's file identifies the draft for the webview's saved state and the serializer: the URI.
    const model = core.buildViewModel(analysis.draft, analysis.diagnostics, this.document.uri.toString(), version);
    const patch = this.sent && core.diffViewModels(this.sent, model);
    const sent = core.sentModelOf(model);
    this.sent = sent;
    const undelivered = () => {
      // A message the webview never got would leave it behind every later patch.
      if (this.sent === sent) this.sent = null;
    };
    this.post(patch ? { type: 'patch', patch } : { type: 'render', model }).then((delivered) => delivered || undelivered(), undelivered);
  }

  revealLine(line: number, scroll: boolean): void {
    if (!this.ready || line === this.lastSentLine) return;
    this.lastSentLine = line;
    void this.post({ type: 'reveal-line', line, scroll });
  }

  post(message: core.HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private async onMessage(message: core.WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.sent = null;
        this.render();
        break;
      case 'select-lines': {
        const editor = await vscode.window.showTextDocument(this.document, { viewColumn: this.host.editorColumnFor(this.document), preserveFocus: false });
        const last = Math.min(message.endLine, this.document.lineCount - 1);
        const range = new vscode.Range(message.startLine, 0, last, this.document.lineAt(last).text.length);
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        break;
      }
      case 'open-link': {
        // Only web links leave the preview: command:, file: and every other scheme from a draft are ignored.
        let uri: vscode.Uri | undefined;
        try {
          uri = vscode.Uri.parse(message.href, true);
        } catch {
          uri = undefined;
        }
        if (uri && (uri.scheme === 'http' || uri.scheme === 'https')) await vscode.env.openExternal(uri);
        break;
      }
    }
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Opens, revives and updates reply-tree panels; the webview-sample's createOrShow/revive pattern. */
export class PreviewManager extends Disposable implements vscode.WebviewPanelSerializer {
  private readonly panels = new Set<PreviewPanel>();
  readonly mediaRoot: vscode.Uri;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly drafts: DraftService,
    private readonly delay: () => number,
    private readonly followsActiveEditor: () => boolean,
  ) {
    super();
    this.mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');
    // A copy: each panel leaves the set as it is disposed.
    this._register({ dispose: () => disposeAll([...this.panels]) });
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        for (const panel of this.panels) if (panel.document === event.document) panel.scheduleRender(this.delay());
      }),
    );
    this._register(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isDraft(editor.document) || !this.followsActiveEditor()) return;
        const [first] = this.panels;
        first?.show(editor.document);
      }),
    );
    this._register(
      vscode.window.onDidChangeTextEditorSelection((event) => {
        for (const panel of this.panels) if (panel.document === event.textEditor.document) panel.revealLine(event.selections[0].active.line, true);
      }),
    );
    this._register(
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        const top = event.visibleRanges[0]?.start.line;
        if (top === undefined) return;
        for (const panel of this.panels) if (panel.document === event.textEditor.document) panel.revealLine(top, true);
      }),
    );
  }

  open(document: vscode.TextDocument, toSide: boolean): void {
    const existing = [...this.panels].find((panel) => panel.document === document) ?? (this.followsActiveEditor() ? [...this.panels][0] : undefined);
    const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    if (existing) {
      existing.show(document);
      existing.panel.reveal(column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, `Reply Tree: ${basename(document.uri)}`, { viewColumn: column, preserveFocus: toSide }, {
      enableScripts: true,
      localResourceRoots: [this.mediaRoot],
      retainContextWhenHidden: false,
    });
    this.panels.add(new PreviewPanel(panel, document, this));
    this.context.workspaceState.update(`${PREVIEW_VIEW_TYPE}.last`, document.uri.toString());
  }

  /** Restores a panel after a window reload from the state the webview saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: core.PreviewState | undefined): Promise<void> {
    const uri = state?.file ?? this.context.workspaceState.get<string>(`${PREVIEW_VIEW_TYPE}.last`);
    let document: vscode.TextDocument | undefined;
    try {
      document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : undefined;
    } catch {
      document = undefined;
    }
    if (!document) {
      panel.dispose();
      return;
    }
    this.panels.add(new PreviewPanel(panel, document, this));
  }

  editorColumnFor(document: vscode.TextDocument): vscode.ViewColumn | undefined {
    return vscode.window.visibleTextEditors.find((editor) => editor.document === document)?.viewColumn;
  }

  forget(panel: PreviewPanel): void {
    this.panels.delete(panel);
  }

  /** The open panels' documents, for tests and for commands that act on "the previewed draft". */
  get previewedDocuments(): vscode.TextDocument[] {
    return [...this.panels].map((panel) => panel.document);
  }

  /** Writes the self-contained HTML export; asks where unless `target` is given (scripts, tests). */
  async exportHtml(document: vscode.TextDocument, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const analysis = this.drafts.analyse(document);
    const model = core.buildViewModel(analysis.draft, analysis.diagnostics, vscode.workspace.asRelativePath(document.uri), document.version);
    const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.mediaRoot, 'preview.css')));
    target ??= await vscode.window.showSaveDialog({
      defaultUri: document.uri.with({ path: document.uri.path.replace(/(\.reply|\.debate)?\.(md|markdown)$/i, '') + '.reply-tree.html' }),
      filters: { HTML: ['html'] },
      title: 'Export Reply Tree as HTML',
    });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exportHtml(model, css)));
    return target;
  }
}

export function isDraft(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID || document.languageId === 'markdown';
}
