// CSV tables for spreadsheets and reports: nodes, edges, and one row per piece of evidence citing its FragmentID.
import { stringify } from "csv-stringify/sync";
import type { HarvestGraph } from "../build.ts";
import { attributeColumns, nodeRows } from "./flatten.ts";

export function writeCsvTables(graph: HarvestGraph): { "nodes.csv": string; "edges.csv": string; "evidence.csv": string } {
  const nodes = nodeRows(graph);
  const columns = ["id", ...attributeColumns(nodes.map((n) => n.row)).keys(), "x", "y"];
  const nodeTable = nodes.map((n) => columns.map((c) => (c === "id" ? n.key : c === "x" ? n.x : c === "y" ? n.y : (n.row[c] ?? ""))));
  const edgeTable: (string | number)[][] = [];
  const evidenceTable: (string | number)[][] = [];
  graph.forEachEdge((key, attributes, source, target) => {
    const label = (node: string) => graph.getNodeAttribute(node, "label");
    edgeTable.push([key, source, label(source), attributes.type, target, label(target), attributes.evidence.length, [...new Set(attributes.evidence.map((e) => e.fragmentId))].join("; ")]);
    for (const e of attributes.evidence) evidenceTable.push([key, label(source), attributes.type, label(target), e.fragmentId, e.field, e.text, e.start, e.end]);
  });
  return {
    "nodes.csv": stringify([columns, ...nodeTable]),
    "edges.csv": stringify([["id", "source", "sourceLabel", "type", "target", "targetLabel", "evidenceCount", "fragmentIds"], ...edgeTable]),
    "evidence.csv": stringify([["edge", "source", "type", "target", "fragmentId", "field", "quote", "start", "end"], ...evidenceTable]),
  };
}
