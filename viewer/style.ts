// Colours, shapes and sizes of what the viewer draws: one colour per entity type, outcomes as squares apart from them.
// Pure data and functions, shared by the reducers and the legend so both always agree.
import { ENTITY_TYPES, type EntityType } from "../ingest/schema.ts";
import type { NodeAttributes } from "../graph/schema.ts";

/** Tableau 10 plus one: distinct hues that stay apart for most colour-blind readers. */
export const ENTITY_COLORS: Record<EntityType, string> = {
  Organisation: "#4e79a7",
  Coalition: "#f28e2b",
  GovernmentBody: "#e15759",
  Programme: "#76b7b2",
  Project: "#59a14f",
  ArmedGroup: "#7b3294",
  Tool: "#b07aa1",
  Place: "#9c755f",
  Training: "#edc948",
  ActorGroup: "#ff9da7",
  Person: "#8c8c8c",
};
export const OUTCOME_COLOR = "#2f3e4e";
export const CONFIDENTIAL_COLOR = "#b8005c";
export const DIM_COLOR = "#e2e4e8";
export const EDGE_COLOR = "#b5bcc6";
export const EDGE_HIGHLIGHT_COLOR = "#3a4654";

/** Sigma program names: entities as circles, outcomes as squares. */
export const NODE_PROGRAM = { entity: "circle", outcome: "square" } as const;

export const SIZE_BY = ["outcomes", "degree"] as const;
export type SizeBy = (typeof SIZE_BY)[number];

export const MIN_NODE_SIZE = 5;
export const MAX_NODE_SIZE = 22;

/** One legend row per entity type in vocabulary order, then outcomes and confidential outcomes. */
export type LegendItem = { key: EntityType | "outcome" | "confidential"; color: string; shape: "circle" | "square" };
export const LEGEND: LegendItem[] = [
  ...ENTITY_TYPES.map((type) => ({ key: type, color: ENTITY_COLORS[type], shape: "circle" as const })),
  { key: "outcome", color: OUTCOME_COLOR, shape: "square" },
  { key: "confidential", color: CONFIDENTIAL_COLOR, shape: "square" },
];

export function nodeColor(attrs: NodeAttributes): string {
  if (attrs.kind === "outcome") return attrs.confidential ? CONFIDENTIAL_COLOR : OUTCOME_COLOR;
  return ENTITY_COLORS[attrs.type];
}

/** Area grows with the measure (square root), clamped so hubs do not swallow the picture. */
export function nodeSize(attrs: NodeAttributes, sizeBy: SizeBy, degree: number): number {
  const measure = sizeBy === "degree" || attrs.kind === "outcome" ? degree : attrs.outcomes.length;
  return Math.min(MAX_NODE_SIZE, MIN_NODE_SIZE + 3 * Math.sqrt(measure));
}
