// A markdown-it plugin for VS Code's own Markdown preview (contributes "markdown.markdownItPlugins"): in a
// debate draft, each quote shows a chip naming its speaker and a bar in that speaker's colour (the Reply
// Tree's palette, by the same speaker order), and attribution lines are marked. The draft is read by the
// core's parser, the one the diagnostics and the Reply Tree use; markdown-it only renders. The instance is
// VS Code's, so nothing of markdown-it is imported here at run time.
//
// All the work happens when a page is rendered, not when it is parsed: VS Code's Markdown language server
// has every Markdown file of the workspace parsed by this same markdown-it (on every keystroke in the file
// being edited) and never renders, so parsing only remembers the source text beside the token list. Only
// rendering knows the file (`env.currentDocument`), which decides whether it is a debate draft. The tokens
// are VS Code's cache, rendered again for each update, so they are never changed: attributes are added for
// one call of the renderer, and a chip is written with its quote's opening tag.
import type MarkdownIt from 'markdown-it';
import type { Options, Renderer, Token } from 'markdown-it';
import type { RenderRule } from 'markdown-it/lib/renderer.mjs';
import { debateDeciderFor } from '../debate';
import type { Draft } from '../model';
import { parseDraft } from '../parse';
import { TextChange, updateDraft } from '../updateDraft';

/** Colours the preview's stylesheet (media/markdown-preview.css) defines: riposte-speaker-0 … -7. */
export const SPEAKER_COLOURS = 8;

interface Mark {
  attrs: [string, string][];
  /** A quote's speaker, shown in a chip after its opening tag. */
  chip?: { name: string; attrs: [string, string][] };
}

interface Marks {
  byToken: Map<Token, Mark>;
  /**
   * Whether the text is a debate draft when it is the file of that name. Decided when the marks are made:
   * the draft itself is changed in place by the next text's update (see Drafts).
   */
  debateFor: (fileName: string) => boolean;
}

/**
 * The draft of each text the preview renders. The preview renders the whole text again after each edit;
 * the lines that differ from the last text are re-parsed incrementally (as the extension does on a
 * keystroke), so a 1 MB draft costs a few milliseconds, not a parse of its megabyte.
 */
class Drafts {
  private lastText: string | undefined;
  private lastDraft: Draft | undefined;

  of(text: string): Draft {
    if (this.lastDraft && this.lastText !== undefined) {
      if (text === this.lastText) return this.lastDraft;
      this.lastDraft = updateDraft(this.lastDraft, changeBetween(this.lastText, text));
    } else {
      this.lastDraft = parseDraft(text);
    }
    this.lastText = text;
    return this.lastDraft;
  }
}

const isBreak = (code: number) => code === 10 || code === 13;

/** The edit turning `before` into `after`: the whole lines between their common start and common end. */
export function changeBetween(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let same = 0; // common end, not overlapping the common start
  while (same < shorter - start && before.charCodeAt(before.length - 1 - same) === after.charCodeAt(after.length - 1 - same)) same++;
  // Widen to whole lines, line breaks left out (never splitting a \r\n): from the start of the first changed
  // line to the end of the last one. Only ever widened, so the text around stays common to both.
  while (start > 0 && !isBreak(before.charCodeAt(start - 1))) start--;
  if (start > 0 && before.charCodeAt(start - 1) === 13 && before.charCodeAt(start) === 10) {
    start--; // between \r and \n: the line the \r ends
    while (start > 0 && !isBreak(before.charCodeAt(start - 1))) start--;
  }
  let end = before.length - same;
  if (end > 0 && before.charCodeAt(end) === 10 && before.charCodeAt(end - 1) === 13) end++; // past the \n of a changed \r
  while (end < before.length && !isBreak(before.charCodeAt(end))) end++;
  let line = 0;
  let endLine = 0;
  let endLineStart = 0;
  for (let i = 0; i < end; i++) {
    const code = before.charCodeAt(i);
    if (code === 13 && before.charCodeAt(i + 1) === 10) continue; // \r\n counts once, at the \n
    if (code === 10 || code === 13) {
      endLine++;
      endLineStart = i + 1;
      if (i < start) line++;
    }
  }
  const kept = before.length - end;
  return { range: { start: { line, character: 0 }, end: { line: endLine, character: end - endLineStart } }, text: after.slice(start, after.length - kept) };
}

/** The source text of each token list markdown-it parsed (a WeakMap: nothing is kept for a list dropped). */
const sources = new WeakMap<Token[], string>();
const marksOfTokens = new WeakMap<Token[], Marks>();

