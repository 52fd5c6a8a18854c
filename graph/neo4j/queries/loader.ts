// Reads the named .cypher queries beside this file: parses each header (question, typed parameters, columns) and turns
// the CLI's `--param name=value` strings into the declared types, validated with zod.
import { readdirSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { resolveCountry } from "../../../ingest/index.ts";
import { NamedQuery, ParamType, QueryError, REVIEWED_PARAM, RUNNER_PARAMS, type ColumnSpec, type ParamSpec, type ParamValue } from "./types.ts";

export const QUERIES_DIR = fileURLToPath(new URL(".", import.meta.url));

const PARAM_LINE = /^@param\s+([A-Za-z][A-Za-z0-9]*)\s*:\s*(\S+?)(\?|\s*=\s*(.+?))?\s+—\s+(.+)$/;
const COLUMN_LINE = /^@column\s+([A-Za-z][A-Za-z0-9]*)\s+—\s+(.+)$/;

/** Parses one .cypher file: the leading `//` lines are the header, the rest is the statement. */
export function parseQueryFile(name: string, text: string): NamedQuery {
  const lines = text.split("\n");
  const headerEnd = lines.findIndex((line) => !line.startsWith("//"));
  const header = lines.slice(0, headerEnd < 0 ? lines.length : headerEnd).map((line) => line.replace(/^\/\/\s?/, "").trim());
  const cypher = lines.slice(headerEnd < 0 ? lines.length : headerEnd).join("\n").trim();
  const free: string[] = [];
  const params: ParamSpec[] = [];
  const columns: ColumnSpec[] = [];
  const fail = (message: string) => new QueryError("E_HEADER", `query ${name}: ${message}`);
  for (const line of header) {
    if (line.startsWith("@param")) {
      const m = PARAM_LINE.exec(line);
      const type = ParamType.safeParse(m?.[2]);
      if (!m || !type.success) throw fail(`cannot read "${line}" (expected "@param name: type[?| = default] — description")`);
      const spec: ParamSpec = { name: m[1], type: type.data, required: !m[3], description: m[5] };
      if (m[3] === "?") spec.default = null;
      else if (m[4] !== undefined) spec.default = convertParam(name, spec, m[4]);
      params.push(spec);
    } else if (line.startsWith("@column")) {
      const m = COLUMN_LINE.exec(line);
      if (!m) throw fail(`cannot read "${line}" (expected "@column name — description")`);
      columns.push({ name: m[1], description: m[2] });
    } else if (line.startsWith("@")) throw fail(`unknown header tag in "${line}"`);
    else if (line) free.push(line);
  }
  checkParamsUsed(name, params, cypher);
  const parsed = NamedQuery.safeParse({ name, question: free[0] ?? "", description: free.slice(1).join(" "), params, columns, cypher });
  if (!parsed.success) throw fail(z.prettifyError(parsed.error).replace(/\n/g, "; "));
  return parsed.data;
}

/**
 * Every `$name` in the statement is declared (or set by the runner), every declared parameter is used, and a declared
 * `reviewed` is the boolean --reviewed sets.
 */
function checkParamsUsed(name: string, params: ParamSpec[], cypher: string): void {
  const used = new Set([...cypher.matchAll(/\$([A-Za-z][A-Za-z0-9]*)/g)].map((m) => m[1]));
  const declared = new Set(params.map((p) => p.name));
  for (const p of used)
    if (!declared.has(p) && !(RUNNER_PARAMS as readonly string[]).includes(p))
      throw new QueryError("E_HEADER", `query ${name}: $${p} is used but not declared in the header`);
  for (const p of declared) if (!used.has(p)) throw new QueryError("E_HEADER", `query ${name}: parameter ${p} is declared but not used`);
  for (const p of RUNNER_PARAMS) if (declared.has(p)) throw new QueryError("E_HEADER", `query ${name}: ${p} is set by the runner, not declared`);
  const reviewed = params.find((p) => p.name === REVIEWED_PARAM);
  if (reviewed && (reviewed.type !== "boolean" || reviewed.default !== false))
    throw new QueryError("E_HEADER", `query ${name}: ${REVIEWED_PARAM} is what --reviewed sets, so it is declared "boolean = false"`);
}

/** Whether the query's rows rest on edges, so that --reviewed can keep those a person accepted or added. */
export function takesReviewed(query: NamedQuery): boolean {
  return query.params.some((p) => p.name === REVIEWED_PARAM);
}

/** The names of the shipped queries, sorted. */
export function queryNames(): string[] {
  return readdirSync(QUERIES_DIR)
    .filter((f) => f.endsWith(".cypher"))
    .map((f) => f.slice(0, -".cypher".length))
    .sort();
}

export function loadQuery(name: string): NamedQuery {
  const names = queryNames();
  if (!names.includes(name)) throw new QueryError("E_UNKNOWN_QUERY", `no query named "${name}"; the queries are: ${names.join(", ")}`);
  return parseQueryFile(name, readFileSync(`${QUERIES_DIR}${name}.cypher`, "utf8"));
}

export function listQueries(): NamedQuery[] {
  return queryNames().map(loadQuery);
}

const TRUE = new Set(["true", "yes", "1", "on"]);
const FALSE = new Set(["false", "no", "0", "off"]);

const CONVERTERS: Record<Exclude<ParamType, "file">, z.ZodType<ParamValue>> = {
  string: z.string(),
  integer: z.string().trim().regex(/^[+-]?\d+$/, "not an integer").transform(Number).pipe(z.number().int().safe()),
  float: z
    .string()
    .trim()
    .regex(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i, "not a number")
    .transform(Number),
  boolean: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => TRUE.has(v) || FALSE.has(v), "not true/false")
    .transform((v) => TRUE.has(v)),
  "string[]": z.string().transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
};

