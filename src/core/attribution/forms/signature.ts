// A closing signature line of a quote: `— Name`, `-- Name`, `~Name`.
import { plausibleName } from '../names';
import { AttributionMatch } from '../types';

/**
 * A closing signature line: `— Name`, `-- Name`, `~Name`, or an epigraph's `—Name (on Chomsky) …` /
 * `— Name, The Book`, whose name ends at a bracket or a comma.
 */
export function matchSignature(content: string): AttributionMatch | null {
  const match = /^\s*(?:—|―|–|--|~)\s*(.{1,60}?)\s*$/.exec(content);
  const whole = match ? plausibleName(match[1].replace(/^\*+|\*+$/g, '')) : null;
  if (whole) return { form: 'signature', placement: 'last-line', speaker: whole };
  // The longer form only with a real dash: "-- Name, …" is as often a mail signature's first line.
  const lead = /^\s*(?:—|―)\s*([^\s,(—―][^,(—―]{0,58}?)\s*[,(]/.exec(content);
  const speaker = lead ? plausibleName(lead[1].replace(/^\*+|\*+$/g, '')) : null;
  return speaker ? { form: 'signature', placement: 'last-line', speaker } : null;
}
