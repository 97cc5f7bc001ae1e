// Reads a `.truth` file: who said what in a real thread, written by a person who read it (the format is
// described in test/corpus/real/FORMAT.md). Line numbers are kept 1-based, as written.

export interface LineRange {
  start: number;
  /** Inclusive. */
  end: number;
}

export interface Annotated {
  range: LineRange;
  /** Why a reader could argue either way: such statements stay out of the score. */
  debatable?: string;
}

export interface TruthQuote extends Annotated {
  depth: number;
  /** null: the quote names nobody a careful reader could find. */
  speaker: string | null;
}

export interface TruthUnmarked extends Annotated {
  speaker: string | null;
}

export interface TruthDuplicate extends Annotated {
  of: LineRange;
}

export interface TruthPost extends Annotated {
  speaker: string;
}

export interface TruthClean extends Annotated {
  reason: string;
}

export interface Truth {
  family: string;
  language: string;
  source: string;
  author: string | null;
  /** Each person's spellings, lower-cased and compared as `sameSpeaker` does. */
  aliases: string[][];
  quotes: TruthQuote[];
  unmarked: TruthUnmarked[];
  duplicates: TruthDuplicate[];
  posts: TruthPost[];
  clean: TruthClean[];
}

const QUOTED = /"((?:[^"\\]|\\.)*)"/y;

class LineReader {
  private at = 0;
  constructor(
    private readonly text: string,
    private readonly where: string,
  ) {}

  fail(what: string): never {
    throw new Error(`${this.where}: ${what} in "${this.text}"`);
  }

  private skipSpaces(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++;
  }

  get done(): boolean {
    this.skipSpaces();
    return this.at >= this.text.length;
  }

