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
  neo4j: Section<Record<string, unknown>>;
  viewer: Section<Record<string, unknown>>;
  startedAt: string;
  seconds: number;
};
