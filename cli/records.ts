// Loading records for a command: from paths through ingest (summary on stderr, exit code 2 when some were skipped) or from the data folder.
import { existsSync, readFileSync } from "node:fs";
import { createReportTally, ingestStream, summariseReport } from "../ingest/index.ts";
import { OutcomeRecord, type IngestReport } from "../ingest/schema.ts";
import type { Config } from "./config.ts";
import type { DataFolder } from "./data-folder.ts";
import { CLIError, EXIT } from "./errors.ts";

/** Records read through ingest; `onRecord` sees each one as it is read (to start extracting while the rest is read). */
export async function loadRecordsFromPaths(
  paths: string[],
  config: Config,
  sheet?: string,
  onRecord?: (record: OutcomeRecord) => Promise<void>,
): Promise<{ records: OutcomeRecord[]; report: IngestReport }> {
  for (const path of paths) if (!existsSync(path)) throw new CLIError("E_INPUT", `no such file or folder: ${path}`);
  const records: OutcomeRecord[] = [];
  const tally = createReportTally();
  for await (const item of ingestStream(paths, { columns: config.columns, sheet: sheet ?? config.sheet })) {
    tally.add(item);
    if (item.type !== "record") continue;
    records.push(item.record);
    await onRecord?.(item.record);
  }
  const report = tally.report();
  process.stderr.write(summariseReport(report) + "\n");
  if (report.skipped > 0) process.exitCode = EXIT.skipped;
  return { records, report };
}

/** Records saved by `ingest` or `start` in the data folder (JSON Lines, one record per line). */
export function loadStoredRecords(folder: DataFolder): OutcomeRecord[] {
  if (!existsSync(folder.records)) {
    throw new CLIError("E_INPUT", `no records in ${folder.dir}: run \`harvestgraph ingest <paths>\` or \`harvestgraph start\` first, or name the record files`);
  }
  return readFileSync(folder.records, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const parsed = OutcomeRecord.safeParse(JSON.parse(line));
      if (!parsed.success) throw new CLIError("E_INPUT", `${folder.records} line ${i + 1}: not a harvestgraph record; re-run ingest`);
      return parsed.data;
    });
}

export async function loadRecords(paths: string[], folder: DataFolder, config: Config, onRecord?: (record: OutcomeRecord) => Promise<void>): Promise<OutcomeRecord[]> {
  if (paths.length > 0) return (await loadRecordsFromPaths(paths, config, undefined, onRecord)).records;
  const records = loadStoredRecords(folder);
  if (onRecord) for (const record of records) await onRecord(record);
  return records;
}

export function toJsonLines(records: OutcomeRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join("\n") + (records.length ? "\n" : "");
}
