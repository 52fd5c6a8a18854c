// Reads CSV/TSV as a stream of raw records: delimiter sniffed from the header line, one record per row after it.
// Row numbers are those a spreadsheet shows: 1 is the header, blank lines count, a quoted multi-line cell is one row.
import { Readable } from "node:stream";
import { parse, type CsvError, type Options as CsvParseOptions } from "csv-parse";
import type { Issue, RawRecord, ReadItem } from "../schema.ts";
import { clip, issueAt, ReadError } from "./errors.ts";
import { streamText } from "./_file.ts";
import { columnName, HEADER_SEARCH_ROWS, looksLikeHeader, preambleIssue } from "./header.ts";

export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Past this many characters without a line end, the header is sniffed from what was read. */
const SNIFF_CHARS = 1 << 20;

export type CsvOptions = {
  delimiter?: Delimiter;
  /** Says whether a row is the header; the first of the first HEADER_SEARCH_ROWS non-empty rows that is one is taken. */
  isHeader?: (cells: string[]) => boolean;
};

/** Reads a CSV file; `.tsv` is always tab-separated, other files have their delimiter sniffed. */
export function readCsv(
  path: string,
  source: string,
  options: Omit<CsvOptions, "delimiter"> = {},
): AsyncGenerator<ReadItem> {
  const delimiter = /\.tsv$/i.test(path) ? "\t" : undefined;
  return parseCsv(source, streamText(path, source), { ...options, delimiter });
}

/**
 * Counts `,` `;` and tab outside quotes on the first line and picks the most frequent; a tie or none → `,`.
 * Returns null when `text` holds no complete first line yet.
 */
export function sniffDelimiter(text: string, complete = true): Delimiter | null {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  let content = false;
  let ended = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      content = true;
    } else if (!quoted && (ch === "\n" || ch === "\r")) {
      // A blank first line says nothing; the header is the first line with something on it.
      if (content) {
        ended = true;
        break;
      }
    } else {
      if (!quoted && ch in counts) counts[ch as Delimiter]++;
      if (ch.trim() !== "") content = true;
    }
  }
  if (!ended && !complete) return null;
  return DELIMITERS.reduce((best, d) => (counts[d] > counts[best] ? d : best), "," as Delimiter);
}

/** Parses CSV text (a string or chunks of one) into raw records and issues, holding one row at a time. */
export async function* parseCsv(
  source: string,
  input: string | AsyncIterable<string> | Iterable<string>,
  options: CsvOptions = {},
): AsyncGenerator<ReadItem> {
  const chunks = toAsync(typeof input === "string" ? [input] : input);
  const { delimiter, buffered } = await sniff(chunks, options.delimiter);

  const skipped: Issue[] = [];
  const parseOptions: CsvParseOptions = {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error) skipped.push(skipIssue(source, error));
    },
  };
  const parser = parse(parseOptions);
  const feed = Readable.from(
    (async function* () {
      for (const text of buffered) yield text;
      for await (const text of { [Symbol.asyncIterator]: () => chunks }) yield text;
    })(),
    { objectMode: false },
  );
  feed.on("error", (error) => parser.destroy(error));
  feed.pipe(parser);

  const isHeader = options.isHeader ?? looksLikeHeader;
  let header: string[] | null = null;
  // Non-empty rows read while the header is not known yet: at most HEADER_SEARCH_ROWS of them.
  const above: { cells: string[]; row: number; line: number }[] = [];
  /** No row looked like a header: the first non-empty row is the header, the rows after it are records. */
  function* settle(): Generator<ReadItem> {
    const [first, ...rest] = above.splice(0);
    header = names(first.cells);
    for (const r of rest) yield* toItems(source, header, r.cells, r.row, r.line);
  }
  let previousLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { records: number; lines: number };
    }>) {
      const row = info.records;
      const line = previousLines + 1;
      previousLines = info.lines;
      while (skipped.length > 0 && (skipped[0].locator as { row: number }).row < row) yield issue(skipped.shift()!);
      if (record.every((cell) => cell.trim() === "")) continue;
      if (header !== null) {
        yield* toItems(source, header, record, row, line);
      } else if (isHeader(record)) {
        header = names(record);
        if (above.length > 0) yield issue(preambleIssue(source, above.splice(0), row));
      } else {
        above.push({ cells: record, row, line });
        if (above.length >= HEADER_SEARCH_ROWS) yield* settle();
      }
    }
    if (header === null && above.length > 0) yield* settle();
  } catch (error) {
    throw error instanceof ReadError ? error : new ReadError("E_CSV", source, `${source}: ${(error as Error).message}`);
  } finally {
    feed.destroy();
  }
  for (const item of skipped) yield issue(item);
  if (header === null)
    throw new ReadError("E_EMPTY", source, `${source}: no header row (the file holds only blank lines)`);
}

