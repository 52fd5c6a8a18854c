// Neo4j: the same extraction pushed batched (pushExtraction with its default batch size) and naively (the same statements
// with one row each, each in its own executeWrite), rows/s and their ratio; the largest saved extraction pushed chunk by
// chunk in a child process as far as the budget allows, then its betweenness; the seven named queries timed on that graph.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { createDriver, describeBetweennessMethod, pushExtraction, runNamedQuery, updateCentrality, DEFAULT_PUSH_OPTIONS } from "../graph/neo4j/index.ts";
import { buildParams, loadQuery, queryNames } from "../graph/neo4j/queries/index.ts";
import type { Extraction } from "../ingest/schema.ts";
import { startNeo4jServer, type Neo4jServer } from "../tools/neo4j/index.ts";
import { measure } from "./_spawn.ts";
import type { LargeLoad, Neo4jFigures, Neo4jLoad, QueryFigures, QueryTiming, Section } from "./schema.ts";

/** Empties the throw-away database between loads; in transactions of its own so a large graph fits the server's memory. */
const WIPE = ["MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS", "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS"];

/** The server the bench loads: more heap and page cache than the tests' default, as a user's own server would have. */
const SERVER_MEMORY = { heapMb: 2048, pageCacheMb: 2048 };
/** Batched loads are short, so the median of three; the naive one runs once (minutes). */
const BATCHED_RUNS = 3;
/** Untimed batched loads first: the server's JIT needs a few to reach speed (the first load runs at about half of it). */
const WARMUP_RUNS = 3;
/** Named queries: one untimed run, then this many timed (fewer when one run takes seconds). */
const QUERY_RUNS = 5;
/** Queries list at most this many rows, as the issue asks ("LIMIT 100 where they list rows"). */
const QUERY_LIMIT = 100;
/** A named query still running after this is stopped and reported as such. */
const QUERY_TIMEOUT_MS = 60_000;

export type Neo4jBenchOptions = {
  /** The extraction of `records` records, for batched vs naive. */
  extraction: Extraction;
  records: number;
  /** Folder of the largest corpus's saved extraction (bench/_extraction-file.ts), and its size; none: queries on the small graph. */
  large?: { dir: string; records: number } | { why: string };
  /** When the large load must have stopped pushing (epoch ms), so centrality, queries and the report fit the budget. */
  deadlineMs: number;
  childTimeoutMs: number;
  log: (line: string) => void;
};

async function wipe(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    for (const statement of WIPE) await session.run(statement);
  } finally {
    await session.close();
  }
}

