// One synthetic record from the pool and a record seed: draw a scenario, write its fields with the sentence patterns,
// and return them with the ground truth (pure; record i is the same whatever the corpus size).
import { createComposer, foldName } from "./_compose.ts";
import { createRng, recordSeed, type Rng } from "./_prng.ts";
import { additional, contribution, otherActors, outcome, significance, type Mode, type Scenario, type Support } from "./_templates.ts";
import { TRAININGS, type Actor, type Pool } from "./pool.ts";
import type { GoldRecord, SynthRecord } from "./schema.ts";

/** Field names of the text format, exactly as in the sample records (typos and trailing spaces included). */
export const TEXT_FIELD_NAMES = [
  "FragmentID",
  "Outcome status",
  "OH-harvesting period",
  "coutnry",
  "Year",
  "Outcome description",
  "Significance of the outcome",
  "Additional information (use if needed) ",
  "Rating significance",
  "Social actor",
  "Scale",
  "Contribution of the programme",
  "Contribution of other actors and factors",
  "Rating contribution",
  "The change was unintended",
  "Evidence supporting the outcome statement",
  "Outcome statements is CONFIDENTIAL",
  "Link to Outcomes in Results Framework ",
  "Link to Specific Objectives",
  "StoryFragment_Merged",
  "Outcome is negative",
  "MCQType of change",
  "TypeOfChangeCluster",
] as const;

const weighted = <T,>(rng: Rng, table: [T, number][]): T => {
  let r = rng.next() * table.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of table) if ((r -= w) < 0) return v;
  return table[table.length - 1][0];
};

/** Every name an actor can be matched by, folded: two actors of one record never share one. */
const namesOf = (x: Actor) => [x.name, x.acronym ?? "", ...x.aliases].filter(Boolean).map(foldName);

function drawDistinct(rng: Rng, candidates: Actor[], n: number, taken: Set<string>): Actor[] {
  const out: Actor[] = [];
  for (const x of rng.sample(candidates, candidates.length)) {
    if (out.length >= n) break;
    const names = namesOf(x);
    if (names.some((name) => taken.has(name))) continue;
    names.forEach((name) => taken.add(name));
    out.push(x);
  }
  return out;
}

function drawScenario(rng: Rng, pool: Pool): Scenario {
  const country = rng.pick(pool.countries);
  const lang = rng.chance(0.9) ? country.lang : country.lang === "fr" ? "en" : "fr";
  const [region, towns] = rng.pick(country.regions);
  const mode = weighted<Mode>(rng, [["agent", 0.72], ["government", 0.14], ["negative", 0.14]]);
  const support = weighted<Support>(rng, [["train", 0.33], ["train-mentor", 0.2], ["mentor", 0.1], ["grant-direct", 0.17], ["grant-via", 0.2]]);
  const taken = new Set<string>();
  const local = pool.local.get(country.iso)!;
  const agents = drawDistinct(rng, local, mode === "negative" ? 1 : weighted(rng, [[1, 0.72], [2, 0.2], [3, 0.08]]), taken);
  const government = drawDistinct(rng, pool.government.get(country.iso)!, 1, taken)[0];
  const trainer = drawDistinct(rng, pool.intermediaries, 1, taken)[0];
  const programme = pool.programmes[rng.int(0, pool.programmes.length - 1)];
  namesOf(programme).forEach((name) => taken.add(name));
  const partners = drawDistinct(rng, [...local, ...pool.networks], weighted(rng, [[0, 0.55], [1, 0.3], [2, 0.15]]), taken);
  const others = drawDistinct(rng, [...pool.intermediaries, ...pool.networks], weighted(rng, [[0, 0.6], [1, 0.3], [2, 0.1]]), taken);
  return {
    lang,
    country,
    region,
    town: rng.pick(towns),
    year: rng.int(2021, 2024),
    month: rng.int(0, 11),
    mode,
    support,
    agents,
    government,
    trainer,
    programme,
    partners,
    others,
    topic: rng.pick(TRAININGS),
    redacted: rng.chance(0.15),
  };
}

const RATINGS = { en: ["low", "medium", "high", "small", "moderate", "great"], fr: ["faible", "moyenne", "élevée", "moyen"] };
const ACTORS = { en: ["Civic change agents", "Engaged citizens", "Duty bearers"], fr: ["Agents de changement civique", "Citoyens engagés", "Détenteurs d'obligations"] };
const SCALES = { en: ["Local", "National", "Regional", "Organisation"], fr: ["Locale", "Nationale", "Régionale", "Organisation"] };
const CHANGES = {
  en: [["Capacity change", "Safety and Security"], ["New structure", "Capacity change"], ["Policy change"], ["Mobilizing citizens and organizations"]],
  fr: [["Changement de capacité", "Sécurité"], ["Nouvelle structure"], ["Changement de politique"], ["Mobilisation des citoyens et des organisations"]],
};
const EVIDENCE = {
  en: ["WhatsApp messages, Email communications", "Meeting minutes, photos of the sessions", "Activity report, attendance list", ""],
  fr: ["Rapport d'activités, liste de présence", "Messages WhatsApp, courriels", "Procès-verbal de la réunion", ""],
};
const FRAMEWORK = {
  en: ["Outcome 1.3: (Women) HRDs and activists better protect themselves physically and digitally", "Outcome 1.2 and output 1.2.2", "YES; Outcome 2.1: CSOs use their voice despite restrictions"],
  fr: ["Résultat 1.3 : les défenseurs se protègent mieux physiquement et numériquement", "Résultat 1.2 et produit 1.2.2", "OUI ; Résultat 2.1 : les OSC font entendre leur voix"],
};
const OBJECTIVES = { en: ["CIV: Less suppression of civic space", "PHR: Better protection of human rights defenders"], fr: ["CIV : Moins de suppression de l'espace civique", "PHR : Meilleure protection des défenseurs"] };
/** Words of the pattern texts that never appear in an actor's name, so a stricter redaction of the merged story hides no entity. */
const REDACTABLE = ["activities", "documented", "campaign", "defenders", "training", "activités", "défenseurs", "formation", "campagne"];

