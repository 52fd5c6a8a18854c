// Public surface of the benchmark: generate synthetic corpora, measure ingest and extraction in fresh child processes,
// score the synthetic ground truth, time the viewer, load Neo4j and time its named queries, and write
// bench/results/latest.json + latest.md.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import type { Extraction, OutcomeRecord } from "../ingest/schema.ts";
import { ingestPaths } from "../ingest/index.ts";
import { SYNTH_FORMATS, SYNTH_VERSION, writeCorpus, type CorpusFiles, type SynthFormat } from "../synth/index.ts";
import { measureSyntheticF1 } from "./_f1.ts";
import { measureNeo4j, type Neo4jBenchOptions } from "./_neo4j.ts";
import { renderMarkdown } from "./_report.ts";
import { measure, PROJECT_ROOT, type ChildResult } from "./_spawn.ts";
import { measureViewer } from "./_viewer.ts";
import { BenchOptions, DEFAULT_BENCH_OPTIONS, type BenchResults, type IngestRow, type PipelineRow, type ScalingRow, type Section } from "./schema.ts";

export * from "./schema.ts";
export { renderMarkdown } from "./_report.ts";

/** The whole bench may take 20 minutes; extraction at 100,000 is skipped when the 10,000 run says it would not fit. */
const BUDGET_SECONDS = 20 * 60;
/** The large Neo4j load stops pushing this long before the budget ends: its betweenness, the named queries, the report. */
const NEO4J_RESERVE_SECONDS = 150;
const round = (x: number) => Math.round(x * 100) / 100;
const median = <T,>(items: T[], key: (t: T) => number) => [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)];

