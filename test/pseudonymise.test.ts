// Pseudonymised exports: no original name, alias or possessive survives, pseudonyms are stable and keyed.
import { describe, expect, it } from "vitest";
import { buildGraph } from "../graph/build.ts";
import { writeGexf } from "../graph/export/index.ts";
import { pseudonymFor, pseudonymiseGraph } from "../graph/pseudonymise.ts";
import { sampleExtraction } from "./_extraction-fixture.ts";

const SECRET = "test-secret";

describe("pseudonymiseGraph", () => {
  it("leaves no original name or alias of a replaced organisation anywhere in the export", () => {
    const extraction = sampleExtraction();
    const { graph, manifest } = pseudonymiseGraph(buildGraph(extraction), SECRET, ["DefendDefenders"]);
    const text = JSON.stringify(graph.export()) + writeGexf(graph);
    const replaced = manifest.flatMap((m) => [m.name, ...m.aliases]);
    expect(replaced).toEqual(expect.arrayContaining(["Actions pour la Promotion Rurale", "APRU", "Seconde Chance", "SECHA"]));
    for (const name of replaced) expect(text).not.toContain(name);
    expect(text).not.toMatch(/\borg:apru\b|\borg:secha\b/);
  });

  it("keeps the names on the keep-list", () => {
    const { graph } = pseudonymiseGraph(buildGraph(sampleExtraction()), SECRET, ["DefendDefenders"]);
    expect(graph.getNodeAttribute("org:defenddefenders", "label")).toBe("DefendDefenders");
  });

  it("replaces possessives in quotes", () => {
    const extraction = sampleExtraction();
    const ev = extraction.relations[0].evidence[0];
    extraction.relations[0].evidence[0] = { ...ev, text: "APRU's director met DD." };
    const { graph, manifest } = pseudonymiseGraph(buildGraph(extraction), SECRET, ["DefendDefenders"]);
    const apru = manifest.find((m) => m.name === "Actions pour la Promotion Rurale")!;
    const quotes = graph.mapEdges((_e, a) => a.evidence.map((e) => e.text)).flat();
    expect(quotes).toContain(`${apru.pseudonym}'s director met DD.`);
  });

  it("gives the same pseudonym for the same secret and a different one for another secret", () => {
    expect(pseudonymFor(SECRET, "org:apru", "Organisation", ["COD"])).toBe(pseudonymFor(SECRET, "org:apru", "Organisation", ["COD"]));
    expect(pseudonymFor(SECRET, "org:apru", "Organisation", ["COD"])).toMatch(/^Partner-COD-[0-9A-F]{4}$/);
    expect(pseudonymFor("other", "org:apru", "Organisation", ["COD"])).not.toBe(pseudonymFor(SECRET, "org:apru", "Organisation", ["COD"]));
  });
});
