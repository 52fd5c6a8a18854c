// Ingest orchestrator: files → raw records → canonical records, deduplicated, with the report of everything skipped or repaired.
import { createFieldMatcher } from "./fields.ts";
import { createDeduper } from "./dedupe.ts";
import { readRecords } from "./read/index.ts";
import { normaliseRecord } from "./record.ts";
import type { FieldName, IngestReport, Issue, OutcomeRecord } from "./schema.ts";

export type IngestOptions = {
  /** The user's column mappings (config file), on top of the built-in aliases. */
  columns: Record<string, FieldName>;
  /** Excel sheet to read. */
  sheet?: string;
};

export const DEFAULT_INGEST_OPTIONS: IngestOptions = { columns: {} };

export type IngestItem = { type: "record"; record: OutcomeRecord } | { type: "issue"; issue: Issue };

/** Streams canonical records and issues; memory does not grow with the input beyond the FragmentID index. */
export async function* ingestStream(paths: string[], options: Partial<IngestOptions> = {}): AsyncGenerator<IngestItem> {
  const { columns, sheet } = { ...DEFAULT_INGEST_OPTIONS, ...options };
  const matchField = createFieldMatcher(columns);
  const dedupe = createDeduper();
  // A header row is one that names at least an id and an outcome description column.
  const isHeader = (cells: string[]) => {
    const fields = new Set(cells.map(matchField));
    return fields.has("fragmentId") && fields.has("outcomeDescription");
  };
  for await (const item of readRecords(paths, { sheet, isHeader })) {
    if (item.type === "issue") {
      yield item;
      continue;
    }
    const { record, issues } = normaliseRecord(item.record, matchField);
    for (const issue of issues) yield { type: "issue", issue };
    if (!record) continue;
    const deduped = dedupe(record);
    if (deduped.issue) yield { type: "issue", issue: deduped.issue };
    if (deduped.record) yield { type: "record", record: deduped.record };
  }
}

/** Collects the stream into records and a report. */
export async function ingestPaths(paths: string[], options: Partial<IngestOptions> = {}): Promise<{ records: OutcomeRecord[]; report: IngestReport }> {
  const records: OutcomeRecord[] = [];
  const tally = createReportTally();
  for await (const item of ingestStream(paths, options)) {
    if (item.type === "record") records.push(item.record);
    tally.add(item);
  }
  return { records, report: tally.report() };
}

/** Counts files, records and issues as items go by, so a streaming caller can build the report too. */
export function createReportTally() {
  const sources = new Set<string>();
  const issues: Issue[] = [];
  const skippedKeys = new Set<string>();
  let accepted = 0;
  let duplicates = 0;
  return {
    add(item: IngestItem) {
      if (item.type === "record") {
        accepted++;
        sources.add(item.record.source);
        return;
      }
      const issue = item.issue;
      issues.push(issue);
      sources.add(issue.source);
      if (issue.level === "duplicate") duplicates++;
      if (issue.level === "skipped") skippedKeys.add(`${issue.source}#${JSON.stringify(issue.locator ?? null)}`);
    },
    report(): IngestReport {
      const skipped = skippedKeys.size;
      return { files: sources.size, records: accepted + skipped + duplicates, accepted, skipped, issues };
    },
  };
}

/** A short human summary of a report, for stderr. */
export function summariseReport(report: IngestReport): string {
  const byLevel = new Map<string, number>();
  for (const issue of report.issues) byLevel.set(issue.level, (byLevel.get(issue.level) ?? 0) + 1);
  const parts = [...byLevel].map(([level, n]) => `${n} ${level}`);
  const head = `${report.accepted} of ${report.records} records from ${report.files} file(s) ingested`;
  const lines = [parts.length ? `${head}; ${parts.join(", ")}` : head];
  for (const issue of report.issues.filter((i) => i.level === "skipped" || i.level === "conflict").slice(0, 20)) lines.push(`  ${issue.level}: ${issue.message}`);
  return lines.join("\n");
}
