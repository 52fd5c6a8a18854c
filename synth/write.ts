// The I/O shell of the generator: streams records and their gold into OUT/records/ and OUT/gold.json, one record in memory
// at a time (XLSX excepted: the workbook is a zip built whole). Same options → same bytes, XLSX included (its clock is pinned).
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { generateRecord } from "./record.ts";
import { buildPool } from "./pool.ts";
import type { SynthFormat, SynthOptions, SynthRecord } from "./schema.ts";

/** Every date written into a workbook (document properties, zip entries): 2024-01-01T00:00:00Z. */
export const FIXED_TIME = Date.UTC(2024, 0, 1);

export const GOLD_ABOUT =
  "Ground truth of a synthetic corpus written by `harvestgraph synth` from its own sentence patterns (never from the extractor's rules), " +
  "in the format of the hand-annotated gold (../shared/eval/gold/seeds.gold.json): entities matched by name or alias (case, accents and punctuation folded); " +
  "relations on the core types, 'optional': true neither rewarded nor punished; PARTNERED_WITH symmetric; 'OUTCOME' is the record's outcome node; " +
  "'forbidden' names must never become entities. The record's country is always an optional Place. A sanity check at scale, not a quality measure.";

/** Version of the generator's output: bump it when the same seed would write different records. */
export const SYNTH_VERSION = 1;

export type CorpusFiles = { dir: string; recordsDir: string; gold: string; files: string[]; records: number };

/** Column names of the tabular formats: the text format's names, trimmed, with the country column spelt right. */
const columnName = (name: string) => (name === "coutnry" ? "Country" : name.trim());
const RECORDS_FILE: Record<Exclude<SynthFormat, "txt">, string> = { csv: "records.csv", xlsx: "records.xlsx", json: "records.json", jsonl: "records.jsonl" };

/** Appends text to a file through a 1 MB buffer: constant memory, one syscall per megabyte. */
function createSink(path: string) {
  const fd = openSync(path, "w");
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length) writeSync(fd, parts.join(""));
    parts = [];
    size = 0;
  };
  return {
    write(text: string) {
      parts.push(text);
      size += text.length;
      if (size > 1 << 20) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const isNumber = (name: string, value: string) => (name === "Year" || name === "Outcome statements is CONFIDENTIAL") && /^\d+(\.\d+)?$/.test(value);

/** A JSON object of a record; Year (and a "1.0" flag) written as JSON numbers, as database exports do. */
function jsonObject(record: SynthRecord): string {
  const entries = record.fields.map(([name, value]) => `${JSON.stringify(columnName(name))}:${isNumber(name, value) ? value : JSON.stringify(value)}`);
  return `{${entries.join(",")}}`;
}

export function textRecord(record: SynthRecord): string {
  return record.fields.map(([name, value]) => `**${name}**: ${value}\n`).join("");
}

/** Generates the corpus and writes it; `onProgress` is told every 1,000 records. */
export async function writeCorpus(options: SynthOptions, onProgress?: (done: number) => void): Promise<CorpusFiles> {
  const { records: total, seed, format, out } = options;
  const recordsDir = join(out, "records");
  mkdirSync(recordsDir, { recursive: true });
  const pool = buildPool();
  const recordsFile = format === "txt" ? null : RECORDS_FILE[format];
  const files: string[] = [];
  const gold = createSink(join(out, "gold.json"));
  gold.write(`{\n"about": ${JSON.stringify(GOLD_ABOUT)},\n"generator": ${JSON.stringify({ name: "harvestgraph synth", version: SYNTH_VERSION, records: total, seed, format })},\n"records": [\n`);
  const sink = recordsFile && format !== "xlsx" ? createSink(join(recordsDir, recordsFile)) : null;
  const workbook = format === "xlsx" ? createWorkbook() : null;
  if (recordsFile) files.push(join(recordsDir, recordsFile));

  for (let i = 0; i < total; i++) {
    const record = generateRecord(pool, seed, i, total, recordsFile);
    if (i === 0) writeHeader(format, record, sink, workbook);
    switch (format) {
      case "txt": {
        const path = join(recordsDir, record.gold.file);
        const one = createSink(path);
        one.write(textRecord(record));
        one.close();
        files.push(path);
        break;
      }
      case "csv":
        sink!.write(record.fields.map(([, v]) => csvCell(v)).join(",") + "\r\n");
        break;
      case "json":
        sink!.write(`${i === 0 ? "" : ",\n"}${jsonObject(record)}`);
        break;
      case "jsonl":
        sink!.write(jsonObject(record) + "\n");
        break;
      case "xlsx":
        workbook!.sheet.addRow(record.fields.map(([name, v]) => (isNumber(name, v) ? Number(v) : v)));
        break;
    }
    gold.write(`${i === 0 ? "" : ",\n"}${JSON.stringify(record.gold)}`);
    if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1);
  }
  if (format === "json") sink!.write("\n]\n");
  sink?.close();
  if (workbook) {
    const sinkX = openSync(join(recordsDir, RECORDS_FILE.xlsx), "w");
    writeSync(sinkX, await writeWorkbookAt(workbook.book, FIXED_TIME));
    closeSync(sinkX);
  }
  gold.write("\n]\n}\n");
  gold.close();
  return { dir: out, recordsDir, gold: join(out, "gold.json"), files, records: total };
}

function writeHeader(format: SynthFormat, record: SynthRecord, sink: ReturnType<typeof createSink> | null, workbook: ReturnType<typeof createWorkbook> | null) {
  const names = record.fields.map(([name]) => columnName(name));
  if (format === "csv") sink!.write(names.map(csvCell).join(",") + "\r\n");
  if (format === "json") sink!.write("[\n");
  if (format === "xlsx") workbook!.sheet.addRow(names);
}

function createWorkbook() {
  const book = new ExcelJS.Workbook();
  book.creator = "harvestgraph synth";
  book.lastModifiedBy = "harvestgraph synth";
  book.created = new Date(FIXED_TIME);
  book.modified = new Date(FIXED_TIME);
  return { book, sheet: book.addWorksheet("Outcomes") };
}

/**
 * The zip library stamps each entry with the current time: pin the clock while it writes so the bytes never change.
 * No other code runs in between: the write is awaited before anything else is scheduled by the generator.
 */
export async function writeWorkbookAt(book: ExcelJS.Workbook, time: number): Promise<Uint8Array> {
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(time);
      else super(...(args as [number]));
    }
    static now() {
      return time;
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
  try {
    return new Uint8Array(await book.xlsx.writeBuffer());
  } finally {
    globalThis.Date = RealDate;
  }
}
