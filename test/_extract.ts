// Test helpers for extraction: build records from text, read fixture folders, score with the shared scorer copy.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { extractRecords } from "../ingest/extract/index.ts";
import { createFieldMatcher } from "../ingest/fields.ts";
import { parseTextRecords } from "../ingest/read/text.ts";
import { normaliseRecord } from "../ingest/record.ts";
import type { OutcomeRecord, TextField } from "../ingest/schema.ts";

export const FIXTURES = resolve(import.meta.dirname, "fixtures/extract");
export const OWN = resolve(import.meta.dirname, "../examples/own");
/** The second set of own records, annotated blind of the extractor and then used as a development set. */
export const OWN2 = resolve(import.meta.dirname, "../examples/own2");
/** The third set, annotated blind and scored once before any rule looked at it. */
export const OWN3 = resolve(import.meta.dirname, "../examples/own3");

/** A record from field values; `fragmentId` defaults to an SCC id so "the programme" resolves to SCC. */
export function makeRecord(fields: Partial<Record<TextField, string>> & { fragmentId?: string; country?: string }): OutcomeRecord {
  const labels: Record<string, string> = {
    fragmentId: "FragmentID",
    country: "Country",
    outcomeDescription: "Outcome description",
    significance: "Significance of the outcome",
    additionalInformation: "Additional information",
    programmeContribution: "Contribution of the programme",
    otherActorsContribution: "Contribution of other actors and factors",
    evidence: "Evidence supporting the outcome statement",
  };
  const all = { fragmentId: "SCC-TST2401/CIV001", country: "Kenya", outcomeDescription: "Nothing happened.", ...fields };
  const text = Object.entries(all)
    .map(([k, v]) => `**${labels[k]}**: ${v}`)
    .join("\n");
  return readRecords("test.txt", text)[0];
}

export function readRecords(file: string, content: string): OutcomeRecord[] {
  const matcher = createFieldMatcher();
  return parseTextRecords(file, content)
    .flatMap((i) => (i.type === "record" ? [normaliseRecord(i.record, matcher).record] : []))
    .filter((r): r is OutcomeRecord => r !== null);
}

export function readFolder(dir: string): { file: string; records: OutcomeRecord[] }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => ({ file, records: readRecords(file, readFileSync(join(dir, file), "utf8")) }));
}

export type Score = { entities: { f1: number }; relations: { f1: number }; evidenceVerbatim: number; forbiddenEntities: number; missingFiles: number };

/** Extracts each record file alone and scores the folder against its gold with tools/score.mjs. */
export function scoreFolder(dir: string, gold: string, gazetteer = true): Score {
  const out = mkdtempSync(join(tmpdir(), "hg-extract-test-"));
  for (const { file, records } of readFolder(dir)) writeFileSync(join(out, `${file}.json`), JSON.stringify(extractRecords(records, { gazetteer }).extraction));
  const scorer = resolve(import.meta.dirname, "../tools/score.mjs");
  return JSON.parse(execFileSync("node", [scorer, gold, out, "--texts", dir, "--json"], { encoding: "utf8" }));
}
