// Shapes of review: a person's decisions about what the machine extracted, kept in the data folder's curation file.
// Decisions are keyed to stable ids (entity ids; a relation by source, type, target and outcome) so they survive re-extraction.
import { z } from "zod";
import { EntityType, RelationType, TextField } from "../ingest/schema.ts";

/** One relation as stated by one outcome: the unit a reviewer accepts or rejects. */
export const RelationRef = z.object({
  source: z.string().min(1),
  type: RelationType,
  target: z.string().min(1),
  outcome: z.string().min(1),
});
export type RelationRef = z.infer<typeof RelationRef>;

const Meta = {
  reviewer: z.string().optional(),
  /** ISO date of the decision (YYYY-MM-DD), given by the person, never generated, so the file stays deterministic. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional(),
  reason: z.string().optional(),
};

export const Decision = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("accept"), relation: RelationRef, ...Meta }),
  z.object({ kind: z.literal("reject"), relation: RelationRef, ...Meta }),
  /** A missed edge, with the quote from the record it rests on (verbatim in that field). */
  z.object({ kind: z.literal("add"), relation: RelationRef, field: TextField, quote: z.string().min(1), ...Meta }),
  z.object({ kind: z.literal("retype"), entity: z.string().min(1), type: EntityType, ...Meta }),
  z.object({ kind: z.literal("rename"), entity: z.string().min(1), name: z.string().min(1), ...Meta }),
  /** Merge `from` into `into`: one node, names of both. */
  z.object({ kind: z.literal("merge"), into: z.string().min(1), from: z.string().min(1), ...Meta }),
  /** Keep two names apart: resolution must never merge them. */
  z.object({ kind: z.literal("split"), names: z.tuple([z.string().min(1), z.string().min(1)]), ...Meta }),
]);
export type Decision = z.infer<typeof Decision>;
export type DecisionKind = Decision["kind"];

export const CURATION_VERSION = 1;

export const Curation = z.object({
  version: z.literal(CURATION_VERSION),
  decisions: z.array(Decision),
});
export type Curation = z.infer<typeof Curation>;

export const EMPTY_CURATION: Curation = { version: CURATION_VERSION, decisions: [] };

/** A decision that could not be applied, and why: reported, never dropped silently. */
export const StaleDecision = z.object({ index: z.number().int(), decision: Decision, reason: z.string() });
export type StaleDecision = z.infer<typeof StaleDecision>;
