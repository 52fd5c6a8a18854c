// `export --format viewer` opened straight from disk (file://) in headless Chromium: the graph draws from the data
// embedded in index.html, search and the panel work, the layout worker runs or says it cannot, nothing leaves the folder.
// Records: examples/seeds/ as shipped, and seed 000 with markup added to its description; screenshots in test/.artifacts/.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphEnvelope } from "../../graph/schema.ts";
import { GRAPH_DATA_ID } from "../../viewer/embedded.ts";
import { runCli, tempDir } from "../_cli.ts";
import { foreignRequests, launchBrowser, openViewer, PROJECT_ROOT, removeDir, screenshot } from "./_browser.ts";

const MARKUP = "</script><img src=x onerror=alert(1)> <!--<script>window.__xss=1</script>";

const work = tempDir("hg-file-view-");
const seedsView = join(work, "seeds-view");
const markupView = join(work, "markup-view");
let browser: Browser;

function exportViewer(records: string, out: string): void {
  const result = runCli(["export", records, "--format", "viewer", "--out", out, "--data", join(work, "data")]);
  expect(result.status, result.stderr).toBe(0);
}

beforeAll(async () => {
  exportViewer(join(PROJECT_ROOT, "examples", "seeds"), seedsView);
  // seed 000 under another FragmentID, its description ending in markup that would break out of a careless data block
  const records = join(work, "markup-records");
  mkdirSync(records);
  const seed = readFileSync(join(PROJECT_ROOT, "examples", "seeds", "000_d3dc1a586945bafc.txt"), "utf8");
  const marked = seed
    .replace("**FragmentID**: SCC-DRC2312/CIV001", "**FragmentID**: SCC-MARKUP/001")
    .replace(/^(\*\*Outcome description\*\*: .*)$/m, (line) => `${line} ${MARKUP}`);
  expect(marked).toContain(MARKUP);
  writeFileSync(join(records, "markup.txt"), marked);
  exportViewer(records, markupView);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  removeDir(work);
});

const pageUrl = (dir: string) => pathToFileURL(join(dir, "index.html")).href;
const status = (page: Page, name: string) => page.getAttribute('[data-hg="status"]', `data-${name}`);
/** Requests that went anywhere but the export's own folder (blob: and data: stay in the page). */
const leftTheFolder = (requests: string[], dir: string) => foreignRequests(requests, pathToFileURL(dir).href);

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