/** Header cells as field names: verbatim, an empty one named by its column letter. */
function names(cells: string[]): string[] {
  return cells.map((name, i) => (name.trim() === "" ? columnName(i) : name));
}

function* toItems(source: string, header: string[], cells: string[], row: number, line: number): Generator<ReadItem> {
  const locator = { kind: "row", row } as const;
  const fields: [string, string][] = cells.slice(0, header.length).map((value, i) => [header[i], value]);
  const extra = cells.slice(header.length);
  if (cells.length < header.length) {
    const missing = header.slice(cells.length);
    yield issue(
      issueAt(
        "warning",
        "E_ROW_SHORT",
        source,
        `${source} row ${row} (line ${line}): ${cells.length} cells for ${header.length} columns; missing ${missing.map((m) => `"${clip(m, 40)}"`).join(", ")}`,
        {
          locator,
          field: missing[0],
        },
      ),
    );
  }
  const kept = extra
    .map((value, i) => [columnName(header.length + i), value] as [string, string])
    .filter(([, v]) => v.trim() !== "");
  if (kept.length > 0) {
    fields.push(...kept);
    yield issue(
      issueAt(
        "warning",
        "E_ROW_LONG",
        source,
        `${source} row ${row} (line ${line}): ${cells.length} cells for ${header.length} columns; the extra ones are kept as ${kept.map(([n]) => `"${n}"`).join(", ")}`,
        {
          locator,
          field: kept[0][0],
          value: clip(kept[0][1]),
        },
      ),
    );
  }
  const record: RawRecord = { source, locator, fields };
  yield { type: "record", record };
}

async function sniff(
  chunks: AsyncIterator<string>,
  forced?: Delimiter,
): Promise<{ delimiter: Delimiter; buffered: string[] }> {
  const buffered: string[] = [];
  if (forced) return { delimiter: forced, buffered };
  let text = "";
  for (;;) {
    const next = await chunks.next();
    if (next.done) return { delimiter: sniffDelimiter(text, true)!, buffered };
    buffered.push(next.value);
    text += next.value;
    const found = sniffDelimiter(text, text.length >= SNIFF_CHARS);
    if (found) return { delimiter: found, buffered };
  }
}

function skipIssue(source: string, error: CsvError): Issue {
  const { records, lines } = error as unknown as { records: number; lines: number };
  const row = records + 1;
  return issueAt(
    "skipped",
    "E_CSV",
    source,
    `${source} row ${row} (up to line ${lines}): ${error.message}; the row was not read`,
    {
      locator: { kind: "row", row },
    },
  );
}

function issue(value: Issue): ReadItem {
  return { type: "issue", issue: value };
}

function toAsync(input: AsyncIterable<string> | Iterable<string>): AsyncIterator<string> {
  if (Symbol.asyncIterator in input) return (input as AsyncIterable<string>)[Symbol.asyncIterator]();
  const it = (input as Iterable<string>)[Symbol.iterator]();
  return { next: async () => it.next() };
}
