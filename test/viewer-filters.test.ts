// Tests for viewer/filters.ts on the sample graph (test/fixtures/graphs/sample.json, from the three seed records).
import { describe, expect, it } from "vitest";
import {
  buildRegionIndex,
  computeFacets,
  computeView,
  egoNodes,
  findPath,
  hasOutcomeFilter,
  outcomeInCountry,
} from "../viewer/filters.ts";
import { DEFAULT_FILTERS, DEFAULT_STATE, type Filters, type ViewerState } from "../viewer/state.ts";
import type { OutcomeNodeAttributes } from "../graph/schema.ts";
import { loadGraph } from "./fixtures/graphs/_load.ts";

const graph = loadGraph("sample");
const regions = buildRegionIndex(graph);
const withFilters = (filters: Partial<Filters>, extra: Partial<ViewerState> = {}): ViewerState => ({
  ...DEFAULT_STATE,
  ...extra,
  filters: { ...DEFAULT_FILTERS, ...filters },
});
const outcome = (key: string) => graph.getNodeAttributes(key) as OutcomeNodeAttributes;

describe("computeView", () => {
  it("shows everything when no filter is set", () => {
    const view = computeView(graph, DEFAULT_STATE);
    expect(view.counts).toEqual({ nodes: graph.order, outcomes: 3, entities: graph.order - 3, edges: graph.size });
  });

  it.each([
    // Burkina Faso: the Sahel outcome names it; its 7 actors; the 13 relations that outcome's text backs
    ["Burkina Faso by ISO code", { countries: ["BFA"] }, { nodes: 8, outcomes: 1, entities: 7, edges: 13 }],
    ["the Sahel region by name", { countries: ["Sahel"] }, { nodes: 8, outcomes: 1, entities: 7, edges: 13 }],
    ["DR Congo", { countries: ["COD"] }, { nodes: 10, outcomes: 2, entities: 8, edges: 12 }],
    ["year 2024 only", { yearMin: 2024 }, { nodes: 4, outcomes: 1, entities: 3, edges: 3 }],
    ["a year with no outcome", { yearMin: 2030 }, { nodes: 0, outcomes: 0, entities: 0, edges: 0 }],
    ["high contribution", { ratingContribution: ["high"] }, { nodes: 4, outcomes: 1, entities: 3, edges: 3 }],
    ["harvest period 3", { harvestPeriods: [3] }, { nodes: 4, outcomes: 1, entities: 3, edges: 3 }],
    [
      "negative outcomes only (none in the sample)",
      { negativeOnly: true },
      { nodes: 0, outcomes: 0, entities: 0, edges: 0 },
    ],
  ] as const)("filters to %s", (_name, filters, counts) => {
    expect(computeView(graph, withFilters(filters as Partial<Filters>), regions).counts).toEqual(counts);
  });

  it("hides an entity type and the edges that touch it, keeping outcomes", () => {
    const view = computeView(graph, withFilters({ hiddenEntityTypes: ["Coalition"] }));
    expect(view.nodes.has("e:coalition-bfa")).toBe(false);
    expect(view.nodes.has("o:003")).toBe(true);
    for (const edge of view.edges) expect(graph.extremities(edge)).not.toContain("e:coalition-bfa");
  });

  it("hides a relation type but keeps its nodes", () => {
    const view = computeView(graph, withFilters({ hiddenRelationTypes: ["TRAINED"] }));
    expect(view.counts.nodes).toBe(graph.order);
    expect([...view.edges].some((e) => graph.getEdgeAttribute(e, "type") === "TRAINED")).toBe(false);
  });

  it("keeps only the selected node's neighbourhood at the chosen depth", () => {
    const one = computeView(graph, withFilters({}, { selected: "e:apru", egoDepth: 1 }));
    expect([...one.nodes].sort()).toEqual([
      "e:apru",
      "e:defenddefenders",
      "e:gov-uganda",
      "e:haut-uele",
      "e:pax",
      "e:training-kampala-2021",
      "o:000",
    ]);
    const two = computeView(graph, withFilters({}, { selected: "e:apru", egoDepth: 2 }));
    expect(two.nodes.has("e:scc")).toBe(true);
    expect(two.counts.nodes).toBeGreaterThan(one.counts.nodes);
  });

  it("ignores the depth when nothing is selected", () => {
    expect(computeView(graph, withFilters({}, { egoDepth: 2 })).counts.nodes).toBe(graph.order);
  });
});

