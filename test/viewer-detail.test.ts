// Tests for viewer/detail.ts and the large-graph side of viewer/reducers.ts: levels by size, programs, emphasis footprint.
import { describe, expect, it } from "vitest";
import { ALL_LABELS_BELOW, detailFor, detailSettings, LARGE_GRAPH_NODES } from "../viewer/detail.ts";
import { computeView } from "../viewer/filters.ts";
import { createReducers, emphasisFootprint } from "../viewer/reducers.ts";
import { DEFAULT_STATE, type ViewerState } from "../viewer/state.ts";
import { DIM_COLOR, ENTITY_COLORS } from "../viewer/style.ts";
import { loadGraph } from "./fixtures/graphs/_load.ts";

const graph = loadGraph("sample");

describe("detailFor", () => {
  it.each([
    [16, 24, "small"],
    [ALL_LABELS_BELOW - 1, 400, "small"],
    [ALL_LABELS_BELOW, 400, "medium"],
    [LARGE_GRAPH_NODES - 1, 2 * LARGE_GRAPH_NODES - 1, "medium"],
    [LARGE_GRAPH_NODES, 10, "large"],
    [1000, 2 * LARGE_GRAPH_NODES, "large"],
    [50_000, 100_000, "large"],
  ] as const)("gives %i nodes and %i edges the %s level", (order, size, detail) => {
    expect(detailFor(order, size)).toBe(detail);
  });
});

describe("detailSettings", () => {
  it("hides edges and labels while moving, and edge labels, only on large graphs", () => {
    expect(detailSettings("large")).toMatchObject({
      hideEdgesOnMove: true,
      hideLabelsOnMove: true,
      renderEdgeLabels: false,
    });
    expect(detailSettings("small")).toMatchObject({ hideEdgesOnMove: false, renderEdgeLabels: true, labelDensity: 1 });
  });
});

const reduce = (detail: "small" | "medium" | "large", state: Partial<ViewerState> = {}) => {
  const s = { ...DEFAULT_STATE, ...state };
  const { nodeReducer, edgeReducer } = createReducers(graph, s, computeView(graph, s), detail);
  return {
    node: (key: string) => nodeReducer(key, graph.getNodeAttributes(key)),
    edge: (key: string) => edgeReducer(key, graph.getEdgeAttributes(key)),
  };
};

describe("createReducers by detail", () => {
  it("forces every label on a small graph and leaves them to sigma's grid on a medium one", () => {
    expect(reduce("small").node("e:pax")).toMatchObject({ forceLabel: true, label: "PAX" });
    expect(reduce("medium").node("e:pax")).toMatchObject({ forceLabel: false, label: "PAX" });
  });

  it("draws points and lines, smaller, on a large graph", () => {
    const large = reduce("large");
    expect(large.node("o:000").type).toBe("point");
    expect(large.node("e:apru").type).toBe("point");
    expect(large.edge("e:defenddefenders-TRAINED-e:apru").type).toBe("line");
    expect(large.node("e:apru").size!).toBeLessThan(reduce("medium").node("e:apru").size!);
  });

  it("highlights a selection on a large graph without greying or hiding the rest", () => {
    const large = reduce("large", { selected: "e:apru" });
    expect(large.node("e:apru")).toMatchObject({ highlighted: true, forceLabel: true });
    expect(large.node("e:ubuntu")).toMatchObject({ color: ENTITY_COLORS.Organisation, forceLabel: false });
    expect(large.edge("e:coalition-bfa-PARTNERED_WITH-e:ubuntu").hidden).toBe(false);
    // the medium level greys the same node and hides the edge
    expect(reduce("medium", { selected: "e:apru" }).node("e:ubuntu").color).toBe(DIM_COLOR);
  });
});

describe("emphasisFootprint", () => {
  it("is empty without a focus", () => {
    expect(emphasisFootprint(graph, DEFAULT_STATE, computeView(graph, DEFAULT_STATE))).toEqual({
      nodes: [],
      edges: [],
    });
  });

  it("holds the selection, its neighbours and its edges: all that a large graph redraws", () => {
    const state = { ...DEFAULT_STATE, selected: "e:secha" };
    const { nodes, edges } = emphasisFootprint(graph, state, computeView(graph, state));
    expect(nodes.sort()).toEqual(["e:defenddefenders", "e:secha", "o:004"]);
    expect(edges.sort()).toEqual(["e:defenddefenders-TRAINED-e:secha", "e:secha-ACHIEVED-o:004"]);
  });
});
