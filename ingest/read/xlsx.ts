// Reads an XLSX workbook: finds the sheet and row holding the header (one row, or two under merged group cells),
// then yields one raw record per row below it. Cells become their text: rich text joined, formulas by result, dates ISO.
import ExcelJS from "exceljs";
import type { Issue, RawRecord, ReadItem } from "../schema.ts";
import { clip, issueAt, ReadError } from "./errors.ts";
import { readBytes } from "./_file.ts";
import { columnName, HEADER_SEARCH_ROWS, looksLikeHeader, preambleIssue } from "./header.ts";

export type XlsxOptions = {
  /** Read this sheet (exact name, else the one whose name matches ignoring case) instead of searching. */
  sheet?: string;
  /** Says whether the cells of a row are the column names of the records; `looksLikeHeader` by default. */
  isHeader?: (cells: string[]) => boolean;
};

export async function* readXlsx(path: string, source: string, options: XlsxOptions = {}): AsyncGenerator<ReadItem> {
  yield* parseXlsx(source, await readBytes(path, source), options);
}

/** Reads a workbook held in memory (an XLSX is a zip: it is read whole, not streamed). */
export async function* parseXlsx(
  source: string,
  bytes: Uint8Array,
  options: XlsxOptions = {},
): AsyncGenerator<ReadItem> {
  const isHeader = options.isHeader ?? looksLikeHeader;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new ReadError("E_XLSX", source, `${source}: not an XLSX workbook (${(error as Error).message})`);
  }
  const { sheet, header } = pickSheet(source, workbook.worksheets, options.sheet, isHeader);
  yield* sheetRecords(source, sheet, header);
}

type Header = { names: string[]; row: number; firstDataRow: number };

function pickSheet(
  source: string,
  sheets: ExcelJS.Worksheet[],
  wanted: string | undefined,
  isHeader: (cells: string[]) => boolean,
) {
  const names = sheets.map((s) => `"${s.name}"`).join(", ");
  if (wanted !== undefined) {
    const sheet =
      sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    if (!sheet)
      throw new ReadError("E_SHEET", source, `${source}: no sheet named "${wanted}" (sheets: ${names})`, {
        value: wanted,
      });
    // A sheet the user named is read even when its header is not recognised: then its first non-empty row is the header.
    const header = findHeader(sheet, isHeader) ?? findHeader(sheet, (cells) => cells.some((c) => c.trim() !== ""));
    if (!header) throw new ReadError("E_SHEET", source, `${source}: sheet "${sheet.name}" is empty`, { value: wanted });
    return { sheet, header };
  }
  for (const sheet of sheets) {
    const header = findHeader(sheet, isHeader);
    if (header) return { sheet, header };
  }
  throw new ReadError(
    "E_SHEET",
    source,
    `${source}: no sheet has a header row with an id and an outcome description column (sheets: ${names})`,
  );
}

/** The first row (within HEADER_SEARCH_ROWS) that is a header, either alone or with the row under its merged group cells. */
function findHeader(sheet: ExcelJS.Worksheet, isHeader: (cells: string[]) => boolean): Header | null {
  const width = sheet.columnCount;
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    const single = range(width).map((c) => cellText(sheet.getCell(r, c).value));
    const double = r < sheet.rowCount ? twoRowHeader(sheet, r, width) : null;
    if (double && isHeader(double)) return { names: nameColumns(double), row: r, firstDataRow: r + 2 };
    if (isHeader(single)) return { names: nameColumns(single), row: r, firstDataRow: r + 1 };
  }
  return null;
}

/**
 * Row r has a group cell merged across columns ("Rating" over B:C) and row r+1 names the columns under it
 * ("significance", "contribution"): the names are "Rating significance", "Rating contribution". Cells merged down over
 * both rows keep their one name. Returns null when row r has no such group.
 */
function twoRowHeader(sheet: ExcelJS.Worksheet, r: number, width: number): string[] | null {
  let grouped = false;
  const names = range(width).map((c) => {
    const top = sheet.getCell(r, c);
    const sub = sheet.getCell(r + 1, c);
    const topText = cellText(top.value);
    const sameMerge = sub.isMerged && sub.master.address === top.master.address;
    const subText = sameMerge ? "" : cellText(sub.value);
    const master = top.master;
    if (top.isMerged && Number(master.row) === r && spansColumns(sheet, master) && subText.trim() !== "")
      grouped = true;
    return topText.trim() && subText.trim() ? `${topText} ${subText}` : topText.trim() ? topText : subText;
  });
  return grouped ? names : null;
}

function spansColumns(sheet: ExcelJS.Worksheet, master: ExcelJS.Cell): boolean {
  const right = sheet.getCell(Number(master.row), Number(master.col) + 1);
  return right.isMerged && right.master.address === master.address;
}

/** Header names, trailing empty cells dropped; an empty name inside becomes "column C". */
function nameColumns(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1].trim() === "") end--;
  return cells.slice(0, end).map((name, i) => (name.trim() === "" ? columnName(i) : name));
}

function* sheetRecords(source: string, sheet: ExcelJS.Worksheet, header: Header): Generator<ReadItem> {
  const width = Math.max(sheet.columnCount, header.names.length);
  const above = range(header.row - 1)
    .map((row) => ({ row, cells: range(width).map((c) => dataCellText(sheet.getCell(row, c))) }))
    .filter((r) => r.cells.some((cell) => cell.trim() !== ""));
  if (above.length > 0) yield { type: "issue", issue: preambleIssue(source, above, header.row, sheet.name) };
  for (let r = header.firstDataRow; r <= sheet.rowCount; r++) {
    const cells = range(width).map((c) => dataCellText(sheet.getCell(r, c)));
    if (cells.every((cell) => cell.trim() === "")) continue;
    const locator = { kind: "row", row: r, sheet: sheet.name } as const;
    const fields: [string, string][] = header.names.map((name, i) => [name, cells[i]]);
    const extra = cells
      .map((value, i) => [columnName(i), value] as [string, string])
      .slice(header.names.length)
      .filter(([, value]) => value.trim() !== "");
    if (extra.length > 0) {
      fields.push(...extra);
      const where = `${source} sheet "${sheet.name}" row ${r}`;
      const problem: Issue = issueAt(
        "warning",
        "E_ROW_LONG",
        source,
        `${where}: cells beyond the header are kept as ${extra.map(([n]) => `"${n}"`).join(", ")}`,
        {
          locator,
          field: extra[0][0],
          value: clip(extra[0][1]),
        },
      );
      yield { type: "issue", issue: problem };
    }
    const record: RawRecord = { source, locator, fields };
    yield { type: "record", record };
  }
}

/** A data cell merged across columns holds its value once, in its first column; merged down, every row gets it. */
function dataCellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address && Number(cell.master.row) === Number(cell.row)) return "";
  return cellText(cell.value);
}

/** The text of a cell value: strings verbatim, numbers as JavaScript writes them, TRUE/FALSE, dates as ISO 8601. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((run: { text?: string }) => run.text ?? "").join("");
    if ("formula" in v || "sharedFormula" in v) return cellText(v.result);
    if ("hyperlink" in v) return cellText(v.text);
    if ("error" in v) return String(v.error);
    if ("text" in v) return cellText(v.text);
  }
  return String(value);
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
}

function range(width: number): number[] {
  return Array.from({ length: width }, (_, i) => i + 1);
}
