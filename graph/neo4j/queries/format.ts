// Rows → text (pure): aligned table, CSV (csv-stringify), JSON (an array of row objects) or a Markdown table for a report.
import { stringify } from "csv-stringify/sync";
import { z } from "zod";

export const OUTPUT_FORMATS = ["table", "csv", "json", "md"] as const;
export const OutputFormat = z.enum(OUTPUT_FORMATS);
export type OutputFormat = z.infer<typeof OutputFormat>;

export type Rows = { columns: string[]; rows: Record<string, unknown>[] };

/** Columns holding FragmentIDs, cited as code spans in Markdown. */
const FRAGMENT_COLUMN = /fragmentids?$|fundedin$|trainingin$/i;
const QUOTE_COLUMN = /quotes?$/i;
const TABLE_CELL_MAX = 60;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function joined(value: unknown, separator: string, item: (v: unknown) => string = scalar): string {
  return Array.isArray(value) ? value.map(item).join(separator) : item(value);
}

/** Markdown-escapes text for a table cell: pipes, HTML, emphasis and link characters, line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/([|*_`[\]#~])/g, "\\$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, "<br>");
}

/** A FragmentID as a code span (its text kept exactly; only the table's pipe is escaped). */
function citeFragment(value: unknown): string {
  const text = scalar(value);
  if (!text) return "";
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${fence === "``" ? " " : ""}${text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ")}${fence === "``" ? " " : ""}${fence}`;
}

function markdownCell(column: string, value: unknown): string {
  if (FRAGMENT_COLUMN.test(column)) return joined(value, ", ", citeFragment);
  if (QUOTE_COLUMN.test(column)) return joined(value, "<br>", (q) => (scalar(q) ? `“${escapeMarkdown(scalar(q))}”` : ""));
  return escapeMarkdown(joined(value, "; "));
}

export function formatMarkdown({ columns, rows }: Rows): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(columns.map(escapeMarkdown)), line(columns.map(() => "---")), ...rows.map((row) => line(columns.map((c) => markdownCell(c, row[c]))))].join("\n") + "\n";
}

export function formatCsv({ columns, rows }: Rows): string {
  return stringify(
    rows.map((row) => columns.map((c) => joined(row[c], "; "))),
    { header: true, columns },
  );
}

/** Integers are plain JSON numbers (the driver returns them as numbers; see driver.ts). */
export function formatJson({ rows }: Rows): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Aligned columns for the terminal; long cells are cut (use csv, json or md for the full text). */
export function formatTable({ columns, rows }: Rows): string {
  const cells = rows.map((row) => columns.map((c) => truncate(joined(row[c], ", "), TABLE_CELL_MAX)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n") + "\n";
}

export function formatRows(result: Rows, format: OutputFormat): string {
  switch (format) {
    case "table":
      return formatTable(result);
    case "csv":
      return formatCsv(result);
    case "json":
      return formatJson(result);
    case "md":
      return formatMarkdown(result);
  }
}