  word(): string {
    this.skipSpaces();
    const match = /[^\s"]+/y;
    match.lastIndex = this.at;
    const found = match.exec(this.text);
    if (!found) this.fail('a word was expected');
    this.at += found[0].length;
    return found[0];
  }

  peekWord(): string | null {
    const before = this.at;
    if (this.done || this.text[this.at] === '"') return null;
    const word = this.word();
    this.at = before;
    return word;
  }

  quoted(): string {
    this.skipSpaces();
    QUOTED.lastIndex = this.at;
    const found = QUOTED.exec(this.text);
    if (!found) this.fail('a "quoted" text was expected');
    this.at += found[0].length;
    return found[1].replace(/\\(.)/g, '$1');
  }

  /** A name in quotes, or `nobody`. */
  speaker(): string | null {
    this.skipSpaces();
    if (this.text[this.at] === '"') return this.quoted();
    const word = this.word();
    if (word !== 'nobody') this.fail(`"${word}" is neither a "name" nor nobody`);
    return null;
  }

  range(): LineRange {
    const word = this.word();
    const match = /^(\d+)(?:-(\d+))?$/.exec(word);
    if (!match) this.fail(`"${word}" is not a line or a range`);
    const start = Number(match[1]);
    const end = match[2] ? Number(match[2]) : start;
    if (end < start) this.fail(`range ${word} ends before it starts`);
    return { start, end };
  }

  /** `debatable "why"` at the end of a statement, or nothing. */
  debatable(): string | undefined {
    if (this.done) return undefined;
    const word = this.word();
    if (word !== 'debatable') this.fail(`"${word}" was not expected`);
    const why = this.done ? 'no reason given' : this.quoted();
    if (!this.done) this.fail('nothing may follow debatable "…"');
    return why;
  }

  /** A free-text value after `key:` (quotes around it are dropped). */
  rest(): string {
    this.skipSpaces();
    return this.text.slice(this.at).trim().replace(/^"(.*)"$/, '$1');
  }
}

export function readTruth(text: string, file: string, lineCount: number): Truth {
  const truth: Truth = { family: '', language: '', source: '', author: null, aliases: [], quotes: [], unmarked: [], duplicates: [], posts: [], clean: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const statement = withoutComment(raw).trim();
    if (!statement) return;
    const reader = new LineReader(statement, `${file}:${index + 1}`);
    const key = reader.word();
    const checked = (range: LineRange) => {
      if (range.end > lineCount) reader.fail(`line ${range.end} is past the thread's ${lineCount} lines`);
      return range;
    };
    switch (key) {
      case 'family:':
        truth.family = reader.rest();
        return;
      case 'language:':
        truth.language = reader.rest();
        return;
      case 'source:':
        truth.source = reader.rest();
        return;
      case 'author:': {
        const author = reader.rest();
        truth.author = author === 'unknown' || author === '' ? null : author;
        return;
      }
      case 'speaker': {
        const names = [reader.quoted()];
        // (A speaker named one way only is a note for the reader: there is no alias to learn.)
        if (reader.done) return;
        if (reader.word() !== 'aka') reader.fail('speaker "name" aka "other" … was expected');
        while (!reader.done && reader.peekWord() !== 'debatable') names.push(reader.quoted());
        // A debatable alias is left out: the score counts only what a reader would agree on.
        if (!reader.debatable()) truth.aliases.push(names.map(speakerKey));
        return;
      }
      case 'quote': {
        const range = checked(reader.range());
        if (reader.word() !== 'depth') reader.fail('quote A-B depth N … was expected');
        const depth = Number(reader.word());
        if (!Number.isInteger(depth) || depth < 1) reader.fail('depth must be 1 or more');
        const speaker = reader.speaker();
        truth.quotes.push({ range, depth, speaker, debatable: reader.debatable() });
        return;
      }
      case 'unmarked': {
        const range = checked(reader.range());
        const speaker = reader.speaker();
        truth.unmarked.push({ range, speaker, debatable: reader.debatable() });
        return;
      }
      case 'duplicate': {
        const range = checked(reader.range());
        if (reader.word() !== 'of') reader.fail('duplicate A-B of C-D was expected');
        const of = checked(reader.range());
        truth.duplicates.push({ range, of, debatable: reader.debatable() });
        return;
      }
      case 'post': {
        const range = checked(reader.range());
        const speaker = reader.speaker();
        if (speaker === null) return reader.fail('a post has an author');
        truth.posts.push({ range, speaker, debatable: reader.debatable() });
        return;
      }
      case 'clean': {
        const range = checked(reader.range());
        const reason = reader.peekWord() === 'debatable' || reader.done ? '' : reader.quoted();
        truth.clean.push({ range, reason, debatable: reader.debatable() });
        return;
      }
      default:
        reader.fail(`unknown statement "${key}"`);
    }
  });
  return truth;
}

/**
 * A name as compared: case, `@`, `u/`, `/u/`, underscores, dots and hyphens against spaces, and quotes or
 * angle brackets around it do not matter ("@jane_doe" = "Jane Doe" = "jane-doe").
 */
export function speakerKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^["'“”‘’<(\s]+|["'“”‘’>)\s]+$/g, '')
    .replace(/^\/?u\//, '')
    .replace(/^@/, '')
    .replace(/[_.\-\s]+/g, ' ')
    .trim();
}

/** Whether the engine's name and the annotated one are the same person, as the annotation's aliases say. */
export function sameSpeaker(truth: Truth, found: string, wanted: string): boolean {
  const a = speakerKey(found);
  const b = speakerKey(wanted);
  if (a === b) return true;
  return truth.aliases.some((names) => names.includes(a) && names.includes(b));
}

/** The line without its comment: a `#` after a space or at the start, outside any "quoted" text ("Reply #n" is not one). */
function withoutComment(raw: string): string {
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === '\\' && quoted) i++;
    else if (char === '"') quoted = !quoted;
    else if (char === '#' && !quoted && (i === 0 || /\s/.test(raw[i - 1]))) return raw.slice(0, i);
  }
  return raw;
}
