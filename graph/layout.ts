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
  /** Up to this many nodes the viewer draws every label, so the layout also pushes apart labels that would overlap. */
  labelsApartUpTo: number;
};

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  iterations: null,
  barnesHutAbove: 2000,
  noverlapIterations: 100,
  noverlapUpTo: 2000,
  labelsApartUpTo: 200,
};

/** How the viewer draws a label, in screen pixels, for a graph fitted into about LABEL_VIEW_PX across. */
export const LABEL_BOX = { charPx: 7, maxChars: 32, heightPx: 16, nodePx: 8, viewPx: 700 } as const;

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
    positions[node] = { x: attrs.x, y: attrs.y };
  });
  // 5. labels apart, on graphs small enough for the viewer to draw them all
  if (work.order <= opts.labelsApartUpTo) _labelsApart(positions, _labels(graph), 300);
  for (const p of Object.values(positions)) [p.x, p.y] = [_round(p.x), _round(p.y)];
  return positions;
}

/** Pairs of nodes whose label boxes (node disc plus label to its right, see LABEL_BOX) overlap once fitted to the view. */
export function labelOverlaps(positions: Positions, labels: Map<string, string>): [string, string][] {
  const keys = Object.keys(positions).sort();
  const boxes = _labelBoxes(keys, positions, labels);
  const out: [string, string][] = [];
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++) if (_overlap(boxes[i], boxes[j])) out.push([keys[i], keys[j]]);
  return out;
}

type Box = { left: number; right: number; top: number; bottom: number };

function _labels(graph: AbstractGraph): Map<string, string> {
  const labels = new Map<string, string>();
  graph.forEachNode((node, attrs) => labels.set(node, typeof attrs.label === "string" ? attrs.label : node));
  return labels;
}

function _labelBoxes(keys: string[], positions: Positions, labels: Map<string, string>, grow = 1): Box[] {
  const points = keys.map((k) => positions[k]);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-9);
  // graph units per screen pixel once the viewer fits the graph into the view
  const unit = (extent / LABEL_BOX.viewPx) * grow;
  return keys.map((k, i) => {
    const chars = Math.min(LABEL_BOX.maxChars, (labels.get(k) ?? "").length);
    const { x, y } = points[i];
    return {
      left: x - LABEL_BOX.nodePx * unit,
      right: x + (LABEL_BOX.nodePx + 3 + chars * LABEL_BOX.charPx) * unit,
      top: y - (LABEL_BOX.heightPx / 2) * unit,
      bottom: y + (LABEL_BOX.heightPx / 2) * unit,
    };
  });
}

function _overlap(a: Box, b: Box): { x: number; y: number } | null {
  const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return x > 0 && y > 0 ? { x, y } : null;
}

/** Pushes overlapping label boxes apart along the shorter overlap, in key order so the result is deterministic. */
function _labelsApart(positions: Positions, labels: Map<string, string>, passes: number): void {
  const keys = Object.keys(positions).sort();
  for (let pass = 0; pass < passes; pass++) {
    // a little larger than drawn: each push widens the graph, which shrinks everything once fitted to the view
    const boxes = _labelBoxes(keys, positions, labels, 1.15);
    let moved = false;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const o = _overlap(boxes[i], boxes[j]);
        if (!o) continue;
        moved = true;
        const a = positions[keys[i]];
        const b = positions[keys[j]];
        // vertical moves are cheap (labels are flat), so prefer them unless the boxes barely touch sideways
        if (o.y <= o.x) {
          const d = o.y * 0.6 * (a.y <= b.y ? 1 : -1);
          a.y -= d;
          b.y += d;
        } else {
          const d = o.x * 0.6 * (a.x <= b.x ? 1 : -1);
          a.x -= d;
          b.x += d;
        }
      }
    }
    if (!moved) return;
  }
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
