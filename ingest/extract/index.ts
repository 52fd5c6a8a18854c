// Public surface of extraction: outcome records → entities and relations with verbatim evidence, merged across records.
// Rule-based and local: nothing leaves the machine.
import { ACTORS } from "../gazetteer/actors.ts";
import { resolveEntities } from "../resolve.ts";
import { Extraction, type OutcomeRecord } from "../schema.ts";
import { buildGazetteer } from "./_actors.ts";
import { readRecord } from "./_mentions.ts";
import { findLocations } from "./_located.ts";
import { boundForRelations, findRelations } from "./_relations.ts";
import { findTrainings } from "./_trainings.ts";
import { DEFAULT_EXTRACT_OPTIONS, ExtractOptions, type MergeReport, type RecordExtraction } from "./types.ts";

export { DEFAULT_EXTRACT_OPTIONS, ExtractOptions, GazetteerEntry, MergeReport } from "./types.ts";
export type { LocalEntity, LocalRelation, RecordExtraction } from "./types.ts";
export { entityId, similarity } from "../resolve.ts";
export { ACTORS as GAZETTEER_ACTORS } from "../gazetteer/actors.ts";
export { DEFAULT_PARALLEL_OPTIONS, ParallelOptions, createExtractionPool, extractRecordsParallel, type ExtractionPool } from "./parallel.ts";

export class ExtractError extends Error {
  readonly code: "E_EXTRACT_OPTIONS";
  constructor(code: "E_EXTRACT_OPTIONS", message: string) {
    super(message);
    this.name = "ExtractError";
    this.code = code;
  }
}

/** Validates the partial options once and fills in the defaults. */
export function resolveExtractOptions(options: Partial<ExtractOptions> = {}): ExtractOptions {
  const parsed = ExtractOptions.safeParse({ ...DEFAULT_EXTRACT_OPTIONS, ...options });
  if (!parsed.success) throw new ExtractError("E_EXTRACT_OPTIONS", `extractRecords: invalid options: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** One record's entities and relations, before resolution across records (pure). */
export function extractRecordLocal(record: OutcomeRecord, options: Partial<ExtractOptions> = {}): RecordExtraction {
  return createLocalExtractor(options)(record);
}

/** `extractRecordLocal` with the options validated and the gazetteer chosen once, for many records (a worker's loop). */
export function createLocalExtractor(options: Partial<ExtractOptions> = {}): (record: OutcomeRecord) => RecordExtraction {
  const gazetteer = gazetteerFor(resolveExtractOptions(options));
  return (record) => extractOne(record, gazetteer);
}

/** Records → one extraction document plus the merge report (pure; ids depend only on canonical names). */
export function extractRecords(records: OutcomeRecord[], options: Partial<ExtractOptions> = {}): { extraction: Extraction; mergeReport: MergeReport } {
  // 1. options and the gazetteer they select
  const opts = resolveExtractOptions(options);
  const gazetteer = gazetteerFor(opts);
  // 2. each record on its own: mentions, references, relations
  const local = records.map((r) => extractOne(r, gazetteer));
  // 3. one node per actor across records, and the sentences cut for the relation rules
  return mergeLocalExtractions(records, local, opts);
}

/**
 * Records and their local extractions (in record order, made here or on worker threads) → the extraction document: one
 * node per actor across records, and the merge report with the sentences too long for the relation rules, which read
 * only their start.
 */
export function mergeLocalExtractions(
  records: OutcomeRecord[],
  local: RecordExtraction[],
  options: Partial<ExtractOptions> = {},
): { extraction: Extraction; mergeReport: MergeReport } {
  const { entities, relations, mergeReport } = resolveEntities(local, resolveExtractOptions(options));
  const cut = local.flatMap((l) => l.cut ?? []);
  if (cut.length > 0) mergeReport.cutSentences = cut;
  return { extraction: { outcomes: records, entities, relations }, mergeReport };
}

function extractOne(record: OutcomeRecord, gazetteer: ReturnType<typeof buildGazetteer> | null): RecordExtraction {
  const view = readRecord(record, gazetteer);
  // a bound on the work one input can cause: relation rules read at most the start of a very long sentence
  const bounded = boundForRelations(view);
  const relations = findRelations(bounded.view);
  // trainings the text describes become nodes, and places get their edges (both unscored, both for the graph)
  relations.push(...findTrainings(bounded.view, relations), ...findLocations(bounded.view));
  return { outcome: record.id, entities: [...view.entities.values()], relations, ...(bounded.cut.length > 0 ? { cut: bounded.cut } : {}) };
}

const cache = new WeakMap<object, ReturnType<typeof buildGazetteer>>();
function gazetteerFor(opts: ExtractOptions): ReturnType<typeof buildGazetteer> | null {
  const entries = [...(opts.gazetteer ? ACTORS : []), ...opts.gazetteerAdditions];
  if (entries.length === 0) return null;
  const cacheKey = opts.gazetteerAdditions.length === 0 ? (opts.gazetteer ? ACTORS : null) : null;
  if (cacheKey && cache.has(cacheKey)) return cache.get(cacheKey)!;
  const trie = buildGazetteer(entries);
  if (cacheKey) cache.set(cacheKey, trie);
  return trie;
}

export { Extraction };