/** Name of the i-th text file: zero-padded index and 16 hex digits, like the samples (000_d3dc1a586945bafc.txt). */
export function textFileName(index: number, total: number, rng: Rng): string {
  return `${String(index).padStart(Math.max(3, String(total - 1).length), "0")}_${rng.hex(16)}.txt`;
}

/**
 * The index-th record of a corpus of `total` records; `file` is the name the records file has (txt: null, one file each).
 * 1. scenario 2. texts through the composer 3. the other fields 4. the gold record.
 */
export function generateRecord(pool: Pool, seed: number, index: number, total: number, file: string | null): SynthRecord {
  const rng = createRng(recordSeed(seed, index));
  // The name has its own draw, so a record's content is the same in every format.
  const fileName = file ?? textFileName(index, total, createRng(recordSeed(seed, index) ^ 0x5bd1e995));
  const s = drawScenario(rng, pool);
  const fr = s.lang === "fr";
  const c = createComposer(rng, s.lang, s.redacted);
  const ctx = { c, s, rng };

  const texts = { outcome: outcome(ctx), significance: significance(ctx), additional: additional(ctx), contribution: contribution(ctx), others: otherActors(ctx) };
  // The record's country is in its country field: an extractor may take it from there, so it is never held against one.
  c.optionalPlace(s.country.iso, { name: s.country.en, aliases: [s.country.fr, ...s.country.variants] });
  c.forbid(...(fr ? ["le programme", "les autorités", "la police", "le collectif"] : ["the programme", "the authorities", "the police", "the coalition"]));

  const objective = rng.pick(OBJECTIVES[s.lang]);
  const code = objective.slice(0, 3);
  const countryCode = s.redacted && rng.chance(0.3) ? "<redacted>" : `${s.country.iso}${String(s.year % 100).padStart(2, "0")}${String(s.month + 1).padStart(2, "0")}`;
  const fragmentId = `${s.programme.code}-${countryCode}/${code}${String(index + 1).padStart(6, "0")}`;
  const negative = s.mode === "negative";
  let merged = [
    texts.outcome,
    `Significance description: ${texts.significance}`,
    `Contribution of the programme: ${texts.contribution}`,
    `Additional information: ${texts.additional}`,
    `Contribution of other actors and factors: ${texts.others}`,
  ].join("  ");
  if (s.redacted && rng.chance(0.5)) {
    const word = REDACTABLE.find((w) => new RegExp(`\\b${w}\\b`).test(merged));
    if (word) merged = merged.replace(new RegExp(`\\b${word}\\b`), "<redacted>");
  }
  const changes = rng.pick(CHANGES[s.lang]);
  const yes = fr ? "OUI" : "YES";
  const no = fr ? "NON" : "NO";
  const values: Record<(typeof TEXT_FIELD_NAMES)[number], string> = {
    FragmentID: fragmentId,
    "Outcome status": fr ? "Résultat" : "Outcome",
    "OH-harvesting period": `${fr ? "récolte" : "harvest"} ${s.year - 2020}`,
    coutnry: rng.pick([fr ? s.country.fr : s.country.en, s.country.en, ...s.country.variants.slice(0, 1)]),
    Year: String(s.year),
    "Outcome description": texts.outcome,
    "Significance of the outcome": texts.significance,
    "Additional information (use if needed) ": texts.additional,
    "Rating significance": rng.pick(RATINGS[s.lang]),
    "Social actor": negative || s.mode === "government" ? ACTORS[s.lang][2] : rng.pick(ACTORS[s.lang].slice(0, 2)),
    Scale: rng.pick(SCALES[s.lang]),
    "Contribution of the programme": texts.contribution,
    "Contribution of other actors and factors": texts.others,
    "Rating contribution": rng.pick(RATINGS[s.lang]),
    "The change was unintended": negative ? yes : rng.chance(0.1) ? yes : no,
    "Evidence supporting the outcome statement": rng.pick(EVIDENCE[s.lang]),
    "Outcome statements is CONFIDENTIAL": rng.chance(0.1) ? rng.pick(["1.0", yes, "Confidential"]) : rng.pick(["", "", no]),
    "Link to Outcomes in Results Framework ": rng.pick(FRAMEWORK[s.lang]),
    "Link to Specific Objectives": objective,
    StoryFragment_Merged: merged,
    "Outcome is negative": negative ? yes : no,
    "MCQType of change": negative ? (fr ? "Changement négatif" : "Negative change") : changes.join(", "),
    TypeOfChangeCluster: negative ? (fr ? "Changement négatif" : "Negative change") : changes[0],
  };
  const gold: GoldRecord = { file: fileName, outcome: fragmentId, ...c.gold() };
  return { index, lang: s.lang, fields: TEXT_FIELD_NAMES.map((name) => [name, values[name]]), gold };
}
