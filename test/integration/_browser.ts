// Browser-test helpers: build the viewer once with Vite, serve it with a graph on 127.0.0.1, drive headless Chromium.
// Every request the page makes is recorded so a test can fail on any that leaves the local server.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const ARTIFACTS = join(PROJECT_ROOT, "test", ".artifacts");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

let built: Promise<string> | undefined;

/** Builds the viewer into a fresh temporary folder once per test process; later calls reuse it. */
export function buildViewerOnce(): Promise<string> {
  built ??= (async () => {
    const { build } = await import("vite");
    const outDir = mkdtempSync(join(tmpdir(), "harvestgraph-viewer-"));
    await build({
      configFile: join(PROJECT_ROOT, "vite.config.ts"),
      logLevel: "silent",
      build: { outDir, emptyOutDir: true },
    });
    return outDir;
  })();
  return built;
}

export type StaticServer = { url: string; origin: string; close: () => Promise<void> };

/**
 * Serves `root` under `prefix` (e.g. "/team/view/") on 127.0.0.1 at a free port; `files` maps a path under the
 * prefix to content served instead of the disk (used for graph.json).
 */
export async function serveStatic(
  root: string,
  files: Record<string, string | Buffer> = {},
  prefix = "/",
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!path.startsWith(prefix)) return void res.writeHead(404).end();
    const rel = path.slice(prefix.length) || "index.html";
    if (rel in files)
      return void res
        .writeHead(200, { "content-type": TYPES[extname(rel)] ?? "application/octet-stream" })
        .end(files[rel]);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep) || !_isFile(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export type OpenedPage = { page: Page; requests: string[]; errors: string[] };

/** Opens `url` in a fresh context, recording every request and every page error, and waits for the viewer to be ready. */
export async function openViewer(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 800 },
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, locale: "en-GB", acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector('[data-hg="status"][data-state="ready"], [data-hg="status"][data-state="error"]', {
    timeout: 30_000,
  });
  return { page, requests, errors };
}

/** The requests that went anywhere but `origin` (data: and blob: URLs stay in the page and are allowed). */
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function _isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
