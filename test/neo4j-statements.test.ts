// The push's Cypher text and parameter rows, checked without a server (the real server checks the behaviour).
import { describe, expect, it } from "vitest";
import { SCHEMA_STATEMENTS, schemaName, toPushRows } from "../graph/neo4j/index.ts";
import {
  CREATE_MENTIONS,
  CREATE_RELATIONS,
  DELETE_PROVENANCE,
  DELETE_UNSUPPORTED_AMONG,
  REPLACE_PROVENANCE,
  NODE_LABELS,
  PROVENANCE_TYPES,
  UPSERT_ENTITIES,
  UPSERT_MENTIONS,
  UPSERT_OUTCOMES,
  UPSERT_RELATIONS,
  DELETE_UNSUPPORTED_ENTITIES,
} from "../graph/neo4j/statements.ts";
import { ENTITY_TYPES, RELATION_TYPES, type Extraction } from "../ingest/schema.ts";
import { sampleExtraction } from "./integration/_neo4j-fixtures.ts";

const ALL_STATEMENTS = [
  UPSERT_OUTCOMES,
  UPSERT_MENTIONS,
  DELETE_UNSUPPORTED_ENTITIES,
  ...Object.values(UPSERT_ENTITIES),
  ...Object.values(UPSERT_RELATIONS),
  ...DELETE_PROVENANCE,
  ...SCHEMA_STATEMENTS,
  CREATE_MENTIONS,
  ...Object.values(CREATE_RELATIONS),
  REPLACE_PROVENANCE,
  DELETE_UNSUPPORTED_AMONG,
];
const ALLOWED_NAMES = new Set<string>([...ENTITY_TYPES, ...RELATION_TYPES, ...NODE_LABELS, ...PROVENANCE_TYPES]);

