// Records → the graph every output shows: confidential records removed first (unless asked), then extraction, review
// decisions, build, layout. Filtering before extraction means no name, alias, edge, count or position can come from a
// confidential record.
import {
  type ExtractionPool,
  type ExtractOptions,
  type MergeReport,
  type ParallelOptions,
  extractRecords,
  extractRecordsParallel,
} from "../ingest/extract/index.ts";
import type { Extraction, OutcomeRecord } from "../ingest/schema.ts";
import { applyCuration, type Curation, EMPTY_CURATION, keepApartPairs, type StaleDecision } from "../review/index.ts";
import { buildGraph, type HarvestGraph } from "./build.ts";
import { toEnvelope } from "./envelope.ts";
import { layoutGraph } from "./layout.ts";
import type { GraphEnvelope } from "./schema.ts";

export type OutputOptions = {
  includeConfidential: boolean;
  extract: Partial<ExtractOptions>;
  /** The person's review decisions, re-applied on every run. */
  curation: Curation;
  /** Keep only edges a person accepted or added. */
  reviewedOnly: boolean;
  /** Skip the layout (positions stay 0), for outputs that do not draw. */
  layout: boolean;
};

export const DEFAULT_OUTPUT_OPTIONS: OutputOptions = { includeConfidential: false, extract: {}, curation: EMPTY_CURATION, reviewedOnly: false, layout: true };

export function selectRecords(records: OutcomeRecord[], includeConfidential: boolean): OutcomeRecord[] {
  return includeConfidential ? records : records.filter((r) => !r.confidential);
}

/** The extractor's options for an output: the config's, plus the pairs a person kept apart (they act inside resolution). */
export function reviewedExtractOptions(options: Partial<OutputOptions> = {}): Partial<ExtractOptions> {
  const opts = { ...DEFAULT_OUTPUT_OPTIONS, ...options };
  return { ...opts.extract, doNotMerge: [...(opts.extract.doNotMerge ?? []), ...keepApartPairs(opts.curation)] };
}

/** Extraction with the review decisions applied; keep-apart decisions act inside resolution, the rest after it. */
export function extractReviewed(
  records: OutcomeRecord[],
  options: Partial<OutputOptions> = {},
): { extraction: Extraction; stale: StaleDecision[]; mergeReport: MergeReport } {
  return applyReview(extractRecords(records, reviewedExtractOptions(options)), options);
}

/**
 * `extractReviewed` with each record's extraction on worker threads: from the records, or from a pool that was fed them
 * while they were read (created with `reviewedExtractOptions` of the same options).
 */
export async function extractReviewedParallel(
  source: OutcomeRecord[] | ExtractionPool,
  options: Partial<OutputOptions> = {},
  parallel: Partial<ParallelOptions> = {},
): Promise<{ extraction: Extraction; stale: StaleDecision[]; mergeReport: MergeReport }> {
  const extracted = Array.isArray(source) ? await extractRecordsParallel(source, reviewedExtractOptions(options), parallel) : await source.finish();
  return applyReview(extracted, options);
}

function applyReview(
  { extraction, mergeReport }: { extraction: Extraction; mergeReport: MergeReport },
  options: Partial<OutputOptions>,
): { extraction: Extraction; stale: StaleDecision[]; mergeReport: MergeReport } {
  const opts = { ...DEFAULT_OUTPUT_OPTIONS, ...options };
  return { ...applyCuration(extraction, opts.curation, { reviewedOnly: opts.reviewedOnly }), mergeReport };
}

export function buildOutputExtraction(records: OutcomeRecord[], options: Partial<OutputOptions> = {}): { extraction: Extraction; stale: StaleDecision[]; mergeReport: MergeReport } {
  const opts = { ...DEFAULT_OUTPUT_OPTIONS, ...options };
  return extractReviewed(selectRecords(records, opts.includeConfidential), opts);
}

export function buildOutputGraph(
  records: OutcomeRecord[],
  options: Partial<OutputOptions> = {},
): { graph: HarvestGraph; envelope: GraphEnvelope; stale: StaleDecision[] } {
  const opts = { ...DEFAULT_OUTPUT_OPTIONS, ...options };
  // 1. the records this output may show
  const selected = selectRecords(records, opts.includeConfidential);
  // 2. extraction over those records only, with the review decisions
  const { extraction, stale } = extractReviewed(selected, opts);
  // 3. the typed graph
  const graph = buildGraph(extraction);
  // 4. positions, stored with the graph
  if (opts.layout) {
    const positions = layoutGraph(graph);
    graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, ...positions[node] }));
  }
  const meta = { includesConfidential: opts.includeConfidential, pseudonymised: false, records: selected.length };
  return { graph, envelope: toEnvelope(graph, meta), stale };
}
