import { FrontMatter } from './frontMatter';
import { LeadIn, Quote, Speaker } from './model';

/**
 * Decides who wrote each quote: its own attribution first, then the draft's front matter, then — only for
 * a strict two-person thread — alternation by depth, marked as inferred.
 */
export function resolveSpeakers(quotes: readonly Quote[], frontMatter: FrontMatter | null, isBlankLine: (line: number) => boolean, leadIns: readonly LeadIn[] = []): Speaker[] {
  const author = frontMatter?.values.get('author') || null;
  const replyingTo = frontMatter?.values.get('replying-to') || null;

  for (const quote of quotes) {
    if (quote.callout) continue;
    const attribution = quote.attribution;
    if (attribution?.speaker) quote.speaker = attribution.speaker;
    else if (attribution?.addressee && replyingTo) quote.speaker = replyingTo;
    else if (quote.depth === 1 && replyingTo) quote.speaker = replyingTo;
  }

  // A quote split in two by a blank line is one passage: the second block continues the first's speaker.
  // And a mail reply answers one message point by point: after "On …, Jane wrote:" every quote of that
  // level (in the same quoted message, for deeper levels) is Jane's until another header names someone else.
  const previousBySibling = new Map<Quote | null, Quote>();
  const messageAuthorBySibling = new Map<Quote | null, string>();
  for (const quote of quotes) {
    const previous = previousBySibling.get(quote.parent);
    previousBySibling.set(quote.parent, quote);
    if (quote.attribution) {
      const header = quote.attribution.form === 'mail' || (quote.attribution.form === 'wrote' && quote.depth > 1);
      if (header && quote.speaker) messageAuthorBySibling.set(quote.parent, quote.speaker);
      else messageAuthorBySibling.delete(quote.parent);
    }
    if (quote.speaker || quote.attribution || quote.callout) continue;
    let onlyBlank = previous?.speaker != null;
    for (let line = previous ? previous.endLine + 1 : quote.startLine; line < quote.startLine && onlyBlank; line++) onlyBlank = isBlankLine(line);
    const continued = onlyBlank ? previous!.speaker : messageAuthorBySibling.get(quote.parent);
    if (continued) {
      quote.speaker = continued;
      quote.inferred = true;
    }
  }

  // A response to reviewers quotes each reviewer under a label that names them ("Reviewer 2"): the
  // outermost quotes after a label, up to the next one, are that reviewer's comments.
  const labels = leadIns.filter((leadIn) => leadIn.names !== undefined);
  if (labels.length > 0) {
    let next = 0;
    let current: LeadIn | null = null;
    for (const quote of quotes) {
      while (next < labels.length && labels[next].line <= quote.startLine) current = labels[next++];
      if (!current || quote.depth !== 1 || quote.speaker || quote.attribution || quote.callout) continue;
      quote.speaker = current.names!;
      // The label is the quote itself ("> Reviewer 1 (Anonymous)"), or stands above it: the reader infers.
      quote.inferred = current.line !== quote.startLine;
    }
  }

  // Who speaks at odd and at even depths? The author's own words sit at depth 0.
  const byParity: [Set<string>, Set<string>] = [new Set(), new Set()];
  if (author) byParity[0].add(author);
  for (const quote of quotes) if (quote.speaker && !quote.inferred) byParity[quote.depth % 2].add(quote.speaker);
  const people = new Set([...byParity[0], ...byParity[1]]);
  const alternates = people.size <= 2 && byParity[0].size <= 1 && byParity[1].size <= 1 && people.size >= 1;
  if (alternates) {
    const speakerAt = (depth: number) => [...byParity[depth % 2]][0];
    for (const quote of quotes) {
      if (quote.speaker || quote.attribution || quote.callout) continue;
      const guess = speakerAt(quote.depth);
      if (guess) {
        quote.speaker = guess;
        quote.inferred = true;
      }
    }
  }

  const speakers = new Map<string, Speaker>();
  // A thread names few people many times: lower-case each name once.
  const keys = new Map<string, string>();
  const add = (name: string, inferred: boolean) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = name.toLowerCase()));
    const known = speakers.get(key);
    if (!known) speakers.set(key, { name, inferred });
    else if (!inferred) known.inferred = false;
  };
  if (author) add(author, false);
  if (replyingTo) add(replyingTo, false);
  for (const quote of quotes) if (quote.speaker) add(quote.speaker, quote.inferred);
  return [...speakers.values()];
}
