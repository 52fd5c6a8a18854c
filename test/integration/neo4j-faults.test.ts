// Faults on a throw-away Neo4j of this file's own (not the run's shared one): the server killed in the middle of a
// push, then restarted on the same store and pushed again; a database name the server does not have.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDriver, createDriver, pushExtraction, readGraph, resolveNeo4jConfig, type Neo4jGraphError } from "../../graph/neo4j/index.ts";
import type { Extraction } from "../../ingest/schema.ts";
import { startNeo4jServer, type Neo4jServer } from "../../tools/neo4j/index.ts";
import { runCli, tempDir } from "../_cli.ts";
import { CLEAR_DATABASE, dumpDatabase, sampleExtraction } from "./_neo4j-fixtures.ts";

let dataDir: string;
let server: Neo4jServer;

/** The sample extraction repeated `copies` times under new outcome ids: enough batches to stop a push halfway. */
function repeatedSample(copies: number): Extraction {
  const sample = sampleExtraction();
  const ids = Array.from({ length: copies }, (_, i) => (id: string) => `${id}#${i}`);
  const moved = <T extends { outcome: string }>(items: T[]) => ids.flatMap((to) => items.map((item) => ({ ...item, outcome: to(item.outcome) })));
  return {
    outcomes: ids.flatMap((to) => sample.outcomes.map((o) => ({ ...o, id: to(o.id) }))),
    entities: sample.entities.map((e) => ({ ...e, mentions: moved(e.mentions) })),
    relations: sample.relations.flatMap((r) =>
      ids.map((to) => ({ ...r, target: sample.outcomes.some((o) => o.id === r.target) ? to(r.target) : r.target, evidence: r.evidence.map((ev) => ({ ...ev, outcome: to(ev.outcome) })) })),
    ),
  };
}

async function failure(run: () => Promise<unknown>): Promise<{ code: string; message: string; ms: number }> {
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    return { code: (error as Neo4jGraphError).code, message: (error as Error).message, ms: Date.now() - started };
  }
  throw new Error("expected a failure");
}

const COUNTS = `MATCH (n) WITH count(n) AS nodes
  MATCH ()-[r]->() RETURN nodes, count(r) AS relationships`;

async function withDriver<T>(work: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = createDriver({ uri: server.uri, user: server.user, password: server.password, source: "env" });
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "harvestgraph-neo4j-faults-"));
  server = await startNeo4jServer({ dataDir });
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("pushExtraction when the server stops in the middle", () => {
  const extraction = repeatedSample(60);

  it("fails in one line with a code, and pushing again after a restart completes with nothing duplicated", async () => {
    // 1. a push in small batches, the server killed once the relationships have started
    const stopped = await withDriver(async (driver) => {
      let killed = false;
      const result = await failure(() =>
        pushExtraction(driver, extraction, {
          batchSize: 20,
          uri: server.uri,
          onProgress: ({ phase }) => {
            if (phase === "mentions" && !killed) {
              killed = true;
              process.kill(server.pid, "SIGKILL");
            }
          },
        }),
      );
      return { ...result, killed };
    });
    expect(stopped.killed).toBe(true);
    expect(["E_UNREACHABLE", "E_WRITE"]).toContain(stopped.code);
    expect(stopped.message).not.toContain("\n");
    expect(stopped.message).toMatch(/^pushExtraction: (mentions|relations|cleanup) batch \d+\/\d+ failed/);
    expect(stopped.message).toContain(server.uri);
    await server.exited;

    // 2. the same store on the same port, then the same push again
    server = await startNeo4jServer({ dataDir, port: server.port, password: server.password });
    const { again, dumpAgain, countsAgain } = await withDriver(async (driver) => {
      const partial = await driver.executeQuery("MATCH ()-[r]->() RETURN count(r) AS n");
      expect(partial.records[0].get("n")).toBeGreaterThan(0);
      const again = await pushExtraction(driver, extraction, { batchSize: 20 });
      return { again, dumpAgain: await dumpDatabase(driver), countsAgain: (await driver.executeQuery(COUNTS)).records[0].toObject() };
    });
    expect(again.skipped).toEqual([]);

    // 3. the same extraction pushed once into an empty database: the same dump, the same counts
    const clean = await withDriver(async (driver) => {
      await driver.executeQuery(CLEAR_DATABASE);
      const result = await pushExtraction(driver, extraction, { batchSize: 1000, skipSchema: true });
      return { result, dump: await dumpDatabase(driver), counts: (await driver.executeQuery(COUNTS)).records[0].toObject() };
    });
    expect(countsAgain).toEqual(clean.counts);
    expect(countsAgain).toEqual({ nodes: 180 + 8, relationships: clean.result.mentions + clean.result.relations });
    expect(dumpAgain).toBe(clean.dump);
    // two pushes, a killed server and a second JVM start: on a loaded 2-core machine the restart alone can take a minute
  }, 300_000);
});

describe("a database the server does not have (NEO4J_DATABASE=nosuchdb)", () => {
  const config = () =>
    resolveNeo4jConfig({
      dataDir,
      env: { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password, NEO4J_DATABASE: "nosuchdb" },
    });

  it("fails to connect (connectDriver, which push, query, cypher and serve use) with E_DATABASE_NOT_FOUND in one line", async () => {
    const { code, message } = await failure(() => connectDriver(config()));
    expect(code).toBe("E_DATABASE_NOT_FOUND");
    expect(message).not.toContain("\n");
    expect(message).toContain('"nosuchdb"');
    expect(message).toContain("NEO4J_DATABASE");
  });

  it.each([
    ["push", ["push", "examples/seeds"]],
    ["query", ["query", "central-actors"]],
    ["cypher", ["cypher", "MATCH (n) RETURN count(n) AS n"]],
  ])("makes `harvestgraph %s` exit 1 with one line naming the database", (_name, args) => {
    const env = { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password, NEO4J_DATABASE: "nosuchdb", HARVESTGRAPH_DATA: tempDir() };
    const result = runCli(args, { env });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([`harvestgraph: Neo4j at ${server.uri} has no database "nosuchdb" (check NEO4J_DATABASE)`]);
  });

  it("fails to read the graph (serve --neo4j) with E_DATABASE_NOT_FOUND in one line within seconds", async () => {
    const { code, message, ms } = await withDriver((driver) => failure(() => readGraph(driver, { database: config().database, uri: server.uri })));
    expect(code).toBe("E_DATABASE_NOT_FOUND");
    expect(message).not.toContain("\n");
    expect(message).toContain('"nosuchdb"');
    expect(ms).toBeLessThan(10_000);
  });

  it("fails a push with E_DATABASE_NOT_FOUND in one line within seconds", async () => {
    const { code, message, ms } = await withDriver((driver) =>
      failure(() => pushExtraction(driver, sampleExtraction(), { database: config().database, uri: server.uri })),
    );
    expect(code).toBe("E_DATABASE_NOT_FOUND");
    expect(message).not.toContain("\n");
    expect(message).toContain('"nosuchdb"');
    expect(ms).toBeLessThan(10_000);
  });
});
