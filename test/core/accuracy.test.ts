import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addScores, corpusThreads, CORPUS, fraction, Measure, MEASURES, scoreThread } from '../accuracy/score';

// The totals `npm run accuracy` prints, held at or above these floors. Raise a floor when the engine gets
// better; never lower one to make a change pass (test/corpus/real/floors.json).
const floors = JSON.parse(readFileSync(join(CORPUS, 'floors.json'), 'utf8')) as Partial<Record<Measure, number>> & { threads: number };

describe('accuracy on the real-thread corpus (npm run accuracy)', () => {
  const threads = corpusThreads();
  const total = addScores(threads.map(scoreThread), 'total');

  it(`holds at least ${floors.threads} annotated threads, each with a .truth that reads`, () => {
    assert.ok(threads.length >= floors.threads, `${threads.length} threads`);
  });

  for (const { key, label } of MEASURES) {
    const floor = floors[key];
    if (floor === undefined) continue;
    const lowerIsBetter = key === 'trapsHit';
    it(`${label}: ${lowerIsBetter ? 'at most' : 'at least'} ${(100 * floor).toFixed(0)} %`, () => {
      const value = fraction(total[key]) ?? (lowerIsBetter ? 0 : 1);
      const shown = `${(100 * value).toFixed(1)} % (${total[key].hits}/${total[key].of})`;
      if (lowerIsBetter) assert.ok(value <= floor, `${label} is ${shown}`);
      else assert.ok(value >= floor, `${label} is ${shown}`);
    });
  }
});
