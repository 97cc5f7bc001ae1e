// A seeded generator of synthetic debate drafts for the benchmark: the same seed and size give the same
// text on every machine. The drafts mix what real replies hold (see examples/ and test/core/fixtures/threads/):
// mail quoting up to four levels deep with attributions in several styles, `**Name:**` quotes, Discourse
// `[quote="…"]` nesting, GitHub "Originally posted by", signatures, pasted paragraphs that lost their blank
// lines, exact and near duplicates, repeated words, fenced code, lists, headings and links.

/** Mulberry32: a small, fast, deterministic PRNG (32-bit state). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(items: ReadonlyArray<readonly [number, T]>): T {
    let total = 0;
    for (const [weight] of items) total += weight;
    let r = this.next() * total;
    for (const [weight, value] of items) {
      r -= weight;
      if (r < 0) return value;
    }
    return items[items.length - 1][1];
  }
}

// Roughly by frequency, so that sampling by rank (Zipf) gives English-like statistics: a few very common
// function words, a long tail of content words.
const WORDS = (
  'the of and to a in that is it for not as be this on with are but have we was i you they by at or from ' +
  'an if so what would can more about there which all do one their will just think been has than some no ' +
  'only also its other when how because like them any could should these our those most into even much ' +
  'why does very such then me my your out who may same way still point here did being over make many ' +
  'argument model claim evidence research systems question interpretability alignment approach problem ' +
  'results paper data network features training understanding review analysis science work field reason ' +
  'example case method networks progress general specific different important useful clear strong weak ' +
  'release branch build packagers installer documentation freeze cache runners installs project numbers ' +
  'threshold sample repositories platform confounder coverage defects label effect estimate sensitivity ' +
  'agree disagree suggest propose measure measured tested believe expect predict assume argue address ' +
  'steering vectors transistors software biology medicine chemistry emergence circuits mechanistic ' +
  'neurons layer weights activations behaviour capabilities safety risk danger harmful benign scalable ' +
  'proposal thread topic post reply comment quote author reader reviewer editor maintainer contributor ' +
  'week month year yesterday today tomorrow morning evening deadline schedule timeline milestone plan ' +
  'budget cost benefit tradeoff priority decision consensus objection concern criticism response rebuttal ' +
  'policy limit rate account traffic scraping request importer bucket burst allowance ceiling campus ' +
  'correlation causation regression variance bias noise signal baseline control treatment outcome ' +
  'theory practice intuition assumption premise conclusion inference deduction induction hypothesis ' +
  'experiment replication benchmark dataset metric accuracy precision recall latency throughput memory ' +
  'careful honest fair reasonable unreasonable obvious subtle surprising expected unexpected relevant ' +
  'irrelevant mistaken correct wrong right plausible implausible likely unlikely certain uncertain ' +
  'explain describe compare contrast consider discuss mention notice observe report reproduce verify ' +
  'kernel compiler parser tokenizer grammar syntax semantics runtime interpreter scheduler allocator ' +
  'library framework module package dependency version upgrade migration deprecation regression patch ' +
  'Richard Rohin Neel Priya Tom Lena Okafor Grayfox Fernanda Santos Becker Raman Chen Nakamura Müller'
).split(' ');

// Zipf-like weights by rank; cumulative table for binary search.
const CUMULATIVE = (() => {
  const table = new Float64Array(WORDS.length);
  let sum = 0;
  for (let i = 0; i < WORDS.length; i++) {
    sum += 1 / Math.pow(i + 2, 1.05);
    table[i] = sum;
  }
  for (let i = 0; i < table.length; i++) table[i] /= sum;
  return table;
})();

function word(random: Random): string {
  const r = random.next();
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return WORDS[lo];
}

interface Person {
  name: string;
  email: string;
  handle: string;
}

const FIRST = ['Priya', 'Tom', 'Lena', 'Chidi', 'Fernanda', 'Kenji', 'Ana', 'Mateo', 'Sofia', 'Jonas', 'Amara', 'Liam', 'Yuki', 'Omar', 'Ingrid', 'Ravi', 'Zofia', 'Noah', 'Elif', 'Tariq', 'Mei', 'Björn', 'Chloé', 'Dmitri'];
const LAST = ['Raman', 'Becker', 'Vogel', 'Okafor', 'Santos', 'Nakamura', 'García', 'Rossi', 'Lindqvist', 'Mensah', 'Walsh', 'Tanaka', 'Haddad', 'Berg', 'Iyer', 'Nowak', 'Fischer', 'Demir', 'Aziz', 'Liu', 'Larsen', 'Dubois', 'Petrov', 'van Dijk'];

function people(random: Random, count: number): Person[] {
  const result: Person[] = [];
  const seen = new Set<string>();
  while (result.length < count) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const name = `${first} ${last}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const ascii = name.normalize('NFD').replace(/[^\w ]/g, '').toLowerCase();
    const [f, ...rest] = ascii.split(' ');
    result.push({ name, email: `${f}.${rest.join('')}@example.org`, handle: `${f}_${rest.join('').slice(0, 3)}${random.int(1, 99)}` });
  }
  return result;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Generates drafts of a given size; each call to `draft` starts from the same seed. */
