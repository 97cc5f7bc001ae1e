// Loaded first by `npm run fuzz` (test/.mocharc.fuzz.json): the property and limit tests read it to run
// long, from a fresh seed, with the 50 MB draft included.
process.env.RIPOSTE_FUZZ = '1';
