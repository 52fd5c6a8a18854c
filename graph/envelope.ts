// The versioned envelope around graphology's serialization: how a graph travels to files, the viewer and back.
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import { z } from "zod";
import type { HarvestGraph } from "./build.ts";
import { type EdgeAttributes, ENVELOPE_TYPE, ENVELOPE_VERSION, GraphEnvelope, type GraphMeta, type NodeAttributes } from "./schema.ts";

export class EnvelopeError extends Error {
  readonly code = "E_ENVELOPE" as const;
  constructor(message: string) {
    super(message);
    this.name = "EnvelopeError";
  }
}

export function toEnvelope(graph: HarvestGraph, meta: GraphMeta): GraphEnvelope {
  return { type: ENVELOPE_TYPE, version: ENVELOPE_VERSION, meta, graph: graph.export() as GraphEnvelope["graph"] };
}

/** Validates a parsed JSON value as an envelope; `where` names the file or URL in the error. */
export function parseEnvelope(value: unknown, where = "graph"): GraphEnvelope {
  const parsed = GraphEnvelope.safeParse(value);
  if (!parsed.success) throw new EnvelopeError(`${where}: not a harvestgraph graph file (${z.prettifyError(parsed.error).split("\n").slice(0, 4).join("; ")})`);
  return parsed.data;
}

export function fromEnvelope(envelope: GraphEnvelope): HarvestGraph {
  const graph: HarvestGraph = new Graph({ type: "mixed", multi: true, allowSelfLoops: false });
  // The zod shape is graphology's serialization with our attribute types; the cast only drops zod's own typing.
  graph.import(envelope.graph as unknown as SerializedGraph<NodeAttributes, EdgeAttributes>);
  return graph;
}