async function timedPush(driver: Driver, extraction: Extraction, batchSize: number): Promise<Neo4jLoad> {
  await wipe(driver);
  const start = performance.now();
  const r = await pushExtraction(driver, extraction, { batchSize, skipSchema: true });
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

export async function measureNeo4j(options: Neo4jBenchOptions): Promise<Section<Neo4jFigures>> {
  const { extraction, records, log } = options;
  const dataDir = mkdtempSync(join(tmpdir(), "harvestgraph-bench-neo4j-"));
  let server: Neo4jServer | undefined;
  let driver: Driver | undefined;
  try {
    log("neo4j: starting a throw-away local server");
    const started = performance.now();
    try {
      server = await startNeo4jServer({ dataDir, ...SERVER_MEMORY });
    } catch (error) {
      return { status: "not measured", why: `the local Neo4j server did not start: ${(error as Error).message.split("\n")[0]}` };
    }
    const serverStartSeconds = round((performance.now() - started) / 1000);
    driver = createDriver({ ...server, source: "env" });
    await driver.verifyConnectivity();
    const batchSize = DEFAULT_PUSH_OPTIONS.batchSize;
    // 1. warm-up: the schema, and every statement of both paths planned once (JIT on both sides)
    log(`neo4j: the schema, then ${WARMUP_RUNS} untimed batched loads to warm the server up`);
    await pushExtraction(driver, { ...extraction, outcomes: extraction.outcomes.slice(0, 20) }, { batchSize });
    for (let i = 0; i < WARMUP_RUNS; i++) await timedPush(driver, extraction, batchSize);
    await pushExtraction(driver, { ...extraction, outcomes: extraction.outcomes.slice(0, 20) }, { batchSize: 1 });
    // 2. batched, the median of three, 3. naive: each on an empty database, the same rows, the same statements
    log(`neo4j: batched load of ${records} records (${batchSize} rows a transaction), ${BATCHED_RUNS} runs`);
    const runs: Neo4jLoad[] = [];
    for (let i = 0; i < BATCHED_RUNS; i++) runs.push(await timedPush(driver, extraction, batchSize));
    const batched = [...runs].sort((a, b) => a.rowsPerSecond - b.rowsPerSecond)[Math.floor(runs.length / 2)];
    log(describeLoad("batched (median)", batched));
    log(`neo4j: naive load of ${records} records (one transaction per row)`);
    const naive = await timedPush(driver, extraction, 1);
    log(describeLoad("naive", naive));
    const ratio = round(batched.rowsPerSecond / naive.rowsPerSecond);
    log(`neo4j: batched / naive = ${ratio}× (target ≥ 20×); batched ${batched.relationshipsPerSecond} relationships/s (target ≥ 10,000)`);

    // 4. the largest saved extraction, chunk by chunk, then its betweenness; else the small graph and its betweenness
    const largeLoad = await loadLarge(driver, server, options);
    let graphRecords = records;
    if (largeLoad.status === "measured") graphRecords = largeLoad.records;
    else {
      log(`neo4j: large load not measured (${largeLoad.why}); the queries run on the ${records}-record graph`);
      await updateCentrality(driver);
    }

    // 5. the named queries on that graph
    const queries = await timeQueries(driver, graphRecords, log);
    return {
      status: "measured",
      records,
      batched,
      naive,
      ratio,
      batchedRuns: runs.map((r) => r.rowsPerSecond),
      serverStartSeconds,
      server: SERVER_MEMORY,
      largeLoad,
      queries,
    };
  } catch (error) {
    return { status: "not measured", why: `the Neo4j bench failed: ${(error as Error).message.split("\n")[0]}` };
  } finally {
    await driver?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The large load in a child process of its own (the chunks' memory, its own peak RSS), into the emptied database. */
async function loadLarge(driver: Driver, server: Neo4jServer, options: Neo4jBenchOptions): Promise<Section<LargeLoad>> {
  const { large, log } = options;
  if (!large) return { status: "not measured", why: "--quick: no large corpus" };
  if ("why" in large) return { status: "not measured", why: large.why };
  const left = Math.round((options.deadlineMs - Date.now()) / 1000);
  if (left < 30) return { status: "not measured", why: `no time left in the bench's 20 minutes (${left} s before the deadline)` };
  await wipe(driver);
  log(`neo4j: large load: the ${large.records.toLocaleString("en")}-record extraction in chunks, pushing until ${left} s from now, then betweenness`);
  const env = { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password };
  // The child may overrun the deadline by one chunk and the betweenness; its own limit is generous.
  const run = await measure("neo4j-load", [large.dir, String(options.deadlineMs)], Math.max(options.childTimeoutMs, (left + 600) * 1000), { env });
  if (!run.ok) return { status: "not measured", why: run.why };
  const r = run.report;
  if (r.task !== "neo4j-load") return { status: "not measured", why: "the load child reported another task" };
  const load: LargeLoad = {
    corpusRecords: large.records,
    records: r.records,
    rows: r.rows,
    relationships: r.relationships,
    seconds: round(r.pushSeconds),
    rowsPerSecond: Math.round(r.rows / r.pushSeconds),
    relationshipsPerSecond: Math.round(r.relationships / r.pushSeconds),
    chunks: r.chunks.map((c) => ({ ...c, seconds: round(c.seconds) })),
    centralitySeconds: round(r.centralitySeconds),
    betweenness: describeBetweennessMethod(r.centrality.method.all),
    ...(r.stopped ? { note: r.stopped } : {}),
  };
  log(
    `neo4j: large load: ${load.records.toLocaleString("en")} of ${large.records.toLocaleString("en")} records, ${load.relationships.toLocaleString("en")} relationships in ${load.seconds} s = ${load.relationshipsPerSecond} relationships/s; betweenness ${load.betweenness} in ${load.centralitySeconds} s` +
      (load.note ? `; ${load.note}` : ""),
  );
  return { status: "measured", ...load };
}

const COUNTS = "RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships";
const TOP_COUNTRY = `MATCH (o:Outcome) WHERE o.countryIso IS NOT NULL AND NOT coalesce(o.confidential, false)
RETURN o.countryIso AS iso, count(*) AS outcomes ORDER BY outcomes DESC, iso LIMIT 1`;

/** Each named query with the country that has the most outcomes and LIMIT 100 where it lists rows: one untimed run, then the median of the timed ones. */
async function timeQueries(driver: Driver, records: number, log: (line: string) => void): Promise<Section<QueryFigures>> {
  const counts = (await driver.executeQuery(COUNTS, {}, { routing: "READ" })).records[0];
  const top = (await driver.executeQuery(TOP_COUNTRY, {}, { routing: "READ" })).records[0];
  if (!top) return { status: "not measured", why: "the graph has no outcome with a country" };
  const country = top.get("iso") as string;
  const graph = { records, nodes: Number(counts.get("nodes")), relationships: Number(counts.get("relationships")) };
  log(`neo4j: named queries on ${graph.nodes.toLocaleString("en")} nodes, ${graph.relationships.toLocaleString("en")} relationships, country=${country}, limit ${QUERY_LIMIT}`);
  const timings: QueryTiming[] = [];
  for (const name of queryNames()) {
    try {
      const query = loadQuery(name);
      const declared = new Set(query.params.map((p) => p.name));
      const assignments = [`country=${country}`, `limit=${QUERY_LIMIT}`].filter((a) => declared.has(a.split("=")[0]));
      const params = buildParams(query, assignments, { includeConfidential: false });
      const once = async () => {
        const start = performance.now();
        const result = await runNamedQuery(driver, query, params, { timeoutMs: QUERY_TIMEOUT_MS });
        return { ms: performance.now() - start, rows: result.rows.length };
      };
      const first = await once();
      const runs = first.ms > 2_000 ? 2 : QUERY_RUNS;
      const timed: { ms: number; rows: number }[] = [];
      for (let i = 0; i < runs; i++) timed.push(await once());
      const runsMs = timed.map((t) => Math.round(t.ms));
      const medianMs = [...runsMs].sort((a, b) => a - b)[Math.floor(runsMs.length / 2)];
      timings.push({ name, params: Object.fromEntries(assignments.map((a) => a.split("="))), rows: timed[0].rows, medianMs, runsMs });
      log(`neo4j: ${name}: median ${medianMs} ms (${runsMs.join(", ")}), ${timed[0].rows} rows`);
    } catch (error) {
      const why = (error as Error).message.split("\n")[0];
      timings.push({ name, why });
      log(`neo4j: ${name}: not measured: ${why}`);
    }
  }
  return { status: "measured", graph, country, timings };
}

const round = (x: number) => Math.round(x * 100) / 100;
