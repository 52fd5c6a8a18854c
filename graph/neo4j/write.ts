// Writes an extraction to Neo4j: UNWIND batches, MERGE on stable ids, nodes before relationships, one executeWrite
// transaction per batch. Idempotent; pushing a corrected record replaces that record's mentions and relationships.
import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { Extraction } from "../../ingest/schema.ts";
import type { Positions } from "../layout.ts";
import { Neo4jGraphError, explainDriverError } from "./errors.ts";
import { toPushRows, type MentionRow, type RelationRow, type SkippedRow } from "./rows.ts";
import { ensureSchema } from "./schema.ts";
import {
  CREATE_MENTIONS,
  CREATE_RELATIONS,
  DELETE_UNSUPPORTED_AMONG,
  REPLACE_PROVENANCE,
  UPSERT_ENTITIES,
  UPSERT_MENTIONS,
  UPSERT_OUTCOMES,
  UPSERT_RELATIONS,
  relationKey,
} from "./statements.ts";

export type PushPhase = "outcomes" | "provenance" | "entities" | "mentions" | "relations" | "cleanup";

export type PushProgress = { phase: PushPhase; done: number; total: number };

export type PushOptions = {
  /** Rows per transaction. */
  batchSize: number;
  /** Database name; the server's default when absent. */
  database?: string;
  /** Skip the IF NOT EXISTS schema statements (when the caller already ran ensureSchema). */
  skipSchema: boolean;
  /** Layout positions by node id, stored as `x`, `y` (computed by the caller: the push does no layout). */
  positions?: Positions;
  /** Called after each batch, e.g. for a progress bar on stderr. */
  onProgress?: (progress: PushProgress) => void;
  /** For error messages only. */
  uri?: string;
};

// 5,000 rows keep a transaction's state small (tens of MB with the quotes) while the commits stop dominating.
export const DEFAULT_PUSH_OPTIONS: PushOptions = { batchSize: 5000, skipSchema: false };

export type PushResult = {
  outcomes: number;
  entities: number;
  mentions: number;
  relations: number;
  /** Relationships of earlier pushes of these outcomes, deleted before writing the new ones. */
  replacedProvenance: number;
  /** Entities no record supports any more, removed. */
  removedEntities: number;
  /** Rows left out (unknown ids, relations without evidence), and rows whose endpoints were missing in the database. */
  skipped: SkippedRow[];
  transactions: number;
};

/** One statement and its parameters; a batch is a list of these run in one transaction. */
export type Step = { statement: string; params: Record<string, unknown> };

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Rows per statement within a batch. A batch's statements are sent without waiting for one another, so while the server
 * runs one, the driver packs the next and the server's network thread decodes it: client and server work overlap in
 * one transaction (no second transaction, so no lock contention). One statement per batch left the server idle while
 * the driver packed 5,000 rows, then the driver idle while the server ran them.
 */
export const STEP_ROWS = 1000;

/** Groups consecutive rows by statement (at most STEP_ROWS each), so a batch of sorted rows runs few statements. */
export function stepsFor<T>(rows: T[], statementOf: (row: T) => string, paramsOf: (row: T) => unknown = (row) => row): Step[] {
  const steps: Step[] = [];
  for (const row of rows) {
    const statement = statementOf(row);
    const last = steps[steps.length - 1];
    if (last && last.statement === statement && (last.params.rows as unknown[]).length < STEP_ROWS) (last.params.rows as unknown[]).push(paramsOf(row));
    else steps.push({ statement, params: { rows: [paramsOf(row)] } });
  }
  return steps;
}

/**
 * Runs a batch's steps and returns each step's first record (its counts), in order. The statements are sent without
 * waiting for one another (the driver pipelines them), so packing the next rows overlaps the server's work.
 */
async function runSteps(tx: ManagedTransaction, steps: Step[]): Promise<Record<string, unknown>[]> {
  const results = await Promise.all(steps.map((step) => tx.run(step.statement, step.params)));
  return results.map((result) => result.records[0]?.toObject() ?? {});
}

/** Only what the statements read travels: the endpoints' ids and the properties (which carry the outcome). */
const mentionParams = (row: MentionRow) => ({ entity: row.entity, props: row.props });
const relationParams = (row: RelationRow) => ({ source: row.source, target: row.target, props: row.props });

function validate(options: Partial<PushOptions>): PushOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const opts: PushOptions = { ...DEFAULT_PUSH_OPTIONS, ...given };
  if (!Number.isInteger(opts.batchSize) || opts.batchSize < 1)
    throw new Neo4jGraphError("E_CONFIG", `pushExtraction: batchSize must be a positive integer, got ${opts.batchSize}`);
  return opts;
}

/**
 * A failed batch as one line naming the batch: the driver's own translation when it has one (E_UNREACHABLE,
 * E_DATABASE_NOT_FOUND…), else E_WRITE. The batches before it are committed; pushing again completes the push.
 */
