import { RULES } from './rules';
import { dominantEol, offsetAt, splitLines } from './text';
import { Diagnostic, Fix } from './types';

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

const rulePriority = new Map(RULES.map((rule, index) => [rule.id, index]));

function conflicts(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

export interface ApplyFixesOptions {
  /** Apply only fixes marked safe (what `riposte lint --fix` and fix-all on save do). Default true. */
  safeOnly?: boolean;
}

/**
 * Applies one fix per diagnostic (the first applicable one) to the text the diagnostics were computed on.
 * A fix whose edits overlap a fix already taken is skipped whole, never half-applied; run lint again to
 * pick it up (`fixAll` does). Inserted line breaks follow the document's own line endings.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[], options: ApplyFixesOptions = {}): string {
  const safeOnly = options.safeOnly ?? true;
  const lines = splitLines(text);
  const eol = dominantEol(lines);
  const ordered = [...diagnostics].sort((a, b) => (rulePriority.get(a.rule) ?? 99) - (rulePriority.get(b.rule) ?? 99));
  const accepted: OffsetEdit[] = [];
  for (const diagnostic of ordered) {
    const fix = diagnostic.fixes.find((candidate: Fix) => (safeOnly ? candidate.safe !== false : true));
    if (!fix || fix.edits.length === 0) continue;
    const edits = fix.edits.map((edit) => ({
      start: offsetAt(lines, edit.range.start),
      end: offsetAt(lines, edit.range.end),
      newText: eol === '\n' ? edit.newText : edit.newText.replace(/\r?\n/g, eol),
    }));
    if (edits.some((edit, i) => accepted.some((other) => conflicts(edit, other)) || edits.some((another, j) => j !== i && conflicts(edit, another)))) continue;
    accepted.push(...edits);
  }
  accepted.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of accepted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
