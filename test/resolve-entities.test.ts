// Resolution across records: variants merge into one node, generic bodies split by country, near-misses are reported.
import { describe, expect, it } from "vitest";
import { extractRecords, similarity } from "../ingest/extract/index.ts";
import { makeRecord } from "./_extract.ts";

const rec = (id: string, country: string, text: string) =>
  makeRecord({ fragmentId: `SCC-${id}/CIV001`, country, outcomeDescription: "The Wajir Peace Forum met.", programmeContribution: text });

describe("resolveEntities", () => {
  it.each([
    ["DefendDefenders trained the Wajir Peace Forum.", "Defenddefenders trained the Wajir Peace Forum.", "org:defenddefenders"],
    ["DefendDefenders trained the Wajir Peace Forum.", "DD's trainers trained the Wajir Peace Forum.", "org:defenddefenders"],
    ["The Mandera Rights Network (MRN) trained the Wajir Peace Forum.", "MRN trained the Wajir Peace Forum.", "coal:mandera-rights-network"],
  ])("merges %j and %j into one node", (a, b, id) => {
    const { extraction } = extractRecords([rec("KEN01", "Kenya", a), rec("KEN02", "Kenya", b)]);
    const trainers = extraction.relations.filter((r) => r.type === "TRAINED").map((r) => r.source);
    expect(new Set(trainers)).toEqual(new Set([id]));
  });

  it("keeps a generic body apart in two countries", () => {
    const text = "The National Human Rights Commission trained the Wajir Peace Forum.";
    const { extraction } = extractRecords([rec("MLI01", "Mali", text), rec("KEN01", "Kenya", text)]);
    const ids = extraction.entities.filter((e) => e.type === "GovernmentBody").map((e) => e.id).sort();
    expect(ids).toEqual(["gov:national-human-rights-commission@KEN", "gov:national-human-rights-commission@MLI"]);
  });

  it("reports one acronym with two different names as a near-miss, not a merge", () => {
    const a = rec("TCD01", "Chad", "The Ligue Tchadienne des Droits de l'Homme (LTDH) trained the Wajir Peace Forum.");
    const b = rec("TUN01", "Tunisia", "The Ligue Tunisienne des Droits de l'Homme (LTDH) trained the Wajir Peace Forum.");
    const { extraction, mergeReport } = extractRecords([a, b]);
    expect(extraction.entities.filter((e) => e.name.startsWith("Ligue"))).toHaveLength(2);
    expect(mergeReport.nearMisses.map((n) => n.reason)).toContain("acronym-clash");
  });

  it("merges a one-letter spelling variant and says so with its score", () => {
    const a = rec("KEN01", "Kenya", "The Marsabit Paralegals Association trained the Wajir Peace Forum.");
    const b = rec("KEN02", "Kenya", "The Marsabit Paralegal Association trained the Wajir Peace Forum.");
    const { mergeReport } = extractRecords([a, b]);
    const m = mergeReport.merges.find((x) => x.reason === "similar-name");
    expect(m?.names.sort()).toEqual(["Marsabit Paralegal Association", "Marsabit Paralegals Association"]);
    expect(m!.score).toBeGreaterThanOrEqual(0.92);
  });

  it("keeps apart what the config says must not merge, and applies the config's aliases", () => {
    const a = rec("KEN01", "Kenya", "The Marsabit Paralegals Association trained the Wajir Peace Forum.");
    const b = rec("KEN02", "Kenya", "The Marsabit Paralegal Association trained the Wajir Peace Forum.");
    const apart = extractRecords([a, b], { doNotMerge: [["Marsabit Paralegals Association", "Marsabit Paralegal Association"]] });
    expect(apart.mergeReport.nearMisses.map((n) => n.reason)).toContain("do-not-merge");
    const joined = extractRecords([rec("KEN03", "Kenya", "MPA trained the Wajir Peace Forum.")], { aliases: { "Marsabit Paralegals Association": ["MPA"] } });
    expect(joined.extraction.entities.map((e) => e.name)).toContain("Marsabit Paralegals Association");
  });

  it("rejects invalid options with a code", () => {
    expect(() => extractRecords([], { mergeThreshold: 2 })).toThrow(expect.objectContaining({ code: "E_EXTRACT_OPTIONS" }));
  });

  it.each([
    ["abc", "abc", 1],
    ["chieftaincy", "chieftancy", 0.909],
    ["abc", "xyz", 0],
  ])("scores similarity(%s, %s) ≈ %d", (a, b, want) => {
    expect(similarity(a, b)).toBeCloseTo(want, 2);
  });
});
