// Shapes of the extraction module: its options, the gazetteer entry, the merge report, and the per-record
// intermediate entities and relations that resolution turns into the `Extraction` document.
import { z } from "zod";
import { EntityType, Evidence, RelationType } from "../schema.ts";

/** One known actor: a real, public organisation or body, with its names in English and French. */
export const GazetteerEntry = z.object({
  name: z.string().min(1),
  type: EntityType,
  aliases: z.array(z.string()).default([]),
  /** ISO alpha-3 of the country whose body this is, when it has one. */
  country: z.string().length(3).optional(),
});
export type GazetteerEntry = z.infer<typeof GazetteerEntry>;

export const ExtractOptions = z.object({
  /** Use the shipped gazetteer of known actors; off, every actor must be found from the text alone. */
  gazetteer: z.boolean(),
  /** The config file's additions to the gazetteer. */
  gazetteerAdditions: z.array(GazetteerEntry),
  /** Canonical name → names that must resolve to it. */
  aliases: z.record(z.string(), z.array(z.string())),
  /** Pairs of names that must never be merged, whatever the scores say. */
  doNotMerge: z.array(z.tuple([z.string(), z.string()])),
  /** Similarity from which two names of the same type and country are merged (0..1). */
  mergeThreshold: z.number().min(0).max(1),
  /** Similarity from which an unmerged pair is listed as a near-miss for review. */
  nearMissThreshold: z.number().min(0).max(1),
});
export type ExtractOptions = z.infer<typeof ExtractOptions>;

export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = {
  gazetteer: true,
  gazetteerAdditions: [],
  aliases: {},
  doNotMerge: [],
  mergeThreshold: 0.92,
  nearMissThreshold: 0.75,
};

export const MergeReason = z.enum(["same-key", "acronym", "gazetteer", "user-alias", "similar-name"]);
export type MergeReason = z.infer<typeof MergeReason>;

export const MergeReport = z.object({
  /** Names that became one entity, and why. */
  merges: z.array(
    z.object({ id: z.string(), names: z.array(z.string()).min(2), reason: MergeReason, score: z.number() }),
  ),
  /** Pairs that looked alike but were kept apart, for a person to review. */
  nearMisses: z.array(
    z.object({
      a: z.object({ id: z.string(), name: z.string() }),
      b: z.object({ id: z.string(), name: z.string() }),
      score: z.number(),
      reason: z.enum(["below-threshold", "do-not-merge", "different-country", "different-type", "acronym-clash"]),
    }),
  ),
  /** Sentences longer than the relation rules read (MAX_RELATION_SENTENCE characters): the part they did read. */
  cutSentences: z.array(Evidence).optional(),
});
export type MergeReport = z.infer<typeof MergeReport>;

/** An entity as one record names it, before resolution across records. */
export type LocalEntity = {
  /** Key unique inside its record. */
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  country?: string;
  /** The gazetteer entry it came from, which fixes its identity. */
  gazetteer?: string;
  /** True when the name alone does not decide identity (a "National Assembly"): the country does. */
  generic?: boolean;
  /**
   * The name its id is made from when not its display name: the programme of a FragmentID prefix is identified by the
   * prefix ("CSR"), which every record of the programme carries, whether or not the record spells the name out.
   */
  idName?: string;
  mentions: Evidence[];
};

/** A relation inside one record; endpoints are local entity keys or the outcome id (prefixed "outcome:"). */
export type LocalRelation = { source: string; type: RelationType; target: string; rule: string; evidence: Evidence[] };

export type RecordExtraction = { outcome: string; entities: LocalEntity[]; relations: LocalRelation[]; cut?: Evidence[] };
