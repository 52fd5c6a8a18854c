// `harvestgraph ingest <paths>`: record files → normalised records (JSON Lines) in the data folder or --out, plus the report.
import { defineCommand } from "citty";
import { DATA_ARG, positionalPaths } from "../args.ts";
import { loadConfig } from "../config.ts";
import { ensureDataFolder, resolveDataFolder, writeFileAtomic } from "../data-folder.ts";
import { CLIError } from "../errors.ts";
import { loadRecordsFromPaths, toJsonLines } from "../records.ts";

export default defineCommand({
  meta: { name: "ingest", description: "Read record files (txt/md, CSV, XLSX, JSON, JSONL, folders) into validated outcome records" },
  args: {
    paths: { type: "positional", required: false, description: "record files or folders" },
    out: { type: "string", description: "write the records (JSON Lines) here instead of the data folder; - for stdout", valueHint: "FILE" },
    report: { type: "string", description: "write the report (JSON) here as well", valueHint: "FILE" },
    sheet: { type: "string", description: "Excel sheet to read", valueHint: "NAME" },
    ...DATA_ARG,
  },
  async run({ args }) {
    const paths = positionalPaths(args);
    if (paths.length === 0) throw new CLIError("E_USAGE", "ingest: name at least one record file or folder");
    const { records, report } = await loadRecordsFromPaths(paths, loadConfig(), args.sheet);
    const lines = toJsonLines(records);
    if (args.out === "-") process.stdout.write(lines);
    else if (args.out) writeFileAtomic(args.out, lines);
    else {
      const folder = ensureDataFolder(resolveDataFolder(args.data));
      writeFileAtomic(folder.records, lines);
      writeFileAtomic(folder.report, JSON.stringify(report, null, 2) + "\n");
    }
    if (args.report) writeFileAtomic(args.report, JSON.stringify(report, null, 2) + "\n");
  },
});
