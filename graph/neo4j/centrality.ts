// Betweenness centrality of the entities, computed in memory with graphology-metrics (no Graph Data Science needed) and
// stored on :Entity nodes after a push: `betweenness` over the public records, `betweennessWithConfidential` over all.
import Graph from "graphology";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import type { Driver } from "neo4j-driver";
import type { Extraction } from "../../ingest/schema.ts";
import { explainDriverError } from "./errors.ts";

/** One relationship as the centrality sees it: undirected, with the outcome it rests on. Outcome ends are "outcome:<id>". */
export type CentralityEdge = { source: string; target: string; confidential: boolean };
export type CentralityRow = { id: string; betweenness: number | null; betweennessWithConfidential: number | null };
export type CentralityResult = { entities: number; nodes: number; edges: number; computed: boolean };

/** Brandes is O(nodes × edges) (2,000 nodes ≈ 6 s, 5,000 ≈ 40 s here, both passes): beyond this the scores are left null and push warns. */
export const MAX_CENTRALITY_NODES = 3_000;

/** Places are where things happened, not actors between them: LOCATED_IN does not connect the actor network. */
const SKIPPED_TYPES = new Set(["LOCATED_IN", "MENTIONED_IN"]);

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

function betweennessOf(nodes: string[], edges: CentralityEdge[]): Record<string, number> {
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const id of nodes) graph.mergeNode(id);
  for (const { source, target } of edges) if (source !== target) graph.mergeEdge(source, target);
  return betweennessCentrality(graph, { normalized: true });
}

/**
 * Normalised betweenness of every entity (pure): once over the edges of public records (null for an entity only
 * confidential records support), once over all. Null everywhere when the graph exceeds MAX_CENTRALITY_NODES.
 */
export function computeBetweenness(entityIds: string[], edges: CentralityEdge[]): { rows: CentralityRow[]; result: CentralityResult } {
  // Only connected nodes count, so an entity without relationships neither scores nor changes the normalisation.
  const connected = new Set(edges.flatMap((e) => [e.source, e.target]));
  const publicEdges = edges.filter((e) => !e.confidential);
  const publicNodes = new Set(publicEdges.flatMap((e) => [e.source, e.target]));
  const computed = connected.size <= MAX_CENTRALITY_NODES;
  const all = computed ? betweennessOf([...connected].sort(), edges) : {};
  const pub = computed ? betweennessOf([...publicNodes].sort(), publicEdges) : {};
  const rows = [...new Set(entityIds)].sort().map((id) => ({
    id,
    // An entity with no relationship at all scores 0; one that only confidential records connect has no public score.
    betweenness: pub[id] ?? (computed && !connected.has(id) ? 0 : null),
    betweennessWithConfidential: all[id] ?? (computed && !connected.has(id) ? 0 : null),
  }));
  return { rows, result: { entities: rows.length, nodes: connected.size, edges: edges.length, computed } };
}

export const READ_CENTRALITY_ENTITIES = `MATCH (e:Entity) RETURN e.id AS id ORDER BY id`;

export const READ_CENTRALITY_EDGES = `MATCH (a)-[r]->(b)
WHERE r.outcome IS NOT NULL AND NOT type(r) IN $skipped
OPTIONAL MATCH (o:Outcome {id: r.outcome})
RETURN CASE WHEN a:Outcome THEN "outcome:" + a.id ELSE a.id END AS source,
       CASE WHEN b:Outcome THEN "outcome:" + b.id ELSE b.id END AS target,
       coalesce(o.confidential, false) AS confidential
ORDER BY source, target`;

export const WRITE_CENTRALITY = `UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.betweenness = row.betweenness, e.betweennessWithConfidential = row.betweennessWithConfidential
RETURN count(e) AS written`;

/**
 * After a push: reads the whole graph's relationships (not only this push's, so an incremental push still gives
 * global scores), computes betweenness in memory, writes it back in batched UNWIND transactions.
 */
export async function updateCentrality(driver: Driver, options: { database?: string; uri?: string; batchSize?: number } = {}): Promise<CentralityResult> {
  const batchSize = options.batchSize ?? 1000;
  try {
    const read = { database: options.database, routing: "READ" as const };
    const entities = await driver.executeQuery(READ_CENTRALITY_ENTITIES, {}, read);
    const edges = await driver.executeQuery(READ_CENTRALITY_EDGES, { skipped: [...SKIPPED_TYPES] }, read);
    const { rows, result } = computeBetweenness(
      entities.records.map((r) => r.get("id") as string),
      edges.records.map((r) => ({ source: r.get("source"), target: r.get("target"), confidential: r.get("confidential") === true })),
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