class DraftWriter {
  private readonly random: Random;
  private readonly cast: Person[];
  /** Reply paragraphs written so far (a bounded reservoir), the material for duplicates. */
  private readonly written: string[] = [];
  private seenParagraphs = 0;
  private readonly chunks: string[] = [];
  private bytes = 0;
  private section = 0;

  constructor(seed: number) {
    this.random = new Random(seed);
    this.cast = people(this.random, 16);
  }

  private push(text: string): void {
    this.chunks.push(text);
    this.bytes += Buffer.byteLength(text, 'utf8');
  }

  private person(): Person {
    return this.random.pick(this.cast);
  }

  private date(): { day: string; month: string; d: number; year: number; time: string } {
    const r = this.random;
    const hour = r.int(1, 12);
    return { day: r.pick(DAYS), month: r.pick(MONTHS), d: r.int(1, 28), year: r.int(2018, 2025), time: `${hour}:${String(r.int(0, 59)).padStart(2, '0')} ${r.pick(['AM', 'PM'])}` };
  }

  private sentence(): string {
    const r = this.random;
    const length = r.int(6, 26);
    const words: string[] = [];
    for (let i = 0; i < length; i++) {
      let w = word(r);
      // No accidental "the the": those come only from the deliberate repeats below.
      while (i > 0 && w.toLowerCase() === words[words.length - 1].toLowerCase()) w = word(r);
      const roll = r.next();
      if (roll < 0.006) w = `[${w} ${word(r)}](https://example.org/${w.toLowerCase()}/${r.int(1, 9999)})`;
      else if (roll < 0.012) w = `\`${w}()\``;
      else if (roll < 0.02) w = `*${w}*`;
      else if (roll < 0.026) w = `“${w} ${word(r)}”`;
      else if (roll < 0.03) w = `${w}’s`;
      words.push(w);
      // Repeated words ("the the"), now and then.
      if (r.chance(0.001)) words.push(w);
      if (i > 2 && i < length - 2 && r.chance(0.06)) words[words.length - 1] += ',';
    }
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return words.join(' ') + r.weighted([
      [12, '.'],
      [2, '?'],
      [1, '!'],
    ] as const);
  }

  private paragraph(minSentences = 2, maxSentences = 6): string {
    const count = this.random.int(minSentences, maxSentences);
    const sentences: string[] = [];
    for (let i = 0; i < count; i++) sentences.push(this.sentence());
    return sentences.join(' ');
  }

