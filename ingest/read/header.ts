// Finding the header of a table (CSV or sheet): the stand-in header test, names for unnamed columns, rows above a header.
import type { Issue, Locator } from "../schema.ts";
import { clip, issueAt } from "./errors.ts";

/** How far down a table the header row is looked for (a title and notes may sit above it). */
export const HEADER_SEARCH_ROWS = 20;

/** Names of an id column and of an outcome-description column, compared without case, spaces or punctuation. */
const ID_ALIASES = ["fragmentid", "id", "outcome#", "outcomeid", "outcomeno", "outcomenumber", "identifiant"];
const DESCRIPTION_ALIASES = [
  "outcomedescription",
  "descriptionofoutcome",
  "outcome",
  "outcomestatement",
  "description",
  "descriptiondurésultat",
  "résultat",
  "descriptionduchangement",
];

const squash = (cell: string) => cell.toLowerCase().replace(/[^\p{L}\p{N}#]/gu, "");

/**
 * A row is a header when one cell names an id column and another an outcome description. A stand-in for the canonical
 * field matcher of ingest/fields.ts, which callers pass as `isHeader`.
 */
export function looksLikeHeader(cells: string[]): boolean {
  const names = cells.map(squash);
  return names.some((n) => ID_ALIASES.includes(n)) && names.some((n) => DESCRIPTION_ALIASES.includes(n));
}

/** "column A", "column AB": the name of a column (0-based index) that has no header, as a spreadsheet shows it. */
export function columnName(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `column ${letters}`;
}

/** The report line for non-empty rows above the header (a title, notes): they are not records, and are not dropped silently. */
export function preambleIssue(
  source: string,
  rows: { row: number; cells: string[] }[],
  headerRow: number,
  sheet?: string,
): Issue {
  const first = rows[0];
  const text = first.cells.find((c) => c.trim() !== "") ?? "";
  const where = sheet === undefined ? source : `${source} sheet "${sheet}"`;
  const which = rows.length === 1 ? `row ${first.row} is` : `rows ${rows.map((r) => r.row).join(", ")} are`;
  const locator: Locator =
    sheet === undefined ? { kind: "row", row: first.row } : { kind: "row", row: first.row, sheet };
  return issueAt(
    "warning",
    "E_PREAMBLE",
    source,
    `${where}: ${which} above the header (row ${headerRow}), not records`,
    {
      locator,
      value: clip(text),
    },
  );
}
