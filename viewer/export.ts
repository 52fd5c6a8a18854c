// Files from the page: the filtered graph (what the view shows) as GEXF and GraphML for Gephi, through the project's
// pure writers in graph/export/, and the download of any text as a file.
import Graph from "graphology";
import type { EdgeAttributes, NodeAttributes } from "../graph/schema.ts";
import { writeGexf } from "../graph/export/gexf.ts";
import { writeGraphml } from "../graph/export/graphml.ts";
import type { View, ViewerGraph } from "./filters.ts";

export const GRAPH_FORMATS = ["gexf", "graphml"] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

const MIME: Record<GraphFormat, string> = { gexf: "application/gexf+xml", graphml: "application/graphml+xml" };

/** A new graph holding only the visible nodes and edges, with their attributes and current positions. */
export function visibleSubgraph(graph: ViewerGraph, view: View): Graph<NodeAttributes, EdgeAttributes> {
  const sub = new Graph<NodeAttributes, EdgeAttributes>({ type: "mixed", multi: true, allowSelfLoops: false });
  graph.forEachNode((node, attrs) => {
    if (view.nodes.has(node)) sub.addNode(node, { ...attrs });
  });
  graph.forEachEdge((edge, attrs, source, target, _s, _t, undirected) => {
    if (!view.edges.has(edge)) return;
    if (undirected) sub.addUndirectedEdgeWithKey(edge, source, target, { ...attrs });
    else sub.addDirectedEdgeWithKey(edge, source, target, { ...attrs });
  });
  return sub;
}

/** The text of the filtered graph in `format`. */
export function writeVisibleGraph(graph: ViewerGraph, view: View, format: GraphFormat): string {
  const sub = visibleSubgraph(graph, view);
  return format === "gexf" ? writeGexf(sub) : writeGraphml(sub);
}

/** Saves `text` as a file through a temporary link (a blob: URL, allowed by the page's CSP, nothing leaves the page). */
export function downloadText(fileName: string, text: string, format: GraphFormat): void {
  const url = URL.createObjectURL(new Blob([text], { type: MIME[format] }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has taken the file by the next task
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
