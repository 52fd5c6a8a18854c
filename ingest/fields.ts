// Field-name aliases and value normalisation: raw column names → canonical fields, raw values → typed values (EN and FR).
// Everything here is pure; the README's field table is generated from FIELD_SPECS.
import type { FieldName, Flag, Rating, Scale } from "./schema.ts";

export type FieldSpec = { field: FieldName; type: string; aliases: string[]; patterns?: RegExp[] };

/** One row per canonical field: its type and the column names seen in real exports. */
export const FIELD_SPECS: FieldSpec[] = [
  { field: "fragmentId", type: "string (verbatim)", aliases: ["FragmentID", "ID", "Outcome#", "Outcome ID", "Outcome No", "Outcome number", "Ref", "Identifiant"] },
  { field: "outcomeStatus", type: "string", aliases: ["Outcome status", "Status", "Statut"] },
  { field: "harvestPeriod", type: "integer | null", aliases: ["OH-harvesting period", "Harvesting period", "Harvest period", "Harvest", "Période de récolte", "Récolte"] },
  { field: "country", type: "{ name, iso?, kind, covers }", aliases: ["coutnry", "Country", "Location", "Pays", "Countries"] },
  { field: "year", type: "integer | null", aliases: ["Year", "Année", "Annee", "Date"] },
  { field: "outcomeDescription", type: "text", aliases: ["Outcome description", "Outcome", "Description of outcome", "Outcome statement", "Description du changement", "Description du résultat", "Changement"] },
  { field: "significance", type: "text", aliases: ["Significance of the outcome", "Significance", "Significance description", "Importance du changement", "Importance"] },
  { field: "additionalInformation", type: "text", aliases: ["Additional information (use if needed)", "Additional information", "Informations complémentaires", "Notes"] },
  { field: "ratingSignificance", type: "low | medium | high | unknown", aliases: ["Rating significance", "Significance rating", "Level of significance", "Niveau d'importance"] },
  { field: "socialActor", type: "string (category)", aliases: ["Social actor", "Type of actor", "Actor Changed", "Social actor category", "Acteur social", "Type d'acteur"] },
  { field: "scale", type: "Local | Regional | National | International | Organisation | unknown", aliases: ["Scale", "Level of Change", "Niveau du changement", "Échelle", "Echelle"] },
  { field: "programmeContribution", type: "text", aliases: ["Contribution of the programme", "Contribution", "Programme contribution", "Contribution of the program", "Contribution du programme"] },
  { field: "otherActorsContribution", type: "text", aliases: ["Contribution of other actors and factors", "Other actors", "Contribution of other actors", "Contribution d'autres acteurs", "Contribution des autres acteurs et facteurs"] },
  { field: "ratingContribution", type: "low | medium | high | unknown", aliases: ["Rating contribution", "Contribution rating", "Level of contribution", "Niveau de contribution"] },
  { field: "unintended", type: "yes | no | unknown", aliases: ["The change was unintended", "Unintended", "Changement non intentionnel", "Non intentionnel"] },
  { field: "evidence", type: "text", aliases: ["Evidence supporting the outcome statement", "Evidence", "Type of evidence", "Source of Information", "Substantiation", "Preuves", "Source"] },
  { field: "confidential", type: "boolean (unrecognised → true)", aliases: ["Outcome statements is CONFIDENTIAL", "Confidential", "Confidentiel"] },
  { field: "resultsFramework", type: "text + codes", aliases: ["Link to Outcomes in Results Framework", "Results framework", "Link to results framework", "Lien avec le cadre de résultats"], patterns: [/^linkto.*(resultsframework|outcomes)/, /cadrederesultats/] },
  { field: "objective", type: "text + code", aliases: ["Link to SCC Specific Objectives", "Objective", "Specific objective", "Objectif spécifique"], patterns: [/^linkto.*objectives?$/, /^objectif/] },
  { field: "mergedStory", type: "text", aliases: ["StoryFragment_Merged", "Merged story", "Story"] },
  { field: "negative", type: "yes | no | unknown", aliases: ["Outcome is negative", "Negative", "Négatif", "Changement négatif"] },
  { field: "typesOfChange", type: "string[]", aliases: ["MCQType of change", "Type of change", "Types of change", "Type de changement"] },
  { field: "typeOfChangeCluster", type: "string[]", aliases: ["TypeOfChangeCluster", "Type of change cluster", "Cluster"] },
];

/** Case-, space-, accent- and punctuation-insensitive key of a column name. */
export function fieldKey(name: string): string {
  // most names are plain ASCII: lower-case letters, digits and "#" kept, with no normalisation to do
  let ascii = "";
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return unicodeFieldKey(name);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 35) ascii += name[i];
    else if (c >= 65 && c <= 90) ascii += String.fromCharCode(c + 32);
  }
  return ascii;
}

function unicodeFieldKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, "");
}

export type FieldMatcher = (rawName: string) => FieldName | undefined;

/** Builds the matcher from the built-in aliases plus the user's own column mappings (config file). */
export function createFieldMatcher(userColumns: Record<string, FieldName> = {}): FieldMatcher {
  const exact = new Map<string, FieldName>();
  for (const spec of FIELD_SPECS) for (const alias of spec.aliases) exact.set(fieldKey(alias), spec.field);
  for (const [alias, field] of Object.entries(userColumns)) exact.set(fieldKey(alias), field);
  const match = (rawName: string) => {
    const key = fieldKey(rawName);
    const hit = exact.get(key);
    if (hit) return hit;
    return FIELD_SPECS.find((spec) => spec.patterns?.some((p) => p.test(key)))?.field;
  };
  // every record of a file repeats the same column names: each is matched once
  const seen = new Map<string, FieldName | undefined>();
  return (rawName) => {
    if (seen.has(rawName)) return seen.get(rawName);
    if (seen.size > 10_000) seen.clear();
    const field = match(rawName);
    seen.set(rawName, field);
    return field;
  };
}

