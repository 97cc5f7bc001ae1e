import * as vscode from 'vscode';
import * as core from '../core';
import { toDiagnostic } from './convert';
import { DraftService } from './drafts';
import { Log } from './log';
import { Settings } from './settings';
import { Disposable } from './util/dispose';

export const LANGUAGE_ID = 'debate-markdown';

/** Live diagnostics: debounced while typing, immediate on open and save, dropped when a newer version exists. */
export class DiagnosticsController extends Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each document reached the extension (opened, or already open at activation), until its first diagnostics. */
  private readonly openedAt = new Map<string, number>();
  readonly collection: vscode.DiagnosticCollection;

  constructor(
    private readonly drafts: DraftService,
    private readonly settings: () => Settings,
    private readonly ruleDocs: (rule: string) => vscode.Uri,
    private readonly log?: Log,
  ) {
    super();
    this._register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
    this.collection = this._register(vscode.languages.createDiagnosticCollection('riposte'));
    this._register(
      vscode.workspace.onDidOpenTextDocument((document) => {
        this.openedAt.set(document.uri.toString(), performance.now());
        this.schedule(document, 0);
      }),
    );
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.settings().run === 'onType') this.schedule(event.document, this.settings().debounce);
      }),
    );
    this._register(vscode.workspace.onDidSaveTextDocument((document) => this.schedule(document, 0)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cancel(document);
        this.openedAt.delete(document.uri.toString());
        this.drafts.forget(document);
        this.collection.delete(document.uri);
      }),
    );
  }

  applies(document: vscode.TextDocument): boolean {
    const settings = this.settings();
    if (!settings.enable) return false;
    if (document.languageId !== LANGUAGE_ID && !(document.languageId === 'markdown' && settings.markdownEnable)) return false;
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled' && document.uri.scheme !== 'vscode-remote') return false;
    return !settings.exclude.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
  }

  /** Lints every open document again (settings or a `.riposte.json` changed). */
  refreshAll(): void {
    this.drafts.clear();
    for (const document of vscode.workspace.textDocuments) {
      if (!this.openedAt.has(document.uri.toString())) this.openedAt.set(document.uri.toString(), performance.now());
      if (this.applies(document)) this.schedule(document, 0);
      else this.collection.delete(document.uri);
    }
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!this.applies(document)) {
      this.openedAt.delete(document.uri.toString());
      this.collection.delete(document.uri);
      return;
    }
    this.cancel(document);
    const version = document.version;
    const key = document.uri.toString();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // The document changed again since this was scheduled: a newer run is on its way.
        if (document.isClosed || document.version !== version) return;
        const diagnostics = this.drafts.analyse(document).diagnostics;
        this.publish(document, diagnostics);
        const opened = this.openedAt.get(key);
        if (opened !== undefined) {
          this.openedAt.delete(key);
          this.log?.info(`first diagnostics for ${document.uri.toString(true)}: ${diagnostics.length} findings, ${Math.round(performance.now() - opened)} ms after open`);
        }
      }, delay),
    );
  }

  publish(document: { uri: vscode.Uri }, diagnostics: readonly core.Diagnostic[]): void {
    this.collection.set(
      document.uri,
      diagnostics.map((finding) => toDiagnostic(finding, document.uri, this.ruleDocs, (file) => vscode.Uri.joinPath(document.uri, '..', file))),
    );
  }

  private cancel(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }
}
