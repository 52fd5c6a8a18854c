// One raw record → one canonical OutcomeRecord plus the issues found on the way (pure).
// Unknown values become `unknown` with a report line; only a record missing its FragmentID or description is skipped.
import { resolveCountry } from "./gazetteer/countries.ts";
import {
  REDACTION_TOKEN,
  type FieldMatcher,
  type Parsed,
  parseFlag,
  parseFrameworkCodes,
  parseHarvestPeriod,
  parseList,
  parseObjectiveCode,
  parseRating,
  parseScale,
  parseYear,
} from "./fields.ts";
import { findStricterRedactions } from "./redaction.ts";
import { type FieldName, type Issue, type OutcomeRecord, type RawRecord, TEXT_FIELDS, type TextField } from "./schema.ts";

export type NormaliseResult = { record: OutcomeRecord | null; issues: Issue[] };

const LABEL: Partial<Record<FieldName, string>> = { fragmentId: "FragmentID", outcomeDescription: "Outcome description" };

/** Marks every redaction token of the given fields, so outputs can tell a token from a name and never fill it in. */
export function findRedactionTokens(fields: Record<string, string>): OutcomeRecord["redactionTokens"] {
  const marks: OutcomeRecord["redactionTokens"] = [];
  for (const [field, value] of Object.entries(fields)) {
    // most fields have no "<" at all
    if (!value.includes("<")) continue;
    for (const m of value.matchAll(TOKENS)) marks.push({ field, start: m.index, end: m.index + m[0].length, token: m[0] });
  }
  return marks;
}

/** Only ever read through matchAll, which copies it, so its lastIndex stays 0. */
const TOKENS = new RegExp(REDACTION_TOKEN.source, "gi");

export function describeLocator(raw: Pick<RawRecord, "source" | "locator">): string {
  const l = raw.locator;
  const where = l.kind === "line" ? `line ${l.line}` : l.kind === "row" ? `row ${l.row}${l.sheet ? ` of sheet "${l.sheet}"` : ""}` : `item ${l.index}`;
  return `${raw.source} (record at ${where})`;
}

export function normaliseRecord(raw: RawRecord, matchField: FieldMatcher): NormaliseResult {
  const issues: Issue[] = [];
  const where = describeLocator(raw);
  const issue = (level: Issue["level"], code: string, message: string, field?: string, value?: string) =>
    issues.push({ level, code, source: raw.source, locator: raw.locator, field, value: value?.slice(0, 200), message });

  // 1. map column names to canonical fields; keep the rest as extra properties
  const values = new Map<FieldName, { name: string; value: string }>();
  const extra: Record<string, string> = {};
  for (const [name, value] of raw.fields) {
    const field = matchField(name);
    if (!field) {
      if (value.trim() !== "") extra[name.trim()] = value;
      continue;
    }
    const seen = values.get(field);
    if (seen) {
      if (seen.value.trim() === "" && value.trim() !== "") values.set(field, { name, value });
      else if (value.trim() !== "" && value !== seen.value) {
        extra[name.trim()] = value;
        issue("warning", "W_DUPLICATE_FIELD", `${where}: field "${name}" maps to ${field} like "${seen.name}"; the second is kept as an extra property`, name);
      }
      continue;
    }
    values.set(field, { name, value });
  }
  const get = (field: FieldName) => values.get(field)?.value ?? "";

  // 2. the two fields a record cannot do without
  if (raw.fields.every(([, v]) => v.trim() === "")) {
    issue("skipped", "E_EMPTY_RECORD", `${where}: every field is empty`);
    return { record: null, issues };
  }
  for (const field of ["fragmentId", "outcomeDescription"] as const) {
    if (get(field).trim() === "") {
      const state = values.has(field) ? "empty" : "missing";
      issue("skipped", "E_MISSING_FIELD", `${where}: field "${LABEL[field]}" ${state}`, LABEL[field]);
    }
  }
  if (issues.some((i) => i.level === "skipped")) return { record: null, issues };

  // 3. typed values; anything unrecognised becomes unknown with a report line
  const typed = <T>(field: FieldName, parse: (s: string) => Parsed<T>): T => {
    const raw = get(field);
    const parsed = parse(raw);
    if (!parsed.ok) {
      const name = values.get(field)?.name ?? field;
      issue("repaired", "W_UNKNOWN_VALUE", `${where}: field "${name.trim()}" value ${JSON.stringify(raw.trim().slice(0, 60))} not recognised; kept as unknown`, name, raw);
    }
    return parsed.value;
  };
  const confidentialFlag = typed("confidential", parseFlag);
  const country = resolveCountry(get("country"));
  if (country.kind === "unknown" && get("country").trim() !== "") {
    issue("repaired", "W_UNKNOWN_COUNTRY", `${where}: country ${JSON.stringify(get("country").trim())} not recognised; kept as written`, values.get("country")?.name, get("country"));
  }
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, get(f)])) as Record<TextField, string>;

  const record: OutcomeRecord = {
    id: get("fragmentId").trim(),
    fragmentId: get("fragmentId").trim(),
    source: raw.source,
    locator: raw.locator,
    outcomeStatus: get("outcomeStatus").trim(),
    harvestPeriod: typed("harvestPeriod", parseHarvestPeriod),
    country,
    year: typed("year", parseYear),
    ratingSignificance: typed("ratingSignificance", parseRating),
    ratingContribution: typed("ratingContribution", parseRating),
    socialActor: get("socialActor").trim(),
    scale: typed("scale", parseScale),
    unintended: typed("unintended", parseFlag),
    negative: typed("negative", parseFlag),
    // An unrecognised confidentiality flag is treated as confidential: the safe reading.
    confidential: confidentialFlag === "yes" || (confidentialFlag === "unknown" && get("confidential").trim() !== ""),
    typesOfChange: parseList(get("typesOfChange")),
    typeOfChangeCluster: parseList(get("typeOfChangeCluster")),
    frameworkCodes: parseFrameworkCodes(get("resultsFramework")),
    objectiveCode: parseObjectiveCode(get("objective")),
    text,
    stricterRedactions: [],
    redactionTokens: findRedactionTokens({ fragmentId: get("fragmentId").trim(), ...text }),
    extra,
  };

  // 4. words the merged story hides but a separate field shows
  const { redactions, mismatches } = findStricterRedactions(text);
  record.stricterRedactions = redactions;
  for (const field of mismatches) {
    issue("warning", "W_MERGED_MISMATCH", `${where}: the merged story's copy of ${field} differs from the field beyond redaction`, field);
  }
  if (redactions.length > 0) {
    // The hidden words stay in the record, never in the report, which may be shared.
    const fields = [...new Set(redactions.map((r) => r.field))].join(", ");
    issue("warning", "W_MERGED_STRICTER", `${where}: the merged story redacts ${redactions.length} passage(s) that ${fields} show; outputs apply the stricter redaction`);
  }
  return { record, issues };
}
