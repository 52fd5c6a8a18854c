// `harvestgraph serve`: serves the viewer and the data folder's graph on 127.0.0.1 (next free port), printing the URL.
import { existsSync } from "node:fs";
import { defineCommand } from "citty";
import { DATA_ARG, PORT_ARGS } from "../args.ts";
import { type DataFolder, resolveDataFolder } from "../data-folder.ts";
import { CLIError } from "../errors.ts";
import { serveStatic } from "../server.ts";
import { ensureViewerBuilt } from "../viewer-build.ts";

export async function serveViewer(options: { folder: DataFolder; host?: string; port?: string }): Promise<void> {
  if (!existsSync(options.folder.graph)) throw new CLIError("E_INPUT", `no graph in ${options.folder.dir}: run \`harvestgraph start\` or \`harvestgraph export\` first`);
  const host = options.host || "127.0.0.1";
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    process.stderr.write(`warning: serving on ${host}: other machines on the network can read this graph\n`);
  }
  const port = options.port ? Number(options.port) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new CLIError("E_USAGE", `--port: not a port number: ${options.port}`);
  const root = await ensureViewerBuilt();
  const server = await serveStatic({ root, files: { "/graph.json": options.folder.graph }, host, ...(port ? { port } : {}) });
  process.stdout.write(`${server.url}\n`);
  if (process.stdout.isTTY) process.stderr.write("serving; press Ctrl-C to stop\n");
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export default defineCommand({
  meta: { name: "serve", description: "Serve the viewer on 127.0.0.1 with the data folder's graph" },
  args: { ...DATA_ARG, ...PORT_ARGS, neo4j: { type: "boolean", default: false, description: "read the graph from Neo4j (not built yet)" } },
  async run({ args }) {
    if (args.neo4j) throw new CLIError("E_USAGE", "serve --neo4j: not built yet; serve the data folder's graph instead");
    await serveViewer({ folder: resolveDataFolder(args.data), host: args.host, port: args.port });
  },
});
