// Reads the graph back from Neo4j into the envelope the viewer reads (one executeRead, read routing): outcomes,
// entities, and one edge per (source, type, target) with the evidence of every outcome it rests on, its rule and the
// review status of each quote.
import Graph from "graphology";
import type { Driver, ManagedTransaction } from "neo4j-driver";
import {
  Flag,
  Rating,
  RELATION_TYPES,
  ReviewStatus,
  SYMMETRIC_RELATIONS,
  TEXT_FIELDS,
  TextField,
  type EntityType,
  type RelationType,
} from "../../ingest/schema.ts";
import { edgeKey, type HarvestGraph } from "../build.ts";
import { toEnvelope } from "../envelope.ts";
import type { EdgeAttributes, EdgeEvidence, EntityNodeAttributes, GraphEnvelope, OutcomeNodeAttributes } from "../schema.ts";
import { explainDriverError } from "./errors.ts";
import { MENTIONED_IN } from "./statements.ts";

export type ReadGraphOptions = {
  /** Keep confidential outcomes and what rests only on them (the user's own viewer); left out by default. */
  includeConfidential: boolean;
  database?: string;
  /** For error messages only. */
  uri?: string;
};

export const DEFAULT_READ_GRAPH_OPTIONS: ReadGraphOptions = { includeConfidential: false };

export type ReadGraphResult = {
  envelope: GraphEnvelope;
  /** False when some node has no stored x/y (pushed without positions): the caller should lay the graph out. */
  positioned: boolean;
};

const RELATION_PATTERN = RELATION_TYPES.join("|");

export const READ_OUTCOMES = `MATCH (o:Outcome)
WHERE $withConfidential OR o.confidential IS NULL OR o.confidential = false
RETURN properties(o) AS props
ORDER BY o.id`;

export const READ_ENTITIES = `MATCH (e:Entity)
RETURN properties(e) AS props
ORDER BY e.id`;

/** Mentions and relationships, each kept only when the outcome it rests on is kept. */
export const READ_MENTIONS = `MATCH (e:Entity)-[m:${MENTIONED_IN}]->(o:Outcome)
RETURN e.id AS entity, o.id AS outcome, coalesce(o.confidential, false) AS confidential, m.quotes AS quotes
ORDER BY entity, outcome`;

export const READ_RELATIONS = `MATCH (a)-[r:${RELATION_PATTERN}]->(b)
MATCH (o:Outcome {id: r.outcome})
WHERE $withConfidential OR o.confidential IS NULL OR o.confidential = false
RETURN a.id AS source, type(r) AS type, b.id AS target, r.outcome AS outcome, r.fragmentId AS fragmentId,
       r.fields AS fields, r.quotes AS quotes, r.starts AS starts, r.ends AS ends, r.rule AS rule, r.status AS status
ORDER BY source, type, target, outcome`;

export type Props = Record<string, unknown>;
export type MentionRow = { entity: string; outcome: string; confidential: boolean; quotes: string[] | null };
export type RelationRow = {
  source: string;
  type: RelationType;
  target: string;
  outcome: string;
  fragmentId: string | null;
  fields: string[] | null;
  quotes: string[] | null;
  starts: number[] | null;
  ends: number[] | null;
  rule: string | null;
  /** The review status of this outcome's evidence (graph/neo4j/rows.ts); null on relationships pushed before review. */
  status: string | null;
};

const str = (value: unknown, fallback = ""): string => (typeof value === "string" ? value : fallback);
const strOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);
const intOrNull = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

function position(props: Props): { x: number; y: number } | null {
  return typeof props.x === "number" && typeof props.y === "number" ? { x: props.x, y: props.y } : null;
}

