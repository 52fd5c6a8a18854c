// Public surface of synth: a synthetic Outcome Harvesting corpus with its ground truth, for tests and the benchmark.
export * from "./schema.ts";
export { generateRecord, textFileName, TEXT_FIELD_NAMES } from "./record.ts";
export { buildPool, acronymOf, COUNTRIES, TRAININGS, type Actor, type Pool, type Programme } from "./pool.ts";
export { writeCorpus, textRecord, FIXED_TIME, GOLD_ABOUT, SYNTH_VERSION, type CorpusFiles } from "./write.ts";
export { createRng, type Rng } from "./_prng.ts";
export { foldName } from "./_compose.ts";
