// What a line holds that the attribution forms test first: the parse asks every form of every line of a
// draft, most lines are prose no form could match, and a search per form and line was a third of the
// 1 MB parse's attribution step. Each fact is found once per line, when a form first asks for it, with
// the engine's own searches (a loop over the characters in JavaScript costs more than the searches it saves).

const UNKNOWN = -2;
const MAX_SPACES_COUNTED = 21;

export class LineShape {
  private spaceCount = UNKNOWN;
  private arrowAt = UNKNOWN;
  private digit = UNKNOWN;
  private addressSign = UNKNOWN;

  constructor(readonly text: string) {}

  /** The spaces in the line, counted up to 21: the forms a few words long (labels, post headers) skip longer lines. */
  get spaces(): number {
    if (this.spaceCount === UNKNOWN) {
      let count = 0;
      for (let i = this.text.indexOf(' '); i >= 0 && count < MAX_SPACES_COUNTED; i = this.text.indexOf(' ', i + 1)) count++;
      this.spaceCount = count;
    }
    return this.spaceCount;
  }

  /** Where the last "↑" or "»" is (a phpBB or XenForo header's arrow), or -1. */
  get arrow(): number {
    if (this.arrowAt === UNKNOWN) this.arrowAt = ARROW.test(this.text) ? Math.max(this.text.lastIndexOf('↑'), this.text.lastIndexOf('»')) : -1;
    return this.arrowAt;
  }

  get hasDigit(): boolean {
    if (this.digit === UNKNOWN) this.digit = DIGIT.test(this.text) ? 1 : 0;
    return this.digit === 1;
  }

  /** An '@' or a '<': an address or a handle. */
  get hasAddressSign(): boolean {
    if (this.addressSign === UNKNOWN) this.addressSign = this.text.indexOf('@') >= 0 || this.text.indexOf('<') >= 0 ? 1 : 0;
    return this.addressSign === 1;
  }
}

const ARROW = /[↑»]/;
const DIGIT = /\d/;

export function lineShape(content: string): LineShape {
  return new LineShape(content);
}