describe("outcomeInCountry", () => {
  it.each([
    ["o:003", "Sahel", true],
    ["o:003", "sahel", true],
    ["o:003", "MLI", true],
    ["o:003", "COD", false],
    ["o:000", "DR Congo", true],
    ["o:000", "UGA", true],
  ])("%s in %s is %s", (node, key, expected) => {
    expect(outcomeInCountry(outcome(node), key, regions)).toBe(expected);
  });

  it("takes a region's countries from the outcomes that name them", () => {
    expect(regions.get("sahel")).toEqual(new Set(["BFA", "MLI"]));
  });
});

describe("egoNodes", () => {
  it("walks edges in both directions", () => {
    expect(egoNodes(graph, "o:004", 1)).toEqual(new Set(["o:004", "e:secha"]));
    expect(egoNodes(graph, "o:004", 2)).toEqual(new Set(["o:004", "e:secha", "e:defenddefenders"]));
  });
});

describe("hasOutcomeFilter", () => {
  it.each([
    [{}, false],
    [{ hiddenEntityTypes: ["Place"] }, false],
    [{ countries: ["BFA"] }, true],
    [{ yearMax: 2023 }, true],
    [{ unintendedOnly: true }, true],
  ] as const)("%j → %s", (filters, expected) => {
    expect(hasOutcomeFilter({ ...DEFAULT_FILTERS, ...(filters as Partial<Filters>) })).toBe(expected);
  });
});

describe("computeFacets", () => {
  it("counts outcomes per option under the other filters, and names countries known only by code", () => {
    const state = withFilters({ yearMin: 2024 });
    const facets = computeFacets(
      graph,
      state,
      computeView(graph, state),
      regions,
      (iso) => ({ BFA: "Burkina Faso" })[iso] ?? iso,
    );
    expect(facets.countries.find((o) => o.key === "COD")).toEqual({ key: "COD", label: "DR Congo", count: 1 });
    expect(facets.countries.find((o) => o.key === "BFA")).toEqual({ key: "BFA", label: "Burkina Faso", count: 0 });
    // the year facet ignores its own filter so every year stays choosable
    expect(facets.years).toEqual([
      { key: "2023", label: "2023", count: 2 },
      { key: "2024", label: "2024", count: 1 },
    ]);
    expect(facets.entityTypes.find((o) => o.key === "Organisation")?.count).toBe(2);
  });
});

describe("findPath", () => {
  it("follows the direction of contribution when it can: programme → organisation → actor → place", () => {
    expect(findPath(graph, "e:scc", "o:000")?.nodes).toEqual(["e:scc", "e:defenddefenders", "o:000"]);
    expect(findPath(graph, "e:scc", "e:haut-uele")?.nodes).toEqual([
      "e:scc",
      "e:defenddefenders",
      "e:apru",
      "e:haut-uele",
    ]);
  });

  it("falls back to ignoring direction, and walks only through allowed nodes", () => {
    expect(findPath(graph, "o:000", "e:scc")?.nodes).toEqual(["o:000", "e:defenddefenders", "e:scc"]);
    expect(findPath(graph, "e:scc", "o:004", new Set(["e:scc", "o:004"]))).toBeNull();
  });

  it("returns the edges along the path", () => {
    expect(findPath(graph, "e:secha", "o:004")).toEqual({
      nodes: ["e:secha", "o:004"],
      edges: ["e:secha-ACHIEVED-o:004"],
    });
  });
});
