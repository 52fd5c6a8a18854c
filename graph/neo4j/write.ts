// Writes an extraction to Neo4j: UNWIND batches, MERGE on stable ids, nodes before relationships, one executeWrite
// transaction per batch. Idempotent; pushing a corrected record replaces that record's mentions and relationships.
import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { Extraction } from "../../ingest/schema.ts";
import { Neo4jGraphError, explainDriverError } from "./errors.ts";
import { toPushRows, type SkippedRow } from "./rows.ts";
import { ensureSchema } from "./schema.ts";
import {
  DELETE_PROVENANCE,
  DELETE_UNSUPPORTED_ENTITIES,
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
  /** Called after each batch, e.g. for a progress bar on stderr. */
  onProgress?: (progress: PushProgress) => void;
  /** For error messages only. */
  uri?: string;
};

export const DEFAULT_PUSH_OPTIONS: PushOptions = { batchSize: 1000, skipSchema: false };

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

/** One statement and its rows; a batch is a list of these run in one transaction. */
type Step = { statement: string; params: Record<string, unknown> };

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Groups consecutive rows by statement, so a batch of sorted rows runs few statements. */
function stepsFor<T>(rows: T[], statementOf: (row: T) => string): Step[] {
  const steps: Step[] = [];
  for (const row of rows) {
    const statement = statementOf(row);
    const last = steps[steps.length - 1];
    if (last && last.statement === statement) (last.params.rows as T[]).push(row);
    else steps.push({ statement, params: { rows: [row] } });
  }
  return steps;
}

async function runSteps(tx: ManagedTransaction, steps: Step[]): Promise<number> {
  let total = 0;
  for (const step of steps) {
    const result = await tx.run(step.statement, step.params);
    const record = result.records[0];
    total += record ? Number(record.get(record.keys[0] as string)) : 0;
  }
  return total;
}

function validate(options: Partial<PushOptions>): PushOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const opts: PushOptions = { ...DEFAULT_PUSH_OPTIONS, ...given };
  if (!Number.isInteger(opts.batchSize) || opts.batchSize < 1)
    throw new Neo4jGraphError("E_CONFIG", `pushExtraction: batchSize must be a positive integer, got ${opts.batchSize}`);
  return opts;
}

/**
 * Pushes an extraction: 1. schema, 2. outcomes, 3. delete these outcomes' old provenance, 4. entities,
 * 5. mentions, 6. relations, 7. remove entities nothing supports. Each batch is one `executeWrite` transaction.
 */
export async function pushExtraction(driver: Driver, extraction: Extraction, options: Partial<PushOptions> = {}): Promise<PushResult> {
  const opts = validate(options);
  const rows = toPushRows(extraction);
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

  if (!opts.skipSchema) await ensureSchema(driver, { database: opts.database, uri: opts.uri });
  const session = driver.session({ database: opts.database, defaultAccessMode: "WRITE" });
  try {
    const runPhase = async (phase: PushPhase, batches: Step[][]): Promise<number> => {
      let written = 0;
      for (const [i, steps] of batches.entries()) {
        written += await session.executeWrite((tx) => runSteps(tx, steps));
        result.transactions += 1;
        opts.onProgress?.({ phase, done: i + 1, total: batches.length });
      }
      return written;
    };
    const batched = <T>(items: T[], toSteps: (batch: T[]) => Step[]) => chunk(items, opts.batchSize).map(toSteps);

    result.outcomes = await runPhase("outcomes", batched(rows.outcomes, (b) => [{ statement: UPSERT_OUTCOMES, params: { rows: b } }]));
    const ids = rows.outcomes.map((o) => o.id);
    result.replacedProvenance = await runPhase(
      "provenance",
      batched(ids, (b) => DELETE_PROVENANCE.map((statement) => ({ statement, params: { ids: b } }))),
    );
    result.entities = await runPhase("entities", batched(rows.entities, (b) => stepsFor(b, (row) => UPSERT_ENTITIES[row.type])));
    result.mentions = await runPhase("mentions", batched(rows.mentions, (b) => [{ statement: UPSERT_MENTIONS, params: { rows: b } }]));
    result.relations = await runPhase(
      "relations",
      batched(rows.relations, (b) => stepsFor(b, (row) => UPSERT_RELATIONS[relationKey(row.type, row.sourceLabel, row.targetLabel)])),
    );
    result.removedEntities = await runPhase("cleanup", [[{ statement: DELETE_UNSUPPORTED_ENTITIES, params: {} }]]);
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
    result.skipped.push({ kind: "relation", id: `${missingRelations} relationship(s)`, reason: "endpoint not in the database" });
  return result;
}