export async function runBench(options: Partial<BenchOptions> = {}, log: (line: string) => void = () => {}): Promise<BenchResults> {
  const opts = BenchOptions.parse({ ...DEFAULT_BENCH_OPTIONS, ...options });
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const work = mkdtempSync(join(tmpdir(), "harvestgraph-bench-"));
  const sizes = opts.quick ? [1000] : [1000, 10_000, 100_000];
  const runsAt = (n: number) => (opts.quick || n >= 100_000 ? 1 : 3);
  const generateSeconds: Record<string, number> = {};
  try {
    // 1. corpora: every format at 1,000, JSON Lines at the larger sizes (record i is the same in all of them)
    const corpus = async (format: SynthFormat, records: number): Promise<CorpusFiles> => {
      const t = performance.now();
      log(`synth: ${records} ${format} records`);
      const files = await writeCorpus({ records, seed: opts.seed, format, out: join(work, `${format}-${records}`) });
      generateSeconds[`${format}@${records}`] = round((performance.now() - t) / 1000);
      return files;
    };
    const small = new Map<SynthFormat, CorpusFiles>();
    for (const format of SYNTH_FORMATS) small.set(format, await corpus(format, 1000));
    const jsonl = new Map<number, CorpusFiles>([[1000, small.get("jsonl")!]]);
    for (const n of sizes.slice(1)) jsonl.set(n, await corpus("jsonl", n));

    // 2. ingest: each format at 1,000, JSON Lines at every size, each run in a fresh process
    const ingestRows: IngestRow[] = [];
    const failures: string[] = [];
    const ingestAt = async (format: string, files: CorpusFiles) => {
      log(`ingest: ${format} @ ${files.records}`);
      const row = await repeat(runsAt(files.records), () => measure("ingest", [files.recordsDir], opts.childTimeoutMs));
      if (!row.ok) return failures.push(`${format} @ ${files.records}: ${row.why}`);
      const r = row.report;
      if (r.task !== "ingest") return failures.push(`${format} @ ${files.records}: the child reported another task`);
      ingestRows.push({ format, records: r.records, seconds: round(r.ingestSeconds), recordsPerSecond: Math.round(r.records / r.ingestSeconds), peakRssMb: r.peakRssMb, runs: row.runs });
    };
    for (const [format, files] of small) await ingestAt(format, files);
    for (const n of sizes.slice(1)) await ingestAt("jsonl", jsonl.get(n)!);
    const ingest: BenchResults["ingest"] = ingestRows.length ? { status: "measured", rows: ingestRows } : { status: "not measured", why: failures.join("; ") };

    // 3. ingest + extraction of JSON Lines in one fresh process per size: records/s and peak RSS
    const pipelineRows: PipelineRow[] = [];
    let pipelineWhy = "";
    let saved: Neo4jBenchOptions["large"] = opts.quick ? undefined : { why: "no pipeline run saved its extraction" };
    for (const n of sizes) {
      const previous = pipelineRows[pipelineRows.length - 1];
      const projected = previous ? (previous.totalSeconds * n) / previous.records : 0;
      if (projected > BUDGET_SECONDS - elapsed() - 120) {
        pipelineWhy = `extraction at ${n.toLocaleString("en")} not run: the ${previous.records.toLocaleString("en")}-record run took ${Math.round(previous.totalSeconds)} s, so a linear projection (${Math.round(projected / 60)} min) does not fit the bench's 20 minutes`;
        log(`pipeline: ${pipelineWhy}`);
        break;
      }
      log(`ingest + extract: jsonl @ ${n}`);
      // the largest run may use what is left of the budget, keeping three minutes for F1 and Neo4j
      const timeoutMs = Math.max(opts.childTimeoutMs, (BUDGET_SECONDS - elapsed() - 180) * 1000);
      // the larger sizes also save their extraction (after measuring) for the Neo4j load of the largest graph
      const save = !opts.quick && n >= 10_000 ? ["--save", join(work, `extraction-${n}`)] : [];
      const row = await repeat(n >= 10_000 ? 1 : runsAt(n), () => measure("pipeline", [...save, jsonl.get(n)!.recordsDir], timeoutMs));
      if (!row.ok) {
        pipelineWhy = `${n}: ${row.why}`;
        break;
      }
      const r = row.report;
      if (r.task !== "pipeline") break;
      if (save.length) saved = row.saved ? { dir: save[1], records: r.records } : { why: `the ${n}-record pipeline child did not save its extraction` };
      pipelineRows.push({
        records: r.records,
        ingestSeconds: round(r.ingestSeconds),
        extractSeconds: round(r.extractSeconds),
        totalSeconds: round(r.ingestSeconds + r.extractSeconds),
        ingestRecordsPerSecond: Math.round(r.records / r.ingestSeconds),
        extractRecordsPerSecond: Math.round(r.records / r.extractSeconds),
        entities: r.entities,
        relations: r.relations,
        peakRssMb: r.peakRssMb,
        runs: row.runs,
      });
    }
    const pipeline: BenchResults["pipeline"] = pipelineRows.length
      ? { status: "measured", rows: pipelineRows, ...(pipelineWhy ? { note: pipelineWhy } : {}) }
      : { status: "not measured", why: pipelineWhy || "no size ran" };

    // 4. scaling: time(10×N) / time(N)
    const scaling = scalingOf(ingestRows.filter((r) => r.format === "jsonl"), pipelineRows, opts.quick);
    const targets = targetsOf(ingestRows, pipelineRows, pipelineWhy);

    // 5. extraction F1 on the synthetic ground truth, text records
    const f1Records = opts.quick ? 200 : 1000;
    log(`f1: extract --per-record on ${f1Records} txt records, then the scorer`);
    const f1Corpus = await writeCorpus({ records: f1Records, seed: opts.seed, format: "txt", out: join(work, `f1-txt-${f1Records}`) });
    const syntheticF1 = await measureSyntheticF1(f1Corpus, join(work, "f1"), opts.childTimeoutMs);

    // 6. viewer frame times
    const viewer = await measureViewer({ quick: opts.quick, log, timeoutMs: opts.childTimeoutMs });

    // 7. Neo4j: batched vs naive on the extraction of the same records; the largest saved extraction as far as the
    // budget allows; the named queries on it (last, so the large load can use what the budget leaves)
    const neo4jRecords = opts.quick ? 200 : 1000;
    const deadlineMs = Date.now() + (BUDGET_SECONDS - elapsed() - NEO4J_RESERVE_SECONDS) * 1000;
    const neo4j = await withExtraction(jsonl.get(1000)!, neo4jRecords, (extraction) =>
      measureNeo4j({ extraction, records: neo4jRecords, large: saved, deadlineMs, childTimeoutMs: opts.childTimeoutMs, log }),
    );

    const results: BenchResults = {
      version: 1,
      quick: opts.quick,
      machine: machine(),
      corpus: { generator: `harvestgraph synth v${SYNTH_VERSION}`, seed: opts.seed, generateSeconds },
      ingest,
      pipeline,
      scaling,
      targets,
      syntheticF1,
      neo4j,
      viewer,
      startedAt: new Date(Date.now() - elapsed() * 1000).toISOString(),
      seconds: round(elapsed()),
    };
    mkdirSync(opts.resultsDir, { recursive: true });
    writeFileSync(join(opts.resultsDir, "latest.json"), JSON.stringify(results, null, 2) + "\n");
    writeFileSync(join(opts.resultsDir, "latest.md"), renderMarkdown(results));
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs a measurement `runs` times (each in its own process) and keeps the median by time. */
async function repeat(runs: number, once: () => Promise<ChildResult>): Promise<(ChildResult & { runs: number }) | { ok: false; why: string }> {
  const results: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await once();
    if (!r.ok) return r;
    results.push(r);
  }
  const ok = results.filter((r): r is Extract<ChildResult, { ok: true }> => r.ok);
  const time = ({ report: r }: (typeof ok)[number]) => (r.task === "neo4j-load" ? r.pushSeconds : r.ingestSeconds + (r.task === "pipeline" ? r.extractSeconds : 0));
  return { ...median(ok, time), runs };
}

function scalingOf(ingestJsonl: IngestRow[], pipelineRows: PipelineRow[], quick: boolean): Section<{ rows: ScalingRow[] }> {
  if (quick) return { status: "not measured", why: "--quick runs 1,000 records only" };
  const rows: ScalingRow[] = [];
  for (const a of ingestJsonl) {
    const b = ingestJsonl.find((r) => r.records === a.records * 10);
    if (!b) continue;
    const pa = pipelineRows.find((r) => r.records === a.records);
    const pb = pipelineRows.find((r) => r.records === b.records);
    rows.push({ from: a.records, to: b.records, ingest: round(b.seconds / a.seconds), extract: pa && pb ? round(pb.extractSeconds / pa.extractSeconds) : null });
  }
  return rows.length ? { status: "measured", rows } : { status: "not measured", why: "fewer than two sizes were measured" };
}

function targetsOf(ingestRows: IngestRow[], pipelineRows: PipelineRow[], pipelineWhy: string): BenchResults["targets"] {
  const big = pipelineRows.find((r) => r.records === 100_000);
  if (!big) return { status: "not measured", why: pipelineWhy || "100,000 records were not run (--quick)" };
  return { status: "measured", records: big.records, totalSeconds: big.totalSeconds, peakRssMb: big.peakRssMb, underTwoMinutes: big.totalSeconds < 120, underTwoGb: big.peakRssMb < 2048 };
}

/** The extraction of the first `n` records of a corpus, for the Neo4j load; "not measured" when the extractor is absent. */
async function withExtraction<T>(files: CorpusFiles, n: number, use: (extraction: Extraction) => Promise<Section<T>>): Promise<Section<T>> {
  let extractRecords: (records: OutcomeRecord[], options?: object) => { extraction: Extraction };
  try {
    ({ extractRecords } = await import(new URL("../ingest/extract/index.ts", import.meta.url).href));
  } catch (error) {
    return { status: "not measured", why: `the extractor cannot be loaded: ${(error as Error).message.split("\n")[0]}` };
  }
  const { records } = await ingestPaths([files.recordsDir]);
  return use(extractRecords(records.slice(0, n), {}).extraction);
}

function machine(): BenchResults["machine"] {
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    commit = null;
  }
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}`, commit };
}
