// `harvestgraph cypher "<query>"`: raw read-only Cypher against the user's own Neo4j. The query is EXPLAINed first and
// refused unless the server plans a pure read; it then runs through executeRead, in read access mode.
import { defineCommand, type ArgsDef } from "citty";
import { Neo4jReadError, OUTPUT_FORMATS, OutputFormat, formatRows, runReadOnlyCypher } from "../../graph/neo4j/index.ts";
import { DATA_ARG } from "../args.ts";
import { resolveDataFolder, writeFileAtomic } from "../data-folder.ts";
import { CLIError } from "../errors.ts";
import { withDriver } from "./push.ts";

export const OUTPUT_ARGS = {
  format: { type: "string", default: "table", description: `output format: ${OUTPUT_FORMATS.join(", ")} (json: an array of row objects)`, valueHint: "FORMAT" },
  out: { type: "string", description: "write the rows to this file instead of stdout", valueHint: "FILE" },
} as const satisfies ArgsDef;

export function outputFormat(value: string | undefined): OutputFormat {
  const parsed = OutputFormat.safeParse(value ?? "table");
  if (!parsed.success) throw new CLIError("E_USAGE", `--format: expected one of ${OUTPUT_FORMATS.join(", ")}, got "${value}"`);
  return parsed.data;
}

/** Every value of a repeatable flag (`--param a=1 --param b=2`, `--param=a=1`): citty keeps only the last. */
export function repeatedFlag(rawArgs: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i];
    if (arg === `--${name}`) {
      if (i + 1 >= rawArgs.length) throw new CLIError("E_USAGE", `--${name}: expected a value`);
      values.push(rawArgs[++i]);
    } else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
  }
  return values;
}

/** stdout carries only the rows; --out writes them through a temporary file and a rename. */
export function writeOutput(text: string, out: string | undefined): void {
  if (out && out !== "-") writeFileAtomic(out, text);
  else process.stdout.write(text);
}

/** Read refusals and server rejections become one CLI line. */
export async function readNeo4jErrors<T>(command: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Neo4jReadError) throw new CLIError(error.code === "E_NOT_READ_ONLY" ? "E_USAGE" : "E_NEO4J", `${command}: ${error.message}`);
    throw error;
  }
}

/** `--param k=v` for raw Cypher: the value as JSON when it parses (numbers, booleans, lists), else as a string. */
export function rawParams(assignments: string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf("=");
    if (eq <= 0) throw new CLIError("E_USAGE", `--param ${assignment}: expected name=value`);
    const raw = assignment.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // not JSON: a plain string
    }
    params[assignment.slice(0, eq).trim()] = value;
  }
  return params;
}

export default defineCommand({
  meta: {
    name: "cypher",
    description:
      "Raw READ-ONLY Cypher against your own Neo4j (NEO4J_URI or the local server). Writes, schema and admin commands, LOAD CSV and CALL … IN TRANSACTIONS are refused before they run (EXPLAIN), and the query runs in read access mode. Confidential records are NOT filtered: every record in the database can be read",
  },
  args: {
    query: { type: "positional", required: true, description: "the Cypher query (one statement; quote it for the shell)" },
    param: { type: "string", description: "a query parameter as name=value (JSON values parsed), repeatable", valueHint: "K=V" },
    ...OUTPUT_ARGS,
    ...DATA_ARG,
  },
  async run({ args, rawArgs }) {
    const format = outputFormat(args.format);
    const params = rawParams(repeatedFlag(rawArgs, "param"));
    if (!args.query.trim()) throw new CLIError("E_USAGE", "cypher: the query is empty");
    const result = await withDriver(resolveDataFolder(args.data), (driver, config) =>
      readNeo4jErrors("cypher", () => runReadOnlyCypher(driver, args.query, params, { database: config.database, uri: config.uri })),
    );
    writeOutput(formatRows(result, format), args.out);
    process.stderr.write(`cypher: ${result.rows.length} row(s)\n`);
  },
});
