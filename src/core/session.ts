// A draft being edited: changes in, diagnostics out, through the same updateDraft + lintDraft path the
// extension's DraftService takes (which calls them itself, to lint each version with that document's settings).
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
    for (const change of changes) this.current = updateDraft(this.current, change);
    this.results = undefined;
    return this.diagnostics;
  }
}
