// Resolution across records: variants merge into one node, generic bodies split by country, near-misses are reported.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractRecords, similarity } from "../ingest/extract/index.ts";
import { editDistance, similarityAtLeast } from "../ingest/resolve.ts";
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

describe("similarityAtLeast", () => {
  /** Levenshtein distance by the textbook table, one cell per pair of UTF-16 units. */
  const reference = (a: string, b: string) => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++)
        cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
      prev = cur;
    }
    return prev[b.length];
  };
  const referenceAtLeast = (a: string, b: string, min: number) => {
    if (a === b) return 1;
    const longest = Math.max(a.length, b.length);
    if (Math.abs(a.length - b.length) > longest * 0.3) return 0;
    const d = reference(a, b);
    return d > Math.floor((1 - min) * longest + 1e-9) ? 0 : 1 - d / longest;
  };
  // short alphabets make near matches likely; lengths past 32 and 64 cross the bit vectors' word boundaries
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 140, size: "max" }),
    fc.string({ unit: fc.constantFrom("a", "b", "é", "中", "\uD800"), maxLength: 80, size: "max" }),
    fc.string({ maxLength: 40 }),
  );

  it("gives the textbook edit distance for any two strings, across word boundaries", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(editDistance(a, b)).toBe(reference(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the textbook similarity at the merge and near-miss thresholds and without one", () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom(0, 0.75, 0.92), (a, b, min) => {
        expect(similarityAtLeast(a, b, min)).toBe(referenceAtLeast(a, b, min));
      }),
      { numRuns: 3000 },
    );
  });
});
