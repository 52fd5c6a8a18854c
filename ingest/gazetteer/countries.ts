// Country and region names in English and French → canonical name and ISO 3166-1 alpha-3 code.
// Country names come from i18n-iso-countries; the aliases real harvests use ("DRC", "RDC", "RD Congo") are added here.
import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import type { Country } from "../schema.ts";

const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
countries.registerLocale(require("i18n-iso-countries/langs/fr.json"));

/** Short names evaluators use, keyed by ISO alpha-3; the first is the canonical display name when given. */
const EXTRA_ALIASES: Record<string, string[]> = {
  COD: ["DR Congo", "DRC", "RDC", "RD Congo", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo Kinshasa", "R.D. Congo", "R.D.C."],
  COG: ["Republic of the Congo", "Congo-Brazzaville", "Congo Brazzaville"],
  CAF: ["CAR", "RCA", "Centrafrique"],
  CIV: ["Côte d'Ivoire", "Ivory Coast", "Cote d'Ivoire"],
  SSD: ["South Sudan", "Soudan du Sud"],
  TZA: ["Tanzania"],
  SYR: ["Syria", "Syrie"],
  GBR: ["UK", "United Kingdom"],
  USA: ["USA", "United States", "US"],
  NLD: ["Netherlands", "The Netherlands", "Pays-Bas", "Holland"],
  PSE: ["Palestine", "oPt"],
};

/** Regions kept as regions; the countries they usually cover in these programmes. */
export const REGIONS: Record<string, { names: string[]; covers: string[] }> = {
  Sahel: { names: ["Sahel", "Central Sahel", "Sahel central"], covers: ["BFA", "MLI", "NER", "TCD", "MRT"] },
  "East Africa": { names: ["East Africa", "Afrique de l'Est", "EHA", "East and Horn of Africa"], covers: ["KEN", "UGA", "TZA", "RWA", "BDI", "SSD", "ETH", "SOM", "SDN", "DJI", "ERI"] },
  "Horn of Africa": { names: ["Horn of Africa", "Corne de l'Afrique"], covers: ["ETH", "SOM", "DJI", "ERI"] },
  "Great Lakes": { names: ["Great Lakes", "Grands Lacs", "Great Lakes region", "région des Grands Lacs"], covers: ["COD", "RWA", "BDI", "UGA"] },
  "West Africa": { names: ["West Africa", "Afrique de l'Ouest"], covers: ["BFA", "MLI", "NER", "SEN", "CIV", "GIN", "GHA", "NGA", "TGO", "BEN", "MRT", "GMB", "GNB", "SLE", "LBR"] },
  MENA: { names: ["MENA", "Middle East", "Moyen-Orient", "Middle East and North Africa"], covers: ["LBN", "SYR", "IRQ", "YEM", "JOR", "PSE", "EGY", "TUN", "LBY"] },
};

export function foldName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

type CountryEntry = { iso: string; name: string; names: string[] };

function buildIndex(): { byName: Map<string, CountryEntry>; byIso: Map<string, CountryEntry> } {
  const byName = new Map<string, CountryEntry>();
  const byIso = new Map<string, CountryEntry>();
  const en = countries.getNames("en", { select: "all" });
  const fr = countries.getNames("fr", { select: "all" });
  for (const alpha2 of Object.keys(en)) {
    const iso = countries.alpha2ToAlpha3(alpha2);
    if (!iso) continue;
    const extra = EXTRA_ALIASES[iso] ?? [];
    const names = [...extra, ...en[alpha2], ...(fr[alpha2] ?? [])].filter((n) => !(iso === "COD" && n === "Congo"));
    const entry: CountryEntry = { iso, name: extra[0] ?? en[alpha2][0], names: [...new Set(names)] };
    byIso.set(iso, entry);
    for (const n of entry.names) {
      const key = foldName(n);
      if (!byName.has(key)) byName.set(key, entry);
    }
  }
  return { byName, byIso };
}

const INDEX = buildIndex();
const REGION_INDEX = new Map<string, string>(
  Object.entries(REGIONS).flatMap(([region, r]) => r.names.map((n) => [foldName(n), region] as [string, string])),
);

/** All country names (EN/FR/aliases) with their ISO code, for the gazetteer of places. */
export function countryNames(): { iso: string; name: string; names: string[] }[] {
  return [...INDEX.byIso.values()];
}

export function countryByIso(iso: string): { iso: string; name: string; names: string[] } | undefined {
  return INDEX.byIso.get(iso);
}

export function regionNames(): { name: string; names: string[]; covers: string[] }[] {
  return Object.entries(REGIONS).map(([name, r]) => ({ name, ...r }));
}

/** Resolves one country or region name, or a list of them ("Kenya, Uganda"); anything else is kind "unknown". */
export function resolveCountry(value: string): Country {
  const raw = value.trim();
  if (raw === "") return { name: "", kind: "unknown", covers: [] };
  const one = lookupOne(raw);
  if (one) return one;
  const parts = raw.split(/\s*(?:,|;|\/|&|\band\b|\bet\b)\s*/i).filter(Boolean);
  if (parts.length > 1) {
    const found = parts.map(lookupOne);
    if (found.every((c) => c !== null)) {
      const covers = [...new Set(found.flatMap((c) => (c!.iso ? [c!.iso] : c!.covers)))];
      return { name: raw, kind: "region", covers };
    }
  }
  return { name: raw, kind: "unknown", covers: [] };
}

function lookupOne(name: string): Country | null {
  const key = foldName(name);
  const region = REGION_INDEX.get(key);
  if (region) return { name: region, kind: "region", covers: REGIONS[region].covers };
  const entry = INDEX.byName.get(key);
  if (entry) return { name: entry.name, iso: entry.iso, kind: "country", covers: [entry.iso] };
  return null;
}
