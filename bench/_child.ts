// A measuring child: runs one task in a fresh process and prints one JSON line with its times and its own peak RSS.
//   node --import tsx bench/_child.ts ingest|pipeline PATH...
import { ingestPaths, ingestStream } from "../ingest/index.ts";
import type { OutcomeRecord } from "../ingest/schema.ts";
import type { ChildReport } from "./schema.ts";

type ExtractRecords = (records: OutcomeRecord[], options?: object) => { extraction: { entities: unknown[]; relations: unknown[] } };

/** Loaded at run time so the benchmark still measures ingest where the extractor is absent. */
const EXTRACT_MODULE = new URL("../ingest/extract/index.ts", import.meta.url).href;

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (from: number) => (performance.now() - from) / 1000;

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

async function pipeline(paths: string[]): Promise<ChildReport> {
  const { extractRecords } = (await import(EXTRACT_MODULE)) as { extractRecords: ExtractRecords };
  const start = performance.now();
  const { records, report } = await ingestPaths(paths);
  const ingestSeconds = seconds(start);
  const extractStart = performance.now();
  const { extraction } = extractRecords(records, {});
  const extractSeconds = seconds(extractStart);
  return {
    task: "pipeline",
    records: records.length,
    skipped: report.skipped,
    ingestSeconds,
    extractSeconds,
    entities: extraction.entities.length,
    relations: extraction.relations.length,
    peakRssMb: peakRssMb(),
  };
}

const [task, ...paths] = process.argv.slice(2);
const report = task === "ingest" ? await ingestOnly(paths) : task === "pipeline" ? await pipeline(paths) : null;
if (!report) {
  process.stderr.write(`bench child: unknown task "${task}"\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify(report) + "\n");
