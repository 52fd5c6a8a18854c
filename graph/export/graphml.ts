// GraphML writer (graphology-graphml only parses): keys declared from the flattened attributes, mixed edges kept.
import type { HarvestGraph } from "../build.ts";
import { attributeColumns, edgeRows, type FlatRow, nodeRows } from "./flatten.ts";
import { escapeXml } from "./xml.ts";

const TYPE = { string: "string", double: "double", boolean: "boolean" } as const;

export function writeGraphml(graph: HarvestGraph): string {
  const nodes = nodeRows(graph).map((n) => ({ ...n, row: { ...n.row, x: n.x, y: n.y } as FlatRow }));
  const edges = edgeRows(graph);
  const nodeColumns = attributeColumns(nodes.map((n) => n.row));
  const edgeColumns = attributeColumns(edges.map((e) => e.row));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  ];
  for (const [name, kind] of nodeColumns) out.push(`  <key id="n_${escapeXml(name)}" for="node" attr.name="${escapeXml(name)}" attr.type="${TYPE[kind]}"/>`);
  for (const [name, kind] of edgeColumns) out.push(`  <key id="e_${escapeXml(name)}" for="edge" attr.name="${escapeXml(name)}" attr.type="${TYPE[kind]}"/>`);
  out.push('  <graph edgedefault="directed">');
  const data = (prefix: string, row: FlatRow) =>
    Object.entries(row).map(([k, v]) => `      <data key="${prefix}_${escapeXml(k)}">${escapeXml(String(v))}</data>`);
  for (const node of nodes) out.push(`    <node id="${escapeXml(node.key)}">`, ...data("n", node.row), "    </node>");
  for (const edge of edges) {
    const directed = edge.undirected ? ' directed="false"' : "";
    out.push(`    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}"${directed}>`, ...data("e", edge.row), "    </edge>");
  }
  out.push("  </graph>", "</graphml>", "");
  return out.join("\n");
}