function outcomeAttributes(props: Props): OutcomeNodeAttributes {
  const fragmentId = str(props.fragmentId, str(props.id));
  return {
    kind: "outcome",
    label: fragmentId,
    fragmentId,
    country: str(props.country),
    countryIso: strOrNull(props.countryIso),
    countriesNamed: strings(props.countriesCovered),
    year: intOrNull(props.year),
    harvestPeriod: intOrNull(props.harvestPeriod),
    ratingSignificance: oneOf(props.ratingSignificance, Rating.options, "unknown" as Rating),
    ratingContribution: oneOf(props.ratingContribution, Rating.options, "unknown" as Rating),
    socialActor: str(props.socialActor),
    scale: str(props.scale),
    typesOfChange: strings(props.typesOfChange),
    typeOfChangeCluster: strings(props.typeOfChangeCluster),
    frameworkCodes: strings(props.frameworkCodes),
    objectiveCode: strOrNull(props.objectiveCode),
    negative: oneOf(props.negative, Flag.options, "unknown"),
    unintended: oneOf(props.unintended, Flag.options, "unknown"),
    confidential: props.confidential === true,
    text: Object.fromEntries(TEXT_FIELDS.map((field) => [field, str(props[field])])),
    x: 0,
    y: 0,
  };
}

/** The evidence of one relationship: its parallel lists, one item per quote, each with the relationship's review status. */
function evidenceOf(row: RelationRow): EdgeEvidence[] {
  // Absent means machine, as graph/build.ts leaves it on evidence no decision touched.
  const status = ReviewStatus.safeParse(row.status);
  const reviewed = status.success && status.data !== "machine" ? { status: status.data } : {};
  const quotes = row.quotes ?? [];
  const fields = row.fields ?? [];
  return quotes.flatMap((text, i) => {
    const field = TextField.safeParse(fields[i]);
    const start = row.starts?.[i];
    const end = row.ends?.[i];
    if (!field.success || typeof start !== "number" || typeof end !== "number") return [];
    return [{ outcome: row.outcome, field: field.data, text, start, end, ...reviewed, fragmentId: row.fragmentId ?? row.outcome }];
  });
}

/** What the four read queries return. */
export type GraphRows = { outcomes: { props: Props }[]; entities: { props: Props }[]; mentions: MentionRow[]; relations: RelationRow[] };

async function readAll(tx: ManagedTransaction, withConfidential: boolean): Promise<GraphRows> {
  const rows = async <T>(cypher: string) => (await tx.run(cypher, { withConfidential })).records.map((r) => r.toObject() as T);
  return {
    outcomes: await rows<{ props: Props }>(READ_OUTCOMES),
    entities: await rows<{ props: Props }>(READ_ENTITIES),
    mentions: await rows<MentionRow>(READ_MENTIONS),
    relations: await rows<RelationRow>(READ_RELATIONS),
  };
}

/**
 * Builds the viewer's graph from what Neo4j holds, as graph/build.ts builds it from an extraction: outcomes, the
 * entities some kept outcome supports (aliases of an entity also named in confidential outcomes only when a kept quote
 * shows them), edges merged per (source, type, target).
 */
