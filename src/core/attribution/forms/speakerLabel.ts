// "> Pieren : text": a mailing-list habit of naming the quoted person at the start of the quote itself.
// The line alone is weak evidence ("> Note: …", "> Summary: …" have its shape): it names a speaker only
// where the thread knows that person elsewhere, or labels several quotes so (see speakers.ts).
import { NAME_PARTICLES } from '../names';
import { AttributionMatch } from '../types';

/** Where the colon may stand at the latest: three words of a name, and the spaces French puts before it. */
const MAX_LABEL_LENGTH = 40;
// A name of one to three capitalised words (particles between), then " : " or ": ", and the quoted words. (A
// name alone before a colon, "> Anish:", is how a quoted mail greets its reader.)
const LABEL = /^(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,3})){0,3})\s?:\s+\S/u;
// Words that label a line of a document, a form, a review or a mail, not a person: "Note:", "Summary:", "Re:".
const NOT_NAMES = new Set([
  'note', 'notes', 'nb', 'n.b', 'ps', 'p.s', 'pps', 'update', 'updated', 'edit', 'edited', 'edits', 're', 'aw', 'sv', 'fw', 'fwd', 'tr', 'wg',
  'subject', 'objet', 'betreff', 'asunto', 'summary', 'example', 'examples', 'e.g', 'eg', 'ex', 'warning', 'warnings', 'question', 'questions',
  'answer', 'answers', 'comment', 'comments', 'response', 'responses', 'reply', 'replies', 'remark', 'remarks', 'rebuttal', 'suggestion',
  'suggestions', 'strength', 'strengths', 'weakness', 'weaknesses', 'pros', 'cons', 'rating', 'confidence', 'soundness', 'presentation',
  'contribution', 'limitations', 'review', 'reviewer', 'referee', 'editor', 'meta', 'decision', 'recommendation', 'conclusion', 'conclusions',
  'abstract', 'title', 'author', 'authors', 'source', 'sources', 'quote', 'quoted', 'original', 'translation', 'from', 'to', 'cc', 'bcc', 'date',
  'sent', 'de', 'à', 'envoyé', 'von', 'an', 'gesendet', 'para', 'enviado', 'tldr', 'tl;dr', 'step', 'steps', 'error', 'errors', 'tip', 'tips',
  'important', 'caution', 'info', 'information', 'fix', 'fixed', 'bug', 'issue', 'problem', 'solution', 'result', 'results', 'output', 'input',
  'reason', 'status', 'disclaimer', 'hint', 'reference', 'references', 'definition', 'theorem', 'lemma', 'proof', 'claim', 'point', 'points',
  'minor', 'major', 'overall', 'general', 'details', 'description', 'context', 'background', 'motivation', 'method', 'methods', 'goal', 'objective',
  'todo', 'done', 'change', 'changes', 'changelog', 'version', 'release', 'usage', 'syntax', 'code', 'command', 'expected', 'actual', 'observed',
  'environment', 'then', 'now', 'today', 'also', 'and', 'but', 'so', 'however', 'well', 'yes', 'no', 'ok', 'okay', 'thanks', 'hi', 'hello', 'dear',
  'hey', 'cheers', 'regards', 'see', 'via', 'link', 'image', 'figure', 'fig', 'table', 'section', 'chapter', 'page', 'line', 'eq', 'equation',
  'here', 'there', 'this', 'that', 'it', 'he', 'she', 'they', 'we', 'you', 'i', 'my', 'our', 'why', 'what', 'how', 'when', 'where', 'who', 'which',
  'main', 'key', 'bottom', 'first', 'second', 'third', 'finally', 'lastly', 'moreover', 'furthermore', 'the', 'a', 'in', 'on', 'at', 'for', 'with',
  'by', 'of', 'or', 'if', 'q', 'r', 'ans', 'attention', 'danger', 'caveat', 'tl', 'nota', 'bene', 'remarque', 'exemple', 'réponse', 'commentaire',
  'résumé', 'avertissement', 'achtung', 'hinweis', 'anmerkung', 'antwort', 'frage', 'beispiel', 'ejemplo', 'respuesta', 'pregunta', 'resumen',
  'risposta', 'domanda', 'esempio', 'user', 'admin', 'moderator', 'bot', 'system', 'assistant', 'human', 'ai', 'prompt', 'me', 'him', 'her', 'them',
  'us', 'everyone', 'all', 'both', 'other', 'others',
  // (And the platforms and tools a how-to labels its steps with: "> Windows: run setup.exe" / "> Linux: …".)
  'windows', 'linux', 'mac', 'macos', 'unix', 'ubuntu', 'debian', 'fedora', 'android', 'ios', 'python', 'java', 'javascript', 'node', 'npm', 'yarn',
  'docker', 'git', 'github', 'gitlab', 'chrome', 'firefox', 'safari', 'edge', 'server', 'client', 'host', 'guest', 'terminal', 'shell', 'console',
  'browser', 'desktop', 'mobile', 'web', 'api', 'cli', 'gui', 'default', 'optional', 'required', 'deprecated', 'new', 'old', 'before', 'after',
]);

/**
 * A quote's first line that opens with a person's name and a colon ("Pieren : Ceux que …", "Yves: …"):
 * the name, or null. The name is 1–3 capitalised words, none of them a word that labels a line.
 */
export function matchSpeakerLabel(content: string): AttributionMatch | null {
  // Asked of every quote's first line: most have no colon near their start, or start with no capital.
  const colon = content.indexOf(':');
  if (colon < 1 || colon > MAX_LABEL_LENGTH) return null;
  const match = LABEL.exec(content);
  if (!match) return null;
  const name = labelName(match[1]);
  return name ? { form: 'speaker-label', placement: 'first-line', speaker: name } : null;
}

/** The words before a label's colon, when they are a person's name (1–3 capitalised words, none a word that labels a line). */
export function labelName(words: string): string | null {
  const name = words.trim();
  const tokens = name.split(/\s+/);
  for (const word of tokens) {
    const lower = word.toLowerCase().replace(/\.$/, '');
    // Lower-case words inside a name are particles only ("Ludwig van Beethoven"), not a phrase ("Bottom of it").
    if (word === lower ? !NAME_PARTICLES.has(lower) : NOT_NAMES.has(lower)) return null;
  }
  // A name is no abbreviation in capitals ("FAQ:", "API:", "TODO:") unless it is one letter and a dot.
  if (tokens.some((word) => word.length > 1 && word === word.toUpperCase() && /\p{Lu}{2}/u.test(word))) return null;
  return name;
}
