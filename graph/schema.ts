// Shapes of the graph as it travels: node/edge attributes and the versioned envelope around graphology's serialization.
// The viewer imports only this file (and ingest/schema.ts) from outside its folder, so neo4j-driver never reaches the browser.
import { z } from "zod";
import { EntityType, Evidence, Flag, Rating, RelationType } from "../ingest/schema.ts";

export const ENVELOPE_TYPE = "harvestgraph";
export const ENVELOPE_VERSION = 1;

/** Node kinds: an entity of the closed vocabulary, or an outcome. */
export const NodeKind = z.enum(["entity", "outcome"]);
export type NodeKind = z.infer<typeof NodeKind>;

/** Evidence shown in the viewer: the quote plus the FragmentID it comes from. */
export const EdgeEvidence = Evidence.extend({ fragmentId: z.string() });
export type EdgeEvidence = z.infer<typeof EdgeEvidence>;

export const EntityNodeAttributes = z.object({
  kind: z.literal("entity"),
  type: EntityType,
  label: z.string(),
  aliases: z.array(z.string()),
  countries: z.array(z.string()),
  outcomes: z.array(z.string()),
  confidential: z.boolean(),
  betweenness: z.number().optional(),
  x: z.number(),
  y: z.number(),
});
export type EntityNodeAttributes = z.infer<typeof EntityNodeAttributes>;

export const OutcomeNodeAttributes = z.object({
  kind: z.literal("outcome"),
  label: z.string(),
  fragmentId: z.string(),
  country: z.string(),
  countryIso: z.string().nullable(),
  /** ISO codes of the countries a region outcome names (Sahel → BFA, MLI…). */
  countriesNamed: z.array(z.string()),
  year: z.number().int().nullable(),
  harvestPeriod: z.number().int().nullable(),
  ratingSignificance: Rating,
  ratingContribution: Rating,
  socialActor: z.string(),
  scale: z.string(),
  typesOfChange: z.array(z.string()),
  typeOfChangeCluster: z.array(z.string()),
  frameworkCodes: z.array(z.string()),
  objectiveCode: z.string().nullable(),
  negative: Flag,
  unintended: Flag,
  confidential: z.boolean(),
  /** The record's text fields, for the full-record panel. */
  text: z.record(z.string(), z.string()),
  x: z.number(),
  y: z.number(),
});
export type OutcomeNodeAttributes = z.infer<typeof OutcomeNodeAttributes>;

export const NodeAttributes = z.discriminatedUnion("kind", [EntityNodeAttributes, OutcomeNodeAttributes]);
export type NodeAttributes = z.infer<typeof NodeAttributes>;

export const EdgeAttributes = z.object({
  type: RelationType,
  evidence: z.array(EdgeEvidence),
  rule: z.string().optional(),
});
export type EdgeAttributes = z.infer<typeof EdgeAttributes>;

/** graphology's SerializedGraph, with our attributes. */
export const SerializedGraph = z.object({
  attributes: z.record(z.string(), z.unknown()).default({}),
  options: z.object({ type: z.string(), multi: z.boolean(), allowSelfLoops: z.boolean() }),
  nodes: z.array(z.object({ key: z.string(), attributes: NodeAttributes })),
  edges: z.array(
    z.object({
      key: z.string(),
      source: z.string(),
      target: z.string(),
      undirected: z.boolean().optional(),
      attributes: EdgeAttributes,
    }),
  ),
});
export type SerializedGraph = z.infer<typeof SerializedGraph>;

export const GraphMeta = z.object({
  includesConfidential: z.boolean(),
  pseudonymised: z.boolean(),
  /** Number of records the graph was built from. */
  records: z.number().int().nonnegative(),
});
export type GraphMeta = z.infer<typeof GraphMeta>;

export const GraphEnvelope = z.object({
  type: z.literal(ENVELOPE_TYPE),
  version: z.literal(ENVELOPE_VERSION),
  meta: GraphMeta,
  graph: SerializedGraph,
});
export type GraphEnvelope = z.infer<typeof GraphEnvelope>;
