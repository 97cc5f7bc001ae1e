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
