import { isComparable } from '../duplicates';
import { lineLabel } from '../edits';
import { Finding, Rule } from '../rule';
import { cachedBandKeys, similarityBound, wordDifferences, wordSimilarity } from '../similarity';
import { range } from '../types';

const MAX_PER_BUCKET = 8;
const MAX_COMPARISONS = 8;

export const nearDuplicateParagraph: Rule = {
  id: 'near-duplicate-paragraph',
  description: 'A paragraph is almost the same as an earlier one: a few words changed, as when an edited copy was pasted beside the original.',
  defaultSeverity: 'warning',
  options: {
    threshold: { type: 'number', default: 0.8, minimum: 0.5, maximum: 0.99, description: 'Word-level similarity (0–1) from which two paragraphs count as near-duplicates.' },
    minWords: { type: 'number', default: 8, minimum: 3, description: 'Paragraphs shorter than this many words are not compared.' },
  },
  check(draft, { analysis, options }) {
    const threshold = options.threshold as number;
    const minWords = options.minWords as number;
    const { inLaterCopy } = analysis.duplicates;
    const buckets = new Map<number, number[]>();
    const candidates = draft.units.filter((unit) => isComparable(unit) && !inLaterCopy.has(unit));
    const keys = candidates.map((unit) => unit.wordKeys);
    const findings: Finding[] = [];
    const reported = new Set<number>();
    // Shared-band counts per earlier paragraph, reset through the list of those touched (no Map per paragraph).
    const sharedCount = new Uint8Array(candidates.length);
    const touched: number[] = [];
    candidates.forEach((unit, i) => {
      if (keys[i].length < minWords) return;
      // Candidates are earlier paragraphs sharing at least two MinHash bands (one shared band is mostly
      // chance), the most recent few of each bucket only: templated text fills buckets with thousands.
      for (const band of cachedBandKeys(keys[i])) {
        const bucket = buckets.get(band);
        if (!bucket) {
          buckets.set(band, [i]);
          continue;
        }
        for (let k = bucket.length - 1; k >= Math.max(0, bucket.length - MAX_PER_BUCKET); k--) {
          if (sharedCount[bucket[k]]++ === 0) touched.push(bucket[k]);
        }
        bucket.push(i);
      }
      let best: { index: number; similarity: number } | null = null;
      const ranked = touched.filter((j) => sharedCount[j] >= 2).sort((x, y) => sharedCount[y] - sharedCount[x] || y - x);
      for (const j of touched) sharedCount[j] = 0;
      touched.length = 0;
      for (const j of ranked.slice(0, MAX_COMPARISONS)) {
        const other = candidates[j];
        if (other.depth !== unit.depth || other.normalized === unit.normalized) continue;
        if (similarityBound(keys[i].length, keys[j].length) < threshold) continue;
        const similarity = wordSimilarity(keys[i], keys[j]);
        if (similarity >= threshold && (!best || similarity > best.similarity)) best = { index: j, similarity };
      }
      if (!best || reported.has(i)) return;
      reported.add(i);
      const earlier = candidates[best.index];
      const { removed, added } = wordDifferences(keys[best.index], keys[i]);
      const change = describeChange(removed, added);
      findings.push({
        range: range(unit.startLine, 0, unit.endLine, draft.lines[unit.endLine].text.length),
        message: `This paragraph is ${Math.round(best.similarity * 100)}% the same as the one at ${lineLabel(earlier.startLine, earlier.endLine)}${change ? ` (${change})` : ''}.`,
        related: [{ range: range(earlier.startLine, 0, earlier.endLine, draft.lines[earlier.endLine].text.length), message: 'Earlier version' }],
      });
    });
    return findings;
  },
};

function describeChange(removed: string[], added: string[]): string {
  const show = (words: string[]) => `“${words.slice(0, 6).join(' ')}${words.length > 6 ? ' …' : ''}”`;
  if (removed.length && added.length) return `${show(removed)} became ${show(added)}`;
  if (added.length) return `adds ${show(added)}`;
  if (removed.length) return `lacks ${show(removed)}`;
  return '';
}
