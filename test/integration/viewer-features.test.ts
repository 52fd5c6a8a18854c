// The built viewer in headless Chromium on the pipeline's graph of the seed records and on a large synthetic graph:
// every label drawn on a small graph, unlinked nodes hidden and counted, GEXF/GraphML downloads, cheap programs when large.
// Fixtures: test/fixtures/graphs/seeds.json (see _load.ts) and _synthetic.ts; screenshots go to test/.artifacts/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseGexf } from "graphology-gexf";
import Graph from "graphology";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSyntheticEnvelope } from "../fixtures/graphs/_synthetic.ts";
import { LARGE_GRAPH_NODES } from "../../viewer/detail.ts";
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

const SEEDS = readFileSync(join(PROJECT_ROOT, "test", "fixtures", "graphs", "seeds.json"), "utf8");
const seeds = JSON.parse(SEEDS) as { graph: { nodes: { key: string }[]; edges: { source: string; target: string }[] } };
const linked = new Set(seeds.graph.edges.flatMap((e) => [e.source, e.target]));
const UNLINKED = seeds.graph.nodes.filter((n) => !linked.has(n.key)).length;
const LARGE_NODES = LARGE_GRAPH_NODES + 500;

let browser: Browser;
let server: StaticServer;
let largeServer: StaticServer;

beforeAll(async () => {
  const dist = await buildViewerOnce();
  server = await serveStatic(dist, { "graph.json": SEEDS });
  const large = makeSyntheticEnvelope({ nodes: LARGE_NODES, seed: 7, positions: "clusters" });
  largeServer = await serveStatic(dist, { "graph.json": JSON.stringify(large) });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await largeServer?.close();
});

type Point = { x: number; y: number };
const status = (page: Page, name: string) => page.getAttribute('[data-hg="status"]', `data-${name}`);
const position = (page: Page, node: string) =>
  page.evaluate(
    (n) =>
      (
        window as unknown as { harvestgraphViewer: { nodePosition(n: string): Point | null } }
      ).harvestgraphViewer.nodePosition(n),
    node,
  );

/** Non-white pixels of the graph area, decoded by the page's own image decoder. */
async function nonWhitePixels(page: Page): Promise<number> {
  const png = await page.locator('[data-hg="graph"]').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const ctx = new OffscreenCanvas(img.width, img.height).getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) n++;
    return n;
  }, png.toString("base64"));
}

