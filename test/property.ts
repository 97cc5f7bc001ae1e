import fc from 'fast-check';

/**
 * Property tests run in two modes. In `npm test` (mocha's unit run) each property runs a bounded number of
 * times from a fixed seed, so a run is fast and any failure replays exactly. `npm run fuzz` loads
 * test/fuzzMode.ts first, which sets RIPOSTE_FUZZ: each property then runs many more times from a seed
 * drawn afresh and printed at the start.
 *
 * Either way a failure names its seed and fast-check's path to the shrunk counterexample; with
 * `RIPOSTE_SEED=… RIPOSTE_PATH=… npm run fuzz -- --grep "…"` (or `npm run test:unit`) the property replays
 * that counterexample alone.
 */
export const FUZZ = process.env.RIPOSTE_FUZZ === '1';

/** The seed of `npm test`: fixed, so that the bounded run is the same on every machine. */
const UNIT_SEED = 20_260_412;

function seedOfRun(): number {
  const raw = process.env.RIPOSTE_SEED;
  if (raw !== undefined && raw !== '') {
    const seed = Number(raw);
    if (!Number.isSafeInteger(seed)) throw new Error(`RIPOSTE_SEED must be an integer, not ${JSON.stringify(raw)}`);
    return seed | 0;
  }
  return FUZZ ? (Math.random() * 0x7fffffff) | 0 : UNIT_SEED;
}

export const SEED = seedOfRun();
const PATH = process.env.RIPOSTE_PATH || undefined;

if (FUZZ) console.log(`fuzz: seed ${SEED}${PATH ? `, path ${PATH}` : ''} (RIPOSTE_SEED=${SEED} npm run fuzz replays this run)`);

/** Runs made in this mode, for the reliability notes and the tests' titles. */
export function runsFor(runs: { unit: number; fuzz: number }): number {
  return FUZZ ? runs.fuzz : runs.unit;
}

/** Every property run so far, by title: what docs/reliability.md reports. */
export const runCounts = new Map<string, number>();

/**
 * Checks a property with fast-check and this mode's seed and run count; a failure throws fast-check's
 * report (the shrunk counterexample) under one line that says how to replay it.
 */
export function checkProperty<Ts extends [unknown, ...unknown[]]>(title: string, property: fc.IProperty<Ts>, runs: { unit: number; fuzz: number }): void {
  const numRuns = runsFor(runs);
  const details = fc.check(property, { seed: SEED, path: PATH, numRuns, endOnFailure: PATH !== undefined });
  runCounts.set(title, details.numRuns);
  if (!details.failed) return;
  const replay = `RIPOSTE_SEED=${details.seed} RIPOSTE_PATH=${details.counterexamplePath ?? ''} npm run ${FUZZ ? 'fuzz' : 'test:unit'} -- --grep ${JSON.stringify(title)}`;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`Property failed: ${cause}\nReplay with\n  ${replay}\n${fc.defaultReportMessage(details) ?? ''}`);
}
