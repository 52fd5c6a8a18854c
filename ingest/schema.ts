// Shapes of ingest: raw records as read, the canonical outcome record, and the extraction document.
// Every type is derived from its zod schema; closed vocabularies carry a runtime list (`.options`).
import { z } from "zod";

/** Where a record came from inside its file: a line of a text file, a row of a sheet or table, an index of a JSON array. */
export const Locator = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("line"), line: z.number().int().positive() }),
  z.object({ kind: z.literal("row"), row: z.number().int().positive(), sheet: z.string().optional() }),
  z.object({ kind: z.literal("index"), index: z.number().int().nonnegative() }),
]);
export type Locator = z.infer<typeof Locator>;

/** A record as a reader found it: field names and values exactly as in the source, in source order. */
export const RawRecord = z.object({
  source: z.string(),
  locator: Locator,
  fields: z.array(z.tuple([z.string(), z.string()])),
});
export type RawRecord = z.infer<typeof RawRecord>;

export const Rating = z.enum(["low", "medium", "high", "unknown"]);
export type Rating = z.infer<typeof Rating>;

export const Scale = z.enum(["Local", "Regional", "National", "International", "Organisation", "unknown"]);
export type Scale = z.infer<typeof Scale>;

/** A flag that may be absent: YES/NO/OUI/NON/1.0/0/TRUE/empty. */
export const Flag = z.enum(["yes", "no", "unknown"]);
export type Flag = z.infer<typeof Flag>;

export const Country = z.object({
  name: z.string(),
  /** ISO 3166-1 alpha-3, absent for regions and unknown values. */
  iso: z.string().length(3).optional(),
  kind: z.enum(["country", "region", "unknown"]),
  /** ISO codes a region covers, where known. */
  covers: z.array(z.string()).default([]),
});
export type Country = z.infer<typeof Country>;

/** The canonical text fields: values kept exactly as in the source so evidence offsets stay true. */
export const TEXT_FIELDS = [
  "outcomeDescription",
  "significance",
  "additionalInformation",
  "programmeContribution",
  "otherActorsContribution",
  "evidence",
  "resultsFramework",
  "objective",
  "mergedStory",
] as const;
export const TextField = z.enum(TEXT_FIELDS);
export type TextField = z.infer<typeof TextField>;

/** Every canonical field name, text or not. */
export const FieldName = z.enum([
  "fragmentId",
  "outcomeStatus",
  "harvestPeriod",
  "country",
  "year",
  "ratingSignificance",
  "socialActor",
  "scale",
  "ratingContribution",
  "unintended",
  "confidential",
  "negative",
  "typesOfChange",
  "typeOfChangeCluster",
  ...TEXT_FIELDS,
]);
export type FieldName = z.infer<typeof FieldName>;

/** Words that the merged story hides (redacts) but a separate field shows. */
export const StricterRedaction = z.object({ field: TextField, start: z.number().int(), end: z.number().int(), text: z.string() });
export type StricterRedaction = z.infer<typeof StricterRedaction>;

/** A harvested outcome after field mapping and value normalisation. */
export const OutcomeRecord = z.object({
  /** Unique in a run; equals fragmentId unless two different records share one. */
  id: z.string().min(1),
  fragmentId: z.string().min(1),
  source: z.string(),
  locator: Locator,
  outcomeStatus: z.string().default(""),
  harvestPeriod: z.number().int().nullable(),
  country: Country,
  year: z.number().int().nullable(),
  ratingSignificance: Rating,
  ratingContribution: Rating,
  socialActor: z.string().default(""),
  scale: Scale,
  unintended: Flag,
  negative: Flag,
  confidential: z.boolean(),
  typesOfChange: z.array(z.string()),
  typeOfChangeCluster: z.array(z.string()),
  /** Results-framework codes parsed from the link ("1.3", "1.2.2"). */
  frameworkCodes: z.array(z.string()),
  /** Objective code parsed from the objective link ("CIV"). */
  objectiveCode: z.string().nullable(),
  text: z.object(Object.fromEntries(TEXT_FIELDS.map((f) => [f, z.string()])) as Record<TextField, z.ZodString>),
  stricterRedactions: z.array(StricterRedaction).default([]),
  /** Where the source's own redaction tokens (<redacted>, <person>, <LOC>…) stand, kept verbatim in the values. */
  redactionTokens: z.array(z.object({ field: z.string(), start: z.number().int(), end: z.number().int(), token: z.string() })).default([]),
  /** Columns nobody mapped, kept verbatim. */
  extra: z.record(z.string(), z.string()).default({}),
});
export type OutcomeRecord = z.infer<typeof OutcomeRecord>;

/** One line of the ingest report: a record skipped, repaired or merged, and why. */
export const Issue = z.object({
  level: z.enum(["skipped", "repaired", "warning", "duplicate", "conflict"]),
  code: z.string(),
  source: z.string(),
  locator: Locator.optional(),
  field: z.string().optional(),
  value: z.string().optional(),
  message: z.string(),
});
export type Issue = z.infer<typeof Issue>;

export const IngestReport = z.object({
  files: z.number().int(),
  records: z.number().int(),
  accepted: z.number().int(),
  skipped: z.number().int(),
  issues: z.array(Issue),
});
export type IngestReport = z.infer<typeof IngestReport>;

// ---- extraction ----

export const ENTITY_TYPES = [
  "Organisation",
  "Coalition",
  "GovernmentBody",
  "Programme",
  "Project",
  "ArmedGroup",
  "Tool",
  "Place",
  "Training",
  "ActorGroup",
  "Person",
] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const RELATION_TYPES = [
  "FUNDED",
  "TRAINED",
  "MENTORED",
  "CONTRIBUTED_TO",
  "ACHIEVED",
  "PARTNERED_WITH",
  "DELIVERED",
  "ATTENDED",
  "LOCATED_IN",
  "PART_OF",
  "SUPPORTED",
] as const;
export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;

/** Relation types whose direction carries no meaning. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set(["PARTNERED_WITH"]);

/** Who stands behind a piece of evidence: the machine's rule, or a person's review decision. */
export const REVIEW_STATUSES = ["machine", "accepted", "rejected", "added"] as const;
export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const Evidence = z.object({
  outcome: z.string(),
  field: TextField,
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Set once review decisions are applied; absent means "machine". */
  status: ReviewStatus.optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Entity = z.object({
  id: z.string(),
  type: EntityType,
  name: z.string().min(1),
  aliases: z.array(z.string()),
  /** ISO code when the country decides identity (generic government bodies) or the entity is a country. */
  country: z.string().optional(),
  mentions: z.array(Evidence),
});
export type Entity = z.infer<typeof Entity>;

export const Relation = z.object({
  source: z.string(),
  type: RelationType,
  target: z.string(),
  /** The extraction rule that produced the relation, so a reviewer can judge the rule. */
  rule: z.string().optional(),
  /** Review status over all its evidence: added/accepted when a person stands behind every piece, else machine. */
  status: ReviewStatus.optional(),
  evidence: z.array(Evidence),
});
export type Relation = z.infer<typeof Relation>;

export const Extraction = z.object({
  outcomes: z.array(OutcomeRecord),
  entities: z.array(Entity),
  relations: z.array(Relation),
});
export type Extraction = z.infer<typeof Extraction>;

/** What a reader yields: a record, or an issue about the input it could not turn into one. */
export type ReadItem = { type: "record"; record: RawRecord } | { type: "issue"; issue: Issue };
