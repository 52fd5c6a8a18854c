// The betweenness stored at push time (graph/neo4j/centrality.ts), without a server: the edges an extraction gives,
// public and all-records scores, and which method computed them. (The real server: test/integration/neo4j-queries.test.ts.)
import { describe, expect, it } from "vitest";
import { centralityEdgesOf, computeBetweenness } from "../graph/neo4j/index.ts";
import { sampleExtraction } from "./integration/_neo4j-fixtures.ts";

describe("computeBetweenness", () => {
  it("scores the actor between two others, normalised; entities only confidential records connect get no public score", () => {
    const { rows, result } = computeBetweenness(
      ["a", "b", "c", "d", "lonely"],
      [
        { source: "a", target: "b", confidential: false },
        { source: "b", target: "c", confidential: false },
        { source: "c", target: "d", confidential: true },
      ],
    );
    expect(result).toEqual({ entities: 5, nodes: 4, edges: 3, method: { public: { kind: "exact", nodes: 3 }, all: { kind: "exact", nodes: 4 } } });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId.b.betweenness).toBe(1);
    expect(byId.c.betweenness).toBe(0);
    expect(byId.d).toMatchObject({ id: "d", betweenness: null, betweennessWithConfidential: 0 });
    expect(byId.c.betweennessWithConfidential).toBeGreaterThan(0);
    expect(byId.lonely).toEqual({
      id: "lonely",
      betweenness: 0,
      betweennessWithConfidential: 0,
      betweennessMethod: "exact",
      betweennessWithConfidentialMethod: "exact",
    });
  });

  it("builds its edges from an extraction: outcomes as nodes, no LOCATED_IN, confidential by the outcome each rests on", () => {
    const { edges } = centralityEdgesOf(sampleExtraction());
    expect(edges).toContainEqual({ source: "org:secha", target: "outcome:SCC-<redacted>/CIV021", confidential: true });
    expect(edges.filter((e) => e.source === "prog:scc" && e.target === "org:defenddefenders").map((e) => e.confidential).sort()).toEqual([false, true]);
    const { rows } = computeBetweenness(centralityEdgesOf(sampleExtraction()).entityIds, edges);
    const dd = rows.find((r) => r.id === "org:defenddefenders")!;
    expect(dd.betweenness).toBeGreaterThan(0);
    expect(rows.find((r) => r.id === "org:secha")!.betweenness).toBeNull();
  });

  it("scores every entity of a graph too large for the exact method from a sample of sources, and says so", () => {
    // A chain of 40 hubs, each with 30 leaves: 1,240 nodes, more than exactMaxNodes below.
    const edges = Array.from({ length: 40 }, (_, h) => [
      ...(h > 0 ? [{ source: `hub${h - 1}`, target: `hub${h}`, confidential: false }] : []),
      ...Array.from({ length: 30 }, (_, l) => ({ source: `hub${h}`, target: `leaf${h}.${l}`, confidential: false })),
    ]).flat();
    const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
    const { rows, result } = computeBetweenness(ids, edges, { exactMaxNodes: 1000, sources: 200, seed: 1 });
    expect(result.method.all).toEqual({ kind: "sampled", nodes: 1240, sources: 200, seed: 1 });
    expect(rows.every((r) => r.betweenness !== null && r.betweennessMethod === "sampled")).toBe(true);
    const byScore = [...rows].sort((a, b) => b.betweenness! - a.betweenness!);
    // The hubs in the middle of the chain lie between the most pairs; leaves lie between none.
    expect(["hub19", "hub20", "hub18", "hub21"]).toContain(byScore[0].id);
    expect(rows.filter((r) => r.id.startsWith("leaf")).every((r) => r.betweenness === 0)).toBe(true);
  });
});
