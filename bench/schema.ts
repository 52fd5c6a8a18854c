// Shapes of the benchmark: its options, what a measuring child reports, and the results document (bench/results/latest.json).
import { z } from "zod";

export const BenchOptions = z.object({
  /** 1,000 records only, the viewer at 5,000 nodes: under two minutes. */
  quick: z.boolean(),
  /** Where latest.json and latest.md go. */
  resultsDir: z.string(),
  /** Seed of the synthetic corpus. */
  seed: z.number().int().nonnegative(),
  /** Longest a single measuring child may run before it is stopped and reported as such. */
  childTimeoutMs: z.number().int().positive(),
});
export type BenchOptions = z.infer<typeof BenchOptions>;

export const DEFAULT_BENCH_OPTIONS: BenchOptions = { quick: false, resultsDir: "bench/results", seed: 1, childTimeoutMs: 8 * 60_000 };

/** One chunk of records pushed by the Neo4j load: one pushExtraction (an incremental push into the growing graph). */
export const LoadChunk = z.object({
  records: z.number(),
  rows: z.number(),
  relationships: z.number(),
  transactions: z.number(),
  /** Rows the push left out (reported by pushExtraction, e.g. a relation whose endpoint is another chunk's outcome). */
  skipped: z.number(),
  seconds: z.number(),
  /** Seconds per push phase (outcomes, provenance, entities, mentions, relations, cleanup): where the time goes. */
  phaseSeconds: z.record(z.string(), z.number()),
});
export type LoadChunk = z.infer<typeof LoadChunk>;

const BetweennessMethod = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("exact"), nodes: z.number() }),
  z.object({ kind: z.literal("sampled"), nodes: z.number(), sources: z.number(), seed: z.number() }),
]);

/** What a child process measured: its own times and its own peak resident set (process.resourceUsage().maxRSS). */
export const ChildReport = z.discriminatedUnion("task", [
  z.object({ task: z.literal("ingest"), records: z.number(), skipped: z.number(), ingestSeconds: z.number(), peakRssMb: z.number() }),
  z.object({
    task: z.literal("pipeline"),
    records: z.number(),
    skipped: z.number(),
    ingestSeconds: z.number(),
    extractSeconds: z.number(),
    entities: z.number(),
    relations: z.number(),
    peakRssMb: z.number(),
  }),
  z.object({
    task: z.literal("neo4j-load"),
    chunks: z.array(LoadChunk),
    records: z.number(),
    rows: z.number(),
    relationships: z.number(),
    pushSeconds: z.number(),
    centralitySeconds: z.number(),
    centrality: z.object({ entities: z.number(), nodes: z.number(), edges: z.number(), method: z.object({ public: BetweennessMethod, all: BetweennessMethod }) }),
    /** Why fewer chunks than saved were pushed (the deadline). */
    stopped: z.string().optional(),
    peakRssMb: z.number(),
  }),
]);
export type ChildReport = z.infer<typeof ChildReport>;

/** A figure the bench could not take says why, instead of a number. */
export type NotMeasured = { status: "not measured"; why: string };
export type Measured<T> = { status: "measured" } & T;
export type Section<T> = Measured<T> | NotMeasured;

export type IngestRow = { format: string; records: number; seconds: number; recordsPerSecond: number; peakRssMb: number; runs: number };
export type PipelineRow = {
  records: number;
  ingestSeconds: number;
  extractSeconds: number;
  totalSeconds: number;
  ingestRecordsPerSecond: number;
  extractRecordsPerSecond: number;
  entities: number;
  relations: number;
  peakRssMb: number;
  runs: number;
};
export type ScalingRow = { from: number; to: number; ingest: number; extract: number | null };

/** One load of the same extraction into an empty database: batched (the push's batch size) or naive (one row each). */
export type Neo4jLoad = {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  transactions: number;
  relationships: number;
  relationshipsPerSecond: number;
  batchSize: number;
  /** 1-minute load average when the load finished: other work on the machine slows the server. */
  loadAverage: number;
};

/** The largest corpus pushed chunk by chunk (as many chunks as the budget allows), then its betweenness computed. */
export type LargeLoad = {
  /** Records of the corpus whose extraction was saved; `records` of them were pushed. */
  corpusRecords: number;
  records: number;
  rows: number;
  relationships: number;
  seconds: number;
  rowsPerSecond: number;
  relationshipsPerSecond: number;
  chunks: LoadChunk[];
  centralitySeconds: number;
  /** How the betweenness was computed (exact or sampled, with the sample size), over all records. */
  betweenness: string;
  note?: string;
};

/** One named query timed on the loaded graph: the median of `runsMs` after one untimed run. */
export type QueryTiming = { name: string; params: Record<string, unknown>; rows: number; medianMs: number; runsMs: number[] } | { name: string; why: string };

export type QueryFigures = {
  /** What the queries ran on. */
  graph: { records: number; nodes: number; relationships: number };
  /** The country filter: the country (ISO code) with the most outcomes in the graph. */
  country: string;
  timings: QueryTiming[];
};

export type Neo4jFigures = {
  records: number;
  batched: Neo4jLoad;
  naive: Neo4jLoad;
  ratio: number;
  batchedRuns: number[];
  serverStartSeconds: number;
  server: { heapMb: number; pageCacheMb: number };
  largeLoad: Section<LargeLoad>;
  queries: Section<QueryFigures>;
};

export type BenchResults = {
  version: 1;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; commit: string | null };
  corpus: { generator: string; seed: number; generateSeconds: Record<string, number> };
  ingest: Section<{ rows: IngestRow[] }>;
  pipeline: Section<{ rows: PipelineRow[]; note?: string }>;
  scaling: Section<{ rows: ScalingRow[] }>;
  targets: Section<{ records: number; totalSeconds: number; peakRssMb: number; underTwoMinutes: boolean; underTwoGb: boolean }>;
  syntheticF1: Section<{ records: number; extractSeconds: number; score: Record<string, unknown> }>;
  neo4j: Section<Neo4jFigures>;
  viewer: Section<Record<string, unknown>>;
  startedAt: string;
  seconds: number;
};
