// Viewer frame times in headless Chromium (software WebGL): synthetic graphs of 5,000/20,000/50,000 nodes laid out as
// an export would, served with the built viewer; time to first frame, median frame time while panning, click response.
import { loadavg } from "node:os";
import type { Browser, Page } from "playwright-core";
import { buildViewerOnce, launchBrowser, removeDir, serveStatic } from "../test/integration/_browser.ts";
import { makeSyntheticEnvelope } from "../test/fixtures/graphs/_synthetic.ts";
import type { Section } from "./schema.ts";

export type ViewerOptions = { quick: boolean; log: (line: string) => void; timeoutMs: number };

export type ViewerRow = {
  nodes: number;
  edges: number;
  /** graph/layout.ts on the synthetic graph, as `export --format viewer` would run it. */
  layoutSeconds: number;
  graphMb: number;
  /** The renderer's detail level the page chose ("large": point nodes, line edges, no edges while moving). */
  detail: string;
  /** From navigation start to the status saying ready plus one animation frame. */
  firstFrameMs: number;
  /** Median time between animation frames while the graph is dragged, one mouse move per frame. */
  panFrameMsMedian: number;
  panFrames: number;
  /** From the click on a node to its panel filled in and the next frame drawn. */
  clickMs: number;
  /** The machine's 1-minute load average when the page opened: other work on the 2 cores slows software WebGL. */
  loadAverage: number;
};

export const VIEWER_SIZES = [5000, 20_000, 50_000] as const;
const PAN_FRAMES = 40;

export async function measureViewer(options: ViewerOptions): Promise<Section<{ rows: ViewerRow[]; note: string }>> {
  const sizes = options.quick ? VIEWER_SIZES.slice(0, 1) : VIEWER_SIZES;
  let dist: string;
  let browser: Browser;
  try {
    options.log("viewer: vite build");
    dist = await buildViewerOnce();
    browser = await launchBrowser();
  } catch (error) {
    return { status: "not measured", why: `the viewer could not be built or Chromium started: ${_first(error)}` };
  }
  const rows: ViewerRow[] = [];
  try {
    for (const nodes of sizes) {
      options.log(`viewer: synthetic graph of ${nodes.toLocaleString("en")} nodes, layout`);
      const t = performance.now();
      const envelope = makeSyntheticEnvelope({ nodes, seed: 1, positions: "layout" });
      const layoutSeconds = Math.round((performance.now() - t) / 100) / 10;
      const json = JSON.stringify(envelope);
      const server = await serveStatic(dist, { "graph.json": json });
      try {
        options.log(`viewer: ${nodes.toLocaleString("en")} nodes in Chromium`);
        const loadAverage = Math.round(loadavg()[0] * 10) / 10;
        const row = await _measurePage(browser, server.url, options.timeoutMs);
        rows.push({
          nodes,
          edges: envelope.graph.edges.length,
          layoutSeconds,
          graphMb: Math.round(json.length / 1e5) / 10,
          ...row,
          loadAverage,
        });
        options.log(
          `viewer: ${nodes} nodes: first frame ${row.firstFrameMs} ms, panning ${row.panFrameMsMedian} ms/frame, click ${row.clickMs} ms (load ${loadAverage})`,
        );
      } finally {
        await server.close();
      }
    }
  } catch (error) {
    if (rows.length === 0) return { status: "not measured", why: `the browser run failed: ${_first(error)}` };
    options.log(`viewer: stopped after ${rows.length} sizes: ${_first(error)}`);
  } finally {
    await browser.close();
    // the bench builds the viewer once per process, so its temporary build can go
    removeDir(dist);
  }
  return {
    status: "measured",
    rows,
    note: "headless Chromium, SwiftShader WebGL on the CPU (--use-angle=swiftshader), 1280×800 viewport, one page per size",
  };
}

/** In-page timing: the page's own clock (performance.now() counts from navigation start) and its animation frames. */
const INIT_SCRIPT = `(() => {
  const w = window;
  w.__hgBench = { firstFrame: null, click: null, clickDone: null };
  const watch = () => {
    const status = document.querySelector('[data-hg="status"][data-state="ready"]');
    if (status && w.__hgBench.firstFrame === null) {
      w.__hgBench.firstFrame = -1;
      requestAnimationFrame(() => { w.__hgBench.firstFrame = performance.now(); });
    }
    // a click on a drawn node selects it (or the node drawn on top of it): the status names the selection
    const selected = document.querySelector('[data-hg="status"]')?.getAttribute("data-selected");
    if (selected && w.__hgBench.click !== null && w.__hgBench.clickDone === null) {
      w.__hgBench.clickDone = -1;
      requestAnimationFrame(() => { w.__hgBench.clickDone = performance.now(); });
    }
  };
  new MutationObserver(watch).observe(document, { subtree: true, childList: true, attributes: true });
  addEventListener("mousedown", () => { if (w.__hgBench.target && w.__hgBench.click === null) w.__hgBench.click = performance.now(); }, true);
})();`;

