// Building the typed graph from an extraction, and the envelope it travels in.
import { describe, expect, it } from "vitest";
import { buildGraph, redactQuote } from "../graph/build.ts";
import { fromEnvelope, parseEnvelope, toEnvelope } from "../graph/envelope.ts";
import { GraphEnvelope } from "../graph/schema.ts";
import { sampleExtraction } from "./_extraction-fixture.ts";

describe("buildGraph", () => {
  it("makes one node per entity and outcome and one edge per relation", () => {
    const graph = buildGraph(sampleExtraction());
    expect(graph.order).toBe(6);
    expect(graph.size).toBe(5);
    expect(graph.getNodeAttributes("org:defenddefenders")).toMatchObject({ kind: "entity", type: "Organisation", label: "DefendDefenders", countries: ["COD"] });
  });

  it("cites the FragmentID beside each quote on an edge", () => {
    const graph = buildGraph(sampleExtraction());
    const funded = graph.getEdgeAttributes("prog:scc|FUNDED|org:defenddefenders");
    expect(funded.evidence.map((e) => e.fragmentId)).toEqual(["SCC-DRC2312/CIV001", "SCC-<redacted>/CIV021"]);
  });

  it("stores a symmetric relation as one undirected edge", () => {
    const graph = buildGraph(sampleExtraction());
    const [edge] = graph.edges("org:apru", "org:defenddefenders").filter((e) => graph.getEdgeAttribute(e, "type") === "PARTNERED_WITH");
    expect(graph.isUndirected(edge)).toBe(true);
  });

  it("marks an entity known only from confidential records as confidential", () => {
    const graph = buildGraph(sampleExtraction());
    expect(graph.getNodeAttribute("org:secha", "confidential")).toBe(true);
    expect(graph.getNodeAttribute("org:defenddefenders", "confidential")).toBe(false);
  });

  it("applies the merged story's stricter redaction to quotes and outcome texts", () => {
    const extraction = sampleExtraction();
    const record = extraction.outcomes[1];
    const achieved = extraction.relations.find((r) => r.type === "ACHIEVED")!.evidence[0];
    expect(redactQuote(achieved, record)).toBe("within the coordination office, Seconde Chance (SECHA) digitized its data <redacted> systems");
    const graph = buildGraph(extraction);
    const node = graph.getNodeAttributes(record.id);
    expect(node.kind === "outcome" && node.text.outcomeDescription).toContain("data <redacted> systems");
  });

  it("skips a relation whose endpoint is not in the graph instead of throwing", () => {
    const extraction = sampleExtraction();
    extraction.relations.push({ source: "org:nobody", type: "FUNDED", target: "org:apru", evidence: [] });
    expect(buildGraph(extraction).size).toBe(5);
  });
});

describe("envelope", () => {
  it("round-trips through JSON and validates with the shared schema", () => {
    const graph = buildGraph(sampleExtraction());
    const envelope = toEnvelope(graph, { includesConfidential: true, pseudonymised: false, records: 2 });
    const parsed = parseEnvelope(JSON.parse(JSON.stringify(envelope)), "graph.json");
    expect(GraphEnvelope.safeParse(parsed).success).toBe(true);
    const back = fromEnvelope(parsed);
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
  });

  it("names the file when the JSON is not a harvestgraph graph", () => {
    expect(() => parseEnvelope({ type: "other" }, "x.json")).toThrow(/^x\.json: not a harvestgraph graph file/);
  });
});
