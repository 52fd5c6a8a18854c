// Betweenness on typed arrays (graph/neo4j/betweenness.ts) against graphology-metrics' exact Brandes: equal when every
// node is a source, an unbiased and reproducible estimate when only a seeded sample is.
import Graph from "graphology";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import { describe, expect, it } from "vitest";
import { betweenness, describeBetweennessMethod, sampleSources, toCsr } from "../graph/neo4j/betweenness.ts";

type Edge = readonly [string, string];

/** A reproducible random graph: `n` nodes, each joined to a few earlier ones (connected, with hubs), plus isolated pairs. */
function randomGraph(n: number, seed: number): { nodes: string[]; edges: Edge[] } {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
  const edges: Edge[] = [];
  for (let i = 1; i < n; i++) for (let j = 0; j < 1 + Math.floor(random() * 3); j++) edges.push([nodes[i], nodes[Math.floor(random() * i)]]);
  nodes.push("x1", "x2", "y");
  edges.push(["x1", "x2"], ["y", "y"]);
  return { nodes, edges };
}

function graphologyExact(nodes: string[], edges: Edge[]): Record<string, number> {
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const id of nodes) graph.mergeNode(id);
  for (const [a, b] of edges) if (a !== b) graph.mergeEdge(a, b);
  return betweennessCentrality(graph, { normalized: true });
}

describe("betweenness", () => {
  it.each([
    ["a path a–b–c–d", ["a", "b", "c", "d"], [["a", "b"], ["b", "c"], ["c", "d"]] as Edge[]],
    ["a star, edges listed twice and both ways", ["hub", "a", "b", "c"], [["hub", "a"], ["b", "hub"], ["hub", "c"], ["a", "hub"]] as Edge[]],
    ["a cycle of five with a chord", ["a", "b", "c", "d", "e"], [["a", "b"], ["b", "c"], ["c", "d"], ["d", "e"], ["e", "a"], ["a", "c"]] as Edge[]],
    ["a random graph of 300 nodes", ...Object.values(randomGraph(300, 7))] as [string, string[], Edge[]],
  ])("equals graphology-metrics' exact scores on %s", (_name, nodes, edges) => {
    const { scores, method } = betweenness(toCsr(nodes, edges));
    expect(method).toEqual({ kind: "exact", nodes: nodes.length });
    const expected = graphologyExact(nodes, edges);
    expect([...scores.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [id, score] of scores) expect(score, id).toBeCloseTo(expected[id], 12);
  });

  it("is exact when the sample would hold every node", () => {
    const { nodes, edges } = randomGraph(120, 3);
    const { scores, method } = betweenness(toCsr(nodes, edges), { exactMaxNodes: 10, sources: 500 });
    expect(method.kind).toBe("exact");
    const expected = graphologyExact(nodes, edges);
    for (const [id, score] of scores) expect(score, id).toBeCloseTo(expected[id], 12);
  });

  it("estimates from a seeded sample of sources above exactMaxNodes: the same seed gives the same scores, and the hubs stay on top", () => {
    const { nodes, edges } = randomGraph(2000, 11);
    const graph = toCsr(nodes, edges);
    const options = { exactMaxNodes: 1000, sources: 400, seed: 5 };
    const first = betweenness(graph, options);
    expect(first.method).toEqual({ kind: "sampled", nodes: 2003, sources: 400, seed: 5 });
    expect(betweenness(toCsr([...nodes].reverse(), [...edges].reverse()), options).scores).toEqual(first.scores);
    expect(betweenness(graph, { ...options, seed: 6 }).scores).not.toEqual(first.scores);
    // The exact scores of this module, which the cases above hold equal to graphology-metrics' (a few seconds faster here).
    const exact = Object.fromEntries(betweenness(graph, { exactMaxNodes: Infinity }).scores);
    const top = (scores: Record<string, number>, k: number) => Object.keys(scores).sort((a, b) => scores[b] - scores[a]).slice(0, k);
    // The five most central nodes of the exact ranking are all among the estimate's top ten, each within 20 %.
    const estimated = Object.fromEntries(first.scores);
    expect(top(estimated, 10)).toEqual(expect.arrayContaining(top(exact, 5)));
    for (const id of top(exact, 5)) expect(Math.abs(estimated[id] - exact[id]) / exact[id], id).toBeLessThan(0.2);
    // Unbiased: the sum of the scores (the mean shortest-path length, up to a constant) is close to the exact sum.
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(Object.values(estimated)) / sum(Object.values(exact))).toBeCloseTo(1, 1);
  });

  it("describes its method in words", () => {
    expect(describeBetweennessMethod({ kind: "exact", nodes: 3200 })).toBe("exact (Brandes from all 3,200 nodes)");
    expect(describeBetweennessMethod({ kind: "sampled", nodes: 120000, sources: 500, seed: 1 })).toBe(
      "sampled (Brandes from 500 of 120,000 nodes, seed 1, scaled)",
    );
  });

  it("refuses a sample of no sources", () => {
    expect(() => betweenness(toCsr(["a"], []), { sources: 0 })).toThrow(/sources must be a positive integer, got 0/);
  });
});

describe("sampleSources", () => {
  it("draws k distinct nodes, sorted, the same for the same seed", () => {
    const sources = [...sampleSources(1000, 50, 1)];
    expect(new Set(sources).size).toBe(50);
    expect(sources).toEqual([...sources].sort((a, b) => a - b));
    expect(sources.every((s) => s >= 0 && s < 1000)).toBe(true);
    expect([...sampleSources(1000, 50, 1)]).toEqual(sources);
    expect([...sampleSources(1000, 50, 2)]).not.toEqual(sources);
  });
});

describe("toCsr", () => {
  it("sorts nodes and neighbours and drops self-loops and repeated pairs", () => {
    const graph = toCsr(["c", "a", "b"], [["c", "a"], ["a", "c"], ["b", "b"], ["b", "a"]]);
    expect(graph.ids).toEqual(["a", "b", "c"]);
    expect([...graph.offsets]).toEqual([0, 2, 3, 4]);
    expect([...graph.adjacency]).toEqual([1, 2, 0, 0]);
  });

  it("names the node an edge refers to that is not in the node list", () => {
    expect(() => toCsr(["a"], [["a", "ghost"]])).toThrow(/toCsr: edge a – ghost names a node not in the node list \(ghost\)/);
  });
});
