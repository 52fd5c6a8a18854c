// Tests for graph/layout.ts: deterministic, order-independent, finite, non-overlapping positions.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { labelOverlaps, layoutGraph, layoutIterations, seedPosition } from "../graph/layout.ts";

function _ring(n: number, order: "asc" | "desc" = "asc"): Graph {
  const graph = new Graph({ multi: true });
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  for (const id of order === "asc" ? ids : [...ids].reverse()) graph.addNode(id, { label: id });
  const edges = ids.map((id, i) => [`e${i}`, id, ids[(i + 1) % n]] as const);
  for (const [key, s, t] of order === "asc" ? edges : [...edges].reverse()) graph.addEdgeWithKey(key, s, t);
  return graph;
}

describe("seedPosition", () => {
  it("gives the same point for the same id and different points for different ids", () => {
    expect(seedPosition("DefendDefenders")).toEqual(seedPosition("DefendDefenders"));
    expect(seedPosition("a1")).not.toEqual(seedPosition("a2"));
  });

  it.each(["", "x", "org:defenddefenders", "é—漢字"])("stays inside [-1, 1]² for %j", (id) => {
    const { x, y } = seedPosition(id);
    expect(Math.abs(x)).toBeLessThanOrEqual(1);
    expect(Math.abs(y)).toBeLessThanOrEqual(1);
  });
});

describe("layoutIterations", () => {
  it.each([
    [1, 500],
    [1000, 200],
    [5000, 40],
    [50_000, 15],
  ])("gives %i nodes %i iterations", (order, iterations) => {
    expect(layoutIterations(order)).toBe(iterations);
  });
});

describe("layoutGraph", () => {
  it("returns the same positions for the same graph", () => {
    expect(layoutGraph(_ring(30))).toEqual(layoutGraph(_ring(30)));
  });

  it("does not depend on the order nodes and edges were added", () => {
    expect(layoutGraph(_ring(30, "desc"))).toEqual(layoutGraph(_ring(30, "asc")));
  });

  it("ignores positions already stored and leaves the input untouched", () => {
    const graph = _ring(12);
    graph.forEachNode((node) => graph.mergeNodeAttributes(node, { x: 999, y: -999 }));
    const before = graph.export();
    expect(layoutGraph(graph)).toEqual(layoutGraph(_ring(12)));
    expect(graph.export()).toEqual(before);
  });

  it("places every node at a finite point, none on top of another", () => {
    const positions = layoutGraph(_ring(40));
    const points = Object.values(positions);
    expect(points).toHaveLength(40);
    for (const p of points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(40);
  });

  it("returns nothing for an empty graph and lays out isolated nodes", () => {
    expect(layoutGraph(new Graph())).toEqual({});
    const lonely = new Graph();
    lonely.addNode("only");
    expect(Object.keys(layoutGraph(lonely))).toEqual(["only"]);
  });

  it("skips noverlap above its threshold, so large graphs are laid out by ForceAtlas2 alone", () => {
    const options = { iterations: 20, noverlapUpTo: 10 };
    expect(layoutGraph(_ring(30), options)).toEqual(layoutGraph(_ring(30), { iterations: 20, noverlapIterations: 0 }));
  });

  it("pushes apart the labels of a small graph, which the viewer draws all", () => {
    // a hub with many long-named neighbours: ForceAtlas2 alone leaves their labels on top of one another
    const star = new Graph({ multi: true });
    star.addNode("hub", { label: "National coalition of human rights defenders" });
    for (let i = 0; i < 24; i++) {
      star.addNode(`n${i}`, { label: `Organisation with a long name ${i}` });
      star.addEdge("hub", `n${i}`);
    }
    const labels = new Map(star.mapNodes((node, a) => [node, a.label as string] as [string, string]));
    expect(labelOverlaps(layoutGraph(star, { labelsApartUpTo: 0 }), labels).length).toBeGreaterThan(0);
    expect(labelOverlaps(layoutGraph(star), labels)).toEqual([]);
  });

  it("uses Barnes-Hut above the threshold and stays deterministic", () => {
    const options = { barnesHutAbove: 10, iterations: 30 };
    expect(layoutGraph(_ring(60), options)).toEqual(layoutGraph(_ring(60, "desc"), options));
  });
});
