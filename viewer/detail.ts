// How much the renderer draws for a graph of a given size: every label on small graphs, sigma's label grid on medium
// ones, and on large ones cheap WebGL programs (points, 1-pixel lines), no edges while the camera moves, fewer labels.
import type { Settings } from "sigma/settings";

export const DETAILS = ["small", "medium", "large"] as const;
export type Detail = (typeof DETAILS)[number];

/** Below this many nodes every visible label is drawn (sigma's grid would hide some). */
export const ALL_LABELS_BELOW = 200;
/** From this many nodes (or twice as many edges) the cheap programs take over: software WebGL draws ~10× more. */
export const LARGE_GRAPH_NODES = 3000;

export function detailFor(order: number, size: number): Detail {
  if (order >= LARGE_GRAPH_NODES || size >= 2 * LARGE_GRAPH_NODES) return "large";
  return order < ALL_LABELS_BELOW ? "small" : "medium";
}

/** Program names the reducers hand to sigma, per detail level. */
export const PROGRAMS = {
  small: { entity: "circle", outcome: "square", edge: "arrow" },
  medium: { entity: "circle", outcome: "square", edge: "arrow" },
  // points draw every node as a disc: outcomes stay apart by colour
  large: { entity: "point", outcome: "point", edge: "line" },
} as const satisfies Record<Detail, { entity: string; outcome: string; edge: string }>;

/** Node sizes are multiplied by this: thousands of full-size discs would cover one another. */
export const SIZE_SCALE: Record<Detail, number> = { small: 1, medium: 1, large: 0.4 };

/** Sigma settings that depend on the detail level (the program classes are registered by mount.ts). */
export function detailSettings(detail: Detail): Partial<Settings> {
  if (detail !== "large")
    return {
      renderEdgeLabels: true,
      zIndex: true,
      labelDensity: detail === "small" ? 1 : 0.5,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 4,
      hideEdgesOnMove: false,
      hideLabelsOnMove: false,
    };
  return {
    renderEdgeLabels: false,
    // sorting 50,000 nodes by z on every refresh costs more than it shows
    zIndex: false,
    labelDensity: 0.25,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: 5,
    hideEdgesOnMove: true,
    hideLabelsOnMove: true,
  };
}
