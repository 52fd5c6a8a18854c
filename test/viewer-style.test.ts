// Tests for viewer/style.ts: one distinct colour per entity type, outcomes apart, sizes bounded.
import { describe, expect, it } from "vitest";
import { ENTITY_TYPES } from "../ingest/schema.ts";
import {
  CONFIDENTIAL_COLOR,
  ENTITY_COLORS,
  LEGEND,
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
  nodeSize,
  OUTCOME_COLOR,
} from "../viewer/style.ts";
import { loadGraph } from "./fixtures/graphs/_load.ts";

describe("ENTITY_COLORS", () => {
  it("gives every entity type its own colour, none shared with outcomes", () => {
    const colours = ENTITY_TYPES.map((t) => ENTITY_COLORS[t]);
    expect(new Set([...colours, OUTCOME_COLOR, CONFIDENTIAL_COLOR]).size).toBe(ENTITY_TYPES.length + 2);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe("LEGEND", () => {
  it("lists the vocabulary in order, then outcomes as squares", () => {
    expect(LEGEND.map((item) => item.key)).toEqual([...ENTITY_TYPES, "outcome", "confidential"]);
    expect(LEGEND.filter((item) => item.shape === "square").map((item) => item.key)).toEqual([
      "outcome",
      "confidential",
    ]);
  });
});

describe("nodeSize", () => {
  const graph = loadGraph("sample");
  it.each([0, 1, 4, 1000])("stays within bounds at degree %i", (degree) => {
    const size = nodeSize(graph.getNodeAttributes("e:apru"), "degree", degree);
    expect(size).toBeGreaterThanOrEqual(MIN_NODE_SIZE);
    expect(size).toBeLessThanOrEqual(MAX_NODE_SIZE);
  });

  it("grows with the number of outcomes when sized by outcomes", () => {
    const dd = graph.getNodeAttributes("e:defenddefenders");
    const pax = graph.getNodeAttributes("e:pax");
    expect(nodeSize(dd, "outcomes", 0)).toBeGreaterThan(nodeSize(pax, "outcomes", 0));
  });
});
