// Public surface of the readers: paths (files, folders) → raw records and issues, whatever the format.
// One file that cannot be read becomes an issue; the other files still go through.
import type { ReadItem } from "../schema.ts";
import { readCsv } from "./csv.ts";
import { ReadError, toIssue } from "./errors.ts";
import { readJson, readJsonLines } from "./json.ts";
import { readText } from "./_file.ts";
import { parseTextRecords } from "./text.ts";
import { walkPaths, type Format } from "./walk.ts";
import { looksLikeHeader } from "./header.ts";
import { readXlsx } from "./xlsx.ts";

export { ReadError, ReadErrorCode, READ_ERROR_CODES } from "./errors.ts";
export { EXTENSIONS, FORMATS, formatOf, type Format } from "./walk.ts";
export { looksLikeHeader } from "./header.ts";
export { decodeBytes, type Encoding } from "./decode.ts";

export type ReadOptions = {
  /** The XLSX sheet to read (`--sheet NAME`); by default the first sheet with a header row. */
  sheet?: string;
  /** Says whether a row of cells is the header of a CSV file or an XLSX sheet (searched in the first 20 non-empty rows). */
  isHeader: (cells: string[]) => boolean;
};

export const DEFAULT_READ_OPTIONS: ReadOptions = { sheet: undefined, isHeader: looksLikeHeader };

/**
 * Reads every supported file under `paths`, yielding raw records (names and values exactly as in the source) and
 * issues, file by file in a stable order. Only bugs throw; a file that cannot be read is an issue.
 */
export async function* readRecords(paths: string[], options: Partial<ReadOptions> = {}): AsyncGenerator<ReadItem> {
  const opts: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options };
  for await (const item of walkPaths(paths)) {
    if (item.type === "issue") yield item;
    else yield* readFile(item.path, item.format, opts);
  }
}

/** Reads one file of a known format; its failure is yielded as an issue after the records read before it. */
export async function* readFile(
  path: string,
  format: Format,
  options: Partial<ReadOptions> = {},
): AsyncGenerator<ReadItem> {
  const opts: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options };
  let records = 0;
  let issues = 0;
  try {
    for await (const item of READERS[format](path, opts)) {
      if (item.type === "record") records++;
      else issues++;
      yield item;
    }
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    issues++;
    yield { type: "issue", issue: toIssue(error) };
  }
  // Nothing is dropped silently: a file that gave neither a record nor a reason says so.
  if (records === 0 && issues === 0) {
    yield { type: "issue", issue: toIssue(new ReadError("E_NO_RECORDS", path, `${path}: no record found`)) };
  }
}

const READERS: Record<Format, (path: string, options: ReadOptions) => AsyncGenerator<ReadItem>> = {
  text: async function* (path) {
    yield* parseTextRecords(path, await readText(path, path));
  },
  csv: (path, options) => readCsv(path, path, options),
  xlsx: (path, options) => readXlsx(path, path, options),
  json: (path) => readJson(path, path),
  jsonl: (path) => readJsonLines(path, path),
};
