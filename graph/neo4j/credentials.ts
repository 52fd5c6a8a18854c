// The local server's credentials file, <dataDir>/neo4j/credentials.json: written by `harvestgraph neo4j`, read by
// every command that needs Neo4j when NEO4J_PASSWORD is unset. Private (0600): it holds the password.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { Neo4jGraphError } from "./errors.ts";

/** Where the local server keeps its store and credentials, inside the data folder. */
export const LOCAL_NEO4J_DIR = "neo4j";
export const CREDENTIALS_FILE = "credentials.json";

/** What `harvestgraph neo4j` writes to `<dataDir>/neo4j/credentials.json` (mode 0600). */
export const LocalCredentials = z.object({
  uri: z.string().min(1),
  user: z.string().min(1),
  password: z.string().min(8),
  port: z.number().int().positive(),
});
export type LocalCredentials = z.infer<typeof LocalCredentials>;

export function localNeo4jDir(dataDir: string): string {
  return join(dataDir, LOCAL_NEO4J_DIR);
}

export function localCredentialsPath(dataDir: string): string {
  return join(localNeo4jDir(dataDir), CREDENTIALS_FILE);
}

/** The local server's credentials, or null when it was never started in this data folder. */
export function readLocalCredentials(dataDir: string): LocalCredentials | null {
  const file = localCredentialsPath(dataDir);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Neo4jGraphError("E_CONFIG", `readLocalCredentials: ${file} is not JSON (${(error as Error).message}); delete it and run \`npm run neo4j\``);
  }
  const parsed = LocalCredentials.safeParse(json);
  if (!parsed.success) throw new Neo4jGraphError("E_CONFIG", `readLocalCredentials: ${file}: ${z.prettifyError(parsed.error).replace(/\n/g, " ")}`);
  return parsed.data;
}

/** Writes the credentials through a rename, readable by the owner only. */
export function writeLocalCredentials(dataDir: string, credentials: LocalCredentials): string {
  const dir = localNeo4jDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = localCredentialsPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(LocalCredentials.parse(credentials), null, 2) + "\n", { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return file;
}
