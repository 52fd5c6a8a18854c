// The graph read back from the real Neo4j (readGraph) is the graph the viewer would get from the records and the same
// review decisions: same nodes, edges and positions, each quote's review status and each edge's rule, a valid envelope,
// and nothing resting only on a confidential record unless asked.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildGraph } from "../../graph/build.ts";
import { layoutGraph, type Positions } from "../../graph/layout.ts";
import { createDriver, pushExtraction, readGraph } from "../../graph/neo4j/index.ts";
import { buildOutputExtraction, buildOutputGraph } from "../../graph/pipeline.ts";
import { GraphEnvelope } from "../../graph/schema.ts";
import { ingestPaths } from "../../ingest/index.ts";
import type { OutcomeRecord } from "../../ingest/schema.ts";
import { CURATION_VERSION, type Curation, type RelationRef } from "../../review/index.ts";
import { CLEAR_DATABASE } from "./_neo4j-fixtures.ts";

// The samples, the shared dev set (copied into test/fixtures/extract/dev) and our own records: 3 are confidential.
const FOLDERS = ["examples/seeds", "test/fixtures/extract/dev", "examples/own"];

const CIV001 = "SCC-DRC2312/CIV001";
const SCC = "prog:scc";
const DD = "org:defenddefenders";
const APRU = "org:actions-pour-la-promotion-rurale";
const ADDED_QUOTE = "the Director of APRU contacted DefendDefenders Senior protection Officer and Training Lead to seek guidance";
const inCiv001 = (source: string, type: RelationRef["type"], target: string): RelationRef => ({ source, type, target, outcome: CIV001 });
/** A reviewer's decisions on the public record CIV001: two edges accepted, one rejected, one the machine missed added. */
const CURATION: Curation = {
  version: CURATION_VERSION,
  decisions: [
    { kind: "accept", relation: inCiv001(SCC, "FUNDED", DD) },
    { kind: "accept", relation: inCiv001(APRU, "ACHIEVED", CIV001) },
    { kind: "reject", relation: inCiv001(APRU, "PARTNERED_WITH", DD) },
    { kind: "add", relation: inCiv001(DD, "SUPPORTED", APRU), field: "additionalInformation", quote: ADDED_QUOTE },
  ],
};

const neo4jInfo = inject("neo4j");
let driver: Driver;
let records: OutcomeRecord[];
let positions: Positions;

const keysOf = (envelope: GraphEnvelope) => ({
  nodes: envelope.graph.nodes.map((n) => n.key).sort(),
  edges: envelope.graph.edges.map((e) => e.key).sort(),
});

/**
 * The records' own graph for the viewer, less what Neo4j by design does not keep: entities no quote and no relation
 * supports (the extractor adds each record's country as a Place, without evidence).
 */
function expectedGraph(includeConfidential: boolean): GraphEnvelope {
  const { graph, envelope } = buildOutputGraph(records, { includeConfidential, curation: CURATION, layout: false });
  const supported = (key: string) => {
    const attributes = graph.getNodeAttributes(key);
    return attributes.kind === "outcome" || attributes.outcomes.length > 0 || graph.degree(key) > 0;
  };
  return { ...envelope, graph: { ...envelope.graph, nodes: envelope.graph.nodes.filter((n) => supported(n.key)) } };
}

beforeAll(async () => {
  driver = createDriver({ ...neo4jInfo, source: "env" });
  const files = FOLDERS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => join(dir, f)));
  records = (await ingestPaths(files)).records;
  // What `harvestgraph push` sends to a loopback server: every record, the review decisions, the layout of that graph.
  const { extraction, stale } = buildOutputExtraction(records, { includeConfidential: true, curation: CURATION });
  expect(stale).toEqual([]);
  positions = layoutGraph(buildGraph(extraction));
  await driver.executeQuery(CLEAR_DATABASE, {}, { database: neo4jInfo.database });
  await pushExtraction(driver, extraction, { database: neo4jInfo.database, positions });
});

afterAll(async () => {
  await driver.close();
});

