/** A seeded pseudo-random source (a linear congruential generator): `random(n)` gives an integer in 0..n-1, the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
}
