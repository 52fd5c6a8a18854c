// GEXF for Gephi, through graphology-gexf's writer, with flattened attributes and the stored layout as viz positions.
import { write } from "graphology-gexf";
import type { HarvestGraph } from "../build.ts";
import type { EdgeAttributes, NodeAttributes } from "../schema.ts";
import { flattenEdge, flattenNode } from "./flatten.ts";

export function writeGexf(graph: HarvestGraph): string {
  return write<NodeAttributes, EdgeAttributes>(graph, {
    version: "1.3",
    formatNode: (_key, attributes) => ({
      label: attributes.label,
      attributes: flattenNode(attributes),
      viz: { x: attributes.x, y: attributes.y },
    }),
    formatEdge: (_key, attributes) => ({
      label: attributes.type,
      weight: attributes.evidence.length,
      attributes: flattenEdge(attributes),
    }),
  });
}
