// Review from the viewer: the panel shows each quote's status and rule, a reject is saved to the curation file through
// `serve`'s write endpoint, and writes from another origin or without the session token are refused.
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { request } from "node:http";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphEnvelope } from "../../graph/schema.ts";
import { launchBrowser, openViewer, screenshot } from "./_browser.ts";
import { type RunningStart, startCli } from "./_start.ts";

describe("review in the viewer", () => {
  const data = mkdtempSync(join(tmpdir(), "hg-review-"));
  const curation = join(data, "curation.json");
  let run: RunningStart;
  let browser: Browser;

  beforeAll(async () => {
    run = await startCli(["--data", data, "--port", "5441"]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    run?.child.kill("SIGTERM");
  });

  it("shows status and rule on each quote and saves a rejection to the curation file", async () => {
    const envelope = GraphEnvelope.parse(JSON.parse(readFileSync(join(data, "graph.json"), "utf8")));
    const dd = envelope.graph.nodes.find((n) => n.attributes.label === "DefendDefenders")!;
    const { page, errors } = await openViewer(browser, run.url, { width: 1400, height: 900 });
    await page.fill('[data-hg="search"]', "DefendDefenders");
    await page.locator(`[data-hg="suggestions"] button[data-node="${dd.key}"]`).click();
    const panel = page.locator('[data-hg="panel"]');
    await expect.poll(() => panel.getAttribute("data-node")).toBe(dd.key);

    const figure = panel.locator('[data-hg="relation"][data-relation="TRAINED"] [data-hg="evidence"]').first();
    expect(await figure.getAttribute("data-status")).toBe("machine");
    expect(await figure.locator("figcaption").textContent()).toMatch(/machine · rule \S+/);
    await figure.locator('[data-hg="review-reject"]').click();
    await expect.poll(() => figure.getAttribute("data-status")).toBe("rejected");
    await screenshot(page, "review-rejected");
    expect(errors).toEqual([]);

    const saved = JSON.parse(readFileSync(curation, "utf8")) as { decisions: { kind: string; relation: { type: string; source: string } }[] };
    expect(saved.decisions).toEqual([expect.objectContaining({ kind: "reject", relation: expect.objectContaining({ type: "TRAINED", source: dd.key }) })]);
    await page.context().close();
  });

  it("refuses a write from another origin, or without the session token, and saves nothing", async () => {
    const before = existsSync(curation) ? readFileSync(curation, "utf8") : "";
    const { token } = (await (await fetch(new URL("api/session", run.url))).json()) as { token: string };
    const body = JSON.stringify({ kind: "accept", relation: { source: "a", type: "FUNDED", target: "b", outcome: "c" } });
    const post = (headers: Record<string, string>) => fetch(new URL("api/decisions", run.url), { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });
    const origin = new URL(run.url).origin;
    expect((await post({ Origin: "http://evil.example", "X-Harvestgraph-Token": token })).status).toBe(403);
    expect((await post({ Origin: origin })).status).toBe(403);
    expect((await post({ Origin: origin, "X-Harvestgraph-Token": "0".repeat(token.length) })).status).toBe(403);
    // A page reaching this server through a DNS name that points at 127.0.0.1 (rebinding) carries that name as Host.
    const rebound = await new Promise<number>((resolve, reject) => {
      const url = new URL("api/decisions", run.url);
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { Host: `evil.example:${url.port}`, Origin: `http://evil.example:${url.port}`, "X-Harvestgraph-Token": token, "Content-Type": "application/json" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end(body);
    });
    expect(rebound).toBe(403);
    expect(existsSync(curation) ? readFileSync(curation, "utf8") : "").toBe(before);
  });
});
