// A hand-made extraction over the three seed records (examples/seeds 000, 003, 004; quotes copied verbatim, real offsets)
// for the Neo4j tests, plus a corrected version of record 000 and the helpers that dump a database for comparison.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Driver } from "neo4j-driver";
import { createFieldMatcher, normaliseRecord, parseTextRecords } from "../../ingest/index.ts";
import type { Evidence, Extraction, OutcomeRecord, TextField } from "../../ingest/schema.ts";

const SEEDS = fileURLToPath(new URL("../../examples/seeds/", import.meta.url));

export function seedRecord(file: string): OutcomeRecord {
  const raw = parseTextRecords(file, readFileSync(`${SEEDS}${file}`, "utf8")).find((item) => item.type === "record");
  if (!raw || raw.type !== "record") throw new Error(`no record in ${file}`);
  const record = normaliseRecord(raw.record, createFieldMatcher()).record;
  if (!record) throw new Error(`record in ${file} did not normalise`);
  return record;
}

export function quote(record: OutcomeRecord, field: TextField, text: string): Evidence {
  const start = record.text[field].indexOf(text);
  if (start < 0) throw new Error(`quote not in ${record.id} ${field}: ${text}`);
  return { outcome: record.id, field, text, start, end: start + text.length };
}

export const R0 = "000_d3dc1a586945bafc.txt";
export const R3 = "003_0b817f388a42ec52.txt";
export const R4 = "004_88eaf67a59f4c304.txt";

/** Seed 000 (APRU, DRC), 003 (national coalitions, Sahel) and 004 (SECHA, DRC, confidential). */
export function sampleExtraction(): Extraction {
  const r0 = seedRecord(R0);
  const r3 = seedRecord(R3);
  const r4 = seedRecord(R4);
  const trained0 = quote(r0, "programmeContribution", "With funding support from the SCC programme, DefendDefenders trained APRU in physical and digital security management in Kampala, Uganda from 8 - 13 November 2021.");
  const mentored0 = quote(r0, "programmeContribution", "Additionally DefendDefenders provided continous mentorship and coaching as part of the follow-up process.");
  const achieved0 = quote(r0, "outcomeDescription", "in March 2023 Actions pour la Promotion Rurale (APRU) in Haut Uélé province (DRC) integrated preventive security management practices");
  const joint0 = quote(r0, "additionalInformation", "DDRRR is a joint exercise of APRU, PAX and Government of Uganda");
  const supported3 = quote(r3, "programmeContribution", "the programme supported the mentorship and institutional support to national coalitions.");
  const trainings3 = quote(r3, "programmeContribution", "The programme facilitated trainings of the members of the national coalitions and other HRDs.");
  const trained4 = quote(r4, "programmeContribution", "With financial support from the program, Defenddefenders organized a training session during which two SECHA staff members were trained in the use of the Kobotool box from <redacted>.");
  const achieved4 = quote(r4, "outcomeDescription", "within the coordination office, Seconde Chance (SECHA) digitized its data collection systems");
  return {
    outcomes: [r0, r3, r4],
    entities: [
      { id: "org:defenddefenders", type: "Organisation", name: "DefendDefenders", aliases: ["Defenddefenders", "DD"], mentions: [trained0, mentored0, trained4] },
      { id: "org:apru", type: "Organisation", name: "Actions pour la Promotion Rurale", aliases: ["APRU"], mentions: [trained0, achieved0, joint0] },
      { id: "org:pax", type: "Organisation", name: "PAX", aliases: [], mentions: [joint0] },
      { id: "gov:uga:government", type: "GovernmentBody", name: "Government of Uganda", aliases: [], country: "UGA", mentions: [joint0] },
      { id: "place:kampala", type: "Place", name: "Kampala", aliases: [], country: "UGA", mentions: [trained0] },
      { id: "org:secha", type: "Organisation", name: "Seconde Chance", aliases: ["SECHA"], mentions: [trained4, achieved4] },
      { id: "coal:national-coalitions", type: "Coalition", name: "national coalitions", aliases: [], mentions: [supported3, trainings3] },
      { id: "prog:scc", type: "Programme", name: "SCC", aliases: ["SCC programme"], mentions: [trained0, trained4] },
    ],
    relations: [
      // SCC FUNDED DefendDefenders is stated in two records: two relationships, one per outcome.
      { source: "prog:scc", type: "FUNDED", target: "org:defenddefenders", rule: "funding-support", evidence: [trained0, trained4] },
      { source: "org:defenddefenders", type: "TRAINED", target: "org:apru", rule: "active-train", evidence: [trained0] },
      { source: "org:defenddefenders", type: "MENTORED", target: "org:apru", rule: "mentorship", evidence: [mentored0] },
      { source: "org:defenddefenders", type: "TRAINED", target: "org:secha", rule: "passive-train", evidence: [trained4] },
      { source: "org:apru", type: "ACHIEVED", target: r0.id, rule: "subject", evidence: [achieved0] },
      { source: "org:secha", type: "ACHIEVED", target: r4.id, rule: "subject", evidence: [achieved4] },
      // Symmetric: stated PAX → APRU, stored once from the smaller id.
      { source: "org:pax", type: "PARTNERED_WITH", target: "org:apru", rule: "joint", evidence: [joint0] },
      { source: "gov:uga:government", type: "PARTNERED_WITH", target: "org:apru", rule: "joint", evidence: [joint0] },
      { source: "prog:scc", type: "SUPPORTED", target: "coal:national-coalitions", rule: "support", evidence: [supported3] },
      { source: "coal:national-coalitions", type: "CONTRIBUTED_TO", target: r3.id, rule: "programme-contribution", evidence: [trainings3] },
    ],
  };
}