type Bench = { firstFrame: number | null; click: number | null; clickDone: number | null; target?: string };

async function _measurePage(
  browser: Browser,
  url: string,
  timeoutMs: number,
): Promise<Omit<ViewerRow, "nodes" | "edges" | "layoutSeconds" | "graphMb" | "loadAverage">> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await context.addInitScript(INIT_SCRIPT);
    await page.goto(url);
    await page.waitForFunction(() => ((window as unknown as { __hgBench: Bench }).__hgBench.firstFrame ?? -1) > 0);
    const firstFrameMs = Math.round(
      await page.evaluate(() => (window as unknown as { __hgBench: Bench }).__hgBench.firstFrame!),
    );
    const detail = (await page.getAttribute('[data-hg="status"]', "data-detail")) ?? "?";
    const frames = await _pan(page, PAN_FRAMES);
    const clickMs = await _click(page);
    const sorted = [...frames].sort((a, b) => a - b);
    return {
      detail,
      firstFrameMs,
      panFrameMsMedian: Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10,
      panFrames: frames.length,
      clickMs,
    };
  } finally {
    await context.close();
  }
}

/** Drags the stage by synthetic mouse events, one move per animation frame; returns the gaps between frames. */
function _pan(page: Page, frames: number): Promise<number[]> {
  // page code as text: tsx would wrap named inner functions in a helper that the page does not have
  return page.evaluate(`(async (n) => {
    const target = document.querySelector(".sigma-mouse");
    const box = target.getBoundingClientRect();
    const at = (i) => ({
      clientX: box.left + box.width / 2 + 150 * Math.sin((i / n) * 2 * Math.PI),
      clientY: box.top + box.height / 2 + 80 * Math.sin((i / n) * 4 * Math.PI),
      bubbles: true,
      cancelable: true,
      buttons: 1,
    });
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    target.dispatchEvent(new MouseEvent("mousedown", { ...at(0), button: 0 }));
    const stamps = [await frame()];
    for (let i = 1; i <= n; i++) {
      document.dispatchEvent(new MouseEvent("mousemove", at(i)));
      stamps.push(await frame());
    }
    document.dispatchEvent(new MouseEvent("mouseup", { ...at(n), button: 0, buttons: 0 }));
    await frame();
    // the first gap holds the drag's start, not a steady frame
    return stamps.slice(2).map((t, i) => t - stamps[i + 1]);
  })(${frames})`);
}

/** Clicks the first outcome that is drawn inside the canvas, timed in the page from mousedown to panel plus a frame. */
async function _click(page: Page): Promise<number> {
  // let the drag's end settle (sigma reads two clicks within 300 ms as a double click)
  await page.waitForTimeout(500);
  const spot = await page.evaluate<{ node: string; x: number; y: number } | null>(`(() => {
    const handle = window.harvestgraphViewer;
    const box = document.querySelector('[data-hg="graph"]').getBoundingClientRect();
    for (let i = 0; i < 2000; i++) {
      const p = handle.nodePosition("o:" + i);
      if (p && p.x > box.left + 40 && p.x < box.right - 40 && p.y > box.top + 40 && p.y < box.bottom - 40)
        return { node: "o:" + i, x: p.x, y: p.y };
    }
    return null;
  })()`);
  if (!spot) throw new Error("no outcome is drawn inside the canvas to click");
  await page.evaluate(
    (node) => Object.assign((window as unknown as { __hgBench: Bench }).__hgBench, { target: node }),
    spot.node,
  );
  await page.mouse.move(spot.x, spot.y);
  await page.waitForTimeout(100);
  await page.mouse.click(spot.x, spot.y);
  await page.waitForFunction(() => ((window as unknown as { __hgBench: Bench }).__hgBench.clickDone ?? -1) > 0);
  return Math.round(
    await page.evaluate(() => {
      const b = (window as unknown as { __hgBench: Bench }).__hgBench;
      return b.clickDone! - b.click!;
    }),
  );
}

function _first(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}
