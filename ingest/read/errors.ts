// The read module's one error class, its closed list of codes, and the conversion of a failure into a report line.
import { z } from "zod";
import type { Issue, Locator } from "../schema.ts";

export const ReadErrorCode = z.enum([
  "E_NOT_FOUND", // a path given on the command line does not exist
  "E_IO", // the file system refused (permissions, a folder where a file was expected…)
  "E_UNSUPPORTED", // an extension no reader handles
  "E_LINK_OUTSIDE", // a symbolic link inside a folder points outside it: not followed
  "E_EMPTY", // nothing but whitespace (or a BOM)
  "E_BINARY", // NUL or control bytes: not a text file
  "E_ENCODING", // neither UTF-8, UTF-16 with BOM, nor Windows-1252
  "E_NO_RECORDS", // the file was read but held no record
  "E_CSV", // a row csv-parse could not read (an unclosed quote…)
  "E_PREAMBLE", // rows above the header of a table (a title, notes): not records
  "E_ROW_SHORT", // a row with fewer cells than the header
  "E_ROW_LONG", // a row with non-empty cells beyond the header
  "E_XLSX", // not a workbook exceljs can open
  "E_SHEET", // the sheet named by --sheet is missing, or no sheet has the expected columns
  "E_JSON", // JSON that does not parse
  "E_JSON_ITEM", // an array item or a JSON line that is not an object
  "E_JSON_NESTED", // a field whose value is an object or array: kept as its JSON text
]);
export type ReadErrorCode = z.infer<typeof ReadErrorCode>;
export const READ_ERROR_CODES = ReadErrorCode.options;

/** A file (or a part of one) that could not be read; `source` is the path as the user gave it. */
export class ReadError extends Error {
  readonly code: ReadErrorCode;
  readonly source: string;
  readonly locator?: Locator;
  readonly value?: string;
  constructor(code: ReadErrorCode, source: string, message: string, extra: { locator?: Locator; value?: string } = {}) {
    super(message);
    this.name = "ReadError";
    this.code = code;
    this.source = source;
    this.locator = extra.locator;
    this.value = extra.value;
  }
}

/** A ReadError as a report line; a whole file that could not be read is "skipped". */
export function toIssue(error: ReadError, level: Issue["level"] = "skipped"): Issue {
  return {
    level,
    code: error.code,
    source: error.source,
    ...(error.locator ? { locator: error.locator } : {}),
    ...(error.value !== undefined ? { value: error.value } : {}),
    message: error.message,
  };
}

/** Builds a report line about one place in a file, naming file, place, field and value. */
export function issueAt(
  level: Issue["level"],
  code: ReadErrorCode,
  source: string,
  message: string,
  extra: { locator?: Locator; field?: string; value?: string } = {},
): Issue {
  return { level, code, source, ...extra, message };
}

/** "file.csv row 4", "file.jsonl line 3", "book.xlsx sheet Outcomes row 7": where, for messages. */
export function describeLocator(source: string, locator?: Locator): string {
  if (!locator) return source;
  if (locator.kind === "line") return `${source} line ${locator.line}`;
  if (locator.kind === "index") return `${source} item ${locator.index}`;
  return locator.sheet ? `${source} sheet "${locator.sheet}" row ${locator.row}` : `${source} row ${locator.row}`;
}

/** Cuts a value for a message or a report line: the report names the value, it need not carry 5 MB of it. */
export function clip(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}
