// Computes node positions once, at export time: a seed from each node id, then ForceAtlas2 (Barnes-Hut when large)
// and noverlap (small graphs only). Pure and deterministic: the input is not touched; same graph, same positions.
import Graph from "graphology";
import type { AbstractGraph } from "graphology-types";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";

export type Positions = Record<string, { x: number; y: number }>;

export type LayoutOptions = {
  /** ForceAtlas2 iterations; `null` scales them to the graph's size. */
  iterations: number | null;
  /** Node count above which ForceAtlas2 uses the Barnes-Hut approximation. */
  barnesHutAbove: number;
  /** noverlap passes; 0 skips it. */
  noverlapIterations: number;
  /** Node count above which noverlap is skipped: large graphs are drawn as small points, and a pass costs ~1 s at 5,000. */
  noverlapUpTo: number;
};

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  iterations: null,
  barnesHutAbove: 2000,
  noverlapIterations: 100,
  noverlapUpTo: 2000,
};

/**
 * Iterations that keep the layout reasonable in Node: many for small graphs, few for huge ones. A Barnes-Hut pass
 * costs ~1.5 s at 50,000 nodes on a 2-core machine, so 50,000 nodes take about half a minute.
 */
export function layoutIterations(order: number): number {
  return Math.max(15, Math.min(500, Math.round(200_000 / Math.max(1, order))));
}

/** A point in [-1, 1]² from a string, by FNV-1a (two differently salted hashes). */
export function seedPosition(id: string): { x: number; y: number } {
  return { x: _hash(id, 0x811c9dc5) * 2 - 1, y: _hash(id, 0x01000193 ^ 0x9e3779b9) * 2 - 1 };
}

/** Positions for every node of `graph`, independent of insertion order and of any x/y already stored. */
export function layoutGraph(graph: AbstractGraph, options: Partial<LayoutOptions> = {}): Positions {
  const opts = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  // 1. a copy with nodes and edges in key order, so insertion order cannot change the result
  const work = _sortedCopy(graph);
  if (work.order === 0) return {};
  // 2. seed from ids, spread so the initial disc grows with the graph
  const spread = Math.sqrt(work.order) * 10;
  work.forEachNode((node) => {
    const { x, y } = seedPosition(node);
    work.mergeNodeAttributes(node, { x: x * spread, y: y * spread, size: _layoutSize(work.degree(node)) });
  });
  // 3. ForceAtlas2, Barnes-Hut for large graphs
  const settings = {
    ...forceAtlas2.inferSettings(work),
    barnesHutOptimize: work.order > opts.barnesHutAbove,
  };
  forceAtlas2.assign(work, { iterations: opts.iterations ?? layoutIterations(work.order), settings });
  // 4. noverlap so labels and discs do not sit on one another
  if (opts.noverlapIterations > 0 && work.order <= opts.noverlapUpTo) {
    noverlap.assign(work, { maxIterations: opts.noverlapIterations, settings: { margin: 2, ratio: 1.2 } });
  }
  const positions: Positions = {};
  work.forEachNode((node, attrs) => {
    positions[node] = { x: _round(attrs.x), y: _round(attrs.y) };
  });
  return positions;
}

function _sortedCopy(graph: AbstractGraph): Graph {
  const work = new Graph({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops });
  for (const node of [...graph.nodes()].sort()) work.addNode(node);
  for (const edge of [...graph.edges()].sort()) {
    const undirected = graph.isUndirected(edge);
    const [source, target] = graph.extremities(edge);
    if (undirected) work.addUndirectedEdgeWithKey(edge, source, target);
    else work.addDirectedEdgeWithKey(edge, source, target);
  }
  return work;
}

function _layoutSize(degree: number): number {
  return 4 + 2 * Math.sqrt(degree);
}

function _hash(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche so ids differing in the last character land far apart
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return (h >>> 0) / 0xffffffff;
}

// Rounded so the stored JSON stays short and platform float noise cannot show up in diffs.
function _round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
