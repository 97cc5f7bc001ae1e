import * as vscode from 'vscode';
import * as core from '../core';
import { sourceReaderFor } from '../node/config';
import { DraftConfigurations, Settings } from './settings';

export interface DraftAnalysis {
  uri: string;
  version: number;
  draft: core.Draft;
  diagnostics: core.Diagnostic[];
}

/**
 * One analysis per document version, shared by diagnostics, code actions, folding and the preview, so
 * that no feature parses a draft the others already parsed.
 */
export class DraftService {
  private readonly cache = new Map<string, DraftAnalysis>();

  constructor(
    private readonly configurations: DraftConfigurations,
    private settings: () => Settings,
  ) {}

  analyse(document: vscode.TextDocument): DraftAnalysis {
    const uri = document.uri.toString();
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return cached;
    const draft = core.parseDraft(document.getText());
    const diagnostics = core.lintDraft(draft, this.lintOptions(document));
    const analysis = { uri, version: document.version, draft, diagnostics };
    this.cache.set(uri, analysis);
    return analysis;
  }

  /** Analyses text that is not open in an editor (Lint Workspace). */
  analyseText(uri: vscode.Uri, text: string): core.Diagnostic[] {
    return core.lint(core.stripBom(text).text, this.lintOptions({ uri, fileName: uri.fsPath }));
  }

  /** How a document is linted: its configuration and where its `source:` is read from. */
  lintOptions(document: Pick<vscode.TextDocument, 'uri' | 'fileName'>): core.LintOptions {
    const config = this.configurations.forDocument(document, this.settings());
    return { fileName: document.fileName, config, readSource: this.sourceReader(document) };
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }

  clear(): void {
    this.cache.clear();
  }

  /** A source open in an editor is read as it stands there, unsaved changes included. */
  private sourceReader(document: Pick<vscode.TextDocument, 'uri' | 'fileName'>): (path: string) => string | undefined {
    const fromDisk = sourceReaderFor(document.uri.scheme === 'file' ? document.fileName : undefined);
    const base = vscode.Uri.joinPath(document.uri, '..');
    return (path: string) => {
      const target = /^(?:\/|[A-Za-z]:[\\/])/.test(path) ? vscode.Uri.file(path) : vscode.Uri.joinPath(base, path);
      const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === target.toString());
      return open ? open.getText() : fromDisk(path);
    };
  }
}
