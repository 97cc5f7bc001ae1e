import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A seeded integer source: `random(n)` is uniform in 0..n-1, the same sequence for the same seed on every
 * machine; `random.seed` names the seed in failure messages. It is xoroshiro128+ with an unbiased range
 * reduction (pure-rand, fast-check's own generator): the linear congruential generator it replaces returned
 * `state % n`, whose low bits cycle with a short period, so consecutive draws were correlated and some tests
 * reached a sliver of their space.
 */
export function seededRandom(seed: number): ((n: number) => number) & { readonly seed: number } {
  const generator = xoroshiro128plus(seed);
  return Object.assign((n: number) => uniformInt(generator, 0, n - 1), { seed });
}
