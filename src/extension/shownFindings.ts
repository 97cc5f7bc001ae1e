// Which of a draft's shown diagnostics a new lint leaves as they are, which it only moves (the lines above
// them grew or shrank), and which are new: so that a keystroke neither rebuilds every `vscode.Diagnostic` nor
// sends VS Code the whole list again when nothing it shows has changed. Pure: the caller makes and moves the
// editor's objects.
import type * as core from '../core';

/** One change reduced to lines: old lines `first`..`last` became `lines` lines. */
export interface LineEdit {
  first: number;
  last: number;
  lines: number;
}

export function lineEditOf(change: { range: core.Range; text: string }): LineEdit {
  let breaks = 0;
  for (let i = change.text.indexOf('\n'); i >= 0; i = change.text.indexOf('\n', i + 1)) breaks++;
  // A lone \r is a line break too (VS Code normalises a document to one kind, so this is rare).
  if (breaks === 0 && change.text.includes('\r')) breaks = change.text.split('\r').length - 1;
  return { first: change.range.start.line, last: change.range.end.line, lines: breaks + 1 };
}

/**
 * Where a line of the text the diagnostics were shown for is now, after `edits` (in the order they were made,
 * each against the text the previous one left); the line itself when an edit rewrote it.
 */
export function mapLine(edits: readonly LineEdit[], line: number): number {
  for (const edit of edits) {
    if (line < edit.first) continue;
    if (line > edit.last) line += edit.lines - (edit.last - edit.first + 1);
    // An edited line stays where it was: a finding that kept its place there still matches.
  }
  return line;
}

function rangeKey(range: core.Range, map: (line: number) => number): string {
  return `${map(range.start.line)}:${range.start.character}-${map(range.end.line)}:${range.end.character}`;
}

/** Everything VS Code shows of a finding (fixes are looked up again by code actions), with its lines mapped. */
export function shownKey(finding: core.Diagnostic, map: (line: number) => number = (line) => line): string {
  let key = `${finding.rule}\u0000${finding.severity}\u0000${rangeKey(finding.range, map)}\u0000${finding.message}`;
  for (const related of finding.related) {
    key += `\u0000${rangeKey(related.range, map)}\u0000${related.message}`;
    if (related.elsewhere) key += `\u0000${related.elsewhere.file}\u0000${rangeKey(related.elsewhere.range, (line) => line)}`;
  }
  return key;
}

export interface Shown<T> {
  finding: core.Diagnostic;
  /** shownKey(finding), as of the text it was shown for. */
  key: string;
  shown: T;
}

export interface Reconciled<T> {
  entries: Shown<T>[];
  /** False when VS Code already shows exactly these diagnostics: nothing needs sending. */
  changed: boolean;
  kept: number;
  moved: number;
  made: number;
}

/**
 * The shown objects for `next`: a previous one whose finding is the same once its lines are mapped through
 * `edits` is kept (and moved with `move` when its lines changed); the others are made with `make`.
 */
export function reconcile<T>(
  previous: readonly Shown<T>[],
  next: readonly core.Diagnostic[],
  edits: readonly LineEdit[],
  make: (finding: core.Diagnostic) => T,
  move: (shown: T, finding: core.Diagnostic) => void,
): Reconciled<T> {
  const map = (line: number) => mapLine(edits, line);
  const available = new Map<string, Shown<T>[]>();
  for (const entry of previous) {
    const key = edits.length === 0 ? entry.key : shownKey(entry.finding, map);
    const list = available.get(key);
    if (list) list.push(entry);
    else available.set(key, [entry]);
  }
  const entries: Shown<T>[] = [];
  let kept = 0;
  let moved = 0;
  let made = 0;
  for (const finding of next) {
    const key = shownKey(finding);
    const match = available.get(key)?.shift();
    if (!match) {
      entries.push({ finding, key, shown: make(finding) });
      made++;
      continue;
    }
    if (match.key === key) kept++;
    else {
      move(match.shown, finding);
      moved++;
    }
    entries.push({ finding, key, shown: match.shown });
  }
  // All kept means the same findings in the same order: lintDraft sorts them by position and rule.
  return { entries, changed: made > 0 || moved > 0 || kept !== previous.length, kept, moved, made };
}
