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
    for (let step = 0; step < 20000; step++) {
      const key = keys[random(keys.length)];
      const operation = random(4);
      if (operation === 0) assert.equal(map.delete(key), reference.delete(key), `delete ${key} at step ${step}`);
      else if (operation === 1) {
        // getOrAdd: the value there, or undefined after adding this one.
        const had = reference.get(key);
        if (had === undefined) reference.set(key, step);
        assert.equal(map.getOrAdd(key, step), had, `getOrAdd ${key} at step ${step}`);
      } else {
        map.set(key, step);
        reference.set(key, step);
      }
      const probe = keys[random(keys.length)];
      assert.equal(map.get(probe), reference.get(probe), `get ${probe} at step ${step}`);
      assert.equal(map.size, reference.size);
    }
    for (const key of keys) assert.equal(map.get(key), reference.get(key));
  });
});
