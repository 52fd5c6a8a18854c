// Scores the extractor on a folder of text records: one extraction per record file into a temp dir, then the scorer.
//   npx tsx tools/score-extraction.ts RECORDS_DIR GOLD.json [--no-gazetteer] [--verbose] [--json] [--keep DIR]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { extractRecords } from "../ingest/extract/index.ts";
import { createFieldMatcher } from "../ingest/fields.ts";
import { parseTextRecords } from "../ingest/read/text.ts";
import { normaliseRecord } from "../ingest/record.ts";
import type { OutcomeRecord } from "../ingest/schema.ts";

export function readTextFolder(dir: string): { file: string; records: OutcomeRecord[] }[] {
  const matcher = createFieldMatcher();
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => {
      const items = parseTextRecords(file, readFileSync(join(dir, file), "utf8"));
      const records = items.flatMap((i) => (i.type === "record" ? [normaliseRecord(i.record, matcher).record] : [])).filter((r): r is OutcomeRecord => !!r);
      return { file, records };
    });
}

function main(): void {
  const args = process.argv.slice(2);
  const [dir, gold] = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--keep");
  if (!dir || !gold) throw new Error("usage: tsx tools/score-extraction.ts RECORDS_DIR GOLD.json [--no-gazetteer] [--verbose] [--json] [--keep DIR]");
  const keep = args.includes("--keep") ? args[args.indexOf("--keep") + 1] : undefined;
  const out = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "hg-score-"));
  mkdirSync(out, { recursive: true });
  const gazetteer = !args.includes("--no-gazetteer");
  for (const { file, records } of readTextFolder(dir)) {
    const { extraction } = extractRecords(records, { gazetteer });
    writeFileSync(join(out, `${file}.json`), JSON.stringify(extraction, null, 1));
  }
  const scorer = resolve(import.meta.dirname, "score.mjs");
  const flags = args.filter((a) => a === "--verbose" || a === "--json");
  const res = execFileSync("node", [scorer, gold, out, "--texts", dir, ...flags], { encoding: "utf8" });
  process.stdout.write(res);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
