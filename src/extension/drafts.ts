import { dirname } from 'node:path';
import * as vscode from 'vscode';
import * as core from '../core';
import { sourceReaderFor } from '../node/config';
import { Log } from './log';
import { ruleErrorReporter } from './ruleErrors';
import { DraftConfigurations, SECTION, Settings } from './settings';
import { Disposable } from './util/dispose';

export interface LintedDocument {
  uri: string;
  version: number;
  draft: core.Draft;
  diagnostics: core.Diagnostic[];
}

/** Past this many edits recorded and not yet parsed, parsing the document afresh is quicker. */
const MAX_PENDING_EDITS = 200;

/**
 * One analysis per document version, shared by diagnostics, code actions, folding and the preview, so
 * that no feature parses a draft the others already parsed.
 */
export class DraftService extends Disposable {
  private readonly cache = new Map<string, LintedDocument>();
  /**
   * One incremental session per document, and the edits made since it last parsed, applied only when an
   * analysis is asked for: typing records changes and parses nothing.
   */
  private readonly sessions = new Map<string, { version: number; session: core.DraftSession; pending: core.TextChange[] }>();

  /** A rule that throws is logged in the output channel; the other rules' findings still show. */
  private readonly ruleErrors: (fileName: string) => (rule: string, error: unknown) => void;

  constructor(
    private readonly configurations: DraftConfigurations,
    private settings: () => Settings,
    log: Log,
  ) {
    super();
    this.ruleErrors = ruleErrorReporter(log);
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.recordEdits(event)));
  }

  private recordEdits(event: vscode.TextDocumentChangeEvent): void {
    const uri = event.document.uri.toString();
    const known = this.sessions.get(uri);
    if (!known || event.contentChanges.length === 0) return;
    // Only a draft exactly one version behind can take the edits, and a long backlog parses faster afresh.
    if (known.version !== event.document.version - 1 || known.pending.length + event.contentChanges.length > MAX_PENDING_EDITS) {
      this.sessions.delete(uri);
      return;
    }
    for (const change of event.contentChanges) known.pending.push({ range: { start: change.range.start, end: change.range.end }, text: change.text });
    known.version = event.document.version;
  }

  /** Whether the document has a parsed draft that its edits since can bring up to date (no full parse needed). */
  isParsed(document: vscode.TextDocument): boolean {
    const known = this.sessions.get(document.uri.toString());
    return known !== undefined && known.version === document.version;
  }

  /** The document's parsed draft, current to its version (folding and commands need no lint). */
  draftOf(document: vscode.TextDocument): core.Draft {
    return this.sessionOf(document).draft;
  }

  private sessionOf(document: vscode.TextDocument): core.DraftSession {
    const uri = document.uri.toString();
    const known = this.sessions.get(uri);
    if (known && known.version === document.version) {
      let current = true;
      try {
        if (known.pending.length > 0) known.session.apply(known.pending.splice(0));
      } catch {
        // An update that failed half way leaves the session's draft changed in part (updateDraft works in
        // place): it is parsed afresh below.
        current = false;
      }
      if (current && known.session.draft.length === document.offsetAt(document.lineAt(document.lineCount - 1).range.end)) return known.session;
    }
    const session = new core.DraftSession(document.getText());
    this.sessions.set(uri, { version: document.version, session, pending: [] });
    return session;
  }

  analyse(document: vscode.TextDocument): LintedDocument {
    const uri = document.uri.toString();
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return cached;
    const session = this.sessionOf(document);
    const diagnostics = session.lint(this.lintOptions(document));
    const analysis = { uri, version: document.version, draft: session.draft, diagnostics };
    this.cache.set(uri, analysis);
    return analysis;
  }

  /** Waits until the configuration files that apply to `uri` are read (they may be read asynchronously). */
  async loadConfiguration(uri: vscode.Uri): Promise<void> {
    await this.configurations.forDocumentLoaded({ uri }, this.settings());
  }

  /** Analyses text that is not open in an editor (Lint Workspace). */
  analyseText(uri: vscode.Uri, text: string): core.Diagnostic[] {
    return core.lint(core.stripBom(text).text, this.lintOptions({ uri, fileName: uri.fsPath }));
  }

  /** How a document is linted: its configuration and where its `source:` is read from. */
  lintOptions(document: Pick<vscode.TextDocument, 'uri' | 'fileName'> & { languageId?: string }): core.LintOptions {
    const config = this.configurations.forDocument(document, this.settings());
    return { fileName: document.fileName, languageId: document.languageId, config, readSource: this.sourceReader(document), onRuleError: this.ruleErrors(document.fileName) };
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
    this.sessions.delete(document.uri.toString());
  }

  /** Drops every analysis (configuration changed); parsed drafts stay, they do not depend on it. */
  clear(): void {
    this.cache.clear();
  }

  /**
   * A source open in an editor is read as it stands there, unsaved changes included. Sources are read
   * only in a trusted workspace and inside the draft's workspace folder, unless the user (never a
   * workspace) allows more with `riposte.sources.allowOutsideWorkspace`.
   */
  private sourceReader(document: Pick<vscode.TextDocument, 'uri' | 'fileName'>): (path: string) => string | undefined | core.SourceRefusal {
    if (!vscode.workspace.isTrusted) return () => ({ refused: 'the workspace is in Restricted Mode, where Riposte reads no source document' });
    // Set up on the first read: most drafts name no source, and a keystroke should not look up settings for one.
    let reader: ((path: string) => string | undefined | core.SourceRefusal) | undefined;
    return (path: string) => (reader ??= this.makeSourceReader(document))(path);
  }

  private makeSourceReader(document: Pick<vscode.TextDocument, 'uri' | 'fileName'>): (path: string) => string | undefined | core.SourceRefusal {
    const allowOutside = vscode.workspace.getConfiguration(SECTION).inspect<boolean>('sources.allowOutsideWorkspace')?.globalValue === true;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const onDisk = document.uri.scheme === 'file';
    const root = folder?.uri.scheme === 'file' ? folder.uri.fsPath : onDisk ? dirname(document.fileName) : undefined;
    const fromDisk = onDisk && root ? sourceReaderFor(document.fileName, { root, allowOutside }) : undefined;
    const base = vscode.Uri.joinPath(document.uri, '..');
    return (path: string) => {
      const target = /^(?:\/|[A-Za-z]:[\\/])/.test(path) ? vscode.Uri.file(path) : vscode.Uri.joinPath(base, path);
      const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === target.toString());
      if (open) {
        const inside = folder ? vscode.workspace.getWorkspaceFolder(target)?.uri.toString() === folder.uri.toString() : target.toString().startsWith(base.toString());
        return inside || allowOutside ? open.getText() : { refused: 'it is outside the workspace folder (a user setting, riposte.sources.allowOutsideWorkspace, allows it)' };
      }
      return fromDisk ? fromDisk(path) : undefined;
    };
  }
}
