// Pure nodeReducer/edgeReducer: the display attributes of every node and edge, from the graph, the state and the view.
// Hovering (or else the selection) brings a node and its neighbours forward and greys out the rest.
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { EdgeAttributes, NodeAttributes } from "../graph/schema.ts";
import { PROGRAMS, SIZE_SCALE, type Detail } from "./detail.ts";
import { findPath, type View, type ViewerGraph } from "./filters.ts";
import { relationLabel, t } from "./i18n.ts";
import type { ViewerState } from "./state.ts";
import { DIM_COLOR, EDGE_COLOR, EDGE_HIGHLIGHT_COLOR, nodeColor, nodeSize } from "./style.ts";

/** `path` holds the edges of a highlighted contribution path; then `neighbours` are the path's nodes. */
export type Emphasis = { focus: string | null; neighbours: Set<string>; path: Set<string> | null };

export type Reducers = {
  nodeReducer: (node: string, attrs: NodeAttributes) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, attrs: EdgeAttributes) => Partial<EdgeDisplayData>;
};

/**
 * The node in focus (hovered first, then selected) and its visible neighbours; or, while a path from the selection is
 * shown and the pointer is on it or nowhere, the path's nodes and edges.
 */
export function computeEmphasis(graph: ViewerGraph, state: ViewerState, view: View): Emphasis {
  const path = _pathEmphasis(graph, state, view);
  if (path && (state.hovered === null || path.neighbours.has(state.hovered))) return path;
  const focus = [state.hovered, state.selected].find((n): n is string => n !== null && view.nodes.has(n)) ?? null;
  const neighbours = new Set<string>();
  if (focus !== null) {
    neighbours.add(focus);
    graph.forEachNeighbor(focus, (n) => {
      if (view.nodes.has(n)) neighbours.add(n);
    });
  }
  return { focus, neighbours, path: null };
}

function _pathEmphasis(graph: ViewerGraph, state: ViewerState, view: View): Emphasis | null {
  const { selected, pathTarget } = state;
  if (selected === null || pathTarget === null || !view.nodes.has(selected) || !view.nodes.has(pathTarget)) return null;
  const path = findPath(graph, selected, pathTarget, view.nodes);
  if (!path) return null;
  // every visible relation between two consecutive path nodes belongs to the path ("trained" and "mentored")
  const edges = new Set<string>();
  for (let i = 1; i < path.nodes.length; i++) {
    for (const edge of graph.edges(path.nodes[i - 1], path.nodes[i])) if (view.edges.has(edge)) edges.add(edge);
    for (const edge of graph.edges(path.nodes[i], path.nodes[i - 1])) if (view.edges.has(edge)) edges.add(edge);
  }
  return { focus: selected, neighbours: new Set(path.nodes), path: edges };
}

/** Longer labels are cut on the canvas (the panel shows them whole) so they do not run off the edge or over others. */
export const MAX_LABEL_LENGTH = 32;

/** The label drawn on the canvas: confidential outcomes say so in the interface language; long ones cut unless in focus. */
export function nodeLabel(attrs: NodeAttributes, lang: ViewerState["lang"], whole = false): string {
  const label =
    whole || attrs.label.length <= MAX_LABEL_LENGTH ? attrs.label : `${attrs.label.slice(0, MAX_LABEL_LENGTH - 1)}…`;
  return attrs.kind === "outcome" && attrs.confidential ? `${label} (${t(lang, "confidential")})` : label;
}

/**
 * Labels for the edges around the focus: parallel edges between the same two nodes are drawn on top of each other,
 * so the first visible one carries all their relation names ("trained, mentored") and the others none.
 */
