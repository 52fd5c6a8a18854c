// Prints the README's field table (canonical name, type, known aliases) from ingest's FIELD_SPECS: `npx tsx tools/field-table.ts`.
import { FIELD_SPECS } from "../ingest/fields.ts";

export function fieldTable(): string {
  const rows = FIELD_SPECS.map((s) => `| \`${s.field}\` | ${s.type.replace(/\|/g, "\\|")} | ${s.aliases.map((a) => `\`${a.trim()}\``).join(", ")} |`);
  return ["| canonical field | type | known column names (matched ignoring case, spaces, accents, punctuation) |", "|---|---|---|", ...rows].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(fieldTable() + "\n");