// ---- values ----

export type Parsed<T> = { value: T; ok: boolean };

const RATINGS: [Rating, string[]][] = [
  ["low", ["low", "small", "minor", "limited", "weak", "faible", "faibles", "petite", "petit", "basse", "bas", "limitee"]],
  ["medium", ["medium", "moderate", "average", "moyenne", "moyen", "moderee", "modere", "modéré"]],
  ["high", ["high", "great", "strong", "significant", "large", "major", "elevee", "eleve", "grande", "grand", "forte", "fort", "importante", "important"]],
];

/** Key of each word → the first entry of `table` that lists it (the order a scan of the table would find). */
function keyIndex<T>(table: [T, string[]][]): Map<string, T> {
  const index = new Map<string, T>();
  for (const [value, words] of table) for (const w of words) if (!index.has(fieldKey(w))) index.set(fieldKey(w), value);
  return index;
}

const RATING_KEYS = keyIndex(RATINGS);

export function parseRating(raw: string): Parsed<Rating> {
  const key = fieldKey(raw);
  if (key === "") return { value: "unknown", ok: true };
  const rating = RATING_KEYS.get(key);
  if (rating) return { value: rating, ok: true };
  return { value: "unknown", ok: false };
}

const YES = new Set(["yes", "y", "oui", "o", "true", "vrai", "1", "10", "x", "si"]);
const NO = new Set(["no", "n", "non", "false", "faux", "0", "00"]);

export function parseFlag(raw: string): Parsed<Flag> {
  const key = fieldKey(raw);
  if (key === "") return { value: "unknown", ok: true };
  if (YES.has(key)) return { value: "yes", ok: true };
  if (NO.has(key)) return { value: "no", ok: true };
  // "Yes, its direct…" style answers: the first word decides.
  const first = fieldKey(raw.trim().split(/[\s,;:.]+/)[0] ?? "");
  if (YES.has(first)) return { value: "yes", ok: true };
  if (NO.has(first)) return { value: "no", ok: true };
  return { value: "unknown", ok: false };
}

export function parseYear(raw: string): Parsed<number | null> {
  const trimmed = raw.trim();
  if (trimmed === "") return { value: null, ok: true };
  const match = /\b(19|20)\d{2}\b/.exec(trimmed);
  if (match) return { value: Number(match[0]), ok: /^\s*(19|20)\d{2}(\.0+)?\s*$/.test(trimmed) || /^\d{4}-\d{2}/.test(trimmed) };
  return { value: null, ok: false };
}

export function parseHarvestPeriod(raw: string): Parsed<number | null> {
  const trimmed = raw.trim();
  if (trimmed === "") return { value: null, ok: true };
  const match = /^(?:harvest(?:ing)?(?:\s*period)?|r[ée]colte|p[ée]riode|h|round|cycle)?\s*[#n°:]*\s*(\d{1,3})(?:\.0+)?$/i.exec(trimmed);
  if (match) return { value: Number(match[1]), ok: true };
  return { value: null, ok: false };
}

const SCALES: [Scale, string[]][] = [
  ["Local", ["local", "locale", "community", "communautaire", "district", "provincial", "province"]],
  ["National", ["national", "nationale", "country"]],
  ["Regional", ["regional", "régional", "régionale", "subregional", "sousregional", "sousregionale"]],
  ["International", ["international", "internationale", "global", "mondial"]],
  ["Organisation", ["organisation", "organization", "organisational", "organizational", "organisationnel", "organisationnelle", "institutional", "institutionnel"]],
];

const SCALE_KEYS = keyIndex(SCALES);

export function parseScale(raw: string): Parsed<Scale> {
  const key = fieldKey(raw);
  if (key === "") return { value: "unknown", ok: true };
  const scale = SCALE_KEYS.get(key);
  if (scale) return { value: scale, ok: true };
  return { value: "unknown", ok: false };
}

/** Multi-valued fields: values separated by two or more spaces, commas, semicolons, pipes or line breaks. */
export function parseList(raw: string): string[] {
  return raw
    .split(/\s{2,}|[,;|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Results-framework codes: "YES; Outcome 1.3: …" → ["1.3"]; "Outcome 1.2 and output 1.2.2" → ["1.2", "1.2.2"]. */
export function parseFrameworkCodes(raw: string): string[] {
  const codes: string[] = [];
  const keyword = /\b(?:outcomes?|outputs?|r[ée]sultats?|produits?|extrants?|objectives?|result)\s*(?:n[°o]\.?\s*)?(\d+(?:\.\d+)*)/gi;
  for (const m of raw.matchAll(keyword)) codes.push(m[1]);
  for (const m of raw.matchAll(/(?<![\d.])(\d{1,2}(?:\.\d{1,2}){1,3})(?![\d.]*\d)/g)) codes.push(m[1]);
  return [...new Set(codes)];
}

/** Objective code: "CIV: Less suppression of civic space" → "CIV". */
export function parseObjectiveCode(raw: string): string | null {
  const match = /^\s*([A-Z][A-Z0-9]{1,7})\s*[:\-–]/.exec(raw);
  return match ? match[1] : null;
}

/** Redaction tokens as they appear in anonymised harvests: <redacted>, <person>, <LOC>, <ORG>… */
export const REDACTION_TOKEN = /<(?:redacted|person|loc|org|name|place|date|[A-Z]{2,10})>/gi;

export function hasRedaction(text: string): boolean {
  return new RegExp(REDACTION_TOKEN.source, "i").test(text);
}
