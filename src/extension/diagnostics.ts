import * as vscode from 'vscode';
import * as core from '../core';
import { relatedInformation, toDiagnostic, toRange } from './convert';
import { DraftService } from './drafts';
import { Log } from './log';
import { Settings } from './settings';
import { LineEdit, lineEditOf, reconcile, Shown } from './shownFindings';
import { Disposable } from './util/dispose';

export const LANGUAGE_ID = 'debate-markdown';

/** Past this many edits between two lints, mapping lines costs more than making the diagnostics afresh. */
const MAX_TRACKED_EDITS = 500;

/** Live diagnostics: debounced while typing, immediate on open and save, dropped when a newer version exists. */
const DRAFT_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

export class DiagnosticsController extends Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each document reached the extension (opened, or already open at activation), until its first diagnostics. */
  private readonly openedAt = new Map<string, number>();
  /**
   * What VS Code shows for each live document, and the edits made since: the next lint keeps the diagnostics
   * it finds again (moving those whose lines moved) and sends nothing when none changed.
   */
  private readonly shown = new Map<string, { entries: Shown<vscode.Diagnostic>[]; edits: LineEdit[] }>();
  private refreshed = false;
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
        this.recordEdits(event);
        if (event.contentChanges.length > 0 && this.settings().run === 'onType') this.schedule(event.document, this.settings().debounce);
      }),
    );
    this._register(vscode.workspace.onDidSaveTextDocument((document) => this.schedule(document, 0)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cancel(document);
        this.openedAt.delete(document.uri.toString());
        this.drafts.forget(document);
        this.clear(document.uri);
      }),
    );
  }

  private recordEdits(event: vscode.TextDocumentChangeEvent): void {
    const state = this.shown.get(event.document.uri.toString());
    if (!state || event.contentChanges.length === 0) return;
    if (state.edits.length + event.contentChanges.length > MAX_TRACKED_EDITS) {
      state.entries = [];
      state.edits = [];
      return;
    }
    for (const change of event.contentChanges) state.edits.push(lineEditOf(change));
  }

  private clear(uri: vscode.Uri): void {
    this.shown.delete(uri.toString());
    this.collection.delete(uri);
  }

  applies(document: vscode.TextDocument): boolean {
    const settings = this.settings();
    if (!settings.enable) return false;
    if (document.languageId !== LANGUAGE_ID && !(document.languageId === 'markdown' && settings.markdownEnable)) return false;
    // Drafts, not the other views of a file VS Code opens as documents (a git diff's `git:` side, output):
    // the schemes drafts live on, and whatever file system the workspace itself is opened on (github.dev's
    // `vscode-vfs:`, a web extension host's own).
    if (!DRAFT_SCHEMES.has(document.uri.scheme) && vscode.workspace.getWorkspaceFolder(document.uri) === undefined) return false;
    return !settings.exclude.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
  }

  /** Lints every open document again (settings or a `.riposte.json` changed). */
  refreshAll(): void {
    this.drafts.clear();
    // The first refresh is activation's: the documents open then reach the extension now.
    const activating = !this.refreshed;
    this.refreshed = true;
    for (const document of vscode.workspace.textDocuments) {
      if (activating) this.openedAt.set(document.uri.toString(), performance.now());
      if (this.applies(document)) this.schedule(document, 0);
      else this.clear(document.uri);
    }
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!this.applies(document)) {
      this.openedAt.delete(document.uri.toString());
      this.clear(document.uri);
      return;
    }
    this.cancel(document);
    const version = document.version;
    const key = document.uri.toString();
    const current = () => !document.isClosed && document.version === version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // The document changed again since this was scheduled: a newer run is on its way.
        if (!current()) return;
        if (!this.drafts.isParsed(document)) {
          // A first parse of a long draft takes a while: the lint comes on the next turn, so that requests
          // already waiting on the extension host (folding this draft, other extensions) are answered between.
          const started = performance.now();
          this.drafts.draftOf(document);
          const parsed = performance.now() - started;
          this.timers.set(
            key,
            setTimeout(() => {
              this.timers.delete(key);
              if (current()) this.lintAndPublish(document, parsed);
            }, 0),
          );
          return;
        }
        this.lintAndPublish(document, 0);
      }, delay),
    );
  }

  private lintAndPublish(document: vscode.TextDocument, parseMs: number): void {
    const key = document.uri.toString();
    const started = performance.now();
    const diagnostics = this.drafts.analyse(document).diagnostics;
    const analysed = performance.now();
    this.publish(document, diagnostics, true);
    const opened = this.openedAt.get(key);
    if (opened === undefined) return;
    this.openedAt.delete(key);
    const now = performance.now();
    this.log?.info(
      `first diagnostics for ${document.uri.toString(true)}: ${diagnostics.length} findings, ${Math.round(now - opened)} ms after open` +
        ` (parse ${Math.round(parseMs)} ms, lint ${Math.round(analysed - started)} ms, publish ${Math.round(now - analysed)} ms)`,
    );
  }

  /**
   * Shows a document's findings. A live document (`live`: open, linted as it is typed) keeps the diagnostics
   * of findings it had before, so that a keystroke that changes none of them sends nothing.
   */
  publish(document: { uri: vscode.Uri }, diagnostics: readonly core.Diagnostic[], live = false): void {
    const uri = document.uri;
    const elsewhere = (file: string) => vscode.Uri.joinPath(uri, '..', file);
    const make = (finding: core.Diagnostic) => toDiagnostic(finding, uri, this.ruleDocs, elsewhere);
    if (!live) {
      this.shown.delete(uri.toString());
      this.collection.set(uri, diagnostics.map(make));
      return;
    }
    const state = this.shown.get(uri.toString());
    const result = reconcile(state?.entries ?? [], diagnostics, state?.edits ?? [], make, (shown, finding) => {
      // Only the lines moved (reconcile matched everything else): the same diagnostic takes the new places.
      shown.range = toRange(finding.range);
      if (finding.related.length > 0) shown.relatedInformation = relatedInformation(finding, uri, elsewhere);
    });
    this.shown.set(uri.toString(), { entries: result.entries, edits: [] });
    if (result.changed || !state) this.collection.set(uri, result.entries.map((entry) => entry.shown));
  }

  private cancel(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }
}

