// Shapes of the named-query library: a query's header (question, typed parameters, columns) and the errors it raises.
import { z } from "zod";

/** The parameter types a header may declare; `file` is a path the CLI reads into rows (JSON array or CSV with a header). */
export const PARAM_TYPES = ["string", "integer", "float", "boolean", "string[]", "file"] as const;
export const ParamType = z.enum(PARAM_TYPES);
export type ParamType = z.infer<typeof ParamType>;

/** A value a parameter may hold once converted: what Neo4j receives. */
export type ParamValue = string | number | boolean | string[] | Record<string, string>[] | null;

export const ParamSpec = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
  type: ParamType,
  /** Absent when the parameter is required; null when it is optional with no value ("all"). */
  default: z.custom<ParamValue>().optional(),
  required: z.boolean(),
  description: z.string().min(1),
});
export type ParamSpec = z.infer<typeof ParamSpec>;

export const ColumnSpec = z.object({ name: z.string().min(1), description: z.string().min(1) });
export type ColumnSpec = z.infer<typeof ColumnSpec>;

export const NamedQuery = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** The header's first line: the question the query answers. */
  question: z.string().min(1),
  /** The header's other free lines. */
  description: z.string(),
  params: z.array(ParamSpec),
  columns: z.array(ColumnSpec).min(1),
  cypher: z.string().min(1),
});
export type NamedQuery = z.infer<typeof NamedQuery>;

/** Set by the runner, never by the user: whether confidential outcomes and their quotes are included. */
export const RUNNER_PARAMS = ["includeConfidential"] as const;

/**
 * `reviewed: boolean = false`, declared by every query whose rows rest on edges: when true, each relationship a row rests
 * on must have status accepted or added. The CLI's --reviewed sets it.
 */
export const REVIEWED_PARAM = "reviewed";

export type QueryErrorCode =
  | "E_UNKNOWN_QUERY" // no .cypher file of that name
  | "E_HEADER" // a .cypher file's header does not parse (a bug in the library, caught by its tests)
  | "E_PARAM"; // a --param the query does not declare, or a value of the wrong type

export class QueryError extends Error {
  readonly code: QueryErrorCode;
  constructor(code: QueryErrorCode, message: string) {
    super(message);
    this.name = "QueryError";
    this.code = code;
  }
}
