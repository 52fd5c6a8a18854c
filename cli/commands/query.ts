// `harvestgraph query <name>`: runs one of the named contribution-analysis queries (graph/neo4j/queries/*.cypher)
// read-only against the configured Neo4j, and prints its rows as a table, CSV, JSON or a Markdown table.
import { readFileSync } from "node:fs";
import { defineCommand } from "citty";
import {
  buildParams,
  formatRows,
  listQueries,
  loadQuery,
  OutputFormat,
  QueryError,
  runNamedQuery,
  takesReviewed,
  type NamedQuery,
} from "../../graph/neo4j/index.ts";
import { CONFIDENTIAL_ARG, DATA_ARG } from "../args.ts";
import { resolveDataFolder } from "../data-folder.ts";
import { CLIError } from "../errors.ts";
import { OUTPUT_ARGS, outputFormat, readNeo4jErrors, repeatedFlag, writeOutput } from "./cypher.ts";
import { withDriver } from "./push.ts";

/** The header of one query, as `--list` prints it. */
export function describeQuery(query: NamedQuery): string {
  const params = query.params.map((p) => {
    const value = p.required ? "required" : p.default === null ? "optional" : `default ${Array.isArray(p.default) ? p.default.join(",") : String(p.default)}`;
    return `    --param ${p.name}=<${p.type}>  (${value}) ${p.description}`;
  });
  const columns = query.columns.map((c) => `    ${c.name}: ${c.description}`);
  return [
    `${query.name}: ${query.question}`,
    ...(query.description ? [`  ${query.description}`] : []),
    "  parameters:",
    ...(params.length ? params : ["    (none)"]),
    "  columns:",
    ...columns,
  ].join("\n");
}

function listing(format: OutputFormat): string {
  const queries = listQueries();
  if (format === "json") return `${JSON.stringify(queries.map(({ cypher: _cypher, ...header }) => header), null, 2)}\n`;
  return `${queries.map(describeQuery).join("\n\n")}\n`;
}

export default defineCommand({
  meta: {
    name: "query",
    description:
      "Run a named contribution-analysis query read-only against Neo4j (NEO4J_URI or the local server); --list shows each query's question, parameters and columns. Confidential outcomes and their quotes are left out unless --include-confidential; --reviewed keeps rows resting only on edges a person accepted or added",
  },
  args: {
    name: { type: "positional", required: false, description: "the query: contribution-chains, partner-network, outcomes-by-actor, other-actors, trainings-to-outcomes, framework-coverage, central-actors" },
    param: { type: "string", description: "a parameter as name=value, repeatable (e.g. --param country=DRC --param yearFrom=2022); file parameters take a path", valueHint: "K=V" },
    list: { type: "boolean", default: false, description: "list the queries with their parameters and columns (no database needed)" },
    ...OUTPUT_ARGS,
    reviewed: {
      type: "boolean",
      default: false,
      description: "keep only rows every edge of which a person accepted or added (see `harvestgraph review`); sets the query's reviewed parameter",
    },
    ...CONFIDENTIAL_ARG,
    ...DATA_ARG,
  },
  async run({ args, rawArgs }) {
    const format = outputFormat(args.format);
    try {
      if (args.list) return writeOutput(listing(format), args.out);
      if (!args.name) throw new CLIError("E_USAGE", `query: name a query, or --list them (${listQueries().map((q) => q.name).join(", ")})`);
      const query = loadQuery(args.name);
      const params = buildParams(query, repeatedFlag(rawArgs, "param"), {
        includeConfidential: args["include-confidential"],
        reviewed: args.reviewed,
        readFile: (path) => {
          try {
            return readFileSync(path, "utf8");
          } catch (error) {
            throw new CLIError("E_INPUT", `query ${query.name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
          }
        },
      });
      if (args.reviewed && !takesReviewed(query))
        process.stderr.write(`query ${query.name}: its rows rest on the records' own fields, no extracted edge; --reviewed changes nothing\n`);
      const result = await withDriver(resolveDataFolder(args.data), (driver, config) =>
        readNeo4jErrors(`query ${query.name}`, () => runNamedQuery(driver, query, params, { database: config.database, uri: config.uri })),
      );
      writeOutput(formatRows(result, format), args.out);
      const limit = params.limit;
      if (typeof limit === "number" && result.rows.length >= limit)
        process.stderr.write(`query ${query.name}: showing the first ${limit} rows; raise --param limit=N for more\n`);
      else process.stderr.write(`query ${query.name}: ${result.rows.length} row(s)\n`);
    } catch (error) {
      if (error instanceof QueryError) throw new CLIError("E_USAGE", error.message);
      throw error;
    }
  },
});
