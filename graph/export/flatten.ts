// Flat, scalar attribute rows of nodes and edges, shared by the GEXF, GraphML and CSV writers (lists joined with "; ").
import type { HarvestGraph } from "../build.ts";
import type { EdgeAttributes, NodeAttributes } from "../schema.ts";

export type FlatValue = string | number | boolean;
export type FlatRow = Record<string, FlatValue>;

const join = (values: readonly (string | number)[]) => values.join("; ");

export function flattenNode(attributes: NodeAttributes): FlatRow {
  if (attributes.kind === "entity") {
    return {
      label: attributes.label,
      kind: "entity",
      type: attributes.type,
      aliases: join(attributes.aliases),
      countries: join(attributes.countries),
      outcomes: join(attributes.outcomes),
      confidential: attributes.confidential,
    };
  }
  return {
    label: attributes.label,
    kind: "outcome",
    type: "Outcome",
    fragmentId: attributes.fragmentId,
    country: attributes.country,
    countryIso: attributes.countryIso ?? "",
    year: attributes.year ?? "",
    harvestPeriod: attributes.harvestPeriod ?? "",
    ratingSignificance: attributes.ratingSignificance,
    ratingContribution: attributes.ratingContribution,
    socialActor: attributes.socialActor,
    scale: attributes.scale,
    typesOfChange: join(attributes.typesOfChange),
    frameworkCodes: join(attributes.frameworkCodes),
    negative: attributes.negative,
    unintended: attributes.unintended,
    confidential: attributes.confidential,
    outcomeDescription: attributes.text.outcomeDescription ?? "",
  };
}

export function flattenEdge(attributes: EdgeAttributes): FlatRow {
  return {
    type: attributes.type,
    fragmentIds: join([...new Set(attributes.evidence.map((e) => e.fragmentId))]),
    quotes: attributes.evidence.map((e) => `[${e.fragmentId} · ${e.field}] ${e.text}`).join(" | "),
    evidenceCount: attributes.evidence.length,
    rule: attributes.rule ?? "",
  };
}

/** Every attribute name with its kind, in first-seen order, for writers that declare attributes up front. */
export function attributeColumns(rows: Iterable<FlatRow>): Map<string, "string" | "double" | "boolean"> {
  const columns = new Map<string, "string" | "double" | "boolean">();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      const kind = typeof value === "number" ? "double" : typeof value === "boolean" ? "boolean" : "string";
      const seen = columns.get(key);
      if (!seen) columns.set(key, kind);
      else if (seen !== kind) columns.set(key, "string");
    }
  }
  return columns;
}

export function nodeRows(graph: HarvestGraph): { key: string; row: FlatRow; x: number; y: number }[] {
  return graph.mapNodes((key, attributes) => ({ key, row: flattenNode(attributes), x: attributes.x, y: attributes.y }));
}

export function edgeRows(graph: HarvestGraph): { key: string; source: string; target: string; undirected: boolean; row: FlatRow }[] {
  return graph.mapEdges((key, attributes, source, target, _s, _t, undirected) => ({ key, source, target, undirected, row: flattenEdge(attributes) }));
}
