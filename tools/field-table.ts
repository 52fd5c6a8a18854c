// The README's field table (canonical name, type, known aliases) from ingest's FIELD_SPECS; `--write` updates README.md.
import { readFileSync, writeFileSync } from "node:fs";
import { FIELD_SPECS } from "../ingest/fields.ts";

const START = /<!-- field-table:start[^>]*-->\n/;
const END = "<!-- field-table:end -->";

export function fieldTable(): string {
  const rows = FIELD_SPECS.map((s) => `| \`${s.field}\` | ${s.type.replace(/\|/g, "\\|")} | ${s.aliases.map((a) => `\`${a.trim()}\``).join(", ")} |`);
  return ["| canonical field | type | known column names (matched ignoring case, spaces, accents, punctuation) |", "|---|---|---|", ...rows].join("\n");
}

/** The README with its field-table section replaced by the current table. */
export function withFieldTable(readme: string): string {
  const start = START.exec(readme);
  const end = readme.indexOf(END);
  if (!start || end < 0) throw new Error("README.md: field-table markers not found");
  return readme.slice(0, start.index + start[0].length) + fieldTable() + "\n" + readme.slice(end);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes("--write")) writeFileSync("README.md", withFieldTable(readFileSync("README.md", "utf8")));
  else process.stdout.write(fieldTable() + "\n");
}
