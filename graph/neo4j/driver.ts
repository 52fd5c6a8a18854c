// The one place that creates a neo4j-driver instance, and decides where the database is:
// NEO4J_URI/USER/PASSWORD/DATABASE, or the credentials the local server (`npm run neo4j`) left in the data folder.
import neo4j, { type Driver } from "neo4j-driver";
import { z } from "zod";
import { readLocalCredentials } from "./credentials.ts";
import { HOW_TO_START, Neo4jGraphError, explainDriverError } from "./errors.ts";

export const Neo4jConfig = z.object({
  uri: z.string().min(1),
  user: z.string().min(1),
  password: z.string().min(1),
  database: z.string().min(1).optional(),
  /** Which of the two sources it came from, for messages ("the local server" vs "NEO4J_URI"). */
  source: z.enum(["env", "local"]),
});
export type Neo4jConfig = z.infer<typeof Neo4jConfig>;

/** host:port of a bolt/neo4j URI, so bolt://127.0.0.1:7687 and neo4j://127.0.0.1:7687 count as the same server. */
function hostPort(uri: string): string | null {
  try {
    const url = new URL(uri);
    return `${url.hostname}:${url.port || "7687"}`;
  } catch {
    return null;
  }
}

/**
 * Where the database is. NEO4J_URI wins; without NEO4J_PASSWORD it borrows the local server's credentials when they
 * are for that host and port. With no NEO4J_URI, the local server's URI. With neither: E_NO_DATABASE saying how to start one.
 */
export function resolveNeo4jConfig(options: { dataDir: string; env?: NodeJS.ProcessEnv }): Neo4jConfig {
  const env = options.env ?? process.env;
  const database = env.NEO4J_DATABASE || undefined;
  const local = readLocalCredentials(options.dataDir);
  if (env.NEO4J_URI) {
    const uri = env.NEO4J_URI;
    if (env.NEO4J_PASSWORD) return { uri, user: env.NEO4J_USER || "neo4j", password: env.NEO4J_PASSWORD, database, source: "env" };
    if (local && hostPort(local.uri) === hostPort(uri))
      return { uri, user: env.NEO4J_USER || local.user, password: local.password, database, source: "local" };
    throw new Neo4jGraphError("E_CONFIG", `NEO4J_URI is ${uri} but NEO4J_PASSWORD is not set (and the local server's credentials are for another address)`);
  }
  if (local) return { uri: local.uri, user: local.user, password: local.password, database, source: "local" };
  throw new Neo4jGraphError("E_NO_DATABASE", `no Neo4j configured: ${HOW_TO_START}`);
}

// Integer policy: integers come back as plain JS numbers. Every integer we store (years, harvest periods, text offsets,
// counts) is far below 2^53, and `--format json` must print plain numbers. Going out, JS numbers are floats to Neo4j,
// so write statements cast integer fields with toInteger().
const DRIVER_CONFIG = {
  disableLosslessIntegers: true,
  telemetryDisabled: true,
  // Faults (unreachable server, wrong address) must surface within seconds, not the 30 s defaults.
  connectionTimeout: 5_000,
  connectionAcquisitionTimeout: 6_000,
  maxTransactionRetryTime: 15_000,
  userAgent: "harvestgraph",
} as const;

/** A new driver for `config`. One per process: create it once and close it in `finally`. */
export function createDriver(config: Neo4jConfig): Driver {
  try {
    return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), DRIVER_CONFIG);
  } catch (error) {
    throw new Neo4jGraphError("E_CONFIG", `createDriver: cannot use NEO4J_URI ${config.uri} (${(error as Error).message})`, { cause: error });
  }
}

/** A read of nothing on the configured database: the server answers DatabaseNotFound when NEO4J_DATABASE names none. */
export const PROBE_DATABASE = "RETURN 1 AS ok";

/**
 * Creates the driver and checks that it can reach the server and the database, failing with one clear line (E_AUTH,
 * E_UNREACHABLE, E_DATABASE_NOT_FOUND…). verifyConnectivity alone passes on a bolt:// URI whatever the database name,
 * so a missing database would only surface later, as some query's error; the probe makes it the connect's.
 */
export async function connectDriver(config: Neo4jConfig): Promise<Driver> {
  const driver = createDriver(config);
  try {
    await driver.verifyConnectivity({ database: config.database });
    await driver.executeQuery(PROBE_DATABASE, {}, { database: config.database, routing: "READ" });
    return driver;
  } catch (error) {
    await driver.close();
    throw explainDriverError(error, config);
  }
}
