// Reads the `**Field**: value` text format: one or more records per file, each starting at `**FragmentID**`.
// Values may span lines; they are kept exactly as written (only the line break that ends them is dropped).
import type { Issue, RawRecord, ReadItem } from "../schema.ts";

/** A field line: `**Name**: value` (the name may carry inner spaces, as in `**Additional information (use if needed) **`). */
const FIELD_LINE = /^\*\*([^*\n]{1,200}?)\*\*[ \t]*:[ \t]?/;
const RECORD_START = /^fragment\s*id$/i;

type Open = { name: string; value: string; line: number };

export function parseTextRecords(source: string, content: string): ReadItem[] {
  const items: ReadItem[] = [];
  const lines = content.split(/(?<=\n)/);
  let record: { line: number; fields: [string, string][] } | null = null;
  let field: Open | null = null;
  let stray: { line: number; text: string } | null = null;

  const closeField = () => {
    if (record && field) record.fields.push([field.name, field.value.replace(/(?:\r?\n|\r)+$/, "")]);
    field = null;
  };
  const closeRecord = () => {
    closeField();
    if (record && record.fields.length > 0) {
      const raw: RawRecord = { source, locator: { kind: "line", line: record.line }, fields: record.fields };
      items.push({ type: "record", record: raw });
    }
    record = null;
  };

  lines.forEach((text, i) => {
    const lineNo = i + 1;
    const body = i === 0 ? text.replace(/^\uFEFF/, "") : text;
    const match = FIELD_LINE.exec(body);
    if (match) {
      const name = match[1];
      const startsRecord = RECORD_START.test(name.trim());
      if (startsRecord || record === null) {
        if (record !== null) closeRecord();
        record = { line: lineNo, fields: [] };
      } else closeField();
      field = { name, value: body.slice(match[0].length), line: lineNo };
      return;
    }
    if (field) {
      (field as Open).value += body;
      return;
    }
    if (body.trim() !== "" && stray === null) stray = { line: lineNo, text: body.trim().slice(0, 80) };
  });
  closeRecord();

  if (stray) {
    const s = stray as { line: number; text: string };
    items.unshift({ type: "issue", issue: strayIssue(source, s.line, s.text) });
  }
  if (!items.some((item) => item.type === "record")) {
    items.push({
      type: "issue",
      issue: {
        level: "skipped",
        code: "E_NO_FIELDS",
        source,
        message: `${source}: no "**Field**: value" lines found`,
      },
    });
  }
  return items;
}

function strayIssue(source: string, line: number, text: string): Issue {
  return {
    level: "warning",
    code: "W_STRAY_TEXT",
    source,
    locator: { kind: "line", line },
    value: text,
    message: `${source} line ${line}: text before the first "**Field**:" line is not part of any record`,
  };
}
