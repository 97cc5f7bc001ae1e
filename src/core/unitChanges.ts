// The LineageCache keeps indexes across the versions of a draft being edited; these say what changed
// in between.
import { Draft, Unit, UnitChange } from './parse';

/**
 * The units removed and added since the draft version `generation` of the same lineage, from the edit log;
 * null when that version is no longer in the log (the caller rebuilds). A unit added and removed again in
 * between is in neither list.
 */
export function unitChangesSince(draft: Draft, generation: number): { removed: readonly Unit[]; added: readonly Unit[] } | null {
  const { log } = draft.parts.carry;
  let at = draft.parts.generation;
  let i = log.length - 1;
  const chain: UnitChange[] = [];
  while (at !== generation) {
    if (i < 0 || log[i].to !== at) return null;
    chain.push(log[i]);
    at = log[i--].from;
  }
  if (chain.length === 1) return chain[0];
  const removed: Unit[] = [];
  const added = new Set<Unit>();
  for (let k = chain.length - 1; k >= 0; k--) {
    for (const unit of chain[k].removed) if (!added.delete(unit)) removed.push(unit);
    for (const unit of chain[k].added) added.add(unit);
  }
  return { removed, added: [...added] };
}

/**
 * The edits since the draft version `generation` of the same lineage, oldest first (with where each was and
 * what it touched); null when that version is no longer in the log, or is of another lineage.
 */
export function editsSince(draft: Draft, generation: number): readonly UnitChange[] | null {
  const { log } = draft.parts.carry;
  let at = draft.parts.generation;
  const chain: UnitChange[] = [];
  for (let i = log.length - 1; at !== generation; i--) {
    if (i < 0 || log[i].to !== at) return null;
    chain.push(log[i]);
    at = log[i].from;
  }
  return chain.reverse();
}

/**
 * Whether the edits changed no quote, attribution, lead-in, heading, rule, code or HTML block, no line's
 * blankness and no line count: only the writer's own paragraphs (their text). What is worked out from the
 * draft's structure alone (folding ranges, say) is the same as before them.
 */
export function onlyProseEdited(edits: readonly UnitChange[]): boolean {
  return edits.every((edit) => !edit.structural && !edit.blankChanged);
}

/**
 * Whether an edit changed the words of the writer's own paragraphs and nothing else: no structure, blank
 * line or speaker (updateDraft's `speakersKept` says all three), and every paragraph it parsed again is
 * still the kind it was (a rule may read a list item differently from a paragraph).
 */
export function wordsOnlyEdited(edit: UnitChange): boolean {
  if (!edit.speakersKept || edit.removed.length !== edit.added.length) return false;
  for (let i = 0; i < edit.added.length; i++) if (edit.removed[i].kind !== edit.added[i].kind) return false;
  return true;
}