describe("readGraph", () => {
  it("gives a valid envelope with the nodes and edges of the records' own graph, confidential ones included when asked", async () => {
    const { envelope, positioned } = await readGraph(driver, { includeConfidential: true, database: neo4jInfo.database });
    const expected = expectedGraph(true);

    expect(GraphEnvelope.safeParse(envelope).success).toBe(true);
    expect(positioned).toBe(true);
    expect(keysOf(envelope)).toEqual(keysOf(expected));
    expect(envelope.meta).toEqual({ includesConfidential: true, pseudonymised: false, records: records.length });
  });

  it("draws the pushed layout: every node at the position the push stored", async () => {
    const { envelope } = await readGraph(driver, { includeConfidential: true, database: neo4jInfo.database });
    for (const node of envelope.graph.nodes) expect({ key: node.key, x: node.attributes.x, y: node.attributes.y }).toEqual({ key: node.key, ...positions[node.key] });
  });

  it("carries the attributes, rule and evidence (with each quote's review status) the viewer shows, as graph/build.ts gives them", async () => {
    const { envelope } = await readGraph(driver, { includeConfidential: true, database: neo4jInfo.database });
    const expected = expectedGraph(true);
    const byKey = <T extends { key: string }>(items: T[]) => new Map(items.map((item) => [item.key, item]));
    const nodes = byKey(envelope.graph.nodes);
    for (const node of expected.graph.nodes) {
      const { x: _x, y: _y, betweenness: _b, ...attributes } = node.attributes as typeof node.attributes & { betweenness?: number };
      expect(nodes.get(node.key)?.attributes).toMatchObject(attributes);
    }
    const edges = byKey(envelope.graph.edges);
    const sortEvidence = (evidence: { outcome: string; field: string; start: number }[]) =>
      [...evidence].sort((a, b) => a.outcome.localeCompare(b.outcome) || a.field.localeCompare(b.field) || a.start - b.start);
    for (const edge of expected.graph.edges) {
      const got = edges.get(edge.key)!;
      expect([got.source, got.target, Boolean(got.undirected), got.attributes.type]).toEqual([edge.source, edge.target, Boolean(edge.undirected), edge.attributes.type]);
      expect(got.attributes.rule, edge.key).toEqual(edge.attributes.rule);
      expect(sortEvidence(got.attributes.evidence)).toEqual(sortEvidence(edge.attributes.evidence));
    }
  });

  it("gives each quote the review status of the outcome it comes from, and each edge its rule, for the side panel", async () => {
    const { envelope } = await readGraph(driver, { database: neo4jInfo.database });
    const edges = new Map(envelope.graph.edges.map((e) => [e.key, e.attributes]));
    const statuses = (key: string) => edges.get(key)!.evidence.map((ev) => [ev.outcome === CIV001, ev.status ?? "machine"]);

    // Accepted in CIV001 only: the other records' quotes of the same edge stay the machine's.
    const funded = statuses(`${SCC}|FUNDED|${DD}`);
    expect(funded.filter(([own]) => own)).toEqual([[true, "accepted"]]);
    expect(funded.filter(([own]) => !own).length).toBeGreaterThan(0);
    expect(new Set(funded.filter(([own]) => !own).map(([, status]) => status))).toEqual(new Set(["machine"]));
    expect(edges.get(`${SCC}|FUNDED|${DD}`)!.rule).toMatch(/funding/);
    expect(statuses(`${APRU}|ACHIEVED|${CIV001}`)).toEqual([[true, "accepted"]]);
    expect(edges.get(`${DD}|SUPPORTED|${APRU}`)).toMatchObject({
      rule: "review:add",
      evidence: [{ outcome: CIV001, field: "additionalInformation", text: ADDED_QUOTE, status: "added", fragmentId: CIV001 }],
    });
    expect(edges.has(`${APRU}|PARTNERED_WITH|${DD}`)).toBe(false);
    // An edge no decision touched: the machine's, with the rule that made it.
    expect(statuses(`${DD}|TRAINED|${APRU}`)).toEqual([[true, "machine"]]);
    expect(edges.get(`${DD}|TRAINED|${APRU}`)!.rule).toBeTruthy();
  });

  describe("without --include-confidential", () => {
    it("leaves out confidential outcomes and everything resting only on them: the keys of the public records' graph", async () => {
      const { envelope } = await readGraph(driver, { database: neo4jInfo.database });
      const expected = expectedGraph(false);
      const confidential = records.filter((r) => r.confidential).map((r) => r.id);

      expect(confidential.length).toBeGreaterThanOrEqual(3);
      expect(GraphEnvelope.safeParse(envelope).success).toBe(true);
      expect(keysOf(envelope)).toEqual(keysOf(expected));
      expect(envelope.meta).toEqual({ includesConfidential: false, pseudonymised: false, records: records.length - confidential.length });
      const nodes = new Set(envelope.graph.nodes.map((n) => n.key));
      expect(confidential.filter((id) => nodes.has(id))).toEqual([]);
      const evidenceOutcomes = new Set(envelope.graph.edges.flatMap((e) => e.attributes.evidence.map((ev) => ev.outcome)));
      expect(confidential.filter((id) => evidenceOutcomes.has(id))).toEqual([]);
    });

    it("lets no FragmentID, quote or alias unique to a confidential record through", async () => {
      const { envelope } = await readGraph(driver, { database: neo4jInfo.database });
      const text = JSON.stringify(envelope);
      const secret = records.filter((r) => r.confidential);
      const publicText = records.filter((r) => !r.confidential).map((r) => [r.fragmentId, ...Object.values(r.text)].join("\n")).join("\n");
      const { extraction } = buildOutputExtraction(records, { includeConfidential: true });
      const secretIds = new Set(secret.map((r) => r.id));
      const candidates = [
        ...secret.map((r) => r.fragmentId),
        ...extraction.relations.flatMap((r) => r.evidence.filter((ev) => secretIds.has(ev.outcome)).map((ev) => ev.text)),
        ...extraction.entities.filter((e) => e.mentions.length > 0 && e.mentions.every((m) => secretIds.has(m.outcome))).flatMap((e) => [e.name, ...e.aliases]),
      ].filter((s) => s.replace(/<[^>]+>/g, "").trim().length >= 3 && !publicText.includes(s));

      expect(candidates.length).toBeGreaterThan(5);
      expect(candidates.filter((s) => text.includes(JSON.stringify(s).slice(1, -1)))).toEqual([]);
    });
  });
});
