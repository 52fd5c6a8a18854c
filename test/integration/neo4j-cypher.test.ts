// `harvestgraph cypher`: raw read access. A table of write, schema, admin and file-reading attempts, each refused
// against the real Neo4j with the database left unchanged; the server's read access mode as the second line of defence.
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { assertReadOnly, createDriver, runRead, runReadOnlyCypher, type Neo4jReadErrorCode } from "../../graph/neo4j/index.ts";
import { runCli, tempDir } from "../_cli.ts";
import { CLEAR_DATABASE, dumpDatabase } from "./_neo4j-fixtures.ts";
import { pushSeeds } from "./_neo4j-seeds.ts";

const neo4jInfo = inject("neo4j");
let driver: Driver;
let before: string;

/** Everything a refused query could have changed: nodes, relationships, indexes, constraints, users, label tokens. */
async function snapshot(): Promise<string> {
  const read = async (cypher: string, database = neo4jInfo.database) =>
    (await driver.executeQuery(cypher, {}, { database, routing: "READ" })).records.map((r) => r.toObject());
  return JSON.stringify({
    graph: await dumpDatabase(driver),
    indexes: await read("SHOW INDEXES YIELD name RETURN name ORDER BY name"),
    constraints: await read("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name"),
    labels: await read("CALL db.labels() YIELD label RETURN label ORDER BY label"),
    keys: await read("CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey"),
    users: await read("SHOW USERS YIELD user RETURN user ORDER BY user", "system"),
  });
}

