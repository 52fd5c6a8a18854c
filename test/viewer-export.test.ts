// Tests for viewer/export.ts: the filtered graph the page downloads, written by graph/export/ and read back.
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { computeView, linkedExtent } from "../viewer/filters.ts";
import { visibleSubgraph, writeVisibleGraph } from "../viewer/export.ts";
import { DEFAULT_FILTERS, DEFAULT_STATE, type ViewerState } from "../viewer/state.ts";
import { loadGraph } from "./fixtures/graphs/_load.ts";

const sample = loadGraph("sample");
const seeds = loadGraph("seeds");
const burkina: ViewerState = { ...DEFAULT_STATE, filters: { ...DEFAULT_FILTERS, countries: ["BFA"] } };

describe("visibleSubgraph", () => {
  it("keeps only what the view shows, with attributes and positions", () => {
    const view = computeView(sample, burkina);
    const sub = visibleSubgraph(sample, view);
    expect([sub.order, sub.size]).toEqual([view.counts.nodes, view.counts.edges]);
    expect(sub.getNodeAttributes("o:003")).toEqual(sample.getNodeAttributes("o:003"));
  });
});

describe("writeVisibleGraph", () => {
  it("writes GEXF that graphology reads back with the view's counts and positions", () => {
    const view = computeView(sample, burkina);
    const parsed = parseGexf(Graph, writeVisibleGraph(sample, view, "gexf"));
    expect([parsed.order, parsed.size]).toEqual([8, 13]);
    expect(parsed.getNodeAttribute("o:003", "x")).toBeCloseTo(sample.getNodeAttribute("o:003", "x"));
  });

  it("writes GraphML with one <node> per visible node and one <edge> per visible edge", () => {
    const view = computeView(seeds, DEFAULT_STATE);
    const text = writeVisibleGraph(seeds, view, "graphml");
    expect(text.match(/<node /g)).toHaveLength(view.counts.nodes);
    expect(text.match(/<edge /g)).toHaveLength(view.counts.edges);
  });
});

describe("hiding unlinked nodes", () => {
  it("hides nodes with no relation by default and counts them; shows them when asked", () => {
    const unlinked = seeds.filterNodes((node) => seeds.degree(node) === 0).length;
    expect(unlinked).toBeGreaterThan(0);
    const hidden = computeView(seeds, DEFAULT_STATE);
    expect(hidden.isolated).toBe(unlinked);
    expect(hidden.counts.nodes).toBe(seeds.order - unlinked);
    const shown = computeView(seeds, { ...DEFAULT_STATE, filters: { ...DEFAULT_FILTERS, hideIsolated: false } });
    expect([shown.counts.nodes, shown.isolated]).toEqual([seeds.order, unlinked]);
  });

  it("fits the picture to the linked nodes only", () => {
    const box = linkedExtent(seeds)!;
    seeds.forEachNode((node, a) => {
      if (seeds.degree(node) === 0) return;
      expect(a.x >= box.x[0] && a.x <= box.x[1] && a.y >= box.y[0] && a.y <= box.y[1]).toBe(true);
    });
  });
});
