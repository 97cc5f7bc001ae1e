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

function sameRange(a: core.Range, b: core.Range, map: (line: number) => number): boolean {
  return (
    map(a.start.line) === b.start.line && a.start.character === b.start.character && map(a.end.line) === b.end.line && a.end.character === b.end.character
  );
}

const unmoved = (line: number) => line;

function staysPut(range: core.Range, map: (line: number) => number): boolean {
  return map(range.start.line) === range.start.line && map(range.end.line) === range.end.line;
}

/**
 * Whether `after` shows what `before` showed once its lines are mapped: everything VS Code shows of a
 * finding (its fixes are looked up again by code actions), compared field by field.
 */
export function sameShown(before: core.Diagnostic, after: core.Diagnostic, map: (line: number) => number = unmoved): boolean {
  // The engine gives a finding that did not change as the same object (engine.ts): only where it is to be
  // shown is left to compare, not its message and fixes.
  if (before === after) return map === unmoved || (staysPut(before.range, map) && before.related.every((related) => staysPut(related.range, map)));
  if (before.rule !== after.rule || before.severity !== after.severity || before.message !== after.message || !sameRange(before.range, after.range, map)) return false;
  if (before.related.length !== after.related.length) return false;
  for (let i = 0; i < before.related.length; i++) {
    const a = before.related[i];
    const b = after.related[i];
    if (a.message !== b.message || !sameRange(a.range, b.range, map)) return false;
    if (!a.elsewhere !== !b.elsewhere || (a.elsewhere && b.elsewhere && (a.elsewhere.file !== b.elsewhere.file || !sameRange(a.elsewhere.range, b.elsewhere.range, unmoved)))) return false;
  }
  return true;
}

/** Where a finding starts and what rule made it: few findings share one. */
function placeKey(rule: string, line: number, character: number): string {
  return `${rule} ${line}:${character}`;
}

export interface Shown<T> {
  finding: core.Diagnostic;
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
  const map = edits.length === 0 ? unmoved : (line: number) => mapLine(edits, line);
  // The usual keystroke: the same findings, in the same order (lintDraft sorts them, and mapping lines keeps
  // their order), some of them moved. Checked pair by pair, with nothing allocated.
  if (previous.length === next.length) {
    let same = 0;
    while (same < next.length && sameShown(previous[same].finding, next[same], map)) same++;
    if (same === next.length) {
      let moved = 0;
      const entries = previous.map((entry, index) => {
        const finding = next[index];
        if (map !== unmoved && !sameShown(entry.finding, finding)) {
          move(entry.shown, finding);
          moved++;
        }
        return { finding, shown: entry.shown };
      });
      return { entries, changed: moved > 0, kept: next.length - moved, moved, made: 0 };
    }
  }
  const available = new Map<string, Shown<T>[]>();
  for (const entry of previous) {
    const key = placeKey(entry.finding.rule, map(entry.finding.range.start.line), entry.finding.range.start.character);
    const list = available.get(key);
    if (list) list.push(entry);
    else available.set(key, [entry]);
  }
  const entries: Shown<T>[] = [];
  let kept = 0;
  let moved = 0;
  let made = 0;
  for (const finding of next) {
    const candidates = available.get(placeKey(finding.rule, finding.range.start.line, finding.range.start.character));
    const index = candidates ? candidates.findIndex((entry) => sameShown(entry.finding, finding, map)) : -1;
    if (index < 0) {
      entries.push({ finding, shown: make(finding) });
      made++;
      continue;
    }
    const [match] = candidates!.splice(index, 1);
    if (map === unmoved || sameShown(match.finding, finding)) kept++;
    else {
      move(match.shown, finding);
      moved++;
    }
    entries.push({ finding, shown: match.shown });
  }
  // All kept means the same findings in the same order: lintDraft sorts them by position and rule.
  return { entries, changed: made > 0 || moved > 0 || kept !== previous.length, kept, moved, made };
}
