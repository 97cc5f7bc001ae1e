// The `>` markers that make a line of Markdown part of a quote. Both the parser (where a draft may be
// cut into pieces) and the fix edits (what to repeat on an inserted line) read them, so they live apart
// from either.
const QUOTE_PREFIX = /^(?: {0,3}>[ \t]?)*/;

/** The `>` markers a line of text starts with. */
export function quotePrefix(text: string): string {
  return QUOTE_PREFIX.exec(text)![0];
}