export function focusEdgeLabels(
  graph: ViewerGraph,
  focus: string | null,
  view: View,
  lang: ViewerState["lang"],
  path: Set<string> | null = null,
): Map<string, string> {
  const labels = new Map<string, string>();
  if (focus === null) return labels;
  const groups = new Map<string, string[]>();
  const each = (fn: (edge: string, source: string, target: string) => void) =>
    path
      ? path.forEach((edge) => fn(edge, ...graph.extremities(edge)))
      : graph.forEachEdge(focus, (edge, _a, s, t) => fn(edge, s, t));
  each((edge, source, target) => {
    if (!view.edges.has(edge)) return;
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    groups.set(pair, [...(groups.get(pair) ?? []), edge]);
  });
  for (const edges of groups.values()) {
    const names = [...new Set(edges.map((e) => relationLabel(lang, graph.getEdgeAttribute(e, "type"))))];
    labels.set(edges[0], names.join(", "));
  }
  return labels;
}

/**
 * `detail` (from the graph's size) picks the programs and scales sizes; small graphs force every visible label. On a
 * large graph the focus is highlighted without greying the rest, so a click only redraws the nodes and edges around
 * it (see emphasisFootprint) instead of every item.
 */
export function createReducers(
  graph: ViewerGraph,
  state: ViewerState,
  view: View,
  detail: Detail = "medium",
): Reducers {
  const { focus, neighbours, path } = computeEmphasis(graph, state, view);
  const edgeLabels =
    detail === "large" ? new Map<string, string>() : focusEdgeLabels(graph, focus, view, state.lang, path);
  const programs = PROGRAMS[detail];
  const scale = SIZE_SCALE[detail];
  const allLabels = detail === "small";
  const dimOthers = detail !== "large";
  const nodeReducer = (node: string, attrs: NodeAttributes): Partial<NodeDisplayData> => {
    const near = focus !== null && neighbours.has(node);
    const inFocus = focus === null || near || !dimOthers;
    return {
      x: attrs.x,
      y: attrs.y,
      type: programs[attrs.kind],
      label: inFocus ? nodeLabel(attrs, state.lang, node === focus || node === state.pathTarget) : null,
      size: nodeSize(attrs, state.sizeBy, graph.degree(node)) * scale,
      color: inFocus ? nodeColor(attrs) : DIM_COLOR,
      hidden: !view.nodes.has(node),
      highlighted: node === focus || node === state.selected || (path !== null && node === state.pathTarget),
      forceLabel: dimOthers ? inFocus && (allLabels || focus !== null) : near,
      zIndex: near ? 2 : attrs.kind === "outcome" ? 1 : 0,
    };
  };
  const edgeReducer = (edge: string, _attrs: EdgeAttributes): Partial<EdgeDisplayData> => {
    const touchesFocus = focus !== null && (path ? path.has(edge) : graph.extremities(edge).includes(focus));
    return {
      type: programs.edge,
      size: touchesFocus ? 2 : 1,
      color: touchesFocus ? EDGE_HIGHLIGHT_COLOR : EDGE_COLOR,
      hidden: !view.edges.has(edge) || (dimOthers && focus !== null && !touchesFocus),
      label: edgeLabels.get(edge) ?? null,
      forceLabel: edgeLabels.has(edge),
      zIndex: touchesFocus ? 1 : 0,
    };
  };
  return { nodeReducer, edgeReducer };
}

/**
 * The nodes and edges whose display depends on the emphasis of `state` (the focus, its neighbours, the selection, a
 * path and their edges): on a large graph, what a change of selection must redraw, before and after.
 */
export function emphasisFootprint(
  graph: ViewerGraph,
  state: ViewerState,
  view: View,
): { nodes: string[]; edges: string[] } {
  const { focus, neighbours, path } = computeEmphasis(graph, state, view);
  const nodes = new Set(neighbours);
  for (const n of [focus, state.selected, state.pathTarget]) if (n !== null && graph.hasNode(n)) nodes.add(n);
  const edges = new Set(path ?? []);
  if (focus !== null) graph.forEachEdge(focus, (edge) => void edges.add(edge));
  return { nodes: [...nodes], edges: [...edges] };
}