function explainWriteError(error: unknown, where: string, opts: PushOptions): unknown {
  const uri = opts.uri ?? "the configured server";
  const explained = explainDriverError(error, { uri, database: opts.database });
  const rerun = "the earlier batches are stored; push again to complete it";
  if (explained instanceof Neo4jGraphError) return new Neo4jGraphError(explained.code, `pushExtraction: ${where} failed: ${explained.message}; ${rerun}`, { cause: error });
  if (!(explained instanceof Error)) return explained;
  const code = (explained as { code?: string }).code;
  const line = explained.message.split("\n")[0].slice(0, 200);
  return new Neo4jGraphError("E_WRITE", `pushExtraction: ${where} failed at ${uri}: ${code ? `${code}: ` : ""}${line}; ${rerun}`, { cause: error });
}

const sum = (results: Record<string, unknown>[], key: string) => results.reduce((n, r) => n + Number(r[key] ?? 0), 0);
const strings = (results: Record<string, unknown>[], key: string) => results.flatMap((r) => (r[key] as string[] | undefined) ?? []);

/**
 * Pushes an extraction: 1. schema, 2. outcomes (noting which were there before), 3. delete the provenance of those
 * that were, 4. entities, 5. mentions, 6. relations, 7. remove the entities written or detached here that nothing
 * supports any more. Each batch is one `executeWrite` transaction (retried on transient errors). Mentions and
 * relations of this push's outcomes are CREATEd: step 3 (or their absence before step 2) guarantees none is left.
 */
export async function pushExtraction(driver: Driver, extraction: Extraction, options: Partial<PushOptions> = {}): Promise<PushResult> {
  const opts = validate(options);
  const rows = toPushRows(extraction, { positions: opts.positions });
  const result: PushResult = {
    outcomes: 0,
    entities: 0,
    mentions: 0,
    relations: 0,
    replacedProvenance: 0,
    removedEntities: 0,
    skipped: [...rows.skipped],
    transactions: 0,
  };
  const pushed = new Set(rows.outcomes.map((o) => o.id));

  if (!opts.skipSchema) await ensureSchema(driver, { database: opts.database, uri: opts.uri });
  const session = driver.session({ database: opts.database, defaultAccessMode: "WRITE" });
  try {
    const runPhase = async (phase: PushPhase, batches: Step[][]): Promise<Record<string, unknown>[]> => {
      const out: Record<string, unknown>[] = [];
      for (const [i, steps] of batches.entries()) {
        try {
          out.push(...(await session.executeWrite((tx) => runSteps(tx, steps))));
        } catch (error) {
          throw explainWriteError(error, `${phase} batch ${i + 1}/${batches.length}`, opts);
        }
        result.transactions += 1;
        opts.onProgress?.({ phase, done: i + 1, total: batches.length });
      }
      return out;
    };
    const batched = <T>(items: T[], toSteps: (batch: T[]) => Step[]) => chunk(items, opts.batchSize).map(toSteps);

    const outcomes = await runPhase("outcomes", batched(rows.outcomes, (b) => stepsFor(b, () => UPSERT_OUTCOMES)));
    result.outcomes = sum(outcomes, "written");
    const existing = strings(outcomes, "existing");
    const replaced = await runPhase("provenance", batched(existing, (b) => [{ statement: REPLACE_PROVENANCE, params: { ids: b } }]));
    result.replacedProvenance = sum(replaced, "deleted");
    const detached = [...strings(replaced, "sources"), ...strings(replaced, "targets")];

    result.entities = sum(await runPhase("entities", batched(rows.entities, (b) => stepsFor(b, (row) => UPSERT_ENTITIES[row.type]))), "written");
    const mentions = await runPhase(
      "mentions",
      batched(rows.mentions, (b) => stepsFor(b, (row) => (pushed.has(row.outcome) ? CREATE_MENTIONS : UPSERT_MENTIONS), mentionParams)),
    );
    result.mentions = sum(mentions, "written");
    const relations = await runPhase(
      "relations",
      batched(rows.relations, (b) =>
        stepsFor(
          b,
          (row) => (pushed.has(row.outcome) ? CREATE_RELATIONS : UPSERT_RELATIONS)[relationKey(row.type, row.sourceLabel, row.targetLabel)],
          relationParams,
        ),
      ),
    );
    result.relations = sum(relations, "written");

    const candidates = [...new Set([...rows.entities.map((e) => e.id), ...detached])].sort();
    const cleanup = await runPhase("cleanup", batched(candidates, (b) => [{ statement: DELETE_UNSUPPORTED_AMONG, params: { ids: b } }]));
    result.removedEntities = sum(cleanup, "deleted");
  } catch (error) {
    throw explainDriverError(error, { uri: opts.uri ?? "the configured server", database: opts.database });
  } finally {
    await session.close();
  }

  // MATCH drops a row whose endpoint is not in the database (an outcome neither in this push nor an earlier one).
  const missingMentions = rows.mentions.length - result.mentions;
  const missingRelations = rows.relations.length - result.relations;
  if (missingMentions > 0)
    result.skipped.push({ kind: "mention", id: `${missingMentions} mention(s)`, reason: "outcome not in the database" });
  if (missingRelations > 0)
    result.skipped.push({ kind: "relation", id: `${missingRelations} relationship(s)`, reason: "endpoint or outcome not in the database" });
  return result;
}
