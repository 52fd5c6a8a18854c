// Tests for viewer/search.ts: suggestions over names and aliases, case- and accent-insensitive, best match first.
import { describe, expect, it } from "vitest";
import { buildSearchIndex, normalise, suggest } from "../viewer/search.ts";
import { loadGraph } from "./fixtures/graphs/_load.ts";

const index = buildSearchIndex(loadGraph("sample"));

describe("suggest", () => {
  it.each([
    ["APRU", "e:apru"],
    ["apru", "e:apru"],
    ["promotion rurale", "e:apru"],
    ["haut uele", "e:haut-uele"],
    ["west african network", "e:roaddh"],
    ["CIV001", "o:000"],
  ])("finds %j first as %s", (query, node) => {
    expect(suggest(index, query)[0]?.node).toBe(node);
  });

  it("puts exact and prefix matches before matches inside a word", () => {
    const nodes = suggest(index, "dd").map((s) => s.node);
    expect(nodes[0]).toBe("e:defenddefenders"); // alias "DD" exactly
  });

  it("returns nothing for an empty query, and respects the limit and the visible set", () => {
    expect(suggest(index, "   ")).toEqual([]);
    expect(suggest(index, "a", 3)).toHaveLength(3);
    expect(suggest(index, "APRU", 8, new Set(["e:scc"]))).toEqual([]);
  });
});

describe("normalise", () => {
  it("drops case and accents", () => {
    expect(normalise("  Haut Uélé ")).toBe("haut uele");
  });
});
