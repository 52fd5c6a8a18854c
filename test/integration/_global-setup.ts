// vitest globalSetup of the integration project: one real Neo4j for the whole run (NEO4J_URI if set, else a
// throw-away server in a temporary folder), provided to tests as inject("neo4j"); stopped at teardown. Never skips.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { connectDriver } from "../../graph/neo4j/index.ts";
import { startNeo4jServer } from "../../tools/neo4j/index.ts";
import { CLEAR_DATABASE } from "./_neo4j-fixtures.ts";

const COUNT_NODES = "MATCH (n) RETURN count(n) AS nodes";

export type ProvidedNeo4j = { uri: string; user: string; password: string; database?: string };

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: ProvidedNeo4j;
  }
}

/** An error whose whole report is its one line: vitest prints the stack, which here would only add noise. */
function oneLine(prefix: string, error: unknown): Error {
  const message = `${prefix}: ${error instanceof Error ? error.message : String(error)}`.split("\n")[0];
  const out = new Error(message);
  out.stack = message;
  return out;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    const config = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER || "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
      database: process.env.NEO4J_DATABASE || undefined,
    };
    // The tests delete everything they find: refuse a database that already holds someone's graph.
    let nodes: number;
    try {
      const driver = await connectDriver({ ...config, source: "env" });
      try {
        const result = await driver.executeQuery(COUNT_NODES, {}, { database: config.database, routing: "READ" });
        nodes = Number(result.records[0].get("nodes"));
      } finally {
        await driver.close();
      }
    } catch (error) {
      throw oneLine(`integration tests: Neo4j at NEO4J_URI=${config.uri} is not usable`, error);
    }
    if (nodes > 0)
      throw oneLine(
        "integration tests",
        `the database at NEO4J_URI=${config.uri} holds ${nodes} nodes and the tests delete everything; use an empty database, or unset NEO4J_URI for a throw-away server`,
      );
    project.provide("neo4j", config);
    return async () => {
      const driver = await connectDriver({ ...config, source: "env" });
      try {
        await driver.executeQuery(CLEAR_DATABASE, {}, { database: config.database });
      } finally {
        await driver.close();
      }
    };
  }

  const dataDir = mkdtempSync(join(tmpdir(), "harvestgraph-neo4j-test-"));
  let server;
  try {
    server = await startNeo4jServer({ dataDir });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw oneLine("integration tests: could not start the throw-away Neo4j (tools/neo4j)", error);
  }
  project.provide("neo4j", { uri: server.uri, user: server.user, password: server.password });
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
