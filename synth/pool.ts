// The stable pool of invented actors the corpus draws from: organisations, coalitions, government bodies, programmes,
// trainers and trainings across many countries, each with its acronym and aliases. Built once from fixed lists, never from the corpus seed.
import type { EntityType } from "../ingest/schema.ts";
import { COUNTRIES, type CountrySpec, type Lang } from "./_countries.ts";
import { createRng } from "./_prng.ts";

export { COUNTRIES, type CountrySpec, type Lang } from "./_countries.ts";

export type Actor = {
  key: string;
  type: EntityType;
  /** Other types a reader could fairly give it (a network is a coalition and an organisation). */
  types?: EntityType[];
  name: string;
  acronym?: string;
  /** Other names that refer to the same actor (translations, short forms, the programme with "programme"). */
  aliases: string[];
  /** Country key (ISO3) of a national actor. */
  country?: string;
  lang: Lang;
  /** The article written before the full name in running text ("the ", "l'", "le ", "la ", or ""). */
  article: string;
};

export type Programme = Actor & { code: string };

export type Pool = {
  countries: CountrySpec[];
  /** Local organisations and coalitions by country. */
  local: Map<string, Actor[]>;
  /** Government bodies by country. */
  government: Map<string, Actor[]>;
  /** International organisations that train, mentor and pass on grants. */
  intermediaries: Actor[];
  /** Regional networks (coalitions across countries). */
  networks: Actor[];
  programmes: Programme[];
};

const STOP = new Set(["of", "for", "the", "in", "and", "on", "to", "at", "de", "des", "du", "la", "le", "les", "pour", "et", "en", "au", "aux", "à", "a", "sur", "dans"]);

