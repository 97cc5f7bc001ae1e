import * as assert from 'node:assert/strict';
import { IntMap } from '../../src/core/intMap';
import { seededRandom } from '../random';

describe('IntMap', () => {
  it('agrees with a Map through random sets, adds and deletes, crowded probe runs and growth included', () => {
    const random = seededRandom(99);
    // Keys share their low bits (multiples of 1024, negatives too), so they pile up in a few probe runs
    // and deletions have to shift entries back across the end of the table.
    const keys = Array.from({ length: 300 }, (_, i) => (i % 2 ? -1 : 1) * i * 1024 + (i % 3));
    const map = new IntMap<number>();
    const reference = new Map<number, number>();
    const at = (step: number) => `at step ${step} (seed ${random.seed})`;
    // The generator this test once used drew the operation from bits that cycled with the key's: it never
    // deleted a key that was present. Count what was reached, so that a weak generator fails the test.
    let deletedPresent = 0;
    let deletedAbsent = 0;
    for (let step = 0; step < 20000; step++) {
      const key = keys[random(keys.length)];
      const operation = random(4);
      if (operation === 0) {
        if (reference.has(key)) deletedPresent++;
        else deletedAbsent++;
        assert.equal(map.delete(key), reference.delete(key), `delete ${key} ${at(step)}`);
      } else if (operation === 1) {
        // getOrAdd: the value there, or undefined after adding this one.
        const had = reference.get(key);
        if (had === undefined) reference.set(key, step);
        assert.equal(map.getOrAdd(key, step), had, `getOrAdd ${key} ${at(step)}`);
      } else {
        map.set(key, step);
        reference.set(key, step);
      }
      const probe = keys[random(keys.length)];
      assert.equal(map.get(probe), reference.get(probe), `get ${probe} ${at(step)}`);
      assert.equal(map.size, reference.size);
    }
    for (const key of keys) assert.equal(map.get(key), reference.get(key));
    assert.ok(deletedPresent > 1000 && deletedAbsent > 500, `deletes of present keys ${deletedPresent}, of absent keys ${deletedAbsent} (seed ${random.seed})`);
  });
});
