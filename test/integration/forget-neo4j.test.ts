// `forget` removes a record from the configured Neo4j too: its outcome node, the relationships resting on it, its full-text entries.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FULLTEXT_INDEX } from "../../graph/neo4j/index.ts";

const server = inject("neo4j");
const env = { ...process.env, NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password };
const cli = (args: string[]) => spawnSync(process.execPath, ["cli/bin.mjs", ...args], { env, encoding: "utf8", timeout: 120_000 });

describe("harvestgraph forget with Neo4j configured", () => {
  const data = mkdtempSync(join(tmpdir(), "hg-forget-"));
  let driver: Driver;
  const count = async (cypher: string, params = {}) => Number((await driver.executeQuery(cypher, params)).records[0].get(0));

  beforeAll(async () => {
    driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password), { telemetryDisabled: true, disableLosslessIntegers: true });
    await driver.executeQuery("MATCH (n) DETACH DELETE n");
    expect(cli(["ingest", "examples/seeds", "--data", data]).status).toBe(0);
    const pushed = cli(["push", "--data", data]);
    expect(pushed.status, pushed.stderr).toBe(0);
  });

  afterAll(async () => {
    await driver?.close();
  });

  it("removes the outcome, its evidence and what only it supported, and its text from the full-text index", async () => {
    expect(await count("MATCH (o:Outcome {fragmentId: 'SCC-DRC2312/CIV001'}) RETURN count(o)")).toBe(1);
    const search = `CALL db.index.fulltext.queryNodes($index, 'DDRRR') YIELD node RETURN count(node)`;
    expect(await count(search, { index: FULLTEXT_INDEX })).toBeGreaterThan(0);

    const result = cli(["forget", "SCC-DRC2312/CIV001", "--data", data]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(server.uri);

    expect(await count("MATCH (o:Outcome {fragmentId: 'SCC-DRC2312/CIV001'}) RETURN count(o)")).toBe(0);
    expect(await count("MATCH ()-[r {outcome: 'SCC-DRC2312/CIV001'}]->() RETURN count(r)")).toBe(0);
    expect(await count("MATCH (e:Entity) WHERE e.name CONTAINS 'Promotion Rurale' RETURN count(e)")).toBe(0);
    expect(await count(search, { index: FULLTEXT_INDEX })).toBe(0);
    expect(await count("MATCH (o:Outcome) RETURN count(o)")).toBe(2);
  });
});
