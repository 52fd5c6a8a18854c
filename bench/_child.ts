// A measuring child: runs one task in a fresh process and prints one JSON line with its times and its own peak RSS.
//   node --import tsx bench/_child.ts ingest PATH...
//   node --import tsx bench/_child.ts pipeline [--save DIR] PATH...   (--save: the extraction in chunks, after measuring)
//   node --import tsx bench/_child.ts neo4j-load DIR DEADLINE_MS      (NEO4J_URI/USER/PASSWORD in the environment)
import { ingestPaths, ingestStream } from "../ingest/index.ts";
import type { Extraction, OutcomeRecord } from "../ingest/schema.ts";
import { chunkExtraction, listChunks, readChunk, writeChunks } from "./_extraction-file.ts";
import type { ChildReport, LoadChunk } from "./schema.ts";

type ExtractRecords = (records: OutcomeRecord[], options?: object) => { extraction: Extraction };

/** Loaded at run time so the benchmark still measures ingest where the extractor is absent. */
const EXTRACT_MODULE = new URL("../ingest/extract/index.ts", import.meta.url).href;

/** Records per chunk of a saved extraction: one incremental push each in the Neo4j load. */
export const RECORDS_PER_CHUNK = 10_000;
/** A chunk is started only when the last one's time, with this margin for a growing graph, still ends before the deadline. */
const CHUNK_MARGIN = 1.3;

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (from: number) => (performance.now() - from) / 1000;
const print = (line: object) => process.stdout.write(JSON.stringify(line) + "\n");

async function ingestOnly(paths: string[]): Promise<ChildReport> {
  const start = performance.now();
  let records = 0;
  let skipped = 0;
  for await (const item of ingestStream(paths)) {
    if (item.type === "record") records++;
    else if (item.issue.level === "skipped") skipped++;
  }
  return { task: "ingest", records, skipped, ingestSeconds: seconds(start), peakRssMb: peakRssMb() };
}

/** Ingest + extraction, measured; then (not measured, after the report is printed) the extraction saved in chunks. */
async function pipeline(args: string[]): Promise<void> {
  const save = args[0] === "--save" ? args[1] : undefined;
  const paths = save ? args.slice(2) : args;
  const { extractRecords } = (await import(EXTRACT_MODULE)) as { extractRecords: ExtractRecords };
  const start = performance.now();
  const { records, report } = await ingestPaths(paths);
  const ingestSeconds = seconds(start);
  const extractStart = performance.now();
  const { extraction } = extractRecords(records, {});
  const extractSeconds = seconds(extractStart);
  print({
    task: "pipeline",
    records: records.length,
    skipped: report.skipped,
    ingestSeconds,
    extractSeconds,
    entities: extraction.entities.length,
    relations: extraction.relations.length,
    peakRssMb: peakRssMb(),
  } satisfies ChildReport);
  if (!save) return;
  const saveStart = performance.now();
  const files = await writeChunks(save, chunkExtraction(extraction, RECORDS_PER_CHUNK));
  print({ saved: files.length, seconds: seconds(saveStart) });
}

/**
 * Pushes the saved chunks in order, one pushExtraction each (incremental pushes into a growing graph), until the next
 * one would end after the deadline; then the betweenness over the whole graph, as `harvestgraph push` does.
 */
async function neo4jLoad(dir: string, deadlineMs: number): Promise<ChildReport> {
  // Imported here only, so the ingest and pipeline children's memory figures carry no Neo4j driver.
  const { createDriver, pushExtraction, updateCentrality } = await import("../graph/neo4j/index.ts");
  const env = process.env;
  if (!env.NEO4J_URI || !env.NEO4J_PASSWORD) throw new Error("neo4j-load: NEO4J_URI and NEO4J_PASSWORD must be set");
  const driver = createDriver({ uri: env.NEO4J_URI, user: env.NEO4J_USER || "neo4j", password: env.NEO4J_PASSWORD, source: "env" });
  const files = listChunks(dir);
  const chunks: LoadChunk[] = [];
  let stopped: string | undefined;
  try {
    for (const [i, file] of files.entries()) {
      const last = chunks[chunks.length - 1];
      if (last && Date.now() + last.seconds * CHUNK_MARGIN * 1000 > deadlineMs) {
        stopped = `stopped after ${i} of ${files.length} chunks: the next one would end after the bench's 20 minutes`;
        break;
      }
      const extraction = await readChunk(file);
      const start = performance.now();
      // where the time goes: each phase's seconds, from the end of one batch to the end of the next
      const phases: Record<string, number> = {};
      let mark = start;
      const onProgress = ({ phase }: { phase: string }) => {
        const now = performance.now();
        phases[phase] = (phases[phase] ?? 0) + (now - mark) / 1000;
        mark = now;
      };
      const r = await pushExtraction(driver, extraction, { onProgress });
      const s = seconds(start);
      const relationships = r.mentions + r.relations;
      const phaseSeconds = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v * 100) / 100]));
      chunks.push({ records: r.outcomes, rows: r.outcomes + r.entities + relationships, relationships, transactions: r.transactions, skipped: r.skipped.length, seconds: s, phaseSeconds });
    }
    const centralityStart = performance.now();
    const centrality = await updateCentrality(driver);
    const sum = (key: "records" | "rows" | "relationships") => chunks.reduce((n, c) => n + c[key], 0);
    const pushSeconds = chunks.reduce((n, c) => n + c.seconds, 0);
    return {
      task: "neo4j-load",
      chunks,
      records: sum("records"),
      rows: sum("rows"),
      relationships: sum("relationships"),
      pushSeconds,
      centralitySeconds: seconds(centralityStart),
      centrality,
      ...(stopped ? { stopped } : {}),
      peakRssMb: peakRssMb(),
    };
  } finally {
    await driver.close();
  }
}

const [task, ...args] = process.argv.slice(2);
if (task === "ingest") print(await ingestOnly(args));
else if (task === "pipeline") await pipeline(args);
else if (task === "neo4j-load") print(await neo4jLoad(args[0], Number(args[1])));
else {
  process.stderr.write(`bench child: unknown task "${task}"\n`);
  process.exit(1);
}
