// Shapes of the synthetic corpus: generator options, the records it makes, and the ground truth in the eval gold format.
import { z } from "zod";
import { ENTITY_TYPES, RELATION_TYPES } from "../ingest/schema.ts";

export const SYNTH_FORMATS = ["txt", "csv", "xlsx", "json", "jsonl"] as const;
export const SynthFormat = z.enum(SYNTH_FORMATS);
export type SynthFormat = z.infer<typeof SynthFormat>;

export const SynthOptions = z.object({
  records: z.number().int().positive().max(10_000_000),
  seed: z.number().int().nonnegative().max(2 ** 32 - 1),
  format: SynthFormat,
  out: z.string().min(1),
});
export type SynthOptions = z.infer<typeof SynthOptions>;

export const DEFAULT_SYNTH_OPTIONS: Omit<SynthOptions, "out"> = { records: 1000, seed: 1, format: "txt" };

/** An entity of the ground truth: matched by name or alias (case, accents, punctuation folded), as the scorer does. */
export const GoldEntity = z.object({
  name: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  aliases: z.array(z.string()).optional(),
  /** Other types the scorer accepts for this entity. */
  types: z.array(z.enum(ENTITY_TYPES)).optional(),
  optional: z.boolean().optional(),
});
export type GoldEntity = z.infer<typeof GoldEntity>;

/** A relation between two entities of the record (by name or alias), or to "OUTCOME", the record's outcome node. No evidence. */
export const GoldRelation = z.strictObject({
  source: z.string().min(1),
  type: z.enum(RELATION_TYPES),
  target: z.string().min(1),
  optional: z.boolean().optional(),
});
export type GoldRelation = z.infer<typeof GoldRelation>;

export const GoldRecord = z.object({
  /** The record's file name (txt: one file per record; other formats: the one records file). */
  file: z.string(),
  /** The record's FragmentID. */
  outcome: z.string(),
  entities: z.array(GoldEntity),
  relations: z.array(GoldRelation),
  /** Names that must never become entities. */
  forbidden: z.array(z.string()),
});
export type GoldRecord = z.infer<typeof GoldRecord>;

export const Gold = z.object({
  about: z.string(),
  generator: z.object({ name: z.literal("harvestgraph synth"), version: z.number().int(), records: z.number().int(), seed: z.number().int(), format: SynthFormat }),
  records: z.array(GoldRecord),
});
export type Gold = z.infer<typeof Gold>;

/** One generated record: its fields in source order (names as in the samples) and the truth it was written from. */
export type SynthRecord = {
  index: number;
  fields: [string, string][];
  gold: GoldRecord;
  lang: "en" | "fr";
};
