// `harvestgraph neo4j` (`npm run neo4j`): runs the local Neo4j 5.26 with its store and a generated password in
// <data>/neo4j/, until Ctrl-C. Restarts keep the store, the password and, when it is free, the port.
import { defineCommand } from "citty";
import { readLocalCredentials, writeLocalCredentials, localNeo4jDir, type LocalCredentials } from "../../graph/neo4j/index.ts";
import { generatePassword, isPortFree, startNeo4jServer, Neo4jServerError } from "../../tools/neo4j/index.ts";
import { DATA_ARG } from "../args.ts";
import { ensureDataFolder, resolveDataFolder } from "../data-folder.ts";
import { CLIError } from "../errors.ts";

const DEFAULT_BOLT_PORT = 7687;

/** The port to ask for: --port (must be free), else last time's, else 7687, else any free one (0). */
async function choosePort(flag: string | undefined, previous: LocalCredentials | null): Promise<number> {
  if (flag !== undefined) {
    const port = Number(flag);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new CLIError("E_USAGE", `neo4j: --port must be a port number, got "${flag}"`);
    if (!(await isPortFree(port))) throw new CLIError("E_NEO4J", `neo4j: port ${port} on 127.0.0.1 is taken (is the local Neo4j already running?)`);
    return port;
  }
  for (const port of [previous?.port, DEFAULT_BOLT_PORT]) if (port && (await isPortFree(port))) return port;
  return 0;
}

export default defineCommand({
  meta: {
    name: "neo4j",
    description: "Run a local Neo4j 5.26 Community server (Java 17 + Maven, no Docker) on 127.0.0.1 for push/query; Ctrl-C stops it",
  },
  args: {
    port: { type: "string", description: "Bolt port (default: last time's, else 7687, else a free one)", valueHint: "N" },
    "heap-mb": { type: "string", description: "JVM heap in MiB (default 512)", valueHint: "MB" },
    ...DATA_ARG,
  },
  async run({ args }) {
    // 1. The data folder (private) and what an earlier run left there.
    const folder = ensureDataFolder(resolveDataFolder(args.data));
    const previous = readLocalCredentials(folder.dir);
    const password = previous?.password ?? generatePassword();
    const port = await choosePort(args.port, previous);
    const heapMb = args["heap-mb"] === undefined ? undefined : Number(args["heap-mb"]);
    if (heapMb !== undefined && !(Number.isInteger(heapMb) && heapMb >= 256))
      throw new CLIError("E_USAGE", `neo4j: --heap-mb must be an integer ≥ 256, got "${args["heap-mb"]}"`);

    // 2. The server, then the credentials the other commands read.
    process.stderr.write(`harvestgraph: starting Neo4j 5.26 in ${localNeo4jDir(folder.dir)} …\n`);
    let server;
    try {
      server = await startNeo4jServer({ dataDir: localNeo4jDir(folder.dir), port, password, heapMb });
    } catch (error) {
      if (error instanceof Neo4jServerError) throw new CLIError("E_NEO4J", `neo4j: ${error.message}`);
      throw error;
    }
    const credentialsFile = writeLocalCredentials(folder.dir, { uri: server.uri, user: server.user, password, port: server.port });

    // 3. The URI on stdout (the data); how to use and stop it on stderr.
    process.stdout.write(`${server.uri}\n`);
    process.stderr.write(
      `harvestgraph: Neo4j is running at ${server.uri} (user ${server.user}, password in ${credentialsFile}).\n` +
        `harvestgraph: push, query and cypher use it while NEO4J_URI is unset. Stop it with Ctrl-C.\n`,
    );

    // 4. Until Ctrl-C / SIGTERM, or the JVM dies on its own.
    const signalled = new Promise<NodeJS.Signals>((resolvePromise) => {
      process.once("SIGINT", () => resolvePromise("SIGINT"));
      process.once("SIGTERM", () => resolvePromise("SIGTERM"));
    });
    const outcome = await Promise.race([signalled.then((signal) => ({ signal })), server.exited.then((exit) => ({ exit }))]);
    if ("exit" in outcome)
      throw new CLIError("E_NEO4J", `neo4j: the server stopped on its own (${outcome.exit.signal ?? `exit code ${outcome.exit.code}`}); see ${localNeo4jDir(folder.dir)}/logs/debug.log`);
    process.stderr.write("harvestgraph: stopping Neo4j …\n");
    await server.stop();
    process.stderr.write("harvestgraph: Neo4j stopped.\n");
  },
});
