// `harvestgraph extract <paths>`: the extraction document (outcomes, entities, relations with evidence), whole or one per record file.
import { basename, join } from "node:path";
import { defineCommand } from "citty";
import { extractReviewed } from "../../graph/pipeline.ts";
import { Extraction, type OutcomeRecord } from "../../ingest/schema.ts";
import { DATA_ARG, positionalPaths } from "../args.ts";
import { loadConfig } from "../config.ts";
import { resolveDataFolder, writeFileAtomic } from "../data-folder.ts";
import { CLIError } from "../errors.ts";
import { reportStale } from "../curation.ts";
import { outputOptions } from "../build-outputs.ts";
import { loadRecords } from "../records.ts";

function toJsonl(extraction: Extraction): string {
  const lines = [
    ...extraction.outcomes.map((outcome) => JSON.stringify({ outcome })),
    ...extraction.entities.map((entity) => JSON.stringify({ entity })),
    ...extraction.relations.map((relation) => JSON.stringify({ relation })),
  ];
  return lines.join("\n") + "\n";
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
    ...DATA_ARG,
  },
  async run({ args }) {
    const config = loadConfig();
    const folder = resolveDataFolder(args.data);
    const records = await loadRecords(positionalPaths(args), folder, config);
    // The user's own view: confidential records stay in (flagged); the curation file's decisions are applied.
    const shared = outputOptions(folder, config, { includeConfidential: true });
    const options = { ...shared, extract: { ...shared.extract, ...(args.gazetteer === false ? { gazetteer: false } : {}) } };
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
      if (!args.out) return;
    }
    const { extraction, mergeReport, stale } = extractReviewed(records, options);
    reportStale(stale);
    if (args["merge-report"]) writeFileAtomic(args["merge-report"], JSON.stringify(mergeReport, null, 2) + "\n");
    const text = args.format === "jsonl" ? toJsonl(extraction) : JSON.stringify(extraction, null, 2) + "\n";
    if (args.out) writeFileAtomic(args.out, text);
    else process.stdout.write(text);
  },
});
