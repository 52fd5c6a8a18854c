// Tests for viewer/reducers.ts: what each node and edge looks like for a given state, on the sample graph.
import { describe, expect, it } from "vitest";
import { computeView } from "../viewer/filters.ts";
import { computeEmphasis, createReducers, focusEdgeLabels, MAX_LABEL_LENGTH, nodeLabel } from "../viewer/reducers.ts";
import { DEFAULT_STATE, type ViewerState } from "../viewer/state.ts";
import { CONFIDENTIAL_COLOR, DIM_COLOR, ENTITY_COLORS, OUTCOME_COLOR } from "../viewer/style.ts";
import { loadGraph } from "./fixtures/graphs/_load.ts";

const graph = loadGraph("sample");
const reduce = (state: Partial<ViewerState> = {}) => {
  const s = { ...DEFAULT_STATE, ...state };
  const view = computeView(graph, s);
  const { nodeReducer, edgeReducer } = createReducers(graph, s, view);
  return {
    node: (key: string) => nodeReducer(key, graph.getNodeAttributes(key)),
    edge: (key: string) => edgeReducer(key, graph.getEdgeAttributes(key)),
  };
};

describe("nodeReducer", () => {
  it("colours entities by type and draws outcomes as squares, confidential ones apart", () => {
    const r = reduce();
    expect(r.node("e:apru")).toMatchObject({
      type: "circle",
      color: ENTITY_COLORS.Organisation,
      label: "APRU",
      hidden: false,
    });
    expect(r.node("e:coalition-bfa")).toMatchObject({ type: "circle", color: ENTITY_COLORS.Coalition });
    expect(r.node("o:000")).toMatchObject({ type: "square", color: OUTCOME_COLOR, label: "SCC-DRC2312/CIV001" });
    expect(r.node("o:004")).toMatchObject({
      type: "square",
      color: CONFIDENTIAL_COLOR,
      label: "SCC-<redacted>/CIV021 (confidential)",
    });
  });

  it("keeps the positions stored in the file", () => {
    const { x, y } = graph.getNodeAttributes("e:scc");
    expect(reduce().node("e:scc")).toMatchObject({ x, y });
  });

  it("brings the hovered node and its neighbours forward and greys out the rest", () => {
    const r = reduce({ hovered: "e:apru" });
    expect(r.node("e:apru")).toMatchObject({ highlighted: true, forceLabel: true, color: ENTITY_COLORS.Organisation });
    expect(r.node("e:defenddefenders")).toMatchObject({ forceLabel: true, color: ENTITY_COLORS.Organisation });
    expect(r.node("e:secha")).toMatchObject({ color: DIM_COLOR, label: null, forceLabel: false });
  });

  it("prefers the hovered node over the selected one", () => {
    expect(
      computeEmphasis(
        graph,
        { ...DEFAULT_STATE, hovered: "e:pax", selected: "e:secha" },
        computeView(graph, DEFAULT_STATE),
      ).focus,
    ).toBe("e:pax");
  });

  it("hides what the filters hide", () => {
    expect(reduce({ filters: { ...DEFAULT_STATE.filters, countries: ["BFA"] } }).node("e:apru").hidden).toBe(true);
  });

  it("sizes by outcomes or by links", () => {
    const byOutcomes = reduce({ sizeBy: "outcomes" }).node("e:defenddefenders").size!;
    const byDegree = reduce({ sizeBy: "degree" }).node("e:defenddefenders").size!;
    expect(byDegree).toBeGreaterThan(byOutcomes);
  });
});

describe("edgeReducer", () => {
  it("draws arrows, hiding edges away from the focus and labelling those around it", () => {
    const r = reduce({ hovered: "e:apru" });
    expect(r.edge("e:apru-ACHIEVED-o:000")).toMatchObject({
      type: "arrow",
      hidden: false,
      label: "achieved",
      forceLabel: true,
    });
    expect(r.edge("e:secha-ACHIEVED-o:004").hidden).toBe(true);
    expect(reduce().edge("e:secha-ACHIEVED-o:004")).toMatchObject({ hidden: false, label: null });
  });
});

describe("focusEdgeLabels", () => {
  it("puts the names of parallel relations on one edge so labels do not overprint", () => {
    const view = computeView(graph, DEFAULT_STATE);
    const labels = focusEdgeLabels(graph, "e:defenddefenders", view, "fr");
    const toApru = ["e:defenddefenders-TRAINED-e:apru", "e:defenddefenders-MENTORED-e:apru"].filter((e) =>
      labels.has(e),
    );
    expect(toApru).toHaveLength(1);
    expect(labels.get(toApru[0])!.split(", ").sort()).toEqual(["a accompagné", "a formé"]);
  });
});

describe("nodeLabel", () => {
  it("cuts long labels unless asked for the whole", () => {
    const long = graph.getNodeAttributes("e:training-kampala-2021");
    expect(long.label.length).toBeGreaterThan(MAX_LABEL_LENGTH);
    expect(nodeLabel(long, "en")).toHaveLength(MAX_LABEL_LENGTH);
    expect(nodeLabel(long, "en", true)).toBe(long.label);
  });
});

describe("contribution path", () => {
  it("highlights only the path from the selection to the target", () => {
    const r = reduce({ selected: "e:scc", pathTarget: "e:haut-uele" });
    expect(r.node("e:apru")).toMatchObject({ forceLabel: true, color: ENTITY_COLORS.Organisation });
    expect(r.node("e:secha").color).toBe(DIM_COLOR);
    expect(r.node("o:000").color).toBe(DIM_COLOR);
    expect(r.node("e:haut-uele").highlighted).toBe(true);
    expect(r.edge("e:defenddefenders-TRAINED-e:apru").hidden).toBe(false);
    expect(r.edge("e:defenddefenders-MENTORED-e:apru").hidden).toBe(false);
    expect(r.edge("e:defenddefenders-TRAINED-e:secha").hidden).toBe(true);
  });

  it("keeps the path while the pointer rests on one of its nodes, and yields to hovering elsewhere", () => {
    const onPath = reduce({ selected: "e:scc", pathTarget: "e:haut-uele", hovered: "e:haut-uele" });
    expect(onPath.node("o:000").color).toBe(DIM_COLOR);
    const elsewhere = reduce({ selected: "e:scc", pathTarget: "e:haut-uele", hovered: "e:secha" });
    expect(elsewhere.node("e:secha").highlighted).toBe(true);
    expect(elsewhere.node("e:haut-uele").color).toBe(DIM_COLOR);
  });
});