/** One `--param` value as the declared type; a `country` becomes its ISO code (or the region's name) when the gazetteer knows it. */
export function convertParam(query: string, spec: ParamSpec, raw: string, readFile?: (path: string) => string): ParamValue {
  if (spec.type === "file") {
    if (!readFile) throw new QueryError("E_PARAM", `query ${query}: --param ${spec.name} needs a file, which only the CLI reads`);
    return parseRowsFile(raw, readFile(raw));
  }
  const parsed = CONVERTERS[spec.type].safeParse(raw);
  if (!parsed.success)
    throw new QueryError("E_PARAM", `query ${query}: --param ${spec.name}=${raw}: expected ${spec.type} (${parsed.error.issues[0]?.message})`);
  if (spec.name === "country" && typeof parsed.data === "string") return canonicalCountry(parsed.data);
  return parsed.data;
}

/** "DRC", "RDC", "Democratic Republic of the Congo" → "COD"; "sahel" → "Sahel"; anything else (e.g. an ISO code) unchanged. */
export function canonicalCountry(value: string): string {
  const country = resolveCountry(value);
  if (country.kind === "country" && country.iso) return country.iso;
  if (country.kind === "region" && !/[,;/&]/.test(value)) return country.name;
  return value.trim();
}

const RowsFile = z.union([
  z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))).min(1),
  // {"1.2": "Title", …}: codes as keys.
  z.record(z.string(), z.string()).refine((o) => Object.keys(o).length > 0, "empty"),
]);

/** A JSON array of flat objects (or a {code: title} object), or a CSV with a header row → rows of strings. */
export function parseRowsFile(path: string, text: string): Record<string, string>[] {
  let data: unknown;
  try {
    data = extname(path).toLowerCase() === ".json" ? JSON.parse(text) : parseCsv(text.replace(/^\uFEFF/, ""), { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new QueryError("E_PARAM", `${path}: cannot read (${(error as Error).message.split("\n")[0]})`);
  }
  const parsed = RowsFile.safeParse(data);
  if (!parsed.success) throw new QueryError("E_PARAM", `${path}: expected a JSON array of objects, a {code: title} object or a CSV with a header row`);
  const rows = Array.isArray(parsed.data)
    ? parsed.data.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.trim(), v === null ? "" : String(v).trim()])))
    : Object.entries(parsed.data).map(([code, title]) => ({ code, title }));
  return rows;
}

export type BuildParamsOptions = {
  /** The runner's choice, from --include-confidential. */
  includeConfidential: boolean;
  /** --reviewed: sets the query's `reviewed` parameter; a query resting on no edge declares none and is unchanged. */
  reviewed?: boolean;
  /** Reads a `file` parameter's path (the CLI passes fs; the library reads no files itself). */
  readFile?: (path: string) => string;
};

/** `["year=2023", "country=DRC"]` → every declared parameter with its value or default, plus the runner's. */
export function buildParams(query: NamedQuery, assignments: string[], options: BuildParamsOptions): Record<string, ParamValue> {
  const given = new Map<string, ParamValue>();
  for (const assignment of assignments) {
    const eq = assignment.indexOf("=");
    if (eq <= 0) throw new QueryError("E_PARAM", `query ${query.name}: --param ${assignment}: expected name=value`);
    const name = assignment.slice(0, eq).trim();
    const raw = assignment.slice(eq + 1);
    if ((RUNNER_PARAMS as readonly string[]).includes(name))
      throw new QueryError("E_PARAM", `query ${query.name}: ${name} is not a --param; use --include-confidential`);
    const spec = query.params.find((p) => p.name === name);
    if (!spec)
      throw new QueryError(
        "E_PARAM",
        `query ${query.name} has no parameter "${name}" (its parameters: ${query.params.map((p) => p.name).join(", ") || "none"})`,
      );
    const value = convertParam(query.name, spec, raw, options.readFile);
    const previous = given.get(name);
    if (previous !== undefined && spec.type !== "string[]") throw new QueryError("E_PARAM", `query ${query.name}: --param ${name} given twice`);
    given.set(name, Array.isArray(previous) && Array.isArray(value) ? [...(previous as string[]), ...(value as string[])] : value);
  }
  if (options.reviewed && takesReviewed(query)) {
    if (given.get(REVIEWED_PARAM) === false)
      throw new QueryError("E_PARAM", `query ${query.name}: --reviewed and --param ${REVIEWED_PARAM}=false contradict each other`);
    given.set(REVIEWED_PARAM, true);
  }
  const params: Record<string, ParamValue> = {};
  for (const spec of query.params) {
    if (given.has(spec.name)) params[spec.name] = given.get(spec.name)!;
    else if (spec.default !== undefined) params[spec.name] = spec.default;
    else throw new QueryError("E_PARAM", `query ${query.name}: --param ${spec.name}=… is required (${spec.description})`);
  }
  params.includeConfidential = options.includeConfidential;
  return params;
}
