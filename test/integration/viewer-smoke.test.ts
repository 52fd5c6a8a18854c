// The built viewer in headless Chromium on the sample graph: draws, panel evidence, search, filters, URL, FR, PNG, XSS.
// Fixtures: test/fixtures/graphs/sample.json (from the three seed records) and xss.json; screenshots go to test/.artifacts/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildViewerOnce,
  foreignRequests,
  launchBrowser,
  openViewer,
  PROJECT_ROOT,
  screenshot,
  serveStatic,
  type StaticServer,
} from "./_browser.ts";

const FIXTURES = join(PROJECT_ROOT, "test", "fixtures", "graphs");
const SAMPLE = readFileSync(join(FIXTURES, "sample.json"), "utf8");
const XSS = readFileSync(join(FIXTURES, "xss.json"), "utf8");
const sample = JSON.parse(SAMPLE) as { graph: { nodes: unknown[]; edges: unknown[] } };

let browser: Browser;
let server: StaticServer;
let xssServer: StaticServer;

beforeAll(async () => {
  const dist = await buildViewerOnce();
  // served from a sub-path: the built site must use only relative URLs
  server = await serveStatic(dist, { "graph.json": SAMPLE }, "/reports/view/");
  xssServer = await serveStatic(dist, { "graph.json": XSS });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await xssServer?.close();
});

const status = (page: Page, name: string) => page.getAttribute('[data-hg="status"]', `data-${name}`);

async function nonWhitePixels(page: Page): Promise<number> {
  const png = await page.locator('[data-hg="graph"]').screenshot();
  // count pixels that are not near-white, decoded by the page's own image decoder (the CSP allows data: images)
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) n++;
    return n;
  }, png.toString("base64"));
}

type Point = { x: number; y: number };

/** Where a node is drawn, once it stops moving (opening the panel resizes the canvas and sigma re-fits the graph). */
async function nodePosition(page: Page, node: string): Promise<Point> {
  const read = () =>
    page.evaluate(
      (n) =>
        (
          window as unknown as { harvestgraphViewer: { nodePosition(n: string): Point | null } }
        ).harvestgraphViewer.nodePosition(n),
      node,
    );
  let last = await read();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const now = await read();
    if (now && last && now.x === last.x && now.y === last.y) return now;
    last = now;
  }
  throw new Error(`nodePosition: ${node} did not settle (last ${JSON.stringify(last)})`);
}

async function clickNode(page: Page, node: string, modifiers: "Shift"[] = []): Promise<void> {
  // two clicks within sigma's doubleClickTimeout (300 ms) would be read as a double click
  await page.waitForTimeout(350);
  const p = await nodePosition(page, node);
  await page.mouse.move(p.x, p.y);
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.click(p.x, p.y);
  for (const key of modifiers) await page.keyboard.up(key);
}

