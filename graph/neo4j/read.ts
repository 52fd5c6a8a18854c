// Read-only access to Neo4j: the named queries and the user's raw Cypher, both through session.executeRead (read
// access mode); raw Cypher is first EXPLAINed and refused unless its plan is a pure read of the session's database.
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import type { NamedQuery, ParamValue } from "./queries/index.ts";
import { explainDriverError } from "./errors.ts";

export type Neo4jReadErrorCode =
  | "E_NOT_READ_ONLY" // a write, schema, admin or file-reading query, refused (before running it, or by the server)
  | "E_QUERY"; // the server rejected the query (syntax, unknown procedure, timeout…)

export class Neo4jReadError extends Error {
  readonly code: Neo4jReadErrorCode;
  constructor(code: Neo4jReadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "Neo4jReadError";
    this.code = code;
  }
}

export type Row = Record<string, unknown>;
export type ReadResult = { columns: string[]; rows: Row[] };
export type ReadOptions = {
  database?: string;
  /** Server-side transaction timeout; a runaway read is stopped rather than left running. */
  timeoutMs: number;
  /** For error messages only. */
  uri?: string;
};
export const DEFAULT_READ_OPTIONS: ReadOptions = { timeoutMs: 120_000 };

/**
 * Plan operators refused even in a read plan: LOAD CSV reads the server's files or URLs; CALL {…} IN TRANSACTIONS
 * commits on its own; TERMINATE TRANSACTIONS stops others' work; administration commands run on the system database.
 */
export const REFUSED_OPERATORS: readonly string[] = [
  "LoadCSV",
  "TransactionApply",
  "TransactionForeach",
  "TerminateTransactions",
  "AdministrationCommand",
];

const QUERY_TYPES: Record<string, string> = { r: "read", rw: "read-write", w: "write", s: "schema or system" };

type PlanNode = { operatorType: string; children?: PlanNode[] };

/** Every operator of a plan, as [operator, database] ("Create@neo4j" → ["Create", "neo4j"]). */
function planOperators(plan: PlanNode | false | undefined): [string, string | undefined][] {
  if (!plan) return [];
  const [op, db] = plan.operatorType.split("@");
  return [[op, db], ...(plan.children ?? []).flatMap((child) => planOperators(child))];
}

function firstLine(text: string): string {
  return text.split("\n")[0].trim().slice(0, 300);
}

/** Driver errors → one line: AccessMode → E_NOT_READ_ONLY, other server refusals → E_QUERY, connection faults → Neo4jGraphError. */
function explainReadError(error: unknown, options: ReadOptions): unknown {
  if (error instanceof Neo4jReadError) return error;
  const code = (error as { code?: string })?.code ?? "";
  if (code === "Neo.ClientError.Statement.AccessMode" || /read access mode/i.test((error as Error)?.message ?? ""))
    return new Neo4jReadError("E_NOT_READ_ONLY", `refused by the server: ${firstLine((error as Error).message)}`, { cause: error });
  if (code.startsWith("Neo.ClientError.") || code.startsWith("Neo.TransientError.Transaction"))
    return new Neo4jReadError("E_QUERY", `Neo4j rejected the query: ${firstLine((error as Error).message)}`, { cause: error });
  return explainDriverError(error, { uri: options.uri ?? "the configured server", database: options.database });
}

/**
 * EXPLAINs `cypher` (nothing runs) in a read transaction and throws E_NOT_READ_ONLY unless the server plans it as a
 * pure read ('r') of the session's own database with none of REFUSED_OPERATORS.
 */
export async function assertReadOnly(driver: Driver, cypher: string, params: Record<string, unknown> = {}, options: Partial<ReadOptions> = {}): Promise<void> {
  const opts = { ...DEFAULT_READ_OPTIONS, ...options };
  if (/^\s*(EXPLAIN|PROFILE)\b/i.test(cypher)) throw new Neo4jReadError("E_NOT_READ_ONLY", "refused: leave out EXPLAIN/PROFILE; the query is explained before it runs");
  const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.READ });
  try {
    const summary = await session.executeRead(async (tx) => (await tx.run(`EXPLAIN ${cypher}`, params)).summary, { timeout: opts.timeoutMs });
    const kind = summary.queryType;
    if (kind !== "r") throw new Neo4jReadError("E_NOT_READ_ONLY", `refused: this is a ${QUERY_TYPES[kind] ?? kind} query; cypher runs reads only`);
    const database = summary.database.name ?? undefined;
    for (const [op, db] of planOperators(summary.plan as PlanNode | false)) {
      if (REFUSED_OPERATORS.includes(op)) throw new Neo4jReadError("E_NOT_READ_ONLY", `refused: the plan uses ${op}, which cypher does not run`);
      if (db && database && db !== database) throw new Neo4jReadError("E_NOT_READ_ONLY", `refused: the query reaches database "${db}"; cypher reads "${database}" only`);
    }
  } catch (error) {
    throw explainReadError(error, opts);
  } finally {
    await session.close();
  }
}

/** Runs one statement in a read transaction (executeRead: read access mode, read routing, transient errors retried). */
export async function runRead(driver: Driver, cypher: string, params: Record<string, unknown> = {}, options: Partial<ReadOptions> = {}): Promise<ReadResult> {
  const opts = { ...DEFAULT_READ_OPTIONS, ...options };
  const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      async (tx: ManagedTransaction) => {
        const result = tx.run(cypher, params);
        const columns = await result.keys();
        const { records } = await result;
        return { columns: [...columns] as string[], rows: records.map((r) => toPlainRow(columns as string[], r.toObject())) };
      },
      { timeout: opts.timeoutMs },
    );
  } catch (error) {
    throw explainReadError(error, opts);
  } finally {
    await session.close();
  }
}

/** The user's raw Cypher: refused unless it is a pure read (assertReadOnly), then run read-only (runRead). */
export async function runReadOnlyCypher(driver: Driver, cypher: string, params: Record<string, unknown> = {}, options: Partial<ReadOptions> = {}): Promise<ReadResult> {
  await assertReadOnly(driver, cypher, params, options);
  return runRead(driver, cypher, params, options);
}

/** Integer-typed parameters go as Neo4j integers (LIMIT needs one; JS numbers travel as floats). */
function toDriverParams(query: NamedQuery, params: Record<string, ParamValue>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  for (const spec of query.params) if (spec.type === "integer" && typeof out[spec.name] === "number") out[spec.name] = neo4j.int(out[spec.name] as number);
  return out;
}

/** Runs a named query (its parameters already built by buildParams) read-only; columns as its header lists them. */
export async function runNamedQuery(driver: Driver, query: NamedQuery, params: Record<string, ParamValue>, options: Partial<ReadOptions> = {}): Promise<ReadResult> {
  const result = await runRead(driver, query.cypher, toDriverParams(query, params), options);
  return { columns: query.columns.map((c) => c.name), rows: result.rows };
}

function toPlainRow(columns: string[], record: Record<string, unknown>): Row {
  return Object.fromEntries(columns.map((c) => [c, toPlain(record[c])]));
}

/** Neo4j values → JSON-able values: nodes and relationships as maps, integers as numbers, temporal and spatial values as strings. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value !== "object") return value;
  if (neo4j.isNode(value)) return { labels: [...value.labels], properties: toPlain(value.properties) };
  if (neo4j.isRelationship(value)) return { type: value.type, properties: toPlain(value.properties) };
  if (neo4j.isPath(value))
    return value.segments.map((s) => ({ start: toPlain(s.start), relationship: toPlain(s.relationship), end: toPlain(s.end) }));
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value) ||
    neo4j.isPoint(value)
  )
    return String(value);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
}
