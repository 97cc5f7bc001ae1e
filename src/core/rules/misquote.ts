import { lineRangeLabel } from '../lineRange';
import { keysOfText } from '../words';
import { Finding, Rule } from '../rule';
import { wordDifferences, wordSimilarity } from '../similarity';
import { splitLines } from '../text';
import { range, Range } from '../types';

// Elisions and editorial insertions split a quote into fragments that must each appear in the source.
const ELISION = /\s*(?:\[\s*(?:\.{3}|…)\s*\]|\(\s*(?:\.{3}|…)\s*\)|\.{3}|…|\[[^\]]{1,40}\])\s*/;
const MIN_FRAGMENT_WORDS = 3;

interface SourcePassage {
  keys: string[];
  text: string;
  line: number;
  range: Range;
}

export const misquote: Rule = {
  id: 'misquote',
  description: 'A quote whose words are not in the source it quotes (front matter `source:` or the `source` setting), allowing for typography, white space and elisions.',
  defaultSeverity: 'warning',
  scope: 'debate',
  options: {},
  check(draft, { analysis }) {
    const source = analysis.source;
    if (!source) return [];
    const replyingTo = draft.frontMatter?.values.get('replying-to')?.toLowerCase();
    const haystack = ` ${keysOfText(source.text).join(' ')} `;
    let passages: SourcePassage[] | null = null;
    const findings: Finding[] = [];

    for (const unit of draft.units) {
      if (!unit.isProse || unit.depth !== 1 || !unit.quote || unit.quote.depth !== 1) continue;
      const speaker = unit.quote.speaker?.toLowerCase();
      if (speaker && replyingTo && speaker !== replyingTo) continue;
      const text = unit.prose.replace(/^\s*\*\*[^*]+\*\*\s*:?/, '').replace(/^\s*<@[^>]+>/, '');
      // Each sentence of each fragment must appear as written, so the message can name the sentence that differs.
      const missing = text
        .split(ELISION)
        .flatMap((fragment) => fragment.split(/(?<=[.!?])\s+/))
        .map((sentence) => ({ sentence: sentence.trim(), keys: keysOfText(sentence) }))
        .filter(({ keys }) => keys.length >= MIN_FRAGMENT_WORDS && !haystack.includes(` ${keys.join(' ')} `));
      if (missing.length === 0) continue;
      passages ??= splitPassages(source.text);
      const closest = closestPassage(passages, missing[0].keys);
      const unitRange = range(unit.startLine, 0, unit.endLine, draft.lines[unit.endLine].text.length);
      let detail = '';
      if (closest) {
        const { removed, added } = wordDifferences(closest.keys, missing[0].keys);
        detail =
          removed.length && added.length && removed.length + added.length <= 8
            ? ` The source (line ${closest.line + 1}) has “${removed.join(' ')}” where the quote has “${added.join(' ')}”.`
            : ` Closest passage (line ${closest.line + 1}): “${shorten(closest.text)}”.`;
      }
      findings.push({
        range: unitRange,
        message: `Not found in ${source.path}: “${shorten(missing[0].sentence)}”.${detail}`,
        related: closest
          ? [{ range: unitRange, message: `Closest passage in ${source.path}, ${lineRangeLabel(closest.line)}: “${shorten(closest.text)}”`, elsewhere: { file: source.path, range: closest.range } }]
          : [],
      });
    }
    return findings;
  },
};

/** The source's sentences, each with where it stands, to point at the passage a misquote came from. */
function splitPassages(text: string): SourcePassage[] {
  const passages: SourcePassage[] = [];
  splitLines(text).forEach((line, index) => {
    for (const match of line.text.matchAll(/[^.!?]+[.!?]*/g)) {
      const sentence = match[0].trim();
      const keys = keysOfText(sentence);
      if (keys.length === 0) continue;
      const start = (match.index ?? 0) + match[0].indexOf(sentence);
      passages.push({ keys, text: sentence, line: index, range: range(index, start, index, start + sentence.length) });
    }
  });
  return passages;
}

function closestPassage(passages: readonly SourcePassage[], keys: readonly string[]): SourcePassage | null {
  const wanted = new Set(keys);
  let best: { passage: SourcePassage; score: number } | null = null;
  for (const passage of passages) {
    if (!passage.keys.some((key) => wanted.has(key))) continue;
    const score = wordSimilarity(passage.keys, keys);
    if (!best || score > best.score) best = { passage, score };
  }
  return best && best.score >= 0.3 ? best.passage : null;
}

function shorten(raw: string): string {
  const text = raw.replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

