// Extraction → typed graphology graph (pure): entity and outcome nodes, one edge per (source, type, target) with its evidence.
import Graph from "graphology";
import { applyStricterRedaction } from "../ingest/redaction.ts";
import { type Extraction, type OutcomeRecord, SYMMETRIC_RELATIONS, TEXT_FIELDS, type Evidence } from "../ingest/schema.ts";
import type { EdgeAttributes, EdgeEvidence, EntityNodeAttributes, NodeAttributes, OutcomeNodeAttributes } from "./schema.ts";

export type HarvestGraph = Graph<NodeAttributes, EdgeAttributes>;

export function edgeKey(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}

/** Replaces, inside a quote, the words its record's merged story redacts more strictly. */
export function redactQuote(evidence: Evidence, record: OutcomeRecord | undefined): string {
  if (!record || record.stricterRedactions.length === 0) return evidence.text;
  const inside = record.stricterRedactions
    .filter((r) => r.field === evidence.field && r.start >= evidence.start && r.end <= evidence.end)
    .map((r) => ({ ...r, start: r.start - evidence.start, end: r.end - evidence.start }));
  return applyStricterRedaction(evidence.text, evidence.field, inside);
}

function outcomeAttributes(record: OutcomeRecord): OutcomeNodeAttributes {
  const text = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, applyStricterRedaction(record.text[field], field, record.stricterRedactions)]),
  );
  return {
    kind: "outcome",
    label: record.fragmentId,
    fragmentId: record.fragmentId,
    country: record.country.name,
    countryIso: record.country.iso ?? null,
    countriesNamed: record.country.covers,
    year: record.year,
    harvestPeriod: record.harvestPeriod,
    ratingSignificance: record.ratingSignificance,
    ratingContribution: record.ratingContribution,
    socialActor: record.socialActor,
    scale: record.scale,
    typesOfChange: record.typesOfChange,
    typeOfChangeCluster: record.typeOfChangeCluster,
    frameworkCodes: record.frameworkCodes,
    objectiveCode: record.objectiveCode,
    negative: record.negative,
    unintended: record.unintended,
    confidential: record.confidential,
    text,
    x: 0,
    y: 0,
  };
}

/** Builds the graph; positions are left at 0 for the layout step. */
export function buildGraph(extraction: Extraction): HarvestGraph {
  const graph: HarvestGraph = new Graph({ type: "mixed", multi: true, allowSelfLoops: false });
  const outcomes = new Map(extraction.outcomes.map((o) => [o.id, o]));
  const quote = (ev: Evidence): EdgeEvidence => ({
    ...ev,
    text: redactQuote(ev, outcomes.get(ev.outcome)),
    fragmentId: outcomes.get(ev.outcome)?.fragmentId ?? ev.outcome,
  });

  // 1. outcomes
  for (const record of extraction.outcomes) graph.addNode(record.id, outcomeAttributes(record));

  // 2. entities, with the countries and outcomes their mentions come from
  for (const entity of extraction.entities) {
    const outcomeIds = [...new Set(entity.mentions.map((m) => m.outcome))].sort();
    const countries = new Set<string>();
    for (const id of outcomeIds) {
      const country = outcomes.get(id)?.country;
      if (country?.name) countries.add(country.iso ?? country.name);
    }
    const attributes: EntityNodeAttributes = {
      kind: "entity",
      type: entity.type,
      label: entity.name,
      aliases: entity.aliases,
      countries: [...countries].sort(),
      outcomes: outcomeIds,
      confidential: outcomeIds.length > 0 && outcomeIds.every((id) => outcomes.get(id)?.confidential),
      x: 0,
      y: 0,
    };
    graph.addNode(entity.id, attributes);
  }

  // 3. relations, merged per (source, type, target); symmetric types as undirected edges
  for (const relation of extraction.relations) {
    if (!graph.hasNode(relation.source) || !graph.hasNode(relation.target) || relation.source === relation.target) continue;
    const symmetric = SYMMETRIC_RELATIONS.has(relation.type);
    const [source, target] = symmetric && relation.source > relation.target ? [relation.target, relation.source] : [relation.source, relation.target];
    const key = edgeKey(source, relation.type, target);
    const evidence = relation.evidence.map(quote);
    if (graph.hasEdge(key)) {
      graph.updateEdgeAttribute(key, "evidence", (old) => [...(old ?? []), ...evidence]);
      continue;
    }
    const attributes: EdgeAttributes = { type: relation.type, evidence, ...(relation.rule ? { rule: relation.rule } : {}) };
    if (symmetric) graph.addUndirectedEdgeWithKey(key, source, target, attributes);
    else graph.addDirectedEdgeWithKey(key, source, target, attributes);
  }
  // 4. entities linked to an outcome through a relation also count that outcome
  graph.forEachEdge((_edge, _attributes, source, target) => {
    for (const [a, b] of [[source, target], [target, source]]) {
      const node = graph.getNodeAttributes(a);
      const other = graph.getNodeAttributes(b);
      if (node.kind === "entity" && other.kind === "outcome" && !node.outcomes.includes(b)) {
        graph.mergeNodeAttributes(a, { outcomes: [...node.outcomes, b].sort() });
      }
    }
  });
  return graph;
}