/**
 * Record 000 as a harvester corrected it: the outcome status changed, the joint exercise with PAX and the government
 * was struck from the additional information, and only the training remains as DefendDefenders' contribution.
 */
export function correctedRecord0(): Extraction {
  const original = seedRecord(R0);
  const r0: OutcomeRecord = {
    ...original,
    outcomeStatus: "Outcome (corrected)",
    text: { ...original.text, additionalInformation: "On March 7th 2023, the Director of APRU contacted DefendDefenders." },
  };
  const trained0 = quote(r0, "programmeContribution", "DefendDefenders trained APRU in physical and digital security management");
  const funded0 = quote(r0, "programmeContribution", "With funding support from the SCC programme");
  const contacted0 = quote(r0, "additionalInformation", "the Director of APRU contacted DefendDefenders");
  return {
    outcomes: [r0],
    entities: [
      { id: "org:defenddefenders", type: "Organisation", name: "DefendDefenders", aliases: ["Defenddefenders", "DD"], mentions: [trained0, contacted0] },
      { id: "org:apru", type: "Organisation", name: "Actions pour la Promotion Rurale", aliases: ["APRU"], mentions: [trained0, contacted0] },
      { id: "prog:scc", type: "Programme", name: "SCC", aliases: ["SCC programme"], mentions: [funded0] },
    ],
    relations: [
      { source: "prog:scc", type: "FUNDED", target: "org:defenddefenders", rule: "funding-support", evidence: [funded0] },
      { source: "org:defenddefenders", type: "TRAINED", target: "org:apru", rule: "active-train", evidence: [trained0] },
    ],
  };
}

export const DUMP_NODES = `MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY n.id`;

export const DUMP_RELATIONSHIPS = `MATCH (a)-[r]->(b)
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
ORDER BY source, type, target, r.outcome`;

/** Every node and relationship with sorted labels and keys: equal dumps mean equal databases (ids aside). */
export async function dumpDatabase(driver: Driver): Promise<string> {
  const sortKeys = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
  const nodes = await driver.executeQuery(DUMP_NODES, {}, { routing: "READ" });
  const rels = await driver.executeQuery(DUMP_RELATIONSHIPS, {}, { routing: "READ" });
  return JSON.stringify(
    {
      nodes: nodes.records.map((r) => ({ labels: [...(r.get("labels") as string[])].sort(), props: sortKeys(r.get("props")) })),
      relationships: rels.records.map((r) => ({ ...r.toObject(), props: sortKeys(r.get("props")) })),
    },
    null,
    1,
  );
}

export const CLEAR_DATABASE = "MATCH (n) DETACH DELETE n";
