// Text that has the shape of a paragraph but is laid out, not written: a copied page's buttons, a form's
// fields, program output that lost its code fence. Pages, forms and programs repeat these by design, so
// the duplicate and lost-break rules leave them alone.

// Words of the buttons and menus that a copied thread page carries along ("Copy link Quote reply",
// "permalink embed save report reply", "Reply Like Share", "Pick your reaction").
const UI_WORDS = new Set(
  (
    'copy link quote reply reference in new issue hide show comment comments permalink embed save saved report give award share ' +
    'edit edited delete like likes liked unlike upvote downvote vote votes pick your reaction reactions react more options follow ' +
    'unfollow flag spam mark as helpful accepted accept answer cancel submit load view translate collapse expand parent context ' +
    'full thread source top bottom back to add a reaction reply with quote multi-quote multiquote thanks thank report post ' +
    'bookmark upvotes downvotes points point'
  ).split(' '),
);

/**
 * Whether the text is nothing but a page's buttons and counts: at least two of a page's action words
 * (written apart, or run together), the rest emoji, digits and separators.
 */
export function isPageChrome(text: string): boolean {
  if (text.length > 200) return false;
  // Most paragraphs fail on their first word: looked at alone first (and as words run together only when
  // it is the whole text).
  const first = /[\p{L}-]+/u.exec(text);
  if (!first) return false;
  const word = first[0].toLowerCase();
  if (!UI_WORDS.has(word) && (first[0].length !== text.trim().length || !isGluedUiWords(word))) return false;
  const words = text.toLowerCase().match(/[\p{L}-]+/gu);
  if (!words) return false;
  // Old Reddit's links run together once copied: "permalinkembedsaveparent".
  if (words.length === 1) return isGluedUiWords(words[0]);
  return words.every((word) => UI_WORDS.has(word));
}

/** Whether the word is two or more of a page's action words run together. */
function isGluedUiWords(word: string, parts = 0): boolean {
  if (word.length === 0) return parts >= 2;
  for (let end = Math.min(word.length, 12); end >= 2; end--) {
    if (UI_WORDS.has(word.slice(0, end)) && isGluedUiWords(word.slice(end), parts + 1)) return true;
  }
  return false;
}

// "Rating: 8: Accept", "status: ignore", "track 0: vol 1", "Review Assessment: Checking …: I read it twice."
const FIELD_LINE = /^\s*[\p{L}][\p{L}\p{N}'’/()._-]*(?: [\p{L}\p{N}'’/()._-]+){0,3}:\s+\S/u;

/** Whether a line is one field of a record: a short label, a colon, a short value. */
export function isFieldLine(line: string): boolean {
  // A label is short: its colon comes within the first fifty characters, or the line is no field.
  const colon = line.indexOf(':');
  if (colon < 1 || colon > 50 || line.length > 200 || !FIELD_LINE.test(line)) return false;
  // A sentence that happens to open with "Note:" runs on; a field's value is short.
  return line.split(/\s+/).length <= 24;
}

/**
 * Whether the lines are a record of fields rather than prose: every line a field, and more than one line
 * (a single field line counts when it was split off a run of such lines, `splitFromRun`).
 */
export function isFieldRecord(count: number, line: (index: number) => string, splitFromRun: boolean): boolean {
  if (count < 2 && !splitFromRun) return false;
  for (let i = 0; i < count; i++) if (!isFieldLine(line(i))) return false;
  return true;
}

/**
 * Whether the lines are program output or a table that lost its code fence: most continuation lines are
 * indented well past the first, which nobody does when writing a paragraph.
 */
export function isUnfencedLayout(count: number, line: (index: number) => string): boolean {
  if (count < 3) return false;
  const first = indentOf(line(0));
  // A third of the continuation lines not indented settles it: prose fails on its second line or so.
  let flush = 0;
  for (let i = 1; i < count; i++) if (indentOf(line(i)) < first + 2 && ++flush * 3 > count - 1) return false;
  return true;
}

function indentOf(text: string): number {
  let indent = 0;
  while (indent < text.length && (text.charCodeAt(indent) === 32 || text.charCodeAt(indent) === 9)) indent++;
  return indent;
}
