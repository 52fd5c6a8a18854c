// Tests for viewer/i18n.ts and viewer/charts.ts' data: both languages complete, the browser's language chosen, chart counts.
import { describe, expect, it } from "vitest";
import { ENTITY_TYPES, RELATION_TYPES } from "../ingest/schema.ts";
import { computeChartData } from "../viewer/charts.ts";
import { computeView } from "../viewer/filters.ts";
import { detectLang, entityTypeLabel, LANGS, relationLabel, t } from "../viewer/i18n.ts";
import { DEFAULT_STATE } from "../viewer/state.ts";
import { loadGraph } from "./fixtures/graphs/_load.ts";

describe("detectLang", () => {
  it.each([
    [["fr-FR", "en"], "fr"],
    [["de-DE", "fr-CA"], "fr"],
    [["en-GB"], "en"],
    [["de"], "en"],
    [[], "en"],
  ] as const)("picks from %j → %s", (prefs, lang) => {
    expect(detectLang(prefs)).toBe(lang);
  });
});

describe("t", () => {
  it("fills placeholders in both languages", () => {
    expect(t("en", "shown", { nodes: 8, outcomes: 1, edges: 13 })).toBe("Shown: nodes 8 · outcomes 1 · links 13");
    expect(t("fr", "shown", { nodes: 8, outcomes: 1, edges: 13 })).toBe(
      "Affichés : nœuds 8 · changements 1 · liens 13",
    );
  });

  it.each(LANGS)("names every entity and relation type in %s", (lang) => {
    for (const type of ENTITY_TYPES) expect(entityTypeLabel(lang, type)).toBeTruthy();
    for (const type of RELATION_TYPES) expect(relationLabel(lang, type)).toBeTruthy();
  });
});

describe("computeChartData", () => {
  it("counts visible outcomes per country, year and type of change", () => {
    const graph = loadGraph("sample");
    const data = computeChartData(graph, computeView(graph, DEFAULT_STATE));
    expect(data.perCountry).toEqual([
      { label: "DR Congo", value: 2 },
      { label: "Sahel", value: 1 },
    ]);
    expect(data.perYear).toEqual([
      { label: "2023", value: 2 },
      { label: "2024", value: 1 },
    ]);
    expect(data.perTypeOfChange[0]).toEqual({ label: "Capacity change", value: 3 });
  });
});
