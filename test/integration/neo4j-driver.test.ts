// The one driver against the real server: the routing URI path, and faults that must fail in one line within seconds.
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDriver, type Neo4jGraphError } from "../../graph/neo4j/index.ts";
import { pushExtraction } from "../../graph/neo4j/index.ts";
import { CLEAR_DATABASE, sampleExtraction } from "./_neo4j-fixtures.ts";

const neo4jInfo = inject("neo4j");

async function failure(run: () => Promise<unknown>): Promise<{ code: string; message: string; ms: number }> {
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    return { code: (error as Neo4jGraphError).code, message: (error as Error).message, ms: Date.now() - started };
  }
  throw new Error("expected a failure");
}

describe("connectDriver", () => {
  it("pushes and reads through a neo4j:// routing URI (the path Aura and clusters use)", async () => {
    const routing = neo4jInfo.uri.replace(/^bolt:/, "neo4j:");
    const driver = await connectDriver({ ...neo4jInfo, uri: routing, source: "env" });
    try {
      await driver.executeQuery(CLEAR_DATABASE, {}, { database: neo4jInfo.database });
      const result = await pushExtraction(driver, sampleExtraction(), { database: neo4jInfo.database, skipSchema: true });
      const read = await driver.executeQuery("MATCH (o:Outcome) RETURN count(o) AS n", {}, { routing: "READ", database: neo4jInfo.database });
      expect(result.outcomes).toBe(3);
      expect(read.records[0].get("n")).toBe(3);
    } finally {
      await driver.close();
    }
  });

  it("fails with E_AUTH in one line when the password is wrong", async () => {
    const { code, message, ms } = await failure(() => connectDriver({ ...neo4jInfo, password: "not-the-password", source: "env" }));
    expect(code).toBe("E_AUTH");
    expect(message).not.toContain("\n");
    expect(message).toContain(neo4jInfo.uri);
    expect(ms).toBeLessThan(10_000);
  });

  describe("with nothing that speaks Bolt at the address", () => {
    let silent: Server;
    let port: number;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      // A port that accepts TCP and never answers: the slowest way to be unreachable.
      silent = createServer((socket) => {
        sockets.add(socket);
      });
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      port = (silent.address() as { port: number }).port;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    it.each([
      ["a closed port", () => "bolt://127.0.0.1:1"],
      ["a port that never answers", () => `bolt://127.0.0.1:${port}`],
    ])("fails with E_UNREACHABLE within seconds on %s", async (_name, uri) => {
      const { code, message, ms } = await failure(() => connectDriver({ uri: uri(), user: "neo4j", password: "x", source: "env" }));
      expect(code).toBe("E_UNREACHABLE");
      expect(message).toMatch(/npm run neo4j/);
      expect(ms).toBeLessThan(10_000);
    });
  });
});