/** Non-white pixels of the graph area, decoded by the page's own image decoder. */
async function nonWhitePixels(page: Page): Promise<number> {
  const png = await page.locator('[data-hg="graph"]').screenshot();
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

/** The envelope embedded in an exported index.html, read the way the page reads it. */
function embeddedEnvelope(dir: string): GraphEnvelope {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const open = `<script type="application/json" id="${GRAPH_DATA_ID}">`;
  const start = html.indexOf(open) + open.length;
  return GraphEnvelope.parse(JSON.parse(html.slice(start, html.indexOf("</script>", start))));
}

describe("export --format viewer", () => {
  it("writes index.html with the graph inside and classic scripts, and no graph.json to fetch", () => {
    expect(readdirSync(seedsView).sort()).toEqual(["assets", "index.html"]);
    const html = readFileSync(join(seedsView, "index.html"), "utf8");
    expect(html).not.toMatch(/type="module"|crossorigin/);
    expect(html).toContain('<script defer src="./assets/viewer.js"></script>');
    const envelope = embeddedEnvelope(seedsView);
    expect(envelope.meta).toEqual({ includesConfidential: false, pseudonymised: false, records: 2 });
    // the seeds' own redaction tokens are record text with "<" in it: escaped, yet read back verbatim
    expect(envelope.graph.nodes.map((n) => n.key)).toContain("SCC-<redacted>/PHR022");
  });

  it("escapes record text so </script> and <!-- cannot end the data block", () => {
    const html = readFileSync(join(markupView, "index.html"), "utf8");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<!--<script>");
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const outcome = embeddedEnvelope(markupView).graph.nodes.find((n) => n.key === "SCC-MARKUP/001");
    expect(JSON.stringify(outcome)).toContain(MARKUP);
  });
});

describe("export --format viewer into a folder that holds a graph.json", () => {
  it("removes the copy an earlier export left beside its page, and leaves any other folder's alone", () => {
    const dir = join(work, "again");
    mkdirSync(dir);
    writeFileSync(join(dir, "graph.json"), "{}");
    exportViewer(join(PROJECT_ROOT, "examples", "seeds"), dir);
    expect(readdirSync(dir).sort()).toEqual(["assets", "graph.json", "index.html"]);
    // now the folder holds one of our pages: its graph.json is an export's stale copy of the data
    const result = runCli([
      "export",
      join(PROJECT_ROOT, "examples", "seeds"),
      "--format",
      "viewer",
      "--out",
      dir,
      "--data",
      join(work, "data"),
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(`removed ${join(dir, "graph.json")}`);
    expect(readdirSync(dir).sort()).toEqual(["assets", "index.html"]);
  });
});

describe("the exported viewer opened from disk", () => {
  it("draws the seeds' graph from file:// with nothing requested outside its folder", async () => {
    const { page, requests, errors } = await openViewer(browser, pageUrl(seedsView));
    expect(await status(page, "state")).toBe("ready");
    const envelope = embeddedEnvelope(seedsView);
    const drawn = Number(await status(page, "nodes"));
    expect(drawn).toBeGreaterThan(10);
    expect(drawn + Number(await status(page, "hidden-isolated"))).toBe(envelope.graph.nodes.length);
    expect(Number(await status(page, "edges"))).toBe(envelope.graph.edges.length);
    expect(await nonWhitePixels(page)).toBeGreaterThan(2000);
    await screenshot(page, "viewer-file-1-seeds");
    expect(requests.every((url) => url.startsWith("file://") || /^(data|blob):/.test(url))).toBe(true);
    expect(leftTheFolder(requests, seedsView)).toEqual([]);
    expect(errors, errors.join("\n")).toEqual([]);
    await page.context().close();
  });

  it("finds APRU by search and opens DefendDefenders' panel on a click", async () => {
    const { page, errors } = await openViewer(browser, pageUrl(seedsView));
    const before = await status(page, "camera");
    await page.fill('[data-hg="search"]', "promotion rur");
    const option = page.locator('[data-hg="suggestions"] button[data-node="org:actions-pour-la-promotion-rurale"]');
    await option.click();
    await expect.poll(() => status(page, "selected")).toBe("org:actions-pour-la-promotion-rurale");
    await expect.poll(() => status(page, "camera"), { timeout: 5000 }).not.toBe(before);

    await page.waitForTimeout(600);
    const p = await nodePosition(page, "org:defenddefenders");
    await page.mouse.move(p.x, p.y);
    await page.mouse.click(p.x, p.y);
    const panel = page.locator('[data-hg="panel"]');
    await expect.poll(() => panel.getAttribute("data-node")).toBe("org:defenddefenders");
    expect(await panel.isVisible()).toBe(true);
    const trained = panel.locator(
      '[data-hg="relation"][data-relation="TRAINED"] [data-hg="evidence"][data-fragment-id="SCC-DRC2312/CIV001"]',
    );
    await expect.poll(() => trained.count()).toBeGreaterThan(0);
    await screenshot(page, "viewer-file-2-panel");
    expect(errors, errors.join("\n")).toEqual([]);
    await page.context().close();
  });

  it("keeps a filter in the URL, so the file's address with its hash reopens the same view", async () => {
    const { page } = await openViewer(browser, pageUrl(seedsView));
    // more than six countries: their group starts folded
    await page
      .locator("details.hg-group", { has: page.locator('[data-hg="country"]') })
      .locator("summary")
      .click();
    await page.locator('[data-hg="country"][value="BFA"]').check();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("country=BFA");
    const nodes = await status(page, "nodes");
    const hash = await page.evaluate(() => location.hash);
    await page.context().close();
    const reopened = await openViewer(browser, pageUrl(seedsView) + hash);
    expect(await status(reopened.page, "nodes")).toBe(nodes);
    expect(await reopened.page.locator('[data-hg="country"][value="BFA"]').isChecked()).toBe(true);
    await reopened.page.context().close();
  });

  it("refines the layout in a web worker started from a blob: URL", async () => {
    const { page, errors } = await openViewer(browser, pageUrl(seedsView));
    const before = await nodePosition(page, "org:pax");
    await page.click('[data-hg="layout"]');
    expect(await page.getAttribute('[data-hg="layout"]', "data-layout")).toBe("running");
    await page.waitForTimeout(800);
    await page.click('[data-hg="layout"]');
    expect(await page.getAttribute('[data-hg="layout"]', "data-layout")).toBe("stopped");
    expect(await nodePosition(page, "org:pax")).not.toEqual(before);
    expect(errors, errors.join("\n")).toEqual([]);
    await page.context().close();
  });

  // browsers differ on workers for pages from disk: refused at once (SecurityError) or failing once started
  it.each([
    ["refused when created", "throw new DOMException('workers refused', 'SecurityError');"],
    [
      "failing to start",
      "const w = Object.assign(new EventTarget(), { postMessage() {}, terminate() {} });" +
        "setTimeout(() => w.dispatchEvent(new Event('error'))); return w;",
    ],
  ])("says so and keeps the stored layout when the worker is %s", async (name, body) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
    // a stand-in Worker with the given behaviour, installed before the page's own script runs
    await context.addInitScript(`window.Worker = function () { ${body} };`);
    const page = await context.newPage();
    await page.goto(pageUrl(seedsView));
    await page.waitForSelector('[data-hg="status"][data-state="ready"]');
    const before = await nodePosition(page, "org:pax");
    await page.click('[data-hg="layout"]');
    const button = page.locator('[data-hg="layout"]');
    await expect.poll(() => button.getAttribute("data-layout")).toBe("unavailable");
    expect(await button.isDisabled()).toBe(true);
    expect(await button.textContent()).toBe("Layout unavailable");
    const note = page.locator('[data-hg="layout-note"]');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain("web worker");
    expect(await nodePosition(page, "org:pax")).toEqual(before);
    await screenshot(page, `viewer-file-3-no-worker-${name.split(" ")[0]}`);
    await context.close();
  });

  it("shows a record's </script><img onerror> and <!--<script> as text and runs nothing", async () => {
    const { page, requests, errors } = await openViewer(browser, pageUrl(markupView));
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    expect(await status(page, "state")).toBe("ready");
    await page.fill('[data-hg="search"]', "SCC-MARKUP");
    await page.locator('[data-hg="suggestions"] button[data-node="SCC-MARKUP/001"]').click();
    const panel = page.locator('[data-hg="panel"]');
    await expect.poll(() => panel.getAttribute("data-node")).toBe("SCC-MARKUP/001");
    const description = panel.locator('[data-hg="record"] [data-field="outcomeDescription"]');
    expect(await description.textContent()).toContain(MARKUP);
    await description.scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    await screenshot(page, "viewer-file-4-markup");
    // the data block stayed one element: no image or extra script anywhere in the document
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => document.scripts.length)).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => url.endsWith("/x"))).toEqual([]);
    expect(leftTheFolder(requests, markupView)).toEqual([]);
    expect(errors, errors.join("\n")).toEqual([]);
    await page.context().close();
  });
});
