// A small hand-made extraction over sample 000 and 004 (quotes copied verbatim from examples/seeds), for graph and export tests.
import { readFileSync } from "node:fs";
import { createFieldMatcher } from "../ingest/fields.ts";
import { parseTextRecords } from "../ingest/read/text.ts";
import { normaliseRecord } from "../ingest/record.ts";
import type { Evidence, Extraction, OutcomeRecord, TextField } from "../ingest/schema.ts";

export function seedRecord(file: string): OutcomeRecord {
  const items = parseTextRecords(file, readFileSync(`examples/seeds/${file}`, "utf8"));
  const raw = items.find((i) => i.type === "record");
  if (!raw || raw.type !== "record") throw new Error(`no record in ${file}`);
  return normaliseRecord(raw.record, createFieldMatcher()).record!;
}

export function quote(record: OutcomeRecord, field: TextField, text: string): Evidence {
  const start = record.text[field].indexOf(text);
  if (start < 0) throw new Error(`quote not in ${record.id} ${field}: ${text}`);
  return { outcome: record.id, field, text, start, end: start + text.length };
}

export function sampleExtraction(): Extraction {
  const r0 = seedRecord("000_d3dc1a586945bafc.txt");
  const r4 = seedRecord("004_88eaf67a59f4c304.txt");
  const trained0 = quote(r0, "programmeContribution", "With funding support from the SCC programme, DefendDefenders trained APRU in physical and digital security management in Kampala, Uganda from 8 - 13 November 2021.");
  const trained4 = quote(r4, "programmeContribution", "With financial support from the program, Defenddefenders organized a training session during which two SECHA staff members were trained in the use of the Kobotool box from <redacted>.");
  const achieved4 = quote(r4, "outcomeDescription", "within the coordination office, Seconde Chance (SECHA) digitized its data collection systems");
  return {
    outcomes: [r0, r4],
    entities: [
      { id: "org:defenddefenders", type: "Organisation", name: "DefendDefenders", aliases: ["DD", "Defenddefenders"], mentions: [trained0, trained4] },
      { id: "org:apru", type: "Organisation", name: "Actions pour la Promotion Rurale", aliases: ["APRU"], mentions: [trained0] },
      { id: "org:secha", type: "Organisation", name: "Seconde Chance", aliases: ["SECHA"], mentions: [trained4, achieved4] },
      { id: "prog:scc", type: "Programme", name: "SCC", aliases: [], mentions: [trained0, trained4] },
    ],
    relations: [
      { source: "org:defenddefenders", type: "TRAINED", target: "org:apru", rule: "active-train", evidence: [trained0] },
      { source: "prog:scc", type: "FUNDED", target: "org:defenddefenders", rule: "funding-support", evidence: [trained0, trained4] },
      { source: "org:defenddefenders", type: "TRAINED", target: "org:secha", rule: "passive-train", evidence: [trained4] },
      { source: "org:secha", type: "ACHIEVED", target: r4.id, rule: "subject", evidence: [achieved4] },
      { source: "org:apru", type: "PARTNERED_WITH", target: "org:defenddefenders", rule: "joint", evidence: [trained0] },
    ],
  };
}
