// Records → the graph every output shows: confidential records removed first (unless asked), then extraction, build, layout.
// Filtering before extraction means no name, alias, edge, count or position can come from a confidential record.
import { extractRecords, type ExtractOptions } from "../ingest/extract/index.ts";
import type { Extraction, OutcomeRecord } from "../ingest/schema.ts";
import { buildGraph, type HarvestGraph } from "./build.ts";
import { toEnvelope } from "./envelope.ts";
import { layoutGraph } from "./layout.ts";
import type { GraphEnvelope } from "./schema.ts";

export type OutputOptions = {
  includeConfidential: boolean;
  extract: Partial<ExtractOptions>;
  /** Skip the layout (positions stay 0), for outputs that do not draw. */
  layout: boolean;
};

export const DEFAULT_OUTPUT_OPTIONS: OutputOptions = { includeConfidential: false, extract: {}, layout: true };

export function selectRecords(records: OutcomeRecord[], includeConfidential: boolean): OutcomeRecord[] {
  return includeConfidential ? records : records.filter((r) => !r.confidential);
}

export function buildOutputExtraction(records: OutcomeRecord[], options: Partial<OutputOptions> = {}): Extraction {
  const opts = { ...DEFAULT_OUTPUT_OPTIONS, ...options };
  return extractRecords(selectRecords(records, opts.includeConfidential), opts.extract).extraction;
}

export function buildOutputGraph(records: OutcomeRecord[], options: Partial<OutputOptions> = {}): { graph: HarvestGraph; envelope: GraphEnvelope } {
  const opts = { ...DEFAULT_OUTPUT_OPTIONS, ...options };
  // 1. the records this output may show
  const selected = selectRecords(records, opts.includeConfidential);
  // 2. extraction over those records only
  const extraction = extractRecords(selected, opts.extract).extraction;
  // 3. the typed graph
  const graph = buildGraph(extraction);
  // 4. positions, stored with the graph
  if (opts.layout) {
    const positions = layoutGraph(graph);
    graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, ...positions[node] }));
  }
  const meta = { includesConfidential: opts.includeConfidential, pseudonymised: false, records: selected.length };
  return { graph, envelope: toEnvelope(graph, meta) };
}
