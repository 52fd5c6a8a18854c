// Review decisions reach Neo4j on the next push: rejected edges leave the database and the named queries, accepted ones
// carry their status, and a merge decision merges the two nodes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const server = inject("neo4j");
const env = { ...process.env, NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password };
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, ["cli/bin.mjs", ...args], { env, encoding: "utf8", timeout: 120_000 });
  expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r.stdout;
};

describe("review decisions in Neo4j", () => {
  const data = mkdtempSync(join(tmpdir(), "hg-review-neo4j-"));
  let driver: Driver;
  let rows: Record<string, string>[];
  const count = async (cypher: string, params = {}) => Number((await driver.executeQuery(cypher, params)).records[0].get(0));

  beforeAll(async () => {
    driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password), { telemetryDisabled: true, disableLosslessIntegers: true });
    await driver.executeQuery("MATCH (n) DETACH DELETE n");
    cli(["ingest", "examples/seeds", "--data", data]);
    cli(["push", "--data", data]);
    cli(["review", "--format", "csv", "--out", join(data, "review.csv"), "--data", data]);
    rows = parse(readFileSync(join(data, "review.csv"), "utf8"), { columns: true });
  });

  afterAll(async () => {
    await driver?.close();
  });

  it("drops a rejected edge from the database and from the named queries after the next push, and stores an accepted one's status", async () => {
    const trained = rows.find((r) => r.type === "TRAINED" && r.fragmentId === "SCC-DRC2312/CIV001")!;
    const funded = rows.find((r) => r.type === "FUNDED" && r.fragmentId === "SCC-DRC2312/CIV001")!;
    const edge = `MATCH (:Entity {id: $source})-[r:TRAINED {outcome: $outcome}]->(:Entity {id: $target}) RETURN count(r)`;
    expect(await count(edge, trained)).toBe(1);
    const chainsBefore = JSON.parse(cli(["query", "contribution-chains", "--format", "json", "--data", data])) as { actor: string; fragmentId: string }[];

    cli(["review", "reject", "--source", trained.source, "--type", "TRAINED", "--target", trained.target, "--outcome", trained.outcome, "--data", data]);
    cli(["review", "accept", "--source", funded.source, "--type", "FUNDED", "--target", funded.target, "--outcome", funded.outcome, "--data", data]);
    cli(["push", "--data", data]);

    expect(await count(edge, trained)).toBe(0);
    const status = await driver.executeQuery(`MATCH (:Entity {id: $source})-[r:FUNDED {outcome: $outcome}]->(:Entity {id: $target}) RETURN r.status AS s`, funded);
    expect(status.records.map((r) => r.get("s"))).toEqual(["accepted"]);
    const chainsAfter = JSON.parse(cli(["query", "contribution-chains", "--format", "json", "--data", data])) as { actor: string; support: string; fragmentId: string }[];
    expect(chainsAfter.length).toBeLessThan(chainsBefore.length);
    expect(chainsAfter.some((c) => c.actor === trained.targetName && c.support === "TRAINED" && c.fragmentId === "SCC-DRC2312/CIV001")).toBe(false);
  });

  it("merges two nodes in Neo4j when a merge decision is pushed", async () => {
    const ids = [...new Set(rows.filter((r) => r.sourceName === "PAX" || r.targetName === "PAX").map((r) => (r.sourceName === "PAX" ? r.source : r.target)))];
    const apru = rows.find((r) => r.targetName.startsWith("Actions pour la Promotion Rurale"))!.target;
    expect(ids).toHaveLength(1);
    cli(["review", "merge", apru, ids[0], "--reason", "test", "--data", data]);
    cli(["push", "--data", data]);
    expect(await count("MATCH (e:Entity {id: $id}) RETURN count(e)", { id: ids[0] })).toBe(0);
    const aliases = await driver.executeQuery("MATCH (e:Entity {id: $id}) RETURN e.aliases AS a", { id: apru });
    expect(aliases.records[0].get("a")).toContain("PAX");
  });
});