export function graphFromRows(data: GraphRows, includeConfidential: boolean): { graph: HarvestGraph; positioned: boolean } {
  const graph: HarvestGraph = new Graph({ type: "mixed", multi: true, allowSelfLoops: false });
  let positioned = true;
  const place = (id: string, props: Props) => {
    const at = position(props);
    if (!at) positioned = false;
    graph.mergeNodeAttributes(id, at ?? { x: 0, y: 0 });
  };

  // 1. outcomes (the query already left out the confidential ones unless asked)
  const outcomeCountry = new Map<string, string>();
  const confidentialOutcome = new Map<string, boolean>();
  for (const { props } of data.outcomes) {
    const id = str(props.id);
    const attributes = outcomeAttributes(props);
    graph.addNode(id, attributes);
    place(id, props);
    if (attributes.country) outcomeCountry.set(id, attributes.countryIso ?? attributes.country);
    confidentialOutcome.set(id, attributes.confidential);
  }

  // 2. entities with a mention or a relationship resting on a kept outcome
  const kept = (outcome: string) => graph.hasNode(outcome) && graph.getNodeAttribute(outcome, "kind") === "outcome";
  const mentionsOf = new Map<string, MentionRow[]>();
  const hiddenMentions = new Set<string>();
  for (const mention of data.mentions) {
    if (kept(mention.outcome)) mentionsOf.set(mention.entity, [...(mentionsOf.get(mention.entity) ?? []), mention]);
    else hiddenMentions.add(mention.entity);
  }
  const relations = data.relations.filter((r) => r.source !== r.target && kept(r.outcome));
  const supported = new Set([...mentionsOf.keys(), ...relations.flatMap((r) => [r.source, r.target])]);
  for (const { props } of data.entities) {
    const id = str(props.id);
    if (!supported.has(id)) continue;
    const mentions = mentionsOf.get(id) ?? [];
    const outcomes = [...new Set(mentions.map((m) => m.outcome))].sort();
    const quotes = mentions.flatMap((m) => m.quotes ?? []);
    const aliases = strings(props.aliases);
    const attributes: EntityNodeAttributes = {
      kind: "entity",
      type: str(props.type) as EntityType,
      label: str(props.name, id),
      // An alias read from a confidential record must not reach a view without it.
      aliases: includeConfidential || !hiddenMentions.has(id) ? aliases : aliases.filter((alias) => quotes.some((q) => q.includes(alias))),
      countries: [...new Set(outcomes.flatMap((o) => outcomeCountry.get(o) ?? []))].sort(),
      outcomes,
      confidential: outcomes.length > 0 && outcomes.every((o) => confidentialOutcome.get(o)),
      x: 0,
      y: 0,
    };
    const betweenness = includeConfidential ? props.betweennessWithConfidential : props.betweenness;
    if (typeof betweenness === "number") attributes.betweenness = betweenness;
    graph.addNode(id, attributes);
    place(id, props);
  }

  // 3. one edge per (source, type, target), its evidence from every kept outcome; symmetric types undirected
  for (const row of relations) {
    if (!graph.hasNode(row.source) || !graph.hasNode(row.target)) continue;
    const key = edgeKey(row.source, row.type, row.target);
    const evidence = evidenceOf(row);
    if (graph.hasEdge(key)) {
      graph.updateEdgeAttribute(key, "evidence", (old) => [...(old ?? []), ...evidence]);
      continue;
    }
    const attributes: EdgeAttributes = { type: row.type, evidence, ...(row.rule ? { rule: row.rule } : {}) };
    if (SYMMETRIC_RELATIONS.has(row.type)) graph.addUndirectedEdgeWithKey(key, row.source, row.target, attributes);
    else graph.addDirectedEdgeWithKey(key, row.source, row.target, attributes);
  }

  // 4. entities linked to an outcome through a relation also count that outcome (as graph/build.ts does)
  graph.forEachEdge((_edge, _attributes, source, target) => {
    for (const [a, b] of [[source, target], [target, source]]) {
      const node = graph.getNodeAttributes(a);
      if (node.kind === "entity" && graph.getNodeAttribute(b, "kind") === "outcome" && !node.outcomes.includes(b))
        graph.mergeNodeAttributes(a, { outcomes: [...node.outcomes, b].sort() });
    }
  });
  return { graph, positioned };
}

/** Reads the whole graph in one read transaction (routed to a reader in a cluster) and wraps it in the envelope. */
export async function readGraph(driver: Driver, options: Partial<ReadGraphOptions> = {}): Promise<ReadGraphResult> {
  const opts: ReadGraphOptions = { ...DEFAULT_READ_GRAPH_OPTIONS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const session = driver.session({ database: opts.database, defaultAccessMode: "READ" });
  try {
    const data = await session.executeRead((tx) => readAll(tx, opts.includeConfidential));
    const { graph, positioned } = graphFromRows(data, opts.includeConfidential);
    const meta = { includesConfidential: opts.includeConfidential, pseudonymised: false, records: data.outcomes.length };
    return { envelope: toEnvelope(graph, meta), positioned };
  } catch (error) {
    throw explainDriverError(error, { uri: opts.uri ?? "the configured server", database: opts.database });
  } finally {
    await session.close();
  }
}
