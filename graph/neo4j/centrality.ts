// Betweenness centrality of the entities, computed in memory (betweenness.ts; no Graph Data Science needed) and stored
// on :Entity nodes after a push: `betweenness` over the public records, `betweennessWithConfidential` over all.
import type { Driver } from "neo4j-driver";
import { RELATION_TYPES, type Extraction } from "../../ingest/schema.ts";
import { betweenness, toCsr, type BetweennessMethod, type BetweennessOptions } from "./betweenness.ts";
import { explainDriverError } from "./errors.ts";

/** One relationship as the centrality sees it: undirected, with the outcome it rests on. Outcome ends are "outcome:<id>". */
export type CentralityEdge = { source: string; target: string; confidential: boolean };
export type CentralityRow = {
  id: string;
  betweenness: number | null;
  betweennessWithConfidential: number | null;
  /** "exact" or "sampled" (see betweenness.ts), for each of the two scores. */
  betweennessMethod: BetweennessMethod["kind"];
  betweennessWithConfidentialMethod: BetweennessMethod["kind"];
};
export type CentralityResult = {
  entities: number;
  nodes: number;
  edges: number;
  /** How each score was computed: over the public records, and over all of them. */
  method: { public: BetweennessMethod; all: BetweennessMethod };
};

/** Places are where things happened, not actors between them: LOCATED_IN does not connect the actor network. */
const SKIPPED_TYPES = new Set(["LOCATED_IN", "MENTIONED_IN"]);
const CENTRALITY_TYPES = RELATION_TYPES.filter((type) => !SKIPPED_TYPES.has(type));

const outcomeNode = (id: string) => `outcome:${id}`;

/** The edges of an extraction (pure): one per (relation, outcome it rests on), minus LOCATED_IN. */
export function centralityEdgesOf(extraction: Extraction): { entityIds: string[]; edges: CentralityEdge[] } {
  const confidential = new Map(extraction.outcomes.map((o) => [o.id, o.confidential]));
  const node = (id: string) => (confidential.has(id) ? outcomeNode(id) : id);
  const edges = extraction.relations
    .filter((r) => !SKIPPED_TYPES.has(r.type))
    .flatMap((r) =>
      [...new Set(r.evidence.map((e) => e.outcome))].map((outcome) => ({
        source: node(r.source),
        target: node(r.target),
        confidential: confidential.get(outcome) ?? false,
      })),
    );
  return { entityIds: extraction.entities.map((e) => e.id), edges };
}

function betweennessOf(edges: CentralityEdge[], options: Partial<BetweennessOptions>) {
  const nodes = new Set(edges.flatMap((e) => [e.source, e.target]));
  return betweenness(
    toCsr(
      nodes,
      edges.map((e) => [e.source, e.target] as const),
    ),
    options,
  );
}

/**
 * Normalised betweenness of every entity (pure): once over the edges of public records (null for an entity only
 * confidential records support), once over all. Exact on graphs up to `exactMaxNodes` nodes, else estimated from a
 * seeded sample of sources (betweenness.ts); `result.method` says which.
 */
export function computeBetweenness(
  entityIds: string[],
  edges: CentralityEdge[],
  options: Partial<BetweennessOptions> = {},
): { rows: CentralityRow[]; result: CentralityResult } {
  // Only connected nodes count, so an entity without relationships neither scores nor changes the normalisation.
  const connected = new Set(edges.flatMap((e) => [e.source, e.target]));
  const all = betweennessOf(edges, options);
  const pub = betweennessOf(
    edges.filter((e) => !e.confidential),
    options,
  );
  const rows = [...new Set(entityIds)].sort().map((id) => ({
    id,
    // An entity with no relationship at all scores 0; one that only confidential records connect has no public score.
    betweenness: pub.scores.get(id) ?? (connected.has(id) ? null : 0),
    betweennessWithConfidential: all.scores.get(id) ?? 0,
    betweennessMethod: pub.method.kind,
    betweennessWithConfidentialMethod: all.method.kind,
  }));
  return {
    rows,
    result: {
      entities: rows.length,
      nodes: connected.size,
      edges: edges.length,
      method: { public: pub.method, all: all.method },
    },
  };
}

/** Entity ids, for the entities no relationship connects (they score 0). */
export const READ_CENTRALITY_ENTITIES = `MATCH (e:Entity) RETURN e.id AS id ORDER BY id`;

/**
 * One row per connected pair, not per relationship (SCC FUNDED DefendDefenders may rest on thousands of outcomes):
 * `confidential` is true when every relationship between the two rests on a confidential outcome.
 */
export const READ_CENTRALITY_EDGES = `MATCH (a)-[r:${CENTRALITY_TYPES.join("|")}]->(b)
WHERE r.outcome IS NOT NULL
OPTIONAL MATCH (o:Outcome {id: r.outcome})
WITH CASE WHEN a:Outcome THEN "outcome:" + a.id ELSE a.id END AS source,
     CASE WHEN b:Outcome THEN "outcome:" + b.id ELSE b.id END AS target,
     coalesce(o.confidential, false) AS confidential
WITH source, target, collect(DISTINCT confidential) AS kinds
RETURN source, target, NOT false IN kinds AS confidential`;

export const WRITE_CENTRALITY = `UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.betweenness = row.betweenness, e.betweennessWithConfidential = row.betweennessWithConfidential,
    e.betweennessMethod = row.betweennessMethod, e.betweennessWithConfidentialMethod = row.betweennessWithConfidentialMethod
RETURN count(e) AS written`;

/**
 * After a push: reads the whole graph's relationships (not only this push's, so an incremental push still gives
 * global scores), computes betweenness in memory, writes it back in batched UNWIND transactions.
 */
export async function updateCentrality(
  driver: Driver,
  options: { database?: string; uri?: string; batchSize?: number; betweenness?: Partial<BetweennessOptions> } = {},
): Promise<CentralityResult> {
  const batchSize = options.batchSize ?? 5000;
  try {
    const read = { database: options.database, routing: "READ" as const };
    const entities = await driver.executeQuery(READ_CENTRALITY_ENTITIES, {}, read);
    const edges = await driver.executeQuery(READ_CENTRALITY_EDGES, {}, read);
    const { rows, result } = computeBetweenness(
      entities.records.map((r) => r.get("id") as string),
      edges.records.map((r) => ({
        source: r.get("source"),
        target: r.get("target"),
        confidential: r.get("confidential") === true,
      })),
      options.betweenness,
    );
    const session = driver.session({ database: options.database, defaultAccessMode: "WRITE" });
    try {
      for (let i = 0; i < rows.length; i += batchSize) {
        const batch = rows.slice(i, i + batchSize);
        await session.executeWrite((tx) => tx.run(WRITE_CENTRALITY, { rows: batch }));
      }
    } finally {
      await session.close();
    }
    return result;
  } catch (error) {
    throw explainDriverError(error, { uri: options.uri ?? "the configured server", database: options.database });
  }
}
