// Where the database is: NEO4J_* variables, the local server's credentials file, or a clear error saying how to start one.
import { mkdtempSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLocalCredentials, resolveNeo4jConfig, writeLocalCredentials, type Neo4jGraphError } from "../graph/neo4j/index.ts";

const LOCAL = { uri: "bolt://127.0.0.1:7687", user: "neo4j", password: "local-password-123", port: 7687 };

function dataDir(withCredentials: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "harvestgraph-driver-test-"));
  if (withCredentials) writeLocalCredentials(dir, LOCAL);
  return dir;
}

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as Neo4jGraphError).code;
  }
  return undefined;
}

describe("resolveNeo4jConfig", () => {
  it.each([
    [
      "takes NEO4J_URI, USER, PASSWORD and DATABASE when all are set",
      { NEO4J_URI: "neo4j+s://x.databases.neo4j.io", NEO4J_USER: "eva", NEO4J_PASSWORD: "pw", NEO4J_DATABASE: "harvest" },
      true,
      { uri: "neo4j+s://x.databases.neo4j.io", user: "eva", password: "pw", database: "harvest", source: "env" },
    ],
    [
      "defaults the user to neo4j",
      { NEO4J_URI: "bolt://db:7687", NEO4J_PASSWORD: "pw" },
      false,
      { uri: "bolt://db:7687", user: "neo4j", password: "pw", database: undefined, source: "env" },
    ],
    [
      "borrows the local password for the local server's host and port, whatever the scheme",
      { NEO4J_URI: "neo4j://127.0.0.1:7687" },
      true,
      { uri: "neo4j://127.0.0.1:7687", user: "neo4j", password: LOCAL.password, database: undefined, source: "local" },
    ],
    [
      "uses the local server when NEO4J_URI is unset",
      {},
      true,
      { uri: LOCAL.uri, user: "neo4j", password: LOCAL.password, database: undefined, source: "local" },
    ],
  ])("%s", (_name, env, withCredentials, expected) => {
    expect(resolveNeo4jConfig({ dataDir: dataDir(withCredentials), env })).toEqual(expected);
  });

  it.each([
    ["E_NO_DATABASE", "neither NEO4J_URI nor a local server", {}, false],
    ["E_CONFIG", "NEO4J_URI without a password for another host", { NEO4J_URI: "bolt://elsewhere:7687" }, true],
  ])("fails with %s given %s", (code, _name, env, withCredentials) => {
    expect(errorCode(() => resolveNeo4jConfig({ dataDir: dataDir(withCredentials), env }))).toBe(code);
  });

  it("says how to start a database when there is none", () => {
    expect(() => resolveNeo4jConfig({ dataDir: dataDir(false), env: {} })).toThrow(/npm run neo4j.*NEO4J_URI/);
  });
});

describe("readLocalCredentials", () => {
  it("reads back what writeLocalCredentials wrote, in a file only the owner can read", () => {
    const dir = dataDir(true);
    expect(readLocalCredentials(dir)).toEqual(LOCAL);
    expect(statSync(join(dir, "neo4j", "credentials.json")).mode & 0o777).toBe(0o600);
  });

  it("returns null when the local server never ran in this data folder", () => {
    expect(readLocalCredentials(dataDir(false))).toBeNull();
  });

  it.each([
    ["not JSON", "{"],
    ["without a password", JSON.stringify({ uri: "bolt://127.0.0.1:7687", user: "neo4j", port: 7687 })],
  ])("fails with E_CONFIG on a credentials file that is %s", (_name, content) => {
    const dir = dataDir(false);
    mkdirSync(join(dir, "neo4j"));
    writeFileSync(join(dir, "neo4j", "credentials.json"), content);
    expect(errorCode(() => readLocalCredentials(dir))).toBe("E_CONFIG");
  });
});
