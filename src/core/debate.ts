// Decides once per file whether it is a debate draft. The quote rules read a draft as someone answering
// other people; on a README or a changelog their quotes are notes and epigraphs, and every finding would
// be wrong. The rules about the drafter's own prose (duplicates, repeated words, lost breaks) run either way.
import { namesSomeone } from './attribution';
import { Attribution, Draft } from './parse';

/** `auto`: plain Markdown is a debate when its text shows it; `always` / `never` decide for every file. */
export type DebateSetting = 'auto' | 'always' | 'never';

export const DEBATE_SETTINGS: readonly DebateSetting[] = ['auto', 'always', 'never'];

export interface DebateInputs {
  /** The file's name; without one the text was handed over to be linted as a draft. */
  fileName?: string;
  /** The editor's language for the file: `debate-markdown` is a debate whatever it holds. */
  languageId?: string;
  setting?: DebateSetting;
}

export interface DebateDecision {
  debate: boolean;
  /** Why, in words a user can act on: which of the rules below decided. */
  reason: string;
}

const DEBATE_FILE_NAME = /\.(?:reply|debate)\.(?:md|markdown)$/i;
const TRUE = /^(?:true|yes|on|1)$/i;
const FALSE = /^(?:false|no|off|0)$/i;


export function decideDebate(draft: Draft, inputs: DebateInputs): DebateDecision {
  // The most specific word wins: the file's own front matter, then the mode it is open in, then the setting.
  const declared = draft.frontMatter?.values.get('riposte');
  if (declared !== undefined && TRUE.test(declared)) return { debate: true, reason: 'front matter `riposte: true`' };
  if (declared !== undefined && FALSE.test(declared)) return { debate: false, reason: 'front matter `riposte: false`' };
  if (inputs.languageId === 'debate-markdown') return { debate: true, reason: 'the file is in the Debate Markdown mode' };
  const setting = inputs.setting ?? 'auto';
  if (setting === 'always') return { debate: true, reason: 'the setting says every file is a debate draft' };
  if (setting === 'never') return { debate: false, reason: 'the setting says no file is a debate draft' };
  if (!inputs.fileName) return { debate: true, reason: 'a text given without a file name is read as a draft' };
  if (DEBATE_FILE_NAME.test(inputs.fileName)) return { debate: true, reason: 'the file is named *.reply.md or *.debate.md' };
  if (draft.frontMatter?.values.has('replying-to')) return { debate: true, reason: 'front matter `replying-to:`' };
  return debateByText(draft);
}

/**
 * Whether the draft is a debate draft as a file of a given name (with no language or setting), decided now
 * for every name: the answer turns on the name only by its ending (or its absence), so each answer is worked
 * out at once.
 */
export function debateDeciderFor(draft: Draft): (fileName: string) => boolean {
  const asDraftName = decideDebate(draft, { fileName: 'draft.reply.md' }).debate;
  const asOtherName = decideDebate(draft, { fileName: 'draft.md' }).debate;
  const asNoName = decideDebate(draft, {}).debate;
  return (fileName) => (!fileName ? asNoName : DEBATE_FILE_NAME.test(fileName) ? asDraftName : asOtherName);
}

function debateByText(draft: Draft): DebateDecision {
  const named = draft.attributions.filter(namesAQuotedPerson);
  const strong = named.find((attribution) => attribution.form !== 'bold-name' || /\s/.test(attribution.speaker ?? ''));
  const evidence = strong ?? (named.length >= 2 ? named[0] : undefined);
  if (evidence) return { debate: true, reason: `line ${evidence.startLine + 1} attributes a quote ("${draft.lines[evidence.startLine].text.trim().slice(0, 60)}")` };
  // A reviewer label or a post header names someone; so does a header line with nothing quoted under it.
  const leadIn = draft.leadIns.find((candidate) => !candidate.heading && (candidate.names !== undefined || candidate.namesSomeone === true));
  if (leadIn) return { debate: true, reason: `line ${leadIn.line + 1} introduces someone's words ("${leadIn.text.trim().slice(0, 60)}")` };
  const answered = quotesAnsweredInFirstPerson(draft);
  if (answered >= 2) return { debate: true, reason: `${answered} quotes are each answered in the first person by the text under them` };
  return { debate: false, reason: 'plain Markdown that names nobody it quotes (set `debate` to "always", or name the file *.reply.md, to check it as a draft)' };
}

function namesAQuotedPerson(attribution: Attribution): boolean {
  return namesSomeone(attribution) && attribution.quote !== null && !attribution.quote.callout;
}

const FIRST_PERSON = /(?:^|[^\p{L}'’])(?:I|I'm|I’m|I'd|I’d|I've|I’ve|I'll|I’ll|me|my|mine)(?=$|[^\p{L}'’])/u;
const MIN_QUOTED_WORDS = 6;

/**
 * Quotes of a person's sentences (not callouts, not a line of code) that the author answers in the first
 * person right under them: the shape of a reply that takes a thread point by point. A README's notes and
 * epigraphs are followed by more documentation, which speaks of "you" but seldom of "I".
 */
function quotesAnsweredInFirstPerson(draft: Draft): number {
  let answered = 0;
  for (const quote of draft.quotes) {
    if (quote.depth !== 1 || quote.callout) continue;
    let words = 0;
    for (let line = quote.startLine; line <= quote.endLine && words < MIN_QUOTED_WORDS; line++) {
      const info = draft.lineInfo[line];
      if (!info.code) words += draft.lines[line].text.slice(info.contentStart, info.contentEnd).split(/\s+/).filter((word) => /^[\p{L}'’,.;:!?]+$/u.test(word)).length;
    }
    if (words < MIN_QUOTED_WORDS) continue;
    for (let line = quote.endLine + 1; line < draft.lines.length && line <= quote.endLine + 2; line++) {
      const info = draft.lineInfo[line];
      if (info.blank) continue;
      if (info.depth === 0 && !info.code && !info.html && FIRST_PERSON.test(draft.lines[line].text)) answered++;
      break;
    }
  }
  return answered;
}
