// Places: countries and regions from the country gazetteer, and local places from how the text introduces them
// ("in Mombasa", "à Kigali", "province de la Tshopo", "Kwale County", "Gulu-based", "régions de Zinder, Diffa et Tahoua").
import { countryNames, regionNames } from "../gazetteer/countries.ts";
import { LANGUAGES, MONTHS, type Token } from "./_text.ts";
import { NameTrie } from "./_trie.ts";

export type PlaceHit = {
  start: number;
  end: number;
  /** Canonical name: the country's display name, or the local name without its kind word ("Kwale", not "Kwale County"). */
  name: string;
  surface: string;
  iso?: string;
  kind: "country" | "region" | "local";
  rule: string;
};

type CountryValue = { name: string; iso?: string; kind: "country" | "region" };
let COUNTRY_TRIE: NameTrie<CountryValue> | null = null;

function countryTrie(): NameTrie<CountryValue> {
  if (COUNTRY_TRIE) return COUNTRY_TRIE;
  const trie = new NameTrie<CountryValue>();
  for (const c of countryNames())
    for (const n of c.names) trie.add(n, { name: c.name, iso: c.iso, kind: "country" }, /^[A-Z.]+$/.test(n) ? "exact" : "capital");
  for (const r of regionNames()) for (const n of r.names) trie.add(n, { name: r.name, kind: "region" }, /^[A-Z]+$/.test(n) ? "exact" : "capital");
  return (COUNTRY_TRIE = trie);
}

export function findCountries(tokens: Token[]): PlaceHit[] {
  return countryTrie()
    .findAll(tokens)
    .map((m) => ({
      start: m.start,
      end: m.end,
      name: m.value.name,
      surface: "",
      iso: m.value.iso,
      kind: m.value.kind,
      rule: "country-gazetteer",
    }));
}

const KIND_AFTER = /^(county|counties|province|provinces|district|districts|state|region|regions|governorate|sub-region|subregion|sub-county|sub-counties|town|city|territory|village|villages|municipality|division|zone|commune|prefecture)$/i;
const KIND_BEFORE = /^(province|provinces|territoire|territoires|région|régions|region|regions|district|districts|commune|communes|ville|village|villages|chefferie|secteur|secteurs|cité|localité|quartier|quartiers|préfecture|département|départements|towns|cities|counties|governorate|city|town|municipalities|municipality|municipalités|municipios|neighbourhoods|neighborhoods|neighbourhood|neighborhood|townships|township|sectors|wards|departments|cantons|islands|îles|suburbs|outskirts)$/i;
/** Titles that follow a name in brackets ("DefendDefenders (Executive Director)"), never places. */
const ROLES = /^(director|directrice|directeur|executive|coordinator|coordinatrice|coordonnateur|coordinateur|president|présidente?|chair|chairperson|officer|secretary|secrétaire|manager|head|chef|founder|fondatrice|fondateur|members?|membres?|staff|lawyer|avocate?|team|équipe|board|leadership|secretariat|secrétariat)$/i;
/** Direction words: "Southern Province", "South West State" keep their kind word in the name. */
const COMPASS = /^(north|south|east|west|northern|southern|eastern|western|central|upper|lower|north-east|north-west|south-east|south-west|nord|sud|est|ouest|centre)$/i;
const TRIGGERS = new Set(["in", "at", "near", "across", "around", "à", "dans", "vers", "between", "entre", "from", "to"]);
const NOT_PLACE = new Set(
  ("securite justice paix developpement defense solidarite promotion protection droits gestion gouvernance femmes jeunes homme personne etat state government god allah internet facebook twitter whatsapp signal telegram covid outcome phase year annex english french " +
    "derechos humanos humanas direitos mujeres mulheres defensoras defensores justicia paz tierra agua proteccion desarrollo gobernacion pueblo").split(
    " ",
  ),
);

/** A Titlecase word that may be (part of) a place name: not an acronym, a month, a language or a common noun. */
function placeWord(t: Token | undefined): boolean {
  if (!t || !t.word || !t.cap || t.acronym) return false;
  if (/\p{Lu}\p{Lu}/u.test(t.base)) return false;
  if (MONTHS.has(t.fold) || LANGUAGES.has(t.fold) || NOT_PLACE.has(t.fold)) return false;
  return !/-based$/i.test(t.base);
}

/** The place name starting at token i: Titlecase words, with "el"/"al"/"al-X" inside ("Bahr el Ghazal", "Suq al-Shuyukh"). */
function placeAt(tokens: Token[], i: number): number {
  if (!placeWord(tokens[i])) return -1;
  let j = i;
  while (j + 1 < tokens.length) {
    const n = tokens[j + 1];
    if (placeWord(n) && n.start - tokens[j].end <= 1 && !KIND_AFTER.test(n.text)) j++;
    else if (/^(el|al|al-\p{Lu}.*|el-\p{Lu}.*)$/u.test(n.text) && placeWord(tokens[j + 2]) && !/^(al|el)$/.test(n.text)) j++;
    else if (/^(el|al)$/.test(n.text) && placeWord(tokens[j + 2])) j += 2;
    else if (/^(al|el)-\p{Lu}/u.test(n.text)) j++;
    else break;
  }
  return j;
}

/**
 * Local places in one sentence. `tokens` are all the sentence's tokens; `blocked(i)` says a token already belongs to
 * an actor's name (a place inside an organisation's name is taken only after "de": "Femmes Solidaires de Ngozi").
 */