/** The file VS Code's preview renders: its engine passes `env.currentDocument` (a vscode.Uri) to the renderer. */
function fileNameOf(env: unknown): string | undefined {
  const document = (env as { currentDocument?: { path?: unknown } } | undefined)?.currentDocument;
  return typeof document?.path === 'string' ? document.path : undefined;
}

/** The marks of this token list when it is rendered for a debate draft; undefined otherwise. */
function marksFor(drafts: Drafts, tokens: Token[], env: unknown): Marks | undefined {
  const fileName = fileNameOf(env);
  if (fileName === undefined) return undefined; // text rendered for no file: a hover, another extension's string
  let marks = marksOfTokens.get(tokens);
  if (!marks) {
    const source = sources.get(tokens);
    if (source === undefined) return undefined;
    const draft = drafts.of(source);
    const byToken = markTokens(draft, tokens);
    marks = { byToken, debateFor: byToken.size > 0 ? debateDeciderFor(draft) : () => false };
    marksOfTokens.set(tokens, marks);
  }
  return marks.debateFor(fileName) ? marks : undefined;
}

export function riposteMarkdownIt(md: MarkdownIt): void {
  const drafts = new Drafts();
  md.core.ruler.push('riposte_source', (state) => {
    sources.set(state.tokens, state.src);
    return true;
  });
  for (const type of ['blockquote_open', 'paragraph_open']) {
    const previous: RenderRule = md.renderer.rules[type] ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
    md.renderer.rules[type] = (tokens: Token[], index: number, options: Options, env: unknown, self: Renderer) => {
      let mark: Mark | undefined;
      try {
        mark = marksFor(drafts, tokens, env)?.byToken.get(tokens[index]);
      } catch (error) {
        // The preview must render whatever happens here: the page is then markdown-it's own.
        console.error('Riposte: could not read the speakers of the Markdown preview’s document', error);
      }
      if (!mark) return previous(tokens, index, options, env, self);
      const token = tokens[index];
      const saved = token.attrs;
      token.attrs = saved ? saved.map(([name, value]) => [name, value] as [string, string]) : null;
      for (const [name, value] of mark.attrs) {
        if (name === 'class') token.attrJoin(name, value);
        else token.attrSet(name, value);
      }
      try {
        const html = previous(tokens, index, options, env, self);
        return mark.chip ? `${html}<div${self.renderAttrs({ attrs: mark.chip.attrs } as Token)}>${md.utils.escapeHtml(mark.chip.name)}</div>\n` : html;
      } finally {
        token.attrs = saved;
      }
    };
  }
}

/** Who speaks in each blockquote of the token list, and which paragraphs are attribution lines. */
function markTokens(draft: Draft, tokens: Token[]): Map<Token, Mark> {
  const marks = new Map<Token, Mark>();
  if (!draft.quotes.length) return marks;
  const colourOf = new Map(draft.speakers.map((speaker, index) => [speaker.name.toLowerCase(), index % SPEAKER_COLOURS]));
  const attributionLines = draft.parts.attributionOfLine;
  let level = 0;
  for (const token of tokens) {
    const line = token.map?.[0];
    if (token.type === 'blockquote_close') level--;
    if (token.type === 'paragraph_open' && line !== undefined && attributionLines.has(line)) marks.set(token, { attrs: [['class', 'riposte-attribution']] });
    if (token.type !== 'blockquote_open') continue;
    level++;
    let quote = line === undefined ? null : draft.quoteOfLine(line);
    while (quote && quote.depth > level) quote = quote.parent;
    if (!quote || quote.depth !== level || quote.callout) continue;
    const colour = `riposte-speaker-${(quote.speaker === null ? undefined : colourOf.get(quote.speaker.toLowerCase())) ?? 'unknown'}`;
    if (quote.speaker === null) {
      marks.set(token, { attrs: [['class', `riposte-quote ${colour}`]] });
      continue;
    }
    marks.set(token, {
      attrs: [['class', `riposte-quote ${colour}`], ['data-riposte-speaker', quote.speaker]],
      chip: {
        name: quote.speaker,
        attrs: [
          ['class', `riposte-chip ${colour}${quote.inferred ? ' riposte-inferred' : ''}`],
          ['title', quote.inferred ? `Quoted from ${quote.speaker} (inferred from the thread)` : `Quoted from ${quote.speaker}`],
        ],
      },
    });
  }
  return marks;
}
