// Tests for viewer/state.ts (the pure state update) and viewer/url.ts (the view kept in the URL hash).
import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, DEFAULT_STATE, toggle, updateState, type ViewerState } from "../viewer/state.ts";
import { decodeState, encodeState } from "../viewer/url.ts";

describe("updateState", () => {
  it("returns the same object when hovering the node already hovered", () => {
    const s = updateState(DEFAULT_STATE, { type: "hover", node: "a" });
    expect(updateState(s, { type: "hover", node: "a" })).toBe(s);
  });

  it("drops the path target when the selection changes or there is none", () => {
    const selected = updateState(DEFAULT_STATE, { type: "select", node: "a" });
    const withPath = updateState(selected, { type: "pathTarget", node: "b" });
    expect(withPath.pathTarget).toBe("b");
    expect(updateState(withPath, { type: "select", node: "c" }).pathTarget).toBeNull();
    expect(updateState(DEFAULT_STATE, { type: "pathTarget", node: "b" }).pathTarget).toBeNull();
  });

  it("merges filters and never changes its input", () => {
    const before = structuredClone(DEFAULT_STATE);
    const s = updateState(DEFAULT_STATE, { type: "setFilters", filters: { countries: ["BFA"] } });
    expect(s.filters).toEqual({ ...DEFAULT_FILTERS, countries: ["BFA"] });
    expect(DEFAULT_STATE).toEqual(before);
    expect(updateState(s, { type: "resetFilters" }).filters).toEqual(DEFAULT_FILTERS);
  });

  it.each([
    [-1, 0],
    [2, 2],
    [2.7, 2],
    [9, 3],
  ])("clamps the depth %d to %d", (depth, expected) => {
    expect(updateState(DEFAULT_STATE, { type: "egoDepth", depth }).egoDepth).toBe(expected);
  });
});

describe("toggle", () => {
  it("adds a missing value and removes a present one", () => {
    expect(toggle(["a"], "b")).toEqual(["a", "b"]);
    expect(toggle(["a", "b"], "a")).toEqual(["b"]);
  });
});

describe("encodeState / decodeState", () => {
  const state: ViewerState = {
    ...DEFAULT_STATE,
    selected: "e:defenddefenders",
    pathTarget: "o:000",
    sizeBy: "degree",
    egoDepth: 2,
    lang: "fr",
    camera: { x: 0.25, y: 0.75, ratio: 0.5 },
    filters: {
      ...DEFAULT_FILTERS,
      countries: ["BFA", "Sahel"],
      yearMin: 2022,
      yearMax: 2024,
      hiddenEntityTypes: ["Place"],
      hiddenRelationTypes: ["LOCATED_IN"],
      ratingSignificance: ["high"],
      harvestPeriods: [2, 3],
      negativeOnly: true,
      hideIsolated: false,
    },
  };

  it("round-trips a full view", () => {
    expect(decodeState(`#${encodeState(state)}`)).toEqual(state);
  });

  it("keeps unlinked nodes hidden unless the hash says isolated=1", () => {
    expect(encodeState(state)).toContain("isolated=1");
    expect(decodeState("#lang=en").filters.hideIsolated).toBe(true);
  });

  it("writes only the language for the default view", () => {
    expect(encodeState(DEFAULT_STATE)).toBe("lang=en");
  });

  it("drops what does not validate and keeps the rest", () => {
    const s = decodeState("#hideType=NotAType&depth=7&lang=de&node=e%3Aapru&country=MLI");
    expect(s.selected).toBe("e:apru");
    expect(s.egoDepth).toBe(0);
    expect(s.lang).toBe("en");
    expect(s.filters).toEqual(DEFAULT_FILTERS);
  });

  it("ignores a hash that is not ours", () => {
    expect(decodeState("#section-2")).toEqual(DEFAULT_STATE);
  });
});