async function codeOf(work: Promise<unknown>): Promise<{ code?: string; message: string } | "ran"> {
  try {
    await work;
    return "ran";
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
}

beforeAll(async () => {
  driver = createDriver({ ...neo4jInfo, source: "env" });
  await pushSeeds(driver, neo4jInfo.database);
  before = await snapshot();
});

afterAll(async () => {
  await driver.executeQuery(CLEAR_DATABASE, {}, { database: neo4jInfo.database });
  await driver.close();
});

// [attempt, the code it is refused with, what the one line says]. E_QUERY: the server rejects it outright.
const ATTEMPTS: [string, Neo4jReadErrorCode, RegExp][] = [
  ["CREATE (n:Evil) RETURN n", "E_NOT_READ_ONLY", /read-write query/],
  ["create (:Evil)", "E_NOT_READ_ONLY", /write query/],
  ["/* harmless */ CREATE (:Evil)", "E_NOT_READ_ONLY", /write query/],
  ["MERGE (n:Evil {id: 1}) RETURN n", "E_NOT_READ_ONLY", /read-write query/],
  ["MATCH (o:Outcome) SET o.country = 'Atlantis'", "E_NOT_READ_ONLY", /write query/],
  ["MATCH (o:Outcome) SET o:Evil", "E_NOT_READ_ONLY", /write query/],
  ["MATCH (o:Outcome) REMOVE o.country", "E_NOT_READ_ONLY", /write query/],
  ["MATCH (e:Entity) DETACH DELETE e", "E_NOT_READ_ONLY", /write query/],
  ["MATCH ()-[r:FUNDED]->() DELETE r", "E_NOT_READ_ONLY", /write query/],
  ["MATCH (o:Outcome) WITH o LIMIT 1 FOREACH (x IN [1] | CREATE (:Evil))", "E_NOT_READ_ONLY", /write query/],
  ["LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "E_NOT_READ_ONLY", /LoadCSV/],
  ["LOAD CSV WITH HEADERS FROM 'https://example.org/x.csv' AS row RETURN row", "E_NOT_READ_ONLY", /LoadCSV/],
  ["CALL db.createLabel('Evil')", "E_NOT_READ_ONLY", /write query/],
  ["CALL db.createProperty('evil')", "E_NOT_READ_ONLY", /write query/],
  ["CALL db.createRelationshipType('EVIL')", "E_NOT_READ_ONLY", /write query/],
  ["CALL db.clearQueryCaches()", "E_NOT_READ_ONLY", /schema or system query/],
  ["CALL dbms.listConfig()", "E_NOT_READ_ONLY", /schema or system query/],
  ["CALL tx.setMetaData({evil: true})", "E_NOT_READ_ONLY", /schema or system query/],
  ["CALL dbms.security.createUser('evil', 'evil-password-1', false)", "E_QUERY", /no procedure/i],
  ["CREATE INDEX evil FOR (n:Evil) ON (n.x)", "E_NOT_READ_ONLY", /schema or system query/],
  ["CREATE CONSTRAINT evil FOR (n:Evil) REQUIRE n.x IS UNIQUE", "E_NOT_READ_ONLY", /schema or system query/],
  ["CREATE FULLTEXT INDEX evil FOR (n:Evil) ON EACH [n.x]", "E_NOT_READ_ONLY", /schema or system query/],
  ["DROP INDEX outcome_year", "E_NOT_READ_ONLY", /schema or system query/],
  ["DROP CONSTRAINT entity_id", "E_NOT_READ_ONLY", /schema or system query/],
  ["MATCH (o:Outcome) CALL { WITH o SET o.evil = 1 } IN TRANSACTIONS RETURN count(*)", "E_NOT_READ_ONLY", /read-write query/],
  ["CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(*)", "E_NOT_READ_ONLY", /TransactionApply/],
  ["CREATE USER evil SET PASSWORD 'evil-password-1'", "E_NOT_READ_ONLY", /schema or system query/],
  ["ALTER USER neo4j SET PASSWORD 'evil-password-1'", "E_NOT_READ_ONLY", /schema or system query/],
  ["SHOW USERS", "E_NOT_READ_ONLY", /schema or system query/],
  ["USE system SHOW USERS", "E_QUERY", /USE/],
  ["GRANT ROLE admin TO neo4j", "E_QUERY", /administration command/i],
  ["CREATE DATABASE evil", "E_QUERY", /administration command/i],
  ["STOP DATABASE neo4j", "E_QUERY", /administration command/i],
  ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "E_NOT_READ_ONLY", /TerminateTransactions/],
  ["MATCH (n) RETURN n; CREATE (:Evil)", "E_QUERY", /one statement/i],
  ["EXPLAIN CREATE (:Evil)", "E_NOT_READ_ONLY", /EXPLAIN/],
  ["PROFILE MATCH (n) SET n.evil = 1", "E_NOT_READ_ONLY", /PROFILE/],
];

describe("runReadOnlyCypher refuses", () => {
  it.each(ATTEMPTS)("%s (%s), leaving the database unchanged", async (cypher, code, message) => {
    const outcome = await codeOf(runReadOnlyCypher(driver, cypher, {}, { database: neo4jInfo.database }));
    expect(outcome).not.toBe("ran");
    expect(outcome).toMatchObject({ code, message: expect.stringMatching(message) });
    expect((outcome as { message: string }).message.split("\n")).toHaveLength(1);
    expect(await snapshot()).toBe(before);
  });
});

describe("the server's read access mode (second line of defence, without the EXPLAIN check)", () => {
  it.each([
    "CREATE (n:Evil) RETURN n",
    "MERGE (n:Evil {id: 1}) RETURN n",
    "MATCH (o:Outcome) SET o.country = 'Atlantis'",
    "MATCH (e:Entity) DETACH DELETE e",
    "CALL db.createLabel('Evil')",
    "CREATE INDEX evil FOR (n:Evil) ON (n.x)",
    "DROP CONSTRAINT entity_id",
  ])("refuses %s in executeRead", async (cypher) => {
    const outcome = await codeOf(runRead(driver, cypher, {}, { database: neo4jInfo.database }));
    expect(outcome).not.toBe("ran");
    expect((outcome as { code: string }).code).toMatch(/^E_(NOT_READ_ONLY|QUERY)$/);
    expect(await snapshot()).toBe(before);
  });

  it("says a write in read access mode was refused by the server", async () => {
    expect(await codeOf(runRead(driver, "CREATE (:Evil)", {}, { database: neo4jInfo.database }))).toMatchObject({
      code: "E_NOT_READ_ONLY",
      message: expect.stringMatching(/^refused by the server: /),
    });
  });
});

describe("runReadOnlyCypher runs reads", () => {
  it("returns rows with plain values: integers as numbers, nodes as maps; confidential records are NOT filtered", async () => {
    const result = await runReadOnlyCypher(
      driver,
      "MATCH (o:Outcome) WHERE o.year >= $year RETURN o.fragmentId AS fragmentId, o.year AS year, o AS node ORDER BY fragmentId",
      { year: 2023 },
      { database: neo4jInfo.database },
    );
    expect(result.columns).toEqual(["fragmentId", "year", "node"]);
    expect(result.rows.map((r) => [r.fragmentId, r.year])).toEqual([
      ["SCC-<redacted>/CIV021", 2024],
      ["SCC-<redacted>/PHR022", 2023],
      ["SCC-DRC2312/CIV001", 2023],
    ]);
    expect(result.rows[0].node).toMatchObject({ labels: ["Outcome"], properties: { fragmentId: "SCC-<redacted>/CIV021", confidential: true } });
  });

  it.each([
    ["CALL db.labels() YIELD label RETURN label ORDER BY label", "label"],
    ["SHOW INDEXES YIELD name RETURN name ORDER BY name", "name"],
    ["CALL db.index.fulltext.queryNodes('harvestgraph_text', 'APRU') YIELD node RETURN node.id AS id", "id"],
    ["MATCH p = (:Programme)-[:FUNDED]->(:Organisation) RETURN p LIMIT 1", "p"],
    ["UNWIND range(1, 3) AS n RETURN n", "n"],
  ])("allows %s", async (cypher, column) => {
    await expect(assertReadOnly(driver, cypher, {}, { database: neo4jInfo.database })).resolves.toBeUndefined();
    const result = await runReadOnlyCypher(driver, cypher, {}, { database: neo4jInfo.database });
    expect(result.columns).toEqual([column]);
    expect(result.rows.length).toBeGreaterThan(0);
  });
});

describe("harvestgraph cypher (the executable)", () => {
  const env = () => ({
    NEO4J_URI: neo4jInfo.uri,
    NEO4J_USER: neo4jInfo.user,
    NEO4J_PASSWORD: neo4jInfo.password,
    NEO4J_DATABASE: neo4jInfo.database ?? "",
    HARVESTGRAPH_DATA: tempDir(),
  });

  it("prints the rows of a read as JSON", () => {
    const result = runCli(["cypher", "MATCH (o:Outcome) RETURN o.fragmentId AS f, o.year AS y ORDER BY f", "--format", "json"], { env: env() });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { f: "SCC-<redacted>/CIV021", y: 2024 },
      { f: "SCC-<redacted>/PHR022", y: 2023 },
      { f: "SCC-DRC2312/CIV001", y: 2023 },
    ]);
  });

  it("takes parameters", () => {
    const result = runCli(["cypher", "MATCH (o:Outcome {year: $y}) RETURN count(o) AS n", "--param", "y=2024", "--format", "csv"], { env: env() });
    expect(result.stdout).toBe("n\n1\n");
  });

  it.each(["CREATE (:Evil)", "MATCH (n) DETACH DELETE n", "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r"])(
    "refuses %s in one line, exit 1, nothing on stdout, database unchanged",
    async (cypher) => {
      const result = runCli(["cypher", cypher], { env: env() });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^harvestgraph: cypher: refused: .+\n$/);
      expect(await snapshot()).toBe(before);
    },
  );

  it("says in --help that it is raw read-only access and that confidential records are not filtered", () => {
    const result = runCli(["cypher", "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/READ-ONLY/);
    expect(result.stdout).toMatch(/Confidential records are NOT filtered/);
  });
});