/** Initials of the significant words: "Association pour la Défense des Droits de l'Homme" → "ADDH". */
export function acronymOf(name: string): string {
  return name
    .replace(/[’']/g, " ")
    .split(/[\s-]+/)
    .filter((w) => w && !STOP.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w.normalize("NFD")[0].toUpperCase())
    .join("");
}

// ---- local organisations: patterns filled with the country's regions and towns ----

type Pattern = { type: EntityType; types?: EntityType[]; article: string; make: (c: CountrySpec, region: string, town: string) => string };

const LOCAL_EN: Pattern[] = [
  { type: "Coalition", types: ["Coalition", "Organisation"], article: "the ", make: (_c, r) => `${r} Women Human Rights Defenders Network` },
  { type: "Organisation", article: "the ", make: (_c, r) => `${r} Paralegal Association` },
  { type: "Organisation", article: "the ", make: (_c, _r, t) => `Centre for Justice and Peace in ${t}` },
  { type: "Organisation", article: "the ", make: (_c, _r, t) => `${t} Youth for Rights Initiative` },
  { type: "Organisation", article: "", make: (_c, r) => `Land Rights Defenders of ${r}` },
  { type: "Organisation", article: "the ", make: (c) => `${c.en} Journalists Safety Forum` },
  { type: "Organisation", article: "the ", make: (_c, r) => `${r} Community Legal Aid Trust` },
  { type: "Organisation", article: "the ", make: (_c, _r, t) => `Voices of ${t} Women Foundation` },
  { type: "Coalition", types: ["Coalition", "Organisation"], article: "the ", make: (c) => `National Coalition of Human Rights Defenders ${c.en}` },
  { type: "Organisation", article: "", make: (_c, r) => `${r} Rural Development Action` },
];

const LOCAL_FR: Pattern[] = [
  { type: "Organisation", article: "l'", make: (_c, r) => `Association pour la Défense des Droits Humains du ${r}` },
  { type: "Coalition", types: ["Coalition", "Organisation"], article: "le ", make: (_c, _r, t) => `Collectif des Femmes Défenseures de ${t}` },
  { type: "Coalition", types: ["Coalition", "Organisation"], article: "le ", make: (_c, r) => `Réseau des Jeunes pour la Paix du ${r}` },
  { type: "Organisation", article: "le ", make: (_c, _r, t) => `Centre d'Appui aux Victimes de ${t}` },
  { type: "Organisation", article: "l'", make: (_c, r) => `Observatoire des Libertés Publiques du ${r}` },
  { type: "Organisation", article: "l'", make: (_c, _r, t) => `Action Citoyenne pour la Justice de ${t}` },
  { type: "Organisation", article: "la ", make: (_c, r) => `Solidarité Paysanne du ${r}` },
  { type: "Organisation", article: "l'", make: (_c, _r, t) => `Association des Femmes Juristes de ${t}` },
  { type: "Coalition", types: ["Coalition", "Organisation"], article: "la ", make: (c) => `Coalition Nationale des Défenseurs des Droits Humains ${c.fr}` },
  { type: "Organisation", article: "la ", make: (_c, r) => `Ligue des Électeurs du ${r}` },
];

// ---- government bodies: generic bodies of each country ----

type Body = { en: string; fr: string; articleFr: string; acronymEn?: string; acronymFr?: string; alias?: string };

const BODIES: Body[] = [
  { en: "Ministry of Justice", articleFr: "le ", fr: "Ministère de la Justice", acronymEn: "MoJ" },
  { en: "Ministry of Interior", articleFr: "le ", fr: "Ministère de l'Intérieur", acronymEn: "MoI" },
  { en: "National Human Rights Commission", articleFr: "la ", fr: "Commission Nationale des Droits de l'Homme", acronymEn: "NHRC", acronymFr: "CNDH" },
  { en: "Registrar of Non-Governmental Organisations", articleFr: "la ", fr: "Direction des Associations et des ONG", alias: "NGO Registrar" },
  { en: "National Police", articleFr: "la ", fr: "Police Nationale" },
  { en: "Parliamentary Committee on Human Rights", articleFr: "la ", fr: "Commission des Droits de l'Homme de l'Assemblée Nationale" },
  { en: "Office of the Prime Minister", articleFr: "la ", fr: "Primature", acronymEn: "OPM" },
  { en: "Ministry of Gender and Social Affairs", articleFr: "le ", fr: "Ministère de la Femme et des Affaires Sociales", acronymEn: "MoGSA", acronymFr: "MFAS" },
  { en: "Electoral Commission", articleFr: "la ", fr: "Commission Électorale Nationale Indépendante", acronymEn: "EC", acronymFr: "CENI" },
  { en: "Ministry of Information and Communication", articleFr: "le ", fr: "Ministère de la Communication", acronymEn: "MoIC" },
];

// ---- international organisations, regional networks and programmes (all invented) ----

const INTERMEDIARIES: [string, string, string[], Lang, string][] = [
  ["ShieldDefenders", "SD", ["Shield Defenders", "Shield Defenders Project"], "en", ""],
  ["Civic Safety Trust", "CST", [], "en", "the "],
  ["Protection Desk International", "PDI", ["ProtectionDesk"], "en", ""],
  ["Digital Rights Lab", "DRL", ["DR Lab"], "en", "the "],
  ["Centre for Legal Empowerment", "CLE", ["Legal Empowerment Centre"], "en", "the "],
  ["Justice Bridge Foundation", "JBF", ["Justice Bridge"], "en", "the "],
  ["Media Freedom Collective", "MFC", [], "en", "the "],
  ["Open Space Alliance", "OSA", [], "en", "the "],
  ["Safe Haven Network", "SHN", ["SafeHaven"], "en", "the "],
  ["Solidarité Défenseurs International", "SDI", ["Solidarite Defenseurs"], "fr", ""],
  ["Fondation pour la Sécurité des Défenseurs", "FSD", ["Defenders Security Foundation"], "fr", "la "],
  ["Institut Panafricain pour la Gouvernance", "IPG", ["Pan-African Governance Institute"], "fr", "l'"],
];

const NETWORKS: [string, string, string[], Lang, string][] = [
  ["East African Defenders Network", "EADN", [], "en", "the "],
  ["Southern Africa Civic Space Platform", "SACSP", [], "en", "the "],
  ["Réseau Ouest-Africain des Défenseurs", "ROAD", ["West African Defenders Network"], "fr", "le "],
  ["Réseau des Défenseurs d'Afrique Centrale", "REDAC", ["Central African Defenders Network"], "fr", "le "],
  ["Asia Civic Resilience Network", "ACRN", [], "en", "the "],
  ["Mesoamerican Land Defenders Alliance", "MLDA", [], "en", "the "],
];

const PROGRAMMES: [string, string, Lang][] = [
  ["Voices for Change", "VFC", "en"],
  ["Civic Space Resilience", "CSR", "en"],
  ["Defenders at Risk Fund", "DARF", "en"],
  ["Strengthening Rights and Accountability", "STRA", "en"],
  ["Programme d'Appui à la Société Civile", "PASC", "fr"],
  ["Open Civic Space", "OCS", "en"],
];

export const TRAININGS: [en: string, fr: string][] = [
  ["physical and digital security", "sécurité physique et numérique"],
  ["protection case management", "gestion des cas de protection"],
  ["non-violent advocacy", "plaidoyer non violent"],
  ["documentation of human rights violations", "documentation des violations des droits humains"],
  ["strategic litigation", "contentieux stratégique"],
  ["safe use of social media", "usage sécurisé des réseaux sociaux"],
  ["psychosocial support for defenders", "soutien psychosocial aux défenseurs"],
  ["election observation", "observation électorale"],
  ["engagement with UN human rights mechanisms", "recours aux mécanismes onusiens des droits humains"],
];

function programmeOf([name, code, lang]: [string, string, Lang]): Programme {
  const aliases = [code, `${code} programme`, `${code} program`, `programme ${code}`, `${name} programme`];
  return { key: `programme:${code}`, type: "Programme", name, acronym: code, aliases, lang, code, article: "" };
}

function internationalOf(type: EntityType, types: EntityType[] | undefined, [name, acronym, aliases, lang, article]: [string, string, string[], Lang, string]): Actor {
  return { key: `${type}:${acronym}`, type, types, name, acronym, aliases, lang, article };
}

/** Fixed seed of the pool: the pool is the same for every corpus. */
const POOL_SEED = 20241122;

export function buildPool(): Pool {
  const rng = createRng(POOL_SEED);
  const local = new Map<string, Actor[]>();
  const government = new Map<string, Actor[]>();
  for (const c of COUNTRIES) {
    const patterns = c.lang === "fr" ? LOCAL_FR : LOCAL_EN;
    const actors: Actor[] = [];
    const names = new Set<string>();
    // every pattern in every region (national ones once): about 25 organisations a country
    for (const [i, p] of patterns.entries()) {
      for (const [r, [region, towns]] of c.regions.entries()) {
        const name = p.make(c, region, rng.pick(towns));
        if (names.has(name)) continue;
        names.add(name);
        const acronym = acronymOf(name);
        actors.push({ key: `${c.iso}:org:${i}:${r}`, type: p.type, types: p.types, name, acronym: acronym.length >= 3 ? acronym : undefined, aliases: [], country: c.iso, lang: c.lang, article: p.article });
      }
    }
    local.set(c.iso, actors);
    government.set(
      c.iso,
      BODIES.map((b, i) => {
        const name = c.lang === "fr" ? b.fr : b.en;
        const other = c.lang === "fr" ? b.en : b.fr;
        const acronym = c.lang === "fr" ? b.acronymFr : b.acronymEn;
        const aliases = [other, `${b.en} of ${c.en}`, ...(b.alias ? [b.alias] : [])];
        const article = c.lang === "fr" ? b.articleFr : "the ";
        return { key: `${c.iso}:gov:${i}`, type: "GovernmentBody", name, acronym, aliases, country: c.iso, lang: c.lang, article } satisfies Actor;
      }),
    );
  }
  return {
    countries: COUNTRIES,
    local,
    government,
    intermediaries: INTERMEDIARIES.map((i) => internationalOf("Organisation", undefined, i)),
    networks: NETWORKS.map((n) => internationalOf("Coalition", ["Coalition", "Organisation"], n)),
    programmes: PROGRAMMES.map(programmeOf),
  };
}
