// The sample graph written through neo4j-driver to the real Neo4j the test run started, and read back with Cypher.
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDriver, FULLTEXT_INDEX, pushExtraction, type PushOptions, type PushResult } from "../../graph/neo4j/index.ts";
import type { Extraction } from "../../ingest/schema.ts";
import { CLEAR_DATABASE, correctedRecord0, dumpDatabase, sampleExtraction, seedRecord, R0, R4 } from "./_neo4j-fixtures.ts";

const neo4jInfo = inject("neo4j");
let driver: Driver;

const read = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { routing: "READ", database: neo4jInfo.database })).records.map((r) => r.toObject());
const clear = () => driver.executeQuery(CLEAR_DATABASE, {}, { database: neo4jInfo.database });
const push = (extraction: Extraction, options: Partial<PushOptions> = {}) =>
  pushExtraction(driver, extraction, { database: neo4jInfo.database, ...options });

beforeAll(() => {
  driver = createDriver({ ...neo4jInfo, source: "env" });
});

afterAll(async () => {
  await driver.close();
});

describe("pushExtraction on the sample records", () => {
  let result: PushResult;
  beforeAll(async () => {
    await clear();
    result = await push(sampleExtraction());
  });

  it("writes outcomes, entities and relations that Cypher reads back with their counts", async () => {
    expect(result).toMatchObject({ outcomes: 3, entities: 8, relations: 11, mentions: 10, removedEntities: 0, skipped: [] });
    const [counts] = await read(`MATCH (o:Outcome) WITH count(o) AS outcomes
      MATCH (e:Entity) WITH outcomes, count(e) AS entities
      MATCH ()-[r]->() WHERE type(r) <> "MENTIONED_IN" WITH outcomes, entities, count(r) AS relations
      MATCH ()-[m:MENTIONED_IN]->() RETURN outcomes, entities, relations, count(m) AS mentions`);
    // 10 extraction relations; SCC FUNDED DefendDefenders is stated in two records, so 11 relationships.
    // Mentions: one per (entity, outcome) pair, whatever the number of quotes.
    expect(counts).toEqual({ outcomes: 3, entities: 8, relations: 11, mentions: 10 });
  });

  it.each([
    ["org:defenddefenders", ["Entity", "Organisation"]],
    ["gov:uga:government", ["Entity", "GovernmentBody"]],
    ["coal:national-coalitions", ["Coalition", "Entity"]],
    ["prog:scc", ["Entity", "Programme"]],
    ["place:kampala", ["Entity", "Place"]],
  ])("labels entity %s with :Entity and its one type label", async (id, labels) => {
    const [row] = await read("MATCH (e:Entity {id: $id}) RETURN labels(e) AS labels", { id });
    expect([...row.labels].sort()).toEqual(labels);
  });

  it("stores the outcome's normalised fields flat, integers as integers", async () => {
    const r0 = seedRecord(R0);
    const [row] = await read(
      `MATCH (o:Outcome {id: $id})
       RETURN o.fragmentId AS fragmentId, o.country AS country, o.countryIso AS iso, o.year AS year,
              valueType(o.year) AS yearType, o.harvestPeriod AS harvestPeriod, o.ratingSignificance AS significance,
              o.confidential AS confidential, o.frameworkCodes AS codes, o.objectiveCode AS objective,
              o.outcomeDescription AS description`,
      { id: r0.id },
    );
    expect(row).toEqual({
      fragmentId: "SCC-DRC2312/CIV001",
      country: "DR Congo",
      iso: "COD",
      year: 2023,
      yearType: "INTEGER NOT NULL",
      harvestPeriod: r0.harvestPeriod,
      significance: "medium",
      confidential: false,
      codes: r0.frameworkCodes,
      objective: r0.objectiveCode,
      description: r0.text.outcomeDescription,
    });
  });

  it("gives DefendDefenders TRAINED APRU its provenance: outcome, FragmentID, field, quote and offsets", async () => {
    const rows = await read(
      `MATCH (:Organisation {name: "DefendDefenders"})-[r:TRAINED]->(:Organisation {id: "org:apru"})
       RETURN r.outcome AS outcome, r.fragmentId AS fragmentId, r.fields AS fields, r.quotes AS quotes,
              r.starts AS starts, r.ends AS ends, r.rule AS rule, valueType(r.starts) AS startsType`,
    );
    const quote =
      "With funding support from the SCC programme, DefendDefenders trained APRU in physical and digital security management in Kampala, Uganda from 8 - 13 November 2021.";
    const r0 = seedRecord(R0);
    const start = r0.text.programmeContribution.indexOf(quote);
    expect(rows).toEqual([
      {
        outcome: r0.id,
        fragmentId: "SCC-DRC2312/CIV001",
        fields: ["programmeContribution"],
        quotes: [quote],
        starts: [start],
        ends: [start + quote.length],
        rule: "active-train",
        startsType: "LIST<INTEGER NOT NULL> NOT NULL",
      },
    ]);
  });

  it("writes one FUNDED relationship per outcome that states it, never one growing relationship", async () => {
    const rows = await read(
      `MATCH (:Programme {id: "prog:scc"})-[r:FUNDED]->(:Organisation {id: "org:defenddefenders"})
       RETURN r.fragmentId AS fragmentId, size(r.quotes) AS quotes ORDER BY fragmentId`,
    );
    expect(rows).toEqual([
      { fragmentId: "SCC-<redacted>/CIV021", quotes: 1 },
      { fragmentId: "SCC-DRC2312/CIV001", quotes: 1 },
    ]);
  });

  it("stores a symmetric relation once, from the smaller id, whichever way it was stated", async () => {
    const rows = await read(`MATCH (a)-[r:PARTNERED_WITH]->(b) RETURN a.id AS a, b.id AS b ORDER BY a, b`);
    expect(rows).toEqual([
      { a: "gov:uga:government", b: "org:apru" },
      { a: "org:apru", b: "org:pax" },
    ]);
  });

  it("links entities to the outcomes that mention them, and actors to the outcomes they achieved", async () => {
    const rows = await read(
      `MATCH (e:Entity)-[:ACHIEVED]->(o:Outcome)<-[m:MENTIONED_IN]-(e)
       RETURN e.name AS actor, o.fragmentId AS fragmentId, size(m.quotes) AS quotes ORDER BY actor`,
    );
    expect(rows).toEqual([
      { actor: "Actions pour la Promotion Rurale", fragmentId: "SCC-DRC2312/CIV001", quotes: 3 },
      { actor: "Seconde Chance", fragmentId: "SCC-<redacted>/CIV021", quotes: 2 },
    ]);
  });

  it("creates the id constraints, the outcome indexes and the full-text index (ensureSchema)", async () => {
    const [constraints] = await read("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names");
    expect(constraints.names).toEqual(expect.arrayContaining(["entity_id", "outcome_id"]));
    const indexes = await read("SHOW INDEXES YIELD name, state RETURN name, state");
    expect(indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining(["outcome_country", "outcome_country_iso", "outcome_year", FULLTEXT_INDEX, "rel_trained_outcome"]),
    );
    expect(indexes.every((i) => i.state === "ONLINE")).toBe(true);
  });

  it.each([
    ["APRU", "org:apru"],
    ["Seconde", "org:secha"],
    ["Defenddefenders", "org:defenddefenders"],
    ["Kobotool", "(outcome)"],
  ])("finds %s through the full-text index over names, aliases and outcome text", async (term, expected) => {
    const rows = await read(
      `CALL db.index.fulltext.queryNodes($index, $term) YIELD node
       RETURN CASE WHEN node:Outcome THEN "(outcome)" ELSE node.id END AS hit`,
      { index: FULLTEXT_INDEX, term },
    );
    expect(rows.map((r) => r.hit)).toContain(expected);
  });
});