describe("statements", () => {
  it("uses only labels and relationship types from the closed vocabularies", () => {
    const used = ALL_STATEMENTS.flatMap((s) => [...s.matchAll(/[(\[]\w*((?::\w+)+)/g)].flatMap((m) => m[1].split(":").filter(Boolean)));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((name) => !ALLOWED_NAMES.has(name))).toEqual([]);
  });

  it("passes every value as a parameter: UNWIND $rows or $ids, no quoted literals", () => {
    const rowStatements = [UPSERT_OUTCOMES, UPSERT_MENTIONS, CREATE_MENTIONS, ...Object.values(UPSERT_ENTITIES), ...Object.values(UPSERT_RELATIONS), ...Object.values(CREATE_RELATIONS)];
    for (const statement of rowStatements) expect(statement).toMatch(/^UNWIND \$rows AS row\n/);
    for (const statement of [...DELETE_PROVENANCE, REPLACE_PROVENANCE, DELETE_UNSUPPORTED_AMONG]) expect(statement).toMatch(/^UNWIND \$ids AS id\n/);
    expect(ALL_STATEMENTS.filter((s) => /["']/.test(s))).toEqual([]);
  });

  it("has one CREATE and one MERGE per (relation type, source label, target label)", () => {
    expect(Object.keys(UPSERT_RELATIONS)).toHaveLength(RELATION_TYPES.length * 4);
    expect(Object.keys(CREATE_RELATIONS)).toEqual(Object.keys(UPSERT_RELATIONS));
    expect(CREATE_RELATIONS["TRAINED:Entity:Entity"]).toContain("CREATE (a)-[r:TRAINED]->(b)");
    expect(UPSERT_RELATIONS["TRAINED:Entity:Entity"]).toContain("MERGE (a)-[r:TRAINED {outcome: p.outcome}]->(b)");
    // The MERGE path writes only where the outcome is in the database, so no relationship points at a missing one.
    expect(UPSERT_RELATIONS["TRAINED:Entity:Entity"]).toContain("MATCH (o:Outcome {id: row.props.outcome})");
  });

  it("replaces every provenance type's relationships in one statement, each through its outcome index", () => {
    for (const type of PROVENANCE_TYPES) expect(REPLACE_PROVENANCE).toContain(`MATCH ()-[r:${type} {outcome: id}]->() RETURN r`);
  });

  it("leaves an entity exactly one type label", () => {
    expect(UPSERT_ENTITIES.Coalition).toContain(`REMOVE e${ENTITY_TYPES.map((t) => `:${t}`).join("")}\nSET e:Coalition`);
  });

  it("makes every schema statement idempotent", () => {
    expect(SCHEMA_STATEMENTS.every((s) => s.includes("IF NOT EXISTS"))).toBe(true);
  });
});

describe("toPushRows", () => {
  const rows = toPushRows(sampleExtraction());

  it("writes one relation row per (source, type, target, outcome)", () => {
    const funded = rows.relations.filter((r) => r.type === "FUNDED");
    expect(funded.map((r) => [r.source, r.target, r.props.fragmentId, r.props.quotes.length]).sort()).toEqual([
      ["prog:scc", "org:defenddefenders", "SCC-<redacted>/CIV021", 1],
      ["prog:scc", "org:defenddefenders", "SCC-DRC2312/CIV001", 1],
    ]);
  });

  it("marks every mention and relation with its outcome's confidential flag", () => {
    const confidential = new Map(sampleExtraction().outcomes.map((o) => [o.id, o.confidential]));
    const flags = [...rows.mentions, ...rows.relations].map((r) => [r.props.confidential, confidential.get(r.outcome)]);
    expect(flags.every(([flag, outcome]) => flag === outcome)).toBe(true);
    expect(flags.some(([flag]) => flag)).toBe(true);
    expect(UPSERT_MENTIONS).toContain("confidential: coalesce(o.confidential, false)");
    expect(UPSERT_RELATIONS["FUNDED:Entity:Entity"]).toContain("confidential: coalesce(o.confidential, false)");
  });

  it("stores a symmetric relation from the smaller id", () => {
    const partners = rows.relations.filter((r) => r.type === "PARTNERED_WITH").map((r) => `${r.source}—${r.target}`);
    expect(partners).toEqual(["gov:uga:government—org:apru", "org:apru—org:pax"]);
  });

  it("labels an endpoint Outcome when the id is an outcome's", () => {
    const achieved = rows.relations.filter((r) => r.type === "ACHIEVED");
    expect(achieved.map((r) => [r.sourceLabel, r.targetLabel])).toEqual([
      ["Entity", "Outcome"],
      ["Entity", "Outcome"],
    ]);
  });

  it("flattens the outcome: no nested maps, country split into name and ISO code", () => {
    for (const row of rows.outcomes) {
      for (const value of Object.values(row.props)) expect(typeof value === "object" && !Array.isArray(value)).toBe(false);
    }
    expect(rows.outcomes.map((o) => [o.props.country, o.props.countryIso ?? null])).toEqual(
      expect.arrayContaining([["DR Congo", "COD"]]),
    );
  });

  it("gives the same rows whatever order the extraction lists things in", () => {
    const extraction = sampleExtraction();
    const reversed: Extraction = {
      outcomes: [...extraction.outcomes].reverse(),
      entities: [...extraction.entities].reverse().map((e) => ({ ...e, mentions: [...e.mentions].reverse() })),
      relations: [...extraction.relations].reverse().map((r) => ({ ...r, evidence: [...r.evidence].reverse() })),
    };
    expect(toPushRows(reversed)).toEqual(rows);
  });

  it.each([
    ["an unknown target", "org:nobody", true, "unknown target id"],
    ["no evidence", "org:pax", false, "no evidence, so no outcome to rest on"],
  ])("skips a relation with %s and says why", (_name, target, withEvidence, reason) => {
    const extraction = sampleExtraction();
    const evidence = withEvidence ? extraction.relations[0].evidence : [];
    extraction.relations.push({ source: "org:apru", type: "SUPPORTED", target, evidence });
    expect(toPushRows(extraction).skipped).toEqual([{ kind: "relation", id: `org:apru SUPPORTED ${target}`, reason }]);
  });
});

describe("schemaName", () => {
  it("names every schema statement, each name once", () => {
    const names = SCHEMA_STATEMENTS.map(schemaName);
    expect(new Set(names).size).toBe(SCHEMA_STATEMENTS.length);
    expect(names).toEqual(expect.arrayContaining(["entity_id", "outcome_id", "outcome_year", "harvestgraph_text", "rel_mentioned_in_outcome"]));
  });
});
