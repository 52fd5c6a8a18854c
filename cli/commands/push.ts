// `harvestgraph push [records|extraction.json]`: writes the extraction to the configured Neo4j in batches, with a progress bar on stderr.
import { existsSync, readFileSync, statSync } from "node:fs";
import { defineCommand } from "citty";
import type { Driver } from "neo4j-driver";
import { connectDriver, describeBetweennessMethod, forgetOutcomes, Neo4jGraphError, pushExtraction, resolveNeo4jConfig, updateCentrality, type Neo4jConfig, type PushProgress } from "../../graph/neo4j/index.ts";
import { buildGraph } from "../../graph/build.ts";
import { layoutGraph } from "../../graph/layout.ts";
import { buildOutputExtraction } from "../../graph/pipeline.ts";
import { Extraction } from "../../ingest/schema.ts";
import { CONFIDENTIAL_ARG, DATA_ARG, positionalPaths } from "../args.ts";
import { loadConfig } from "../config.ts";
import { type DataFolder, resolveDataFolder } from "../data-folder.ts";
import { CLIError } from "../errors.ts";
import { loadRecords } from "../records.ts";
import { outputOptions } from "../build-outputs.ts";
import { reportStale } from "../curation.ts";

export function isLoopback(uri: string): boolean {
  try {
    const host = new URL(uri).hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host === "::1" || /^127\./.test(host);
  } catch {
    return false;
  }
}

/** Runs `work` with one driver, closed in finally; Neo4j errors become one CLI line. */
export async function withDriver<T>(folder: DataFolder, work: (driver: Driver, config: Neo4jConfig) => Promise<T>): Promise<T> {
  let config: Neo4jConfig;
  let driver: Driver;
  try {
    config = resolveNeo4jConfig({ dataDir: folder.dir });
    driver = await connectDriver(config);
  } catch (error) {
    if (error instanceof Neo4jGraphError) throw new CLIError("E_NEO4J", error.message);
    throw error;
  }
  try {
    return await work(driver, config);
  } catch (error) {
    if (error instanceof Neo4jGraphError) throw new CLIError("E_NEO4J", error.message);
    throw error;
  } finally {
    await driver.close();
  }
}

function progressBar(): (p: PushProgress) => void {
  if (!process.stderr.isTTY) return () => {};
  return ({ phase, done, total }) => {
    const width = 24;
    const filled = Math.round((done / Math.max(1, total)) * width);
    process.stderr.write(`\r${phase.padEnd(10)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`);
  };
}

function readExtractionFile(path: string): Extraction | null {
  if (!path.endsWith(".json") || !statSync(path).isFile()) return null;
  const json = JSON.parse(readFileSync(path, "utf8")) as unknown;
  if (!json || typeof json !== "object" || !("relations" in json)) return null;
  const parsed = Extraction.safeParse(json);
  if (!parsed.success) throw new CLIError("E_INPUT", `${path}: not a harvestgraph extraction (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

/** The extraction a push sends: everything to a loopback server (the user's own store); public records only elsewhere unless asked. */
async function extractionToPush(paths: string[], folder: DataFolder, uri: string, includeConfidential: boolean): Promise<Extraction> {
  const remote = !isLoopback(uri);
  if (remote) process.stderr.write(`warning: ${uri} is not on this machine; the records' text will be stored there\n`);
  const withConfidential = !remote || includeConfidential;
  if (paths.length === 1 && existsSync(paths[0])) {
    const extraction = readExtractionFile(paths[0]);
    if (extraction) {
      if (withConfidential) return extraction;
      throw new CLIError("E_USAGE", `push: ${paths[0]} may hold confidential records; push the record files instead, or add --include-confidential`);
    }
  }
  const config = loadConfig();
  const records = await loadRecords(paths, folder, config);
  const { extraction, stale } = buildOutputExtraction(records, outputOptions(folder, config, { includeConfidential: withConfidential }));
  reportStale(stale);
  return extraction;
}

async function push(paths: string[], folder: DataFolder, options: { includeConfidential: boolean; batchSize?: number }): Promise<void> {
  await withDriver(folder, async (driver, config) => {
    const extraction = await extractionToPush(paths, folder, config.uri, options.includeConfidential);
    // The layout the viewer draws, stored on the nodes so `serve --neo4j` shows the same picture.
    const positions = layoutGraph(buildGraph(extraction));
    const result = await pushExtraction(driver, extraction, { database: config.database, uri: config.uri, batchSize: options.batchSize, positions, onProgress: progressBar() });
    process.stderr.write(
      `pushed to ${config.uri}: ${result.outcomes} outcomes, ${result.entities} entities, ${result.relations} relationships in ${result.transactions} transactions` +
        (result.replacedProvenance ? `; replaced ${result.replacedProvenance} earlier relationships` : "") +
        (result.removedEntities ? `; removed ${result.removedEntities} entities no record supports any more` : "") +
        "\n",
    );
    for (const skipped of result.skipped) process.stderr.write(`  skipped ${skipped.kind} ${skipped.id}: ${skipped.reason}\n`);
    // Betweenness over the whole graph now in Neo4j, for `query central-actors`.
    const centrality = await updateCentrality(driver, { database: config.database, uri: config.uri });
    process.stderr.write(`betweenness: ${describeBetweennessMethod(centrality.method.all)}\n`);
  });
}

/** `start` pushes when NEO4J_URI is set; a failure there is fatal, like any push. */
export async function pushIfConfigured(folder: DataFolder): Promise<void> {
  if (!process.env.NEO4J_URI) return;
  await push([], folder, { includeConfidential: false });
}

/** `forget` removes the outcomes from Neo4j when one is configured (NEO4J_URI or a local server's credentials); returns the URI. */
export async function forgetInNeo4jIfConfigured(ids: string[], folder: DataFolder): Promise<string | null> {
  if (!process.env.NEO4J_URI && !existsSync(`${folder.neo4j}/credentials.json`)) return null;
  return withDriver(folder, async (driver, config) => {
    await forgetOutcomes(driver, ids, { database: config.database, uri: config.uri });
    return config.uri;
  });
}

export default defineCommand({
  meta: { name: "push", description: "Write records or an extraction to Neo4j (NEO4J_URI or the local server of `npm run neo4j`)" },
  args: {
    paths: { type: "positional", required: false, description: "record files/folders or one extraction.json (default: the data folder's records)" },
    "batch-size": { type: "string", description: "rows per transaction (default 5000)", valueHint: "N" },
    ...CONFIDENTIAL_ARG,
    ...DATA_ARG,
  },
  async run({ args }) {
    const batchSize = args["batch-size"] ? Number(args["batch-size"]) : undefined;
    if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw new CLIError("E_USAGE", `--batch-size: not a positive integer: ${args["batch-size"]}`);
    await push(positionalPaths(args), resolveDataFolder(args.data), { includeConfidential: args["include-confidential"], batchSize });
  },
});