describe("pushExtraction, pushed again", () => {
  beforeEach(async () => {
    await clear();
  });

  it("leaves the database identical when the same extraction is pushed twice", async () => {
    const first = await push(sampleExtraction());
    const dumpOnce = await dumpDatabase(driver);
    const indexesOnce = await read("SHOW INDEXES YIELD name RETURN count(*) AS n");
    const second = await push(sampleExtraction());

    expect(await dumpDatabase(driver)).toBe(dumpOnce);
    expect(await read("SHOW INDEXES YIELD name RETURN count(*) AS n")).toEqual(indexesOnce);
    expect(second.replacedProvenance).toBe(first.relations + first.mentions);
    // The second push has one more transaction: the replacement of the outcomes' earlier provenance.
    expect(second.transactions).toBe(first.transactions + 1);
    expect({ ...second, replacedProvenance: 0, transactions: 0 }).toEqual({ ...first, replacedProvenance: 0, transactions: 0 });
  });

  it("writes the same database whatever the batch size, one transaction per batch", async () => {
    const big = await push(sampleExtraction(), { batchSize: 1000 });
    const dumpBig = await dumpDatabase(driver);
    await clear();
    const small = await push(sampleExtraction(), { batchSize: 2, skipSchema: true });

    expect(await dumpDatabase(driver)).toBe(dumpBig);
    // outcomes 3 → 2 batches, provenance none (no outcome was there before), entities 8 → 4, mentions 10 → 5,
    // relations 11 → 6, cleanup of the 8 entities written → 4.
    expect(small.transactions).toBe(2 + 0 + 4 + 5 + 6 + 4);
    expect(big.transactions).toBe(5);
  });

  it("replaces a corrected record's evidence and edges, and removes the entities no record supports any more", async () => {
    await push(sampleExtraction());
    const result = await push(correctedRecord0(), { skipSchema: true });
    const r0 = seedRecord(R0);
    const r4 = seedRecord(R4);

    // PAX, the government and Kampala were only in record 000's old text.
    expect(result.removedEntities).toBe(3);
    const entities = await read("MATCH (e:Entity) RETURN e.id AS id ORDER BY id");
    expect(entities.map((e) => e.id)).toEqual(["coal:national-coalitions", "org:apru", "org:defenddefenders", "org:secha", "prog:scc"]);

    const r0Edges = await read(
      `MATCH (a)-[r {outcome: $id}]->(b) WHERE type(r) <> "MENTIONED_IN"
       RETURN a.id AS source, type(r) AS type, b.id AS target, r.quotes AS quotes ORDER BY type, source`,
      { id: r0.id },
    );
    expect(r0Edges).toEqual([
      { source: "prog:scc", type: "FUNDED", target: "org:defenddefenders", quotes: ["With funding support from the SCC programme"] },
      {
        source: "org:defenddefenders",
        type: "TRAINED",
        target: "org:apru",
        quotes: ["DefendDefenders trained APRU in physical and digital security management"],
      },
    ]);

    // Record 004's provenance is untouched: 3 mentions (DefendDefenders, SECHA, SCC) and 3 relationships.
    expect(await read(`MATCH ()-[r {outcome: $id}]->() RETURN count(r) AS n`, { id: r4.id })).toEqual([{ n: 6 }]);
    const [outcome] = await read("MATCH (o:Outcome {id: $id}) RETURN o.outcomeStatus AS status, o.additionalInformation AS info", {
      id: r0.id,
    });
    expect(outcome).toEqual({ status: "Outcome (corrected)", info: "On March 7th 2023, the Director of APRU contacted DefendDefenders." });
  });

  it("merges, never duplicates, evidence resting on an outcome pushed earlier but not in this push", async () => {
    await push(sampleExtraction());
    const countAll = "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type";
    const before = await read(countAll);
    // Record 004's relations and mentions pushed again without record 004 itself: the MERGE path, not CREATE.
    const r4 = seedRecord(R4);
    const sample = sampleExtraction();
    const onlyR4 = {
      outcomes: [],
      entities: sample.entities.map((e) => ({ ...e, mentions: e.mentions.filter((m) => m.outcome === r4.id) })),
      relations: sample.relations
        .map((r) => ({ ...r, evidence: r.evidence.filter((ev) => ev.outcome === r4.id) }))
        .filter((r) => r.evidence.length > 0 && r.target !== r4.id),
    };
    const result = await push(onlyR4, { skipSchema: true });

    expect(result.replacedProvenance).toBe(0);
    expect(result.relations).toBe(2);
    expect(result.mentions).toBe(3);
    expect(await read(countAll)).toEqual(before);
    // The FragmentID comes from the outcome in the database (these rows could only guess it).
    const fragmentIds = await read("MATCH ()-[r {outcome: $id}]->() RETURN DISTINCT r.fragmentId AS f", { id: r4.id });
    expect(fragmentIds).toEqual([{ f: "SCC-<redacted>/CIV021" }]);
  });

  it("writes no relationship resting on an outcome the database does not hold", async () => {
    await push(sampleExtraction());
    const extraction = sampleExtraction();
    const ghost = { ...extraction.relations[0].evidence[0], outcome: "no-such-outcome" };
    const entities = extraction.entities.filter((e) => e.id === "prog:scc" || e.id === "org:pax").map((e) => ({ ...e, mentions: [] }));
    const relations = [{ source: "prog:scc", type: "SUPPORTED" as const, target: "org:pax", evidence: [ghost] }];
    const result = await push({ outcomes: [], entities, relations }, { skipSchema: true });

    expect(result.relations).toBe(0);
    expect(result.skipped.map((s) => s.reason)).toEqual(["endpoint or outcome not in the database"]);
    expect(await read("MATCH ()-[r {outcome: $id}]->() RETURN count(r) AS n", { id: "no-such-outcome" })).toEqual([{ n: 0 }]);
  });

  it("stores the layout positions it is given as x and y, and leaves none when given none", async () => {
    const extraction = sampleExtraction();
    const positions = Object.fromEntries(
      [...extraction.outcomes.map((o) => o.id), ...extraction.entities.map((e) => e.id)].map((id, i) => [id, { x: i * 1.5, y: -i }]),
    );
    await push(extraction, { positions });
    const rows = await read("MATCH (n) RETURN n.id AS id, n.x AS x, n.y AS y ORDER BY id");
    expect(rows).toEqual(Object.entries(positions).map(([id, p]) => ({ id, ...p })).sort((a, b) => (a.id < b.id ? -1 : 1)));

    await push(extraction, { skipSchema: true });
    expect(await read("MATCH (n) WHERE n.x IS NOT NULL OR n.y IS NOT NULL RETURN count(n) AS n")).toEqual([{ n: 0 }]);
  });

  it("reports a relation it cannot place instead of writing half of it", async () => {
    const extraction = sampleExtraction();
    extraction.relations.push(
      { source: "org:apru", type: "SUPPORTED", target: "org:nobody", evidence: extraction.relations[0].evidence },
      { source: "org:apru", type: "SUPPORTED", target: "org:pax", evidence: [] },
    );
    const result = await push(extraction, { skipSchema: true });

    expect(result.skipped.map((s) => s.reason)).toEqual(["unknown target id", "no evidence, so no outcome to rest on"]);
    expect(await read("MATCH ()-[r:SUPPORTED]->() RETURN count(r) AS n")).toEqual([{ n: 1 }]);
  });
});
