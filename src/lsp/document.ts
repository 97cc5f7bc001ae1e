// One open document: the editor's text (the truth), and a DraftSession kept level with it by the same
// incremental edits, analysed at most once per version.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import * as core from '../core';
import { EditorText } from './editorText';
import { headerAsFrontMatter, isMailDocument, MailHeader, parseMailHeader } from './mail';

/** Past this many edits recorded and not yet parsed, parsing the document afresh is quicker (as in the extension). */
const MAX_PENDING_EDITS = 200;

export interface Analysis {
  version: number;
  draft: core.Draft;
  /** Findings on the body only: the header block of a mail draft is never reported on or edited. */
  diagnostics: core.Diagnostic[];
}

export class OpenDocument {
  private document: EditorText;
  private currentVersion: number;
  readonly mail: boolean;
  private header: MailHeader | null = null;
  private session: core.DraftSession | null = null;
  /** Edits received since the session last caught up: typing records them and parses nothing. */
  private pending: core.TextChange[] = [];
  private analysis: Analysis | null = null;
  private options: core.LintOptions | null = null;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    text: string,
  ) {
    this.document = new EditorText(text);
    this.currentVersion = version;
    this.mail = isMailDocument(languageId, uri);
    this.header = this.readHeader();
  }

  get version(): number {
    return this.currentVersion;
  }

  get text(): string {
    return this.document.getText();
  }

  get lineCount(): number {
    return this.document.lineCount;
  }

  /** The line the body starts on: after a mail header and the blank line that ends it, else 0. */
  get bodyStartLine(): number {
    return this.header ? this.header.endLine + 1 : 0;
  }

  /** The mail header's fields, when the draft has one. */
  get headerFields(): ReadonlyMap<string, string> | undefined {
    return this.header?.fields;
  }

  /**
   * Applies a didChange. A version that is not newer than the one held is a late or repeated message:
   * it is dropped (false), since applying it would corrupt the text every later edit is relative to.
   */
  applyChanges(version: number, changes: readonly TextDocumentContentChangeEvent[]): boolean {
    if (version <= this.currentVersion) return false;
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        this.dropSession();
        this.document.setText(change.text);
        continue;
      }
      // An edit of the header (or of the blank line after it) changes the front matter it stands for.
      if (this.header && Math.min(change.range.start.line, change.range.end.line) <= this.header.endLine) this.dropSession();
      else if (this.session) this.pending.push({ range: { start: change.range.start, end: change.range.end }, text: change.text });
      this.document.applyChange(change.range, change.text);
    }
    this.currentVersion = version;
    if (this.mail) {
      const header = this.readHeader();
      if ((header?.endLine ?? -1) !== (this.header?.endLine ?? -1)) this.dropSession();
      this.header = header;
    }
    if (this.pending.length > MAX_PENDING_EDITS) this.dropSession();
    this.analysis = null;
    return true;
  }

  /** New settings or configuration: the session's options are fixed, so the next analysis starts afresh. */
  setOptions(options: core.LintOptions): void {
    this.options = options;
    this.dropSession();
    this.analysis = null;
  }

  get hasOptions(): boolean {
    return this.options !== null;
  }

  /** The draft and its findings at the current version, worked out once per version. */
  analyse(): Analysis {
    if (this.analysis && this.analysis.version === this.currentVersion) return this.analysis;
    let diagnostics: core.Diagnostic[] | undefined;
    if (this.session && this.pending.length > 0) {
      try {
        diagnostics = this.session.update(this.pending.splice(0));
        // A client whose edits do not add up (ranges past the end, say) gets a fresh parse of its text.
        if (this.session.draft.length !== this.coreLength()) diagnostics = undefined;
      } catch {
        diagnostics = undefined;
      }
    } else if (this.session) {
      diagnostics = this.session.diagnostics;
    }
    if (!diagnostics || !this.session) {
      this.session = new core.DraftSession(this.coreText(), this.options ?? {});
      this.pending = [];
      diagnostics = this.session.diagnostics;
    }
    const body = this.bodyStartLine;
    const onBody = (range: core.Range) => range.start.line >= body;
    const kept = body === 0 ? diagnostics : diagnostics.filter((d) => onBody(d.range)).map((d) => ({ ...d, fixes: d.fixes.filter((fix) => fix.edits.every((edit) => onBody(edit.range))) }));
    this.analysis = { version: this.currentVersion, draft: this.session.draft, diagnostics: kept };
    return this.analysis;
  }

  /** The text the core reads: the editor's, with a mail header turned into front matter of as many lines. */
  coreText(): string {
    if (!this.header) return this.document.getText();
    const front = headerAsFrontMatter(this.header);
    if (this.header.endLine >= this.document.lineCount) return front.join('\n');
    const eol = /\r\n|\r|\n/.exec(this.document.getText())?.[0] ?? '\n';
    return front.join(eol) + eol + this.document.textFrom(this.header.endLine);
  }

  /** The length of coreText(), without joining the text when there is no mail header (the usual case). */
  private coreLength(): number {
    return this.header ? this.coreText().length : this.document.length;
  }

  private dropSession(): void {
    this.session = null;
    this.pending = [];
  }

  private readHeader(): MailHeader | null {
    if (!this.mail) return null;
    const document = this.document;
    return parseMailHeader((line) => document.lineAt(line));
  }
}