export function findLocalPlaces(tokens: Token[], blocked: (i: number) => boolean): PlaceHit[] {
  const out: PlaceHit[] = [];
  const take = (i: number, j: number, rule: string, kindWord?: Token) => {
    const name = tokens
      .slice(i, j + 1)
      .map((t) => t.text)
      .join(" ")
      .replace(/ - /g, "-");
    // "Kwale County" is Kwale, named with its kind word too; "Southern Province" and "South West State" need it
    const compass = tokens.slice(i, j + 1).every((t) => COMPASS.test(t.text));
    const withKind = kindWord && kindWord.cap && kindWord.start - tokens[j].end <= 1;
    const end = withKind ? kindWord.end : tokens[j].baseEnd;
    const canonical = compass && withKind ? `${name} ${kindWord.text}` : name.replace(/['’]s$/, "");
    out.push({ start: tokens[i].start, end, name: canonical, surface: name, kind: "local", rule });
  };
  /** A list after a trigger: "Adama, Bishoftu and Mojo", "Kisangani et à Bafwasende", "de Gitega et de Karusi". */
  const list = (i: number, rule: string, allowBlocked: boolean) => {
    let k = i;
    for (;;) {
      const j = placeAt(tokens, k);
      if (j < 0 || (!allowBlocked && tokens.slice(k, j + 1).some((_, x) => blocked(k + x)))) return;
      const after = tokens[j + 1];
      take(k, j, rule, after && KIND_AFTER.test(after.text) ? after : undefined);
      let n = j + 1;
      if (tokens[n]?.text === ",") n++;
      if (/^(and|et|or|ou)$/.test(tokens[n]?.text ?? "")) n++;
      if (/^(à|de|in)$/.test(tokens[n]?.text ?? "") && n > j + 1) n++;
      if (n === j + 1 || !placeWord(tokens[n])) return;
      k = n;
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const lower = t.text.toLowerCase();
    if (TRIGGERS.has(lower) && placeWord(tokens[i + 1]) && !blocked(i + 1)) {
      // "from"/"to"/"between" only introduce places in lists or with a kind word, to avoid "from Amnesty"
      list(i + 1, `place-after-${lower}`, false);
    } else if (TRIGGERS.has(lower) && /^(the|la|le)$/i.test(tokens[i + 1]?.text ?? "")) {
      const j = placeAt(tokens, i + 2);
      // "in the Kasai Province"; French "dans le Logone Occidental" names a place without a kind word
      if (j > 0 && !blocked(i + 2) && (KIND_AFTER.test(tokens[j + 1]?.text ?? "") || lower === "dans")) take(i + 2, j, "place-kind-after", KIND_AFTER.test(tokens[j + 1]?.text ?? "") ? tokens[j + 1] : undefined);
    } else if (KIND_BEFORE.test(t.text) && !t.cap) {
      // "territoire de Bafwasende", "province de la Tshopo", "régions de Zinder, Diffa et Tahoua", "villages of Akkar"
      let k = i + 1;
      if (/^(de|du|des|of|d)$/i.test(tokens[k]?.text ?? "")) k++;
      if (tokens[k]?.text === "'") k++;
      if (/^(la|le|l|the)$/i.test(tokens[k]?.text ?? "")) k++;
      if (tokens[k]?.text === "'") k++;
      // "la région Atsimo-Andrefana", "province Orientale": a French kind word may take the name directly
      if (k > i + 1 || /^(région|province|commune|ville|préfecture|territoire)$/i.test(t.text)) list(k, "place-kind-before", true);
    } else if ((lower === "de" || (lower === "d" && tokens[i + 1]?.text === "'")) && i > 0) {
      const k = lower === "d" ? i + 2 : i + 1;
      // not after a capitalised word outside any name ("Protocole d'Istanbul"), and inside a name only at its end ("… de Ngozi")
      const prev = tokens[i - 1];
      if (prev.cap && prev.word && !blocked(i - 1) && i > 1) continue;
      const j = placeAt(tokens, k);
      if (j >= 0 && blocked(k) && blocked(j + 1) && j + 1 < tokens.length && tokens[j + 1].word) continue;
      if (placeWord(tokens[k]) && tokens[k].start - t.end <= 1) list(k, "place-after-de", true);
    } else if (/^\p{Lu}[\p{L}]+-based$/u.test(t.text)) {
      const base = t.text.slice(0, -"-based".length);
      out.push({ start: t.start, end: t.start + base.length, name: base, surface: base, kind: "local", rule: "place-based" });
    }
    // "the Kenya Human Rights Tribunal (Kisumu)": a place in brackets right after a name
    if (t.text === "(" && i > 0 && blocked(i - 1)) {
      const j = placeAt(tokens, i + 1);
      const role = tokens.slice(i + 1, j + 1).some((x) => ROLES.test(x.text));
      if (j > i && j - i <= 3 && tokens[j + 1]?.text === ")" && !blocked(i + 1) && !role) take(i + 1, j, "place-in-brackets");
    }
    if (t.word && KIND_AFTER.test(t.text) && /^(County|Province|District|Governorate|Region|State)$/.test(t.text) && i > 0) {
      // "Kwale County", "Idlib Governorate"
      let s = i - 1;
      while (s > 0 && placeWord(tokens[s - 1]) && !blocked(s - 1)) s--;
      if (placeWord(tokens[i - 1]) && !blocked(i - 1)) take(s, i - 1, "place-kind-after", t);
    }
  }
  return out;
}
