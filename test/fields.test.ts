// Field-name matching and value normalisation, English and French.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFieldMatcher, fieldKey, parseFlag, parseFrameworkCodes, parseHarvestPeriod, parseList, parseObjectiveCode, parseRating, parseScale, parseYear } from "../ingest/fields.ts";
import { resolveCountry } from "../ingest/gazetteer/countries.ts";

describe("createFieldMatcher", () => {
  const match = createFieldMatcher();
  it.each([
    ["coutnry", "country"],
    ["Country", "country"],
    ["Location", "country"],
    ["Outcome", "outcomeDescription"],
    ["Description of outcome", "outcomeDescription"],
    ["Contribution", "programmeContribution"],
    ["Type of actor", "socialActor"],
    ["Actor Changed", "socialActor"],
    ["Outcome#", "fragmentId"],
    ["ID", "fragmentId"],
    ["Level of Change", "scale"],
    ["Type of evidence", "evidence"],
    ["Source of Information", "evidence"],
    ["Additional information (use if needed) ", "additionalInformation"],
    ["Link to Outcomes in Results Framework ", "resultsFramework"],
    ["Link to PAX Specific Objectives", "objective"],
    ["  OUTCOME   DESCRIPTION ", "outcomeDescription"],
    ["StoryFragment_Merged", "mergedStory"],
  ])("maps %j to %s", (name, field) => {
    expect(match(name)).toBe(field);
  });

  it("returns undefined for a column nobody knows", () => {
    expect(match("Budget line")).toBeUndefined();
  });

  it("uses the user's own mappings from the config file", () => {
    expect(createFieldMatcher({ "Résumé du changement": "outcomeDescription" })("resume du changement")).toBe("outcomeDescription");
  });
});

describe("fieldKey", () => {
  /** The key as first written, for every name: the ASCII fast path must agree with it. */
  const reference = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}#]+/gu, "");

  it.each([["Outcome#", "outcome#"], ["  OUTCOME   DESCRIPTION ", "outcomedescription"], ["Période de récolte", "periodederecolte"], ["Échelle", "echelle"], ["", ""]])(
    "keys %j as %j",
    (name, key) => expect(fieldKey(name)).toBe(key),
  );

  it("agrees with the NFD-and-regex key on any string, ASCII or not", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary-ascii", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 })), (name) => {
        expect(fieldKey(name)).toBe(reference(name));
      }),
      { numRuns: 2000 },
    );
  });

  it("matches a column name the same way the second time (the matcher remembers names it has seen)", () => {
    const match = createFieldMatcher({ "Résumé du changement": "outcomeDescription" });
    for (const name of ["Résumé du changement", "Unknown column", "Link to X Objectives", "Résumé du changement", "Unknown column", "Link to X Objectives"])
      expect(match(name)).toBe(createFieldMatcher({ "Résumé du changement": "outcomeDescription" })(name));
  });
});

describe("value parsers", () => {
  it.each([
    ["low", "low"], ["Small", "low"], ["faible", "low"], ["medium", "medium"], ["moderate", "medium"], ["Modérée", "medium"],
    ["moyenne", "medium"], ["high", "high"], ["great", "high"], ["élevée", "high"], ["grande", "high"], ["importante", "high"], ["", "unknown"],
  ])("parseRating(%j) is %s", (raw, value) => {
    expect(parseRating(raw).value).toBe(value);
  });

  it("marks an unknown rating as not understood", () => {
    expect(parseRating("sort of")).toEqual({ value: "unknown", ok: false });
  });

  it.each([
    ["YES", "yes"], ["NO", "no"], ["OUI", "yes"], ["NON", "no"], ["1.0", "yes"], ["0", "no"], ["TRUE", "yes"], ["", "unknown"], ["Yes, its direct", "yes"],
  ])("parseFlag(%j) is %s", (raw, value) => {
    expect(parseFlag(raw).value).toBe(value);
  });

  it.each([["2023", 2023], ["2023.0", 2023], ["", null]])("parseYear(%j) is %s", (raw, value) => {
    expect(parseYear(raw).value).toBe(value);
  });

  it.each([["harvest 2", 2], ["récolte 3", 3], ["Harvest #1", 1], ["2", 2], ["", null]])("parseHarvestPeriod(%j) is %s", (raw, value) => {
    expect(parseHarvestPeriod(raw).value).toBe(value);
  });

  it.each([["Local", "Local"], ["Locale", "Local"], ["Nationale", "National"], ["Organisation", "Organisation"], ["organization", "Organisation"], ["Régionale", "Regional"]])(
    "parseScale(%j) is %s",
    (raw, value) => {
      expect(parseScale(raw).value).toBe(value);
    },
  );

  it("splits types of change on two spaces and commas", () => {
    expect(parseList("New structure, Capacity change  Safety and Security")).toEqual(["New structure", "Capacity change", "Safety and Security"]);
  });

  it.each([
    ["YES; Outcome 1.3: (Women) HRDs …", ["1.3"]],
    ["Outcome 1.2 and output 1.2.2", ["1.2", "1.2.2"]],
    ["OUI ; Résultat 1.1 : Les DDH…", ["1.1"]],
    ["No link", []],
  ])("parseFrameworkCodes(%j) is %j", (raw, codes) => {
    expect(parseFrameworkCodes(raw)).toEqual(codes);
  });

  it("reads the objective code before the colon", () => {
    expect(parseObjectiveCode("CIV: Less suppression of civic space")).toBe("CIV");
    expect(parseObjectiveCode("ESF : Réduction de l'impact")).toBe("ESF");
    expect(parseObjectiveCode("less suppression")).toBeNull();
  });
});

describe("resolveCountry", () => {
  it.each(["DR Congo", "DRC", "RDC", "RD Congo", "Democratic Republic of the Congo", "République démocratique du Congo"])("resolves %j to COD", (name) => {
    expect(resolveCountry(name)).toMatchObject({ iso: "COD", kind: "country" });
  });

  it("keeps a region as a region with the countries it covers", () => {
    expect(resolveCountry("Sahel")).toMatchObject({ name: "Sahel", kind: "region", covers: expect.arrayContaining(["BFA", "MLI"]) });
  });

  it("reads French country names", () => {
    expect(resolveCountry("Liban").iso).toBe("LBN");
    expect(resolveCountry("Tchad").iso).toBe("TCD");
  });

  it("keeps an unknown value as written", () => {
    expect(resolveCountry("Atlantis")).toEqual({ name: "Atlantis", kind: "unknown", covers: [] });
  });
});
