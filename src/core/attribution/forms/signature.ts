// A closing signature line of a quote: `— Name`, `-- Name`, `~Name`.
import { plausibleName } from '../names';
import { AttributionMatch } from '../types';

/** A closing signature line: `— Name`, `-- Name`, `~Name`. */
export function matchSignature(content: string): AttributionMatch | null {
  const match = /^\s*(?:—|―|–|--|~)\s*(.{1,60}?)\s*$/.exec(content);
  if (!match) return null;
  const speaker = plausibleName(match[1].replace(/^\*+|\*+$/g, ''));
  return speaker ? { form: 'signature', placement: 'last-line', speaker } : null;
}
