// A draft being edited: changes in, diagnostics out. The extension's DraftService keeps one per open document
// (applying typing as it comes, linting with that document's current settings), so the bench's re-lint row
// times the extension's own path.
import { lintDraft, LintOptions } from './engine';
import { TextChange, updateDraft } from './updateDraft';
import { Draft, parseDraft } from './parse';
import { Diagnostic } from './types';

export class DraftSession {
  private current: Draft;
  private results?: Diagnostic[];

  constructor(
    text: string,
    private readonly options: LintOptions = {},
  ) {
    this.current = parseDraft(text);
  }

  get text(): string {
    return this.current.text;
  }

  get draft(): Draft {
    return this.current;
  }

  get diagnostics(): Diagnostic[] {
    this.results ??= lintDraft(this.current, this.options);
    return this.results;
  }

  /** Applies changes given as VS Code reports them (each against the text the previous one produced). */
  update(changes: readonly TextChange[]): Diagnostic[] {
    this.apply(changes);
    return this.diagnostics;
  }

  /** Applies changes without linting: an editor records typing and lints after a pause. */
  apply(changes: readonly TextChange[]): void {
    for (const change of changes) this.current = updateDraft(this.current, change);
    this.results = undefined;
  }

  /** The findings with other options than the session's (an editor's settings can change while a draft is open). */
  lint(options: LintOptions): Diagnostic[] {
    return lintDraft(this.current, options);
  }
}
