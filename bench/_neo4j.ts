// Neo4j load: the same extraction pushed batched (pushExtraction with its default batch size) and naively (the same
// statements with one row each, each in its own executeWrite: batchSize 1) into a throw-away local server, each on an
// empty database with the schema in place; rows/s for each, relationships/s and their ratio.
// Modules are loaded at run time so the bench reports "not measured yet" where the Neo4j layer is absent.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import type { Extraction } from "../ingest/schema.ts";
import type { Section } from "./schema.ts";

const GRAPH_MODULE = new URL("../graph/neo4j/index.ts", import.meta.url).href;
const TOOLS_MODULE = new URL("../tools/neo4j/index.ts", import.meta.url).href;

/** Empties the throw-away database between the two loads (a few tens of thousands of rows: one transaction is fine). */
const WIPE = "MATCH (n) DETACH DELETE n";

type PushResult = { outcomes: number; entities: number; mentions: number; relations: number; transactions: number };
type GraphModule = {
  pushExtraction: (driver: Driver, extraction: Extraction, options: { batchSize: number; skipSchema?: boolean }) => Promise<PushResult>;
  createDriver: (config: { uri: string; user: string; password: string }) => Driver;
  DEFAULT_PUSH_OPTIONS?: { batchSize: number };
};
type ServerOptions = { dataDir: string; heapMb?: number; pageCacheMb?: number };
type ToolsModule = { startNeo4jServer: (options: ServerOptions) => Promise<{ uri: string; user: string; password: string; stop(): Promise<void> }> };

/** The server the bench loads: more heap and page cache than the tests' default, as a user's own server would have. */
const SERVER_MEMORY = { heapMb: 1024, pageCacheMb: 256 };
/** Batched loads are short, so the median of three; the naive one runs once (minutes). */
const BATCHED_RUNS = 3;
/** Untimed batched loads first: the server's JIT needs a few to reach speed (the first load runs at about half of it). */
const WARMUP_RUNS = 3;

export type Neo4jLoad = {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  transactions: number;
  relationships: number;
  relationshipsPerSecond: number;
  batchSize: number;
  /** 1-minute load average when the load finished: other work on the machine slows the server. */
  loadAverage: number;
};
export type Neo4jFigures = {
  records: number;
  batched: Neo4jLoad;
  naive: Neo4jLoad;
  ratio: number;
  batchedRuns: number[];
  namedQueries: string;
  serverStartSeconds: number;
};

async function load<T>(href: string, names: string[]): Promise<T | string> {
  try {
    const mod = (await import(href)) as Record<string, unknown>;
    const missing = names.filter((n) => typeof mod[n] !== "function");
    return missing.length ? `${href.split("/").slice(-3).join("/")} does not export ${missing.join(", ")}` : (mod as T);
  } catch (error) {
    return `cannot load ${href.split("/").slice(-3).join("/")}: ${(error as Error).message.split("\n")[0]}`;
  }
}

async function timedPush(graph: GraphModule, driver: Driver, extraction: Extraction, batchSize: number): Promise<Neo4jLoad> {
  await driver.executeQuery(WIPE);
  const start = performance.now();
  const r = await graph.pushExtraction(driver, extraction, { batchSize, skipSchema: true });
  const seconds = (performance.now() - start) / 1000;
  const rows = r.outcomes + r.entities + r.mentions + r.relations;
  const relationships = r.mentions + r.relations;
  return {
    rows,
    seconds: round(seconds),
    rowsPerSecond: Math.round(rows / seconds),
    transactions: r.transactions,
    relationships,
    relationshipsPerSecond: Math.round(relationships / seconds),
    batchSize,
    loadAverage: round(loadavg()[0]),
  };
}

const describeLoad = (name: string, load: Neo4jLoad) =>
  `neo4j: ${name}: ${load.rows} rows in ${load.seconds} s = ${load.rowsPerSecond} rows/s, ${load.relationshipsPerSecond} relationships/s, ${load.transactions} transactions (batch ${load.batchSize}, load average ${load.loadAverage})`;

export async function measureNeo4j(extraction: Extraction, records: number, log: (line: string) => void): Promise<Section<Neo4jFigures>> {
  const graph = await load<GraphModule>(GRAPH_MODULE, ["pushExtraction", "createDriver"]);
  if (typeof graph === "string") return { status: "not measured", why: graph };
  const tools = await load<ToolsModule>(TOOLS_MODULE, ["startNeo4jServer"]);
  if (typeof tools === "string") return { status: "not measured", why: tools };
  const dataDir = mkdtempSync(join(tmpdir(), "harvestgraph-bench-neo4j-"));
  let server: Awaited<ReturnType<ToolsModule["startNeo4jServer"]>> | undefined;
  let driver: Driver | undefined;
  try {
    log("neo4j: starting a throw-away local server");
    const started = performance.now();
    try {
      server = await tools.startNeo4jServer({ dataDir, ...SERVER_MEMORY });
    } catch (error) {
      return { status: "not measured", why: `the local Neo4j server did not start: ${(error as Error).message.split("\n")[0]}` };
    }
    const serverStartSeconds = round((performance.now() - started) / 1000);
    driver = graph.createDriver(server);
    await driver.verifyConnectivity();
    const batchSize = graph.DEFAULT_PUSH_OPTIONS?.batchSize ?? 5000;
    // 1. warm-up: the schema, and every statement of both paths planned once (JIT on both sides)
    log(`neo4j: the schema, then ${WARMUP_RUNS} untimed batched loads to warm the server up`);
    await graph.pushExtraction(driver, { ...extraction, outcomes: extraction.outcomes.slice(0, 20) }, { batchSize });
    for (let i = 0; i < WARMUP_RUNS; i++) await timedPush(graph, driver, extraction, batchSize);
    await graph.pushExtraction(driver, { ...extraction, outcomes: extraction.outcomes.slice(0, 20) }, { batchSize: 1 });
    // 2. batched, the median of three, 3. naive: each on an empty database, the same rows, the same statements
    log(`neo4j: batched load of ${records} records (${batchSize} rows a transaction), ${BATCHED_RUNS} runs`);
    const runs: Neo4jLoad[] = [];
    for (let i = 0; i < BATCHED_RUNS; i++) runs.push(await timedPush(graph, driver, extraction, batchSize));
    const batched = [...runs].sort((a, b) => a.rowsPerSecond - b.rowsPerSecond)[Math.floor(runs.length / 2)];
    log(describeLoad("batched (median)", batched));
    log(`neo4j: naive load of ${records} records (one transaction per row)`);
    const naive = await timedPush(graph, driver, extraction, 1);
    log(describeLoad("naive", naive));
    const ratio = round(batched.rowsPerSecond / naive.rowsPerSecond);
    log(`neo4j: batched / naive = ${ratio}× (target ≥ 20×); batched ${batched.relationshipsPerSecond} relationships/s (target ≥ 10,000)`);
    return {
      status: "measured",
      records,
      batched,
      naive,
      ratio,
      batchedRuns: runs.map((r) => r.rowsPerSecond),
      namedQueries: "not measured yet: graph/neo4j/index.ts exports no named-query runner",
      serverStartSeconds,
    };
  } catch (error) {
    return { status: "not measured", why: `the Neo4j load failed: ${(error as Error).message.split("\n")[0]}` };
  } finally {
    await driver?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
