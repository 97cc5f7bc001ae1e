import { FORM_FIELD } from '../duplicates';
import { attributionEdit } from '../draftingCommands';
import { Draft, Quote } from '../parse';
import { Finding, Rule } from '../rule';
import { Fix, range } from '../types';

export const unattributedQuote: Rule = {
  id: 'unattributed-quote',
  description: 'A quote says nothing about who wrote it: no attribution line, tag, signature or front-matter default.',
  defaultSeverity: 'warning',
  scope: 'debate',
  reads: 'structure',
  options: {
    nested: { type: 'boolean', default: false, description: 'Also check quotes inside quotes (mail threads often leave those unnamed).' },
  },
  check(draft, { options }) {
    const findings: Finding[] = [];
    // A quote of nothing but code, a header or a signature holds no words anybody would ask "who said this?" of.
    // Nor does a quote of a word or two ("> Thanks."), or a quoted signature ("> -- " and a name under it).
    // (Only the quotes that could be flagged are weighed: on a keystroke most quotes are named.)
    const candidates = new Set(draft.quotes.filter((quote) => !quote.attribution && !quote.speaker && !quote.callout));
    const proseWords = new Map<Quote, number>();
    for (const unit of candidates.size > 0 ? draft.units : []) {
      if (!unit.quote || !candidates.has(unit.quote) || !unit.isProse || unit.depth !== unit.quote.depth || isSignature(unit.segmentText(0))) continue;
      proseWords.set(unit.quote, (proseWords.get(unit.quote) ?? 0) + unit.wordCount);
    }
    const withProse = new Set([...proseWords].filter(([, words]) => words >= MIN_QUOTED_WORDS).map(([quote]) => quote));
    for (let quoteIndex = 0; quoteIndex < draft.quotes.length; quoteIndex++) {
      const quote = draft.quotes[quoteIndex];
      // An inferred speaker comes from a strict two-person thread, where readers can tell who speaks.
      if (quote.attribution || quote.speaker || quote.callout || !withProse.has(quote)) continue;
      // A paragraph read as someone's comment only because it is all in italics: in a response letter the
      // reviewer it answers is plain to the reader, and in a reply it is as often the writer's own emphasis.
      if (isItalicComment(draft, quote)) continue;
      if (isFieldList(draft, quote)) continue;
      if (quote.depth > 1 && !options.nested) continue;
      const line = quote.startLine;
      const names = likelySpeakers(draft, quote);
      findings.push({
        range: range(line, 0, line, draft.lines[line].text.length),
        message: 'This quote does not say who wrote it.',
        fixes: [...[...names].map((name) => attributeTo(draft, quote, name, `Attribute to ${name}`)), attributeTo(draft, quote, 'Name', 'Insert attribution line')],
      });
    }
    return findings;
  },
};

const MAX_SPEAKER_FIXES = 5;
const MIN_QUOTED_WORDS = 3;

/** The signature delimiter of mail ("-- ") or a line of dashes before a name: what follows is a signature. */
function isSignature(firstLine: string): boolean {
  return /^\s*(?:--|—|–|__)\s*$/.test(firstLine);
}

/** Who probably wrote the quote: whom the draft replies to, then speakers of the nearest quotes before it. */
function likelySpeakers(draft: Draft, quote: Quote): string[] {
  const names = new Set<string>();
  const replyingTo = draft.frontMatter?.values.get('replying-to');
  if (replyingTo) names.add(replyingTo);
  for (let i = quote.index - 1; i >= 0 && names.size < MAX_SPEAKER_FIXES; i--) {
    const speaker = draft.quotes[i].speaker;
    if (speaker) names.add(speaker);
  }
  for (const speaker of draft.speakers) if (names.size < MAX_SPEAKER_FIXES) names.add(speaker.name);
  return [...names];
}

function attributeTo(draft: Draft, quote: Quote, name: string, title: string): Fix {
  return { title, edits: [attributionEdit(draft, quote, name)], safe: false };
}

/**
 * A quote whose every line is a labelled field holding names and numbers, no sentence ("> Make and Model:
 * Broadcom Corporation BCM4318" / "Device Id: 14e4:4318"): data a poster sets off in a box, no one's words.
 * (A quoted dialogue's "Alice: are you coming tonight?" holds a sentence.)
 */
function isFieldList(draft: Draft, quote: Quote): boolean {
  let fields = 0;
  for (let line = quote.startLine; line <= quote.endLine; line++) {
    const info = draft.lineInfo[line];
    if (info.blank) continue;
    const text = draft.lines[line].text.slice(info.contentStart, info.contentEnd);
    const label = info.depth === quote.depth ? FORM_FIELD.exec(text) : null;
    if (!label || (text.slice(label[0].length).match(LOWER_CASE_WORD)?.length ?? 0) > 1) return false;
    fields++;
  }
  return fields >= 2;
}

const LOWER_CASE_WORD = /(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu;

/** A quote marked only by being set in italics ("*…*", "_…_"). */
function isItalicComment(draft: Draft, quote: Quote): boolean {
  if (quote.origin !== 'styled') return false;
  const text = draft.lines[quote.startLine].text;
  return /^\s*(?:(?:[-+*]|\d{1,3}[.)])\s+)?[*_]/.test(text);
}
