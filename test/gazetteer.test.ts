// The shipped gazetteer of known actors: every entry valid, no name shared by two actors, no country or generic word
// listed as an actor, ambiguous acronyms listed under nobody, and actors sharing an acronym kept apart.
import { describe, expect, it } from "vitest";
import { GazetteerEntry } from "../ingest/extract/types.ts";
import { GENERIC_ACRONYMS, compactKey } from "../ingest/extract/_text.ts";
import { extractRecords } from "../ingest/extract/index.ts";
import { ACTORS } from "../ingest/gazetteer/actors.ts";
import { countryByIso, countryNames, foldName } from "../ingest/gazetteer/countries.ts";
import { makeRecord } from "./_extract.ts";

const namesOf = (e: GazetteerEntry) => [e.name, ...e.aliases];

describe("the actor gazetteer", () => {
  it("holds entries the schema accepts, with known country codes", () => {
    for (const e of ACTORS) {
      expect(GazetteerEntry.safeParse(e).success, e.name).toBe(true);
      if (e.country) expect(countryByIso(e.country), `${e.name}: ${e.country}`).toBeDefined();
      for (const n of namesOf(e)) expect(n.trim(), e.name).toBe(n);
    }
  });

  it("gives every name and alias to one actor only", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of ACTORS)
      for (const n of new Set(namesOf(e).map(compactKey))) {
        const other = owner.get(n);
        if (other !== undefined && other !== e.name) clashes.push(`${n}: ${other} / ${e.name}`);
        owner.set(n, e.name);
      }
    expect(clashes).toEqual([]);
  });

  it("lists no country name and no generic acronym as an actor's name", () => {
    const countries = new Set(countryNames().flatMap((c) => [c.name, ...c.names].map(foldName)));
    for (const e of ACTORS)
      for (const n of namesOf(e)) {
        expect(countries.has(foldName(n)), `${e.name}: ${n}`).toBe(false);
        expect(GENERIC_ACRONYMS.has(n.toUpperCase()), `${e.name}: ${n}`).toBe(false);
      }
  });

  it.each(["RSF", "ICJ", "CIJ", "PI", "LTDH", "AMDH", "SRCS", "OCDH", "NPA", "SDC", "DDC", "DGD", "FDS", "SNA", "DRC", "SIDA", "PDF"])(
    "lists the ambiguous acronym %s under nobody",
    (acr) => {
      expect(ACTORS.filter((e) => namesOf(e).includes(acr)).map((e) => e.name)).toEqual([]);
    },
  );

  const rec = (id: string, country: string, text: string) =>
    makeRecord({ fragmentId: `SCC-${id}/CIV001`, country, outcomeDescription: "The Wajir Peace Forum met.", programmeContribution: text });

  it("keeps two actors that share an acronym apart, each under its own full name", () => {
    const a = rec("BFA01", "Burkina Faso", "Reporters sans frontières (RSF) trained the Wajir Peace Forum. RSF also mentored it.");
    const b = rec("SDN01", "Sudan", "The Wajir Peace Forum negotiated with the Rapid Support Forces (RSF). RSF commanders agreed.");
    const { extraction } = extractRecords([a, b]);
    const rsf = extraction.entities.filter((e) => e.aliases.includes("RSF") || e.name === "RSF");
    expect(rsf.map((e) => `${e.type} ${e.name}`).sort()).toEqual(["ArmedGroup Rapid Support Forces", "Organisation Reporters sans frontières"]);
  });

  it("tells a national Red Cross society from the ICRC", () => {
    const { extraction } = extractRecords([rec("UGA01", "Uganda", "The Uganda Red Cross Society trained the Wajir Peace Forum.")]);
    const names = extraction.entities.map((e) => e.name);
    expect(names).toContain("Uganda Red Cross Society");
    expect(names).not.toContain("International Committee of the Red Cross");
  });
});
