// Step 3 of the parse: the quote tree, from the lines' depths, and which quotes are alerts or callouts.
import { LineInfo, Quote } from '../model';
import { LineText } from '../text';
import { contentOf } from './lines';

/** The quotes of lines first..last (none crosses a block boundary outside quotes), filling quoteOfLine. */
export function buildQuotes(info: readonly LineInfo[], quoteOfLine: (Quote | null)[], first: number, last: number): Quote[] {
  const quotes: Quote[] = [];
  const open: Quote[] = [];
  let lastLine = -1;
  const closeFrom = (depth: number) => {
    while (open.length >= Math.max(depth, 1)) open.pop()!.endLine = lastLine;
  };
  for (let i = first; i <= last; i++) {
    quoteOfLine[i] = null;
    const line = info[i];
    // A `[quote]` tag starts a new quote even right after another one closed at the same depth. (Indexed
    // loops: for…of made an iterator per line, over lists that are almost always empty.)
    const opens = line.bbcodeOpens;
    for (let k = 0; k < opens.length; k++) closeFrom(opens[k].depth);
    if (line.blank && line.depth === 0) {
      closeFrom(1);
      continue;
    }
    closeFrom(line.depth + 1);
    while (open.length < line.depth) {
      const parent = open[open.length - 1] ?? null;
      const depth = open.length + 1;
      const quote: Quote = {
        index: quotes.length,
        depth,
        startLine: i,
        endLine: i,
        parent,
        children: [],
        origin: line.bbcodeOpens.some((opened) => opened.depth === depth) ? 'bbcode' : line.pastedQuote ? 'pasted' : line.styledQuote ? 'styled' : 'markdown',
        callout: false,
        attribution: null,
        label: null,
        speaker: null,
        inferred: false,
      };
      parent?.children.push(quote);
      quotes.push(quote);
      open.push(quote);
    }
    quoteOfLine[i] = open[open.length - 1] ?? null;
    lastLine = i;
    const closes = line.bbcodeCloses;
    for (let k = 0; k < closes.length; k++) closeFrom(closes[k]);
  }
  closeFrom(1);
  return quotes;
}


// GitHub's alerts, and the bold or emoji notes that did their job before them.
const CALLOUT = /^(?:\[!(?:note|tip|important|warning|caution|info|danger|example|quote|abstract|todo|success|question|failure|bug)\][+-]?|(?:\*\*|__)(?:note|notes|tip|tips|important|warning|warnings|caution|info|danger|attention|hint|heads[ -]up|deprecated|deprecation notice|breaking|breaking changes?|security|n\.b\.)(?:\s*:)?(?:\*\*|__)|(?:note|warning|tip|important|caution)\s*:|(?:⚠️?|ℹ️?|💡|❗|❕|🚨|📝|🔥|✨|🚧|:warning:|:information_source:|:bulb:|:exclamation:|:memo:|:rotating_light:|:construction:))/iu;

/** Marks the quotes that are alerts or callouts, from their first line. */
export function markCallouts(lines: readonly LineText[], info: readonly LineInfo[], quotes: readonly Quote[]): void {
  for (const quote of quotes) {
    if (quote.origin !== 'markdown') continue;
    const content = contentOf(lines, info, quote.startLine).trim();
    if (CALLOUT.test(content)) quote.callout = true;
  }
}
