// Where pasted text lost the blank line between two paragraphs: read by the line scan and the units.

/** Pasted web text keeps each paragraph on one long line; hand-wrapped prose stays under this width. */
const WRAP_WIDTH = 100;
const ENDS_SENTENCE = /[.!?:;…"”’)\]*_]$/;

export function lostBreakBetween(previous: string, next: string): boolean {
  if (/ {2}$|\\$/.test(previous)) return false;
  const before = previous.trimEnd();
  return ENDS_SENTENCE.test(before) && (before.length > WRAP_WIDTH || next.trim().length > WRAP_WIDTH);
}