  /** Hard-wraps at ~72 columns as mail clients do. */
  private wrap(text: string, width = 72): string[] {
    const lines: string[] = [];
    let line = '';
    for (const w of text.split(' ')) {
      if (line && line.length + 1 + w.length > width) {
        lines.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) lines.push(line);
    return lines;
  }

  /** A reply paragraph, remembered for later duplicates. */
  private reply(wrapped: boolean): string {
    const text = this.paragraph();
    this.remember(text);
    return wrapped ? this.wrap(text).join('\n') : text;
  }

  private remember(text: string): void {
    this.seenParagraphs++;
    if (this.written.length < 4000) this.written.push(text);
    else {
      const slot = Math.floor(this.random.next() * this.seenParagraphs);
      if (slot < this.written.length) this.written[slot] = text;
    }
  }

  private quoted(depth: number, lines: readonly string[]): string {
    const r = this.random;
    // Mail clients write ">>" as often as "> >".
    const marker = r.chance(0.5) ? '>'.repeat(depth) + ' ' : '> '.repeat(depth);
    return lines.map((line) => (line ? marker + line : marker.trimEnd())).join('\n');
  }

  private mailAttribution(who: Person): string {
    const r = this.random;
    const d = this.date();
    return r.weighted([
      [4, `On ${d.day}, ${d.month} ${d.d}, ${d.year} at ${d.time} ${who.name} <${who.email}> wrote:`],
      [2, `On ${d.day}, ${d.d} ${d.month} ${d.year} ${d.time.replace(/ [AP]M/, '')}:${String(r.int(0, 59)).padStart(2, '0')} +0200, ${who.name} <${who.email}> wrote:`],
      [2, `${who.name} wrote:`],
      [1, `${who.name} <${who.email}> schrieb am ${d.d}.${r.int(1, 12)}.${d.year}:`],
      [1, `Le ${d.day.toLowerCase()}. ${d.d} ${d.month.toLowerCase()}. ${d.year} à ${r.int(0, 23)}:${String(r.int(0, 59)).padStart(2, '0')}, ${who.name} <${who.email}> a écrit :`],
      [1, `As ${who.name.split(' ')[0]} put it:`],
      [1, `@${who.handle} wrote:`],
    ] as const);
  }

  /** A mail reply: a quoted chain up to four levels, answered inline. */
  private mailSection(): void {
    const r = this.random;
    const depth = r.weighted([
      [4, 1],
      [3, 2],
      [2, 3],
      [1, 4],
    ] as const);
    const out: string[] = [this.mailAttribution(this.person())];
    // Nested attributions and quotes, outermost first: "> On … wrote:", ">> text", …
    for (let level = 1; level < depth; level++) {
      out.push(this.quoted(level, [this.mailAttribution(this.person())]));
    }
    for (let level = depth; level >= 1; level--) {
      out.push(this.quoted(level, this.wrap(this.paragraph(1, 3))));
      if (level > 1) out.push(this.quoted(level - 1, ['']));
    }
    this.push(out.join('\n') + '\n\n');
    // Inline answers: quote a piece, answer it.
    const rounds = r.int(1, 4);
    for (let i = 0; i < rounds; i++) {
      this.push(this.reply(true) + '\n\n');
      if (i < rounds - 1) this.push(this.quoted(1, this.wrap(this.paragraph(1, 2))) + '\n\n');
    }
  }

  private boldNameSection(): void {
    const who = this.person();
    const lines = this.wrap(`**${who.name}:** ${this.paragraph(1, 3)}`);
    this.push(this.quoted(1, lines) + '\n\n' + this.reply(this.random.chance(0.5)) + '\n\n');
  }

  private discourseSection(): void {
    const r = this.random;
    const topic = r.int(100, 9999);
    const depth = r.int(1, 3);
    const open = (who: Person) => (r.chance(0.8) ? `[quote="${who.handle}, post:${r.int(1, 200)}, topic:${topic}"]` : r.chance(0.5) ? `[quote=${who.handle}]` : '[quote]');
    const build = (level: number): string => {
      const head = open(this.person());
      const inner = level < depth ? build(level + 1) + '\n\n' : '';
      return `${head}\n${inner}${this.paragraph(1, 2)}\n[/quote]`;
    };
    this.push(build(1) + '\n\n' + this.reply(false) + '\n\n');
  }

  private githubSection(): void {
    const r = this.random;
    const who = this.person();
    if (r.chance(0.5)) {
      this.push(this.quoted(1, [this.paragraph(1, 2), '', `_Originally posted by @${who.handle} in https://example.org/issues/${r.int(1, 9999)}#issuecomment-${r.int(100000, 999999)}_`]) + '\n\n');
    } else {
      this.push(`@${who.handle} wrote:\n` + this.quoted(1, [this.paragraph(1, 2)]) + '\n\n');
    }
    this.push(this.reply(false) + '\n\n');
  }

  private signatureSection(): void {
    const who = this.person();
    this.push(this.quoted(1, [...this.wrap(this.paragraph(1, 2)), `— ${who.name}`]) + '\n\n' + this.reply(true) + '\n\n');
  }

  private unattributedSection(): void {
    this.push(this.quoted(1, this.wrap(this.paragraph(1, 2))) + '\n\n' + this.reply(true) + '\n\n');
  }

  private structuredSection(): void {
    const r = this.random;
    this.section++;
    const heading = `${'#'.repeat(r.int(2, 3))} Point ${this.section}: ${this.sentence().replace(/[.?!]$/, '')}`;
    const parts: string[] = [heading, this.reply(false)];
    const items = r.int(2, 6);
    const ordered = r.chance(0.4);
    const list: string[] = [];
    for (let i = 0; i < items; i++) {
      list.push(`${ordered ? `${i + 1}.` : r.pick(['-', '*'])} ${this.sentence()}`);
      if (r.chance(0.2)) list.push(`   ${r.pick(['-', '*'])} ${this.sentence()}`);
    }
    parts.push(list.join('\n'));
    if (r.chance(0.5)) {
      const lang = r.pick(['python', 'ts', 'sh', 'json', '']);
      const code: string[] = [];
      for (let i = r.int(2, 12); i > 0; i--) code.push(`${'  '.repeat(r.int(0, 2))}${word(r)}_${word(r)} = ${r.chance(0.5) ? `${word(r)}(${r.int(0, 99)})` : `"${word(r)} ${word(r)}"`}`);
      parts.push('```' + lang + '\n' + code.join('\n') + '\n```');
    }
    if (r.chance(0.3)) parts.push(`See [${word(r)} ${word(r)}](https://example.org/${word(r).toLowerCase()}#${r.int(1, 99)}) and <https://example.org/t/${r.int(1, 9999)}>.`);
    this.push(parts.join('\n\n') + '\n\n');
  }

  /** Pasted text that lost its blank lines: several one-line paragraphs separated by single newlines. */
  private lostBreaksSection(): void {
    const lines: string[] = [];
    for (let i = this.random.int(3, 6); i > 0; i--) {
      const text = this.paragraph(2, 5);
      this.remember(text);
      lines.push(text);
    }
    this.push(lines.join('\n') + '\n\n');
  }

  private duplicateSection(near: boolean): void {
    const r = this.random;
    if (this.written.length === 0) return this.unattributedSection();
    const original = r.pick(this.written);
    if (!near) {
      this.push(original + '\n\n');
      return;
    }
    const words = original.split(' ');
    for (let i = r.int(1, 3); i > 0; i--) words[r.int(0, words.length - 1)] = word(r);
    this.push(words.join(' ') + '\n\n');
  }

  generate(targetBytes: number): string {
    const r = this.random;
    const me = this.person();
    const them = this.person();
    this.push(`---\nauthor: ${me.name}\nreplying-to: ${them.name}\n---\n\n# Re: ${this.sentence().replace(/[.?!]$/, '')}\n\n`);
    while (this.bytes < targetBytes) {
      const kind = r.weighted([
        [6, 'mail'],
        [2, 'bold'],
        [3, 'discourse'],
        [1, 'github'],
        [1, 'signature'],
        [1, 'unattributed'],
        [3, 'structured'],
        [2, 'reply'],
        [1, 'lost-breaks'],
        [0.6, 'duplicate'],
        [0.6, 'near-duplicate'],
      ] as const);
      switch (kind) {
        case 'mail':
          this.mailSection();
          break;
        case 'bold':
          this.boldNameSection();
          break;
        case 'discourse':
          this.discourseSection();
          break;
        case 'github':
          this.githubSection();
          break;
        case 'signature':
          this.signatureSection();
          break;
        case 'unattributed':
          this.unattributedSection();
          break;
        case 'structured':
          this.structuredSection();
          break;
        case 'reply':
          this.push(this.reply(r.chance(0.5)) + '\n\n');
          break;
        case 'lost-breaks':
          this.lostBreaksSection();
          break;
        case 'duplicate':
          this.duplicateSection(false);
          break;
        case 'near-duplicate':
          this.duplicateSection(true);
          break;
      }
    }
    return this.chunks.join('');
  }
}

export const MB = 1024 * 1024;
export const DEFAULT_SEED = 0x5eed2024;

/** A synthetic draft of at least `bytes` UTF-8 bytes (it stops at the first section boundary past it). */
export function generateDraft(bytes: number, seed = DEFAULT_SEED): string {
  return new DraftWriter(seed).generate(bytes);
}

// `node out/bench/generate.js 1 > draft.md` writes a 1 MB draft, for looking at or for profiling elsewhere.
// Run as a script (`node out/bench/generate.js 1`), not when bundled into the bench, where `module` is the bundle's.
if (require.main === module && /generate\.js$/.test(process.argv[1] ?? '')) {
  const size = Number(process.argv[2] ?? '0.1');
  process.stdout.write(generateDraft(Math.round(size * MB)));
}
