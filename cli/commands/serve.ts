// `harvestgraph serve`: serves the viewer on 127.0.0.1 (next free port), printing the URL, with the data folder's graph
// or (--neo4j) the graph read back from the configured Neo4j.
import { existsSync } from "node:fs";
import { defineCommand } from "citty";
import { fromEnvelope, toEnvelope } from "../../graph/envelope.ts";
import { layoutGraph } from "../../graph/layout.ts";
import { readGraph } from "../../graph/neo4j/index.ts";
import type { GraphEnvelope } from "../../graph/schema.ts";
import { CONFIDENTIAL_ARG, DATA_ARG, PORT_ARGS } from "../args.ts";
import { type DataFolder, resolveDataFolder } from "../data-folder.ts";
import { CLIError } from "../errors.ts";
import { rebuildOutputGraph } from "../build-outputs.ts";
import { loadConfig } from "../config.ts";
import { createReviewApi } from "../review-api.ts";
import { serveStatic } from "../server.ts";
import { ensureViewerBuilt } from "../viewer-build.ts";
import { withDriver } from "./push.ts";

export type GraphSource = { kind: "folder" } | { kind: "neo4j"; includeConfidential: boolean };

/** The graph as Neo4j holds it; laid out here when it was pushed without positions or when confidential records are left out. */
export async function readNeo4jEnvelope(folder: DataFolder, includeConfidential: boolean): Promise<GraphEnvelope> {
  const { envelope, positioned, uri } = await withDriver(folder, async (driver, config) => ({
    ...(await readGraph(driver, { includeConfidential, database: config.database, uri: config.uri })),
    uri: config.uri,
  }));
  if (envelope.meta.records === 0) throw new CLIError("E_INPUT", `Neo4j at ${uri} holds no outcomes to show: run \`harvestgraph push\` first`);
  // Stored positions were computed with every record; a public view is laid out again from public nodes only (deterministic,
  // so a reload does not reshuffle), so no position can carry the pull of a confidential node.
  if (positioned && includeConfidential) return envelope;
  const graph = fromEnvelope(envelope);
  const positions = layoutGraph(graph);
  graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, ...positions[node] }));
  return toEnvelope(graph, envelope.meta);
}

export async function serveViewer(options: { folder: DataFolder; host?: string; port?: string; source?: GraphSource; onReviewWrite?: () => void }): Promise<void> {
  const source = options.source ?? { kind: "folder" };
  if (source.kind === "folder" && !existsSync(options.folder.graph))
    throw new CLIError("E_INPUT", `no graph in ${options.folder.dir}: run \`harvestgraph start\` or \`harvestgraph export\` first`);
  const host = options.host || "127.0.0.1";
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    process.stderr.write(`warning: serving on ${host}: other machines on the network can read this graph\n`);
  }
  const port = options.port ? Number(options.port) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new CLIError("E_USAGE", `--port: not a port number: ${options.port}`);
  // Read before building the viewer, so a Neo4j fault fails in one line straight away.
  const graph: { bodies: Record<string, string>; files: Record<string, string> } =
    source.kind === "neo4j"
      ? { bodies: { "/graph.json": JSON.stringify(await readNeo4jEnvelope(options.folder, source.includeConfidential)) }, files: {} }
      : { bodies: {}, files: { "/graph.json": options.folder.graph } };
  const root = await ensureViewerBuilt();
  // Review writes go to the data folder's curation file; the served graph is rebuilt after each so a reload shows it.
  const api = source.kind === "folder" ? createReviewApi(options.folder, () => options.onReviewWrite?.()) : undefined;
  const server = await serveStatic({ root, ...graph, host, api, ...(port ? { port } : {}) });
  process.stdout.write(`${server.url}\n`);
  if (process.stdout.isTTY) process.stderr.write("serving; press Ctrl-C to stop\n");
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export default defineCommand({
  meta: { name: "serve", description: "Serve the viewer on 127.0.0.1 with the data folder's graph, or the graph in Neo4j (--neo4j)" },
  args: {
    ...DATA_ARG,
    ...PORT_ARGS,
    neo4j: { type: "boolean", default: false, description: "read the graph from Neo4j (NEO4J_URI or the local server of `npm run neo4j`)" },
    ...CONFIDENTIAL_ARG,
  },
  async run({ args }) {
    const folder = resolveDataFolder(args.data);
    if (args["include-confidential"] && !args.neo4j)
      throw new CLIError("E_USAGE", "serve: --include-confidential applies to --neo4j; the data folder's graph was built by `start` or `export`");
    const source: GraphSource = args.neo4j ? { kind: "neo4j", includeConfidential: args["include-confidential"] } : { kind: "folder" };
    const onReviewWrite = () => {
      try {
        rebuildOutputGraph(folder, loadConfig());
      } catch (error) {
        process.stderr.write(`warning: decision saved, but the graph was not rebuilt: ${(error as Error).message}\n`);
      }
    };
    await serveViewer({ folder, host: args.host, port: args.port, source, onReviewWrite });
  },
});
