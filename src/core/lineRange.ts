// The line-range label every message, the tree's text and the preview write: one definition, so that none
// drifts to a hyphen. A leaf module: the model, the rules and the preview's labels all import it.

/** "line 3" or "lines 3–5" (with an en dash), for 0-based inclusive lines. */
export function lineRangeLabel(startLine: number, endLine = startLine): string {
  return startLine === endLine ? `line ${startLine + 1}` : `lines ${startLine + 1}–${endLine + 1}`;
}

/** The text with its first letter in capitals, to start a message with a label ("Lines 3–5 …"). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