describe("viewer on the sample graph", () => {
  it("draws every node and edge of the file, with nothing requested off the local server", async () => {
    const { page, requests, errors } = await openViewer(browser, server.url);
    expect(await status(page, "state")).toBe("ready");
    expect(Number(await status(page, "nodes"))).toBe(sample.graph.nodes.length);
    expect(Number(await status(page, "edges"))).toBe(sample.graph.edges.length);
    expect(await nonWhitePixels(page)).toBeGreaterThan(2000);
    await screenshot(page, "viewer-1-sample");
    expect(await page.locator('[data-hg="legend"] li').count()).toBeGreaterThan(5);
    expect(foreignRequests(requests, server.origin)).toEqual([]);
    expect(requests.some((url) => url === `${server.url}graph.json`)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("opens DefendDefenders' panel on click, with a TRAINED quote and its FragmentID", async () => {
    const { page } = await openViewer(browser, server.url);
    await clickNode(page, "e:defenddefenders");
    const panel = page.locator('[data-hg="panel"]');
    await expect.poll(() => panel.getAttribute("data-node")).toBe("e:defenddefenders");
    await expect.poll(() => status(page, "selected")).toBe("e:defenddefenders");
    const trained = panel.locator(
      '[data-hg="relation"][data-relation="TRAINED"] [data-hg="evidence"][data-fragment-id="SCC-DRC2312/CIV001"]',
    );
    await expect.poll(() => trained.count()).toBe(1);
    expect(await trained.locator("blockquote").textContent()).toContain(
      "DefendDefenders trained APRU in physical and digital security management",
    );
    expect(await trained.locator("figcaption").textContent()).toContain("SCC-DRC2312/CIV001");
    await screenshot(page, "viewer-2-defenddefenders-panel");
    // an outcome from the panel shows its full record, and the confidential one is marked
    await panel.locator('button[data-target="o:004"]').click();
    await expect.poll(() => panel.getAttribute("data-node")).toBe("o:004");
    expect(await panel.locator('[data-hg="confidential"]').count()).toBe(1);
    expect(await panel.locator('[data-hg="record"] [data-field="outcomeDescription"]').textContent()).toContain(
      "Seconde Chance (SECHA) digitized",
    );
    await screenshot(page, "viewer-3-confidential-outcome");
    await page.context().close();
  });

  it("suggests APRU by alias and moves the camera to it", async () => {
    const { page } = await openViewer(browser, server.url);
    const before = await status(page, "camera");
    await page.fill('[data-hg="search"]', "promotion rur");
    const option = page.locator('[data-hg="suggestions"] button[data-node="e:apru"]');
    await option.waitFor();
    await screenshot(page, "viewer-4-search-suggestions");
    await option.click();
    await expect.poll(() => status(page, "selected")).toBe("e:apru");
    await expect.poll(() => status(page, "camera"), { timeout: 5000 }).not.toBe(before);
    await page.waitForTimeout(600);
    const [x, y, ratio] = (await status(page, "camera"))!.split(",").map(Number);
    expect(ratio).toBeLessThan(1);
    expect([x, y]).not.toEqual(before!.split(",").slice(0, 2).map(Number));
    await screenshot(page, "viewer-5-search-camera");
    await page.context().close();
  });

  it("filters to Burkina Faso (via the Sahel outcome that names it) and keeps the view in the URL", async () => {
    const { page } = await openViewer(browser, server.url);
    await page.locator('[data-hg="country"][value="BFA"]').check();
    // 1 outcome (Sahel, names BFA) + the 7 actors linked to it; 13 relations backed by that record
    await expect.poll(() => status(page, "nodes")).toBe("8");
    expect(await status(page, "outcomes")).toBe("1");
    expect(await status(page, "edges")).toBe("13");
    await screenshot(page, "viewer-6-filter-burkina-faso");
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("country=BFA");
    const hash = await page.evaluate(() => location.hash);
    await page.context().close();

    const reopened = await openViewer(browser, `${server.url}${hash}`);
    expect(await status(reopened.page, "nodes")).toBe("8");
    expect(await reopened.page.locator('[data-hg="country"][value="BFA"]').isChecked()).toBe(true);
    await reopened.page.context().close();
  });

  it("highlights the contribution path from the programme to an outcome on shift+click", async () => {
    const { page } = await openViewer(browser, server.url);
    await clickNode(page, "e:scc");
    await expect.poll(() => status(page, "selected")).toBe("e:scc");
    await clickNode(page, "o:000", ["Shift"]);
    await expect.poll(() => status(page, "path-target")).toBe("o:000");
    expect(await status(page, "selected")).toBe("e:scc");
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("path=o%3A000");
    await screenshot(page, "viewer-7-contribution-path");
    await page.context().close();
  });

  it("refines the layout in a web worker on demand", async () => {
    const { page, errors } = await openViewer(browser, server.url);
    const before = await nodePosition(page, "e:pax");
    await page.click('[data-hg="layout"]');
    expect(await page.getAttribute('[data-hg="layout"]', "data-layout")).toBe("running");
    await page.waitForTimeout(800);
    await page.click('[data-hg="layout"]');
    expect(await page.getAttribute('[data-hg="layout"]', "data-layout")).toBe("stopped");
    const after = await nodePosition(page, "e:pax");
    expect(after).not.toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("switches the interface to French", async () => {
    const { page } = await openViewer(browser, server.url);
    await page.selectOption('[data-hg="lang"]', "fr");
    await expect.poll(() => page.textContent("h1")).toBe("Réseau de contribution");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    await screenshot(page, "viewer-8-french");
    await page.context().close();
  });

  it("exports the view as a PNG file", async () => {
    const { page } = await openViewer(browser, server.url);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-hg="export-png"]')]);
    expect(download.suggestedFilename()).toBe("harvestgraph.png");
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(5000);
    await page.context().close();
  });
});

describe("viewer on a record carrying markup", () => {
  it("shows <img onerror> and <script> as text and runs neither", async () => {
    const { page, requests, errors } = await openViewer(browser, xssServer.url);
    expect(await status(page, "state")).toBe("ready");
    await page.fill('[data-hg="search"]', "Evil");
    await page.locator('[data-hg="suggestions"] button[data-node="e:evil"]').click();
    const panel = page.locator('[data-hg="panel"]');
    await expect.poll(() => panel.getAttribute("data-node")).toBe("e:evil");
    expect(await panel.locator("h2").textContent()).toBe(
      'Evil <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>',
    );
    expect(await panel.locator('[data-hg="evidence"] blockquote').textContent()).toContain(
      "<script>window.__xss=2</script>",
    );
    await panel.locator('button[data-target="o:xss"]').first().click();
    await expect.poll(() => panel.getAttribute("data-node")).toBe("o:xss");
    expect(await panel.locator('[data-hg="record"] p[data-field="outcomeDescription"]').textContent()).toContain(
      '<img src=x onerror="window.__xss=1">',
    );
    expect(await page.locator("#app img, #app script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // an injected <img src=x> would have asked the server for /x
    expect(requests.filter((url) => url.endsWith("/x"))).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, "viewer-9-xss");
    await page.context().close();
  });
});
