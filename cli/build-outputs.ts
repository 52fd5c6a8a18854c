// The steps `start` and `export` share: records → data folder (records, report, extraction) → the output graph file.
import { existsSync, readFileSync } from "node:fs";
import type { IngestReport, OutcomeRecord } from "../ingest/schema.ts";
import { buildOutputGraph, extractReviewed, type OutputOptions } from "../graph/pipeline.ts";
import type { GraphEnvelope } from "../graph/schema.ts";
import { readCuration, reportStale } from "./curation.ts";
import { type Config, extractOptionsFrom } from "./config.ts";
import { type DataFolder, ensureDataFolder, writeFileAtomic } from "./data-folder.ts";
import { loadStoredRecords, toJsonLines } from "./records.ts";

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

/** Saves the user's own store: every record (confidential ones flagged), the report, and the full extraction with review decisions applied. */
export function saveStore(folder: DataFolder, records: OutcomeRecord[], report: IngestReport | null, config: Config): void {
  ensureDataFolder(folder);
  writeFileAtomic(folder.records, toJsonLines(records));
  if (report) writeFileAtomic(folder.report, json(report));
  const { extraction, stale, mergeReport } = extractReviewed(records, outputOptions(folder, config, { includeConfidential: true }));
  reportStale(stale);
  writeFileAtomic(folder.extraction, json(extraction));
  writeFileAtomic(folder.mergeReport, json(mergeReport));
}

/** The options every output shares: the config's extraction settings and the curation file of the data folder. */
export function outputOptions(folder: DataFolder, config: Config, options: Partial<OutputOptions> = {}): Partial<OutputOptions> {
  return { extract: extractOptionsFrom(config), curation: readCuration(folder), ...options };
}

/** Builds the graph outputs show (confidential records left out unless asked) and saves it as the data folder's graph.json. */
export function saveOutputGraph(folder: DataFolder, records: OutcomeRecord[], config: Config, includeConfidential: boolean): GraphEnvelope {
  const { envelope } = buildOutputGraph(records, outputOptions(folder, config, { includeConfidential }));
  writeFileAtomic(folder.graph, JSON.stringify(envelope));
  return envelope;
}

/** Rebuilds the data folder's graph.json from its records (after a review decision), keeping whether it showed confidential records. */
export function rebuildOutputGraph(folder: DataFolder, config: Config): void {
  const meta = existsSync(folder.graph) ? (JSON.parse(readFileSync(folder.graph, "utf8")) as { meta?: { includesConfidential?: boolean } }).meta : undefined;
  saveOutputGraph(folder, loadStoredRecords(folder), config, meta?.includesConfidential === true);
}