/** For each node, whether sigma's label canvas has ink just right of it, where a label is drawn. */
async function labelInk(page: Page, nodes: string[]): Promise<Record<string, boolean>> {
  return page.evaluate((keys) => {
    const viewer = (window as unknown as { harvestgraphViewer: { nodePosition(n: string): Point | null } })
      .harvestgraphViewer;
    const canvas = document.querySelector<HTMLCanvasElement>('[data-hg="graph"] canvas.sigma-labels')!;
    const box = canvas.getBoundingClientRect();
    const scale = canvas.width / box.width;
    const ctx = canvas.getContext("2d")!;
    const out: Record<string, boolean> = {};
    for (const key of keys) {
      const p = viewer.nodePosition(key);
      if (!p) continue;
      // a label starts a few pixels past the node's disc (22 px at most) and is 12 px high around its centre
      const x = Math.round((p.x - box.left + 4) * scale);
      const y = Math.round((p.y - box.top - 7) * scale);
      const data = ctx.getImageData(x, y, Math.round(60 * scale), Math.round(14 * scale)).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 128) ink++;
      out[key] = ink > 8;
    }
    return out;
  }, nodes);
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-hg="${button}"]`)]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

describe("viewer on the graph the pipeline made of the seed records", () => {
  it("hides unlinked nodes by default, says how many, and shows them on demand", async () => {
    const { page, errors } = await openViewer(browser, server.url);
    expect(UNLINKED).toBeGreaterThan(0);
    expect(Number(await status(page, "nodes"))).toBe(seeds.graph.nodes.length - UNLINKED);
    expect(Number(await status(page, "hidden-isolated"))).toBe(UNLINKED);
    const toggle = page.locator('[data-hg="hide-isolated"]');
    expect(await toggle.isChecked()).toBe(true);
    expect(await page.locator('label:has([data-hg="hide-isolated"]) .hg-count').textContent()).toBe(String(UNLINKED));
    await screenshot(page, "viewer-10-seeds-unlinked-hidden");
    await toggle.uncheck();
    await expect.poll(() => status(page, "nodes")).toBe(String(seeds.graph.nodes.length));
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("isolated=1");
    await screenshot(page, "viewer-11-seeds-unlinked-shown");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("draws the label of every visible node on a small graph", async () => {
    const { page } = await openViewer(browser, server.url);
    expect(await status(page, "detail")).toBe("small");
    await page.waitForTimeout(300);
    const visible = seeds.graph.nodes.map((n) => n.key).filter((key) => linked.has(key));
    const ink = await labelInk(page, visible);
    expect(Object.keys(ink)).toHaveLength(visible.length);
    expect(Object.entries(ink).filter(([, drawn]) => !drawn)).toEqual([]);
    await screenshot(page, "viewer-12-seeds-all-labels");
    await page.context().close();
  });

  it("downloads the filtered graph as GEXF and GraphML, each parsing back with the counts shown", async () => {
    const { page, errors } = await openViewer(browser, server.url);
    // the country list is folded when it is long
    await page.locator('details:has([data-hg="country"]) > summary').click();
    await page.locator('[data-hg="country"][value="BFA"]').check();
    await expect.poll(() => status(page, "nodes")).not.toBe(String(seeds.graph.nodes.length - UNLINKED));
    const nodes = Number(await status(page, "nodes"));
    const edges = Number(await status(page, "edges"));
    expect(nodes).toBeGreaterThan(1);

    const gexf = await download(page, "export-gexf");
    expect(gexf.name).toBe("harvestgraph.gexf");
    const parsed = parseGexf(Graph, gexf.text);
    expect([parsed.order, parsed.size]).toEqual([nodes, edges]);
    // positions and attributes travel with it, for Gephi
    parsed.forEachNode((_n, a) => expect(Number.isFinite(a.x) && typeof a.label === "string").toBe(true));

    const graphml = await download(page, "export-graphml");
    expect(graphml.name).toBe("harvestgraph.graphml");
    const counts = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      if (doc.getElementsByTagName("parsererror").length > 0) return null;
      return [doc.getElementsByTagName("node").length, doc.getElementsByTagName("edge").length];
    }, graphml.text);
    expect(counts).toEqual([nodes, edges]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe(`viewer on a synthetic graph of ${LARGE_NODES} nodes`, () => {
  it("draws with the cheap programs, pans, and answers a click on a node", async () => {
    const { page, requests, errors } = await openViewer(browser, largeServer.url);
    expect(await status(page, "state")).toBe("ready");
    expect(await status(page, "detail")).toBe("large");
    expect(await nonWhitePixels(page)).toBeGreaterThan(20_000);
    await screenshot(page, "viewer-13-large");

    // drag the stage: the camera moves
    const before = await status(page, "camera");
    const box = (await page.locator('[data-hg="graph"]').boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + 60);
    await page.mouse.down();
    await page.mouse.move(box.x + 260, box.y + 160, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => status(page, "camera")).not.toBe(before);

    // click the first outcome drawn well inside the canvas: it (or the node drawn over it) is selected
    await page.waitForTimeout(400);
    let target: Point | null = null;
    for (let i = 0; i < 500 && !target; i++) {
      const p = await position(page, `o:${i}`);
      if (p && p.x > box.x + 80 && p.x < box.x + box.width - 80 && p.y > box.y + 80 && p.y < box.y + box.height - 80)
        target = p;
    }
    expect(target).not.toBeNull();
    await page.mouse.move(target!.x, target!.y);
    await page.mouse.click(target!.x, target!.y);
    await expect.poll(() => status(page, "selected")).not.toBe("");
    const selected = await status(page, "selected");
    await expect.poll(() => page.getAttribute('[data-hg="panel"]', "data-node")).toBe(selected);
    await screenshot(page, "viewer-14-large-selected");
    expect(foreignRequests(requests, largeServer.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
