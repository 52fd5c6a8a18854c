// The README's main command end to end: `start` on the samples builds the graph, pushes it to the real Neo4j
// (NEO4J_URI set), serves the built viewer on 127.0.0.1, and the page draws the sample network in real Chromium.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GraphEnvelope } from "../../graph/schema.ts";
import { foreignRequests, launchBrowser, openViewer, screenshot } from "./_browser.ts";
import { startCli } from "./_start.ts";

const server = inject("neo4j");

describe("harvestgraph start", () => {
  const data = mkdtempSync(join(tmpdir(), "hg-start-"));
  let browser: Browser;
  let run: Awaited<ReturnType<typeof startCli>>;

  beforeAll(async () => {
    // Clear the database so the counts below are this run's alone.
    const driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password), { telemetryDisabled: true });
    await driver.executeQuery("MATCH (n) DETACH DELETE n");
    await driver.close();
    run = await startCli(["--data", data, "--port", "5391"], { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    run?.child.kill("SIGTERM");
  });

  it("prints a 127.0.0.1 URL at the first free port from the one asked for", () => {
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:(539[1-9]|54\d\d)\/$/);
    expect(run.stderr()).toMatch(/1 confidential record\(s\) left out/);
  });

  it("saves the graph it serves in the data folder", () => {
    const envelope = GraphEnvelope.parse(JSON.parse(readFileSync(join(data, "graph.json"), "utf8")));
    expect(envelope.meta).toEqual({ includesConfidential: false, pseudonymised: false, records: 2 });
    const labels = envelope.graph.nodes.map((n) => n.attributes.label);
    expect(labels).toEqual(expect.arrayContaining(["DefendDefenders", "SCC-DRC2312/CIV001"]));
  });

  it("draws the sample network in the browser, with no request off the machine", async () => {
    const envelope = GraphEnvelope.parse(JSON.parse(readFileSync(join(data, "graph.json"), "utf8")));
    const { page, requests, errors } = await openViewer(browser, run.url, { width: 1400, height: 900 });
    const status = page.locator('[data-hg="status"]');
    expect(await status.getAttribute("data-state")).toBe("ready");
    // Unlinked nodes are hidden by default; drawn + hidden is every node of the file.
    const drawn = Number(await status.getAttribute("data-nodes"));
    const hidden = Number(await status.getAttribute("data-hidden-isolated"));
    expect(drawn).toBeGreaterThan(10);
    expect(drawn + hidden).toBe(envelope.graph.nodes.length);
    await page.waitForTimeout(500);
    await screenshot(page, "start-samples");
    expect(foreignRequests(requests, new URL(run.url).origin)).toEqual([]);
    expect(errors, errors.join("\n")).toEqual([]);
    await page.context().close();
  });

  it("wrote the records to Neo4j because NEO4J_URI was set, the confidential one flagged (a loopback server is the user's own store)", async () => {
    const driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password), { telemetryDisabled: true });
    try {
      const { records } = await driver.executeQuery("MATCH (o:Outcome) RETURN o.fragmentId AS id, o.confidential AS confidential ORDER BY id");
      expect(records.map((r) => [r.get("id"), r.get("confidential")])).toEqual([
        ["SCC-<redacted>/CIV021", true],
        ["SCC-<redacted>/PHR022", false],
        ["SCC-DRC2312/CIV001", false],
      ]);
      const trained = await driver.executeQuery("MATCH (:Entity {name: 'DefendDefenders'})-[r:TRAINED]->(t:Entity) RETURN count(r) AS n");
      expect(Number(trained.records[0].get("n"))).toBeGreaterThan(0);
    } finally {
      await driver.close();
    }
  });
});
