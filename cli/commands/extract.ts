// `harvestgraph extract <paths>`: the extraction document (outcomes, entities, relations with evidence), whole or one per record file.
import { basename, join } from "node:path";
import { defineCommand } from "citty";
import { extractReviewed, extractReviewedParallel, reviewedExtractOptions } from "../../graph/pipeline.ts";
import { createExtractionPool } from "../../ingest/extract/index.ts";
import type { Extraction, OutcomeRecord } from "../../ingest/schema.ts";
import { DATA_ARG, positionalPaths } from "../args.ts";
import { loadConfig } from "../config.ts";
import { resolveDataFolder, writeFileAtomic } from "../data-folder.ts";
import { CLIError } from "../errors.ts";
import { reportStale } from "../curation.ts";
import { outputOptions } from "../build-outputs.ts";
import { loadRecords } from "../records.ts";
import { jsonLinePieces, prettyJsonPieces, writePiecesAtomic, writePiecesToStdout } from "../json-pieces.ts";

function* jsonlItems(extraction: Extraction): Generator<unknown> {
  for (const outcome of extraction.outcomes) yield { outcome };
  for (const entity of extraction.entities) yield { entity };
  for (const relation of extraction.relations) yield { relation };
}

/** `--workers N` asks for N threads whatever the number of records; without it, large sets get one per core. */
function workersArg(value: string | undefined): { workers?: number; minRecords?: number } {
  if (value === undefined) return {};
  if (!/^\d+$/.test(value)) throw new CLIError("E_USAGE", `--workers: expected a whole number, got ${JSON.stringify(value)}`);
  return { workers: Number(value), minRecords: 0 };
}

export default defineCommand({
  meta: { name: "extract", description: "Extract entities and relations, each with the verbatim sentence it rests on (all records, confidential ones flagged)" },
  args: {
    paths: { type: "positional", required: false, description: "record files or folders (default: the data folder's records)" },
    out: { type: "string", description: "write the document here instead of stdout", valueHint: "FILE" },
    "per-record": { type: "string", description: "write one document per input record file, named <file name>.json", valueHint: "DIR" },
    format: { type: "enum", options: ["json", "jsonl"], default: "json", description: "json: one document; jsonl: one item per line" },
    "merge-report": { type: "string", description: "write the merge report (merges and near-misses, with scores) here", valueHint: "FILE" },
    // citty reads --no-gazetteer as gazetteer=false
    gazetteer: { type: "boolean", default: true, description: "use the shipped gazetteer of known actors", negativeDescription: "do not use the shipped gazetteer of known actors" },
    workers: { type: "string", description: "extraction threads (default: one per core from 10,000 records on; 0: this thread only)", valueHint: "N" },
    ...DATA_ARG,
  },
  async run({ args }) {
    const config = loadConfig();
    const folder = resolveDataFolder(args.data);
    // The user's own view: confidential records stay in (flagged); the curation file's decisions are applied.
    const shared = outputOptions(folder, config, { includeConfidential: true });
    const options = { ...shared, extract: { ...shared.extract, ...(args.gazetteer === false ? { gazetteer: false } : {}) } };
    // the whole document's records go to extraction workers while the rest is still being read (a large set only)
    const whole = !args["per-record"] || !!args.out;
    const pool = whole ? createExtractionPool(reviewedExtractOptions(options), workersArg(args.workers)) : null;
    try {
      const records = await loadRecords(positionalPaths(args), folder, config, pool ? (record) => pool.add(record) : undefined);
      if (args["per-record"]) {
        const bySource = new Map<string, OutcomeRecord[]>();
        for (const record of records) bySource.set(record.source, [...(bySource.get(record.source) ?? []), record]);
        const names = new Set<string>();
        for (const [source, group] of bySource) {
          const name = basename(source);
          if (names.has(name)) throw new CLIError("E_USAGE", `--per-record: two input files are named ${name}; rename one`);
          names.add(name);
          const { extraction } = extractReviewed(group, options);
          writeFileAtomic(join(args["per-record"], `${name}.json`), JSON.stringify(extraction, null, 2) + "\n");
        }
      }
      if (!pool) return;
      const { extraction, mergeReport, stale } = await extractReviewedParallel(pool, options);
      reportStale(stale);
      if (args["merge-report"]) writePiecesAtomic(args["merge-report"], prettyJsonPieces(mergeReport));
      const pieces = args.format === "jsonl" ? jsonLinePieces(jsonlItems(extraction)) : prettyJsonPieces(extraction);
      if (args.out) writePiecesAtomic(args.out, pieces);
      else await writePiecesToStdout(pieces);
    } finally {
      await pool?.close();
    }
  },
});
