// Builds the viewer with Vite when its sources are newer than the last build, so `start` serves a current page, and
// writes the static site `export --format viewer` hands over: the file build with the graph inside index.html.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { embedGraph } from "../viewer/embedded.ts";
import { writeFileAtomic } from "./data-folder.ts";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const VIEWER_DIST = join(PROJECT_ROOT, "dist", "viewer");
/** The build for pages opened from disk (vite.config.ts' file mode): classic scripts, an empty graph data block. */
export const VIEWER_FILE_DIST = join(PROJECT_ROOT, "dist", "viewer-file");

/** served: a module script fetching graph.json (start, serve); file: what export copies, working from file:// too. */
export type ViewerVariant = "served" | "file";

// the loading line of viewer/index.html, in every page the viewer build writes
const VIEWER_PAGE_MARK = 'data-hg="status"';

const DISTS: Record<ViewerVariant, string> = { served: VIEWER_DIST, file: VIEWER_FILE_DIST };

function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

export function viewerIsCurrent(variant: ViewerVariant = "served"): boolean {
  const index = join(DISTS[variant], "index.html");
  if (!existsSync(index)) return false;
  const sources = Math.max(
    newest(join(PROJECT_ROOT, "viewer")),
    newest(join(PROJECT_ROOT, "graph")),
    statSync(join(PROJECT_ROOT, "vite.config.ts")).mtimeMs,
  );
  return statSync(index).mtimeMs >= sources;
}

export async function ensureViewerBuilt(force = false, variant: ViewerVariant = "served"): Promise<string> {
  const dist = DISTS[variant];
  if (!force && viewerIsCurrent(variant)) return dist;
  const { build } = await import("vite");
  await build({
    configFile: join(PROJECT_ROOT, "vite.config.ts"),
    root: join(PROJECT_ROOT, "viewer"),
    logLevel: "error",
    // vite.config.ts' FILE_MODE
    ...(variant === "file" ? { mode: "file" } : {}),
  });
  return dist;
}

/**
 * Writes the viewer into `out` as a folder that works opened straight from disk and from any static server: index.html
 * with the graph embedded, and assets/ (classic scripts, nothing fetched). Returns what it removed of an earlier export.
 */
export async function writeStaticViewer(out: string, envelope: unknown): Promise<string[]> {
  const dist = await ensureViewerBuilt(false, "file");
  const index = join(out, "index.html");
  const stale = join(out, "graph.json");
  // exports made before the graph moved into index.html left it beside the page: a copy of data (perhaps of records
  // since left out) that must not travel with the new view; only removed from a folder that holds one of our pages
  const staleExport = existsSync(stale) && existsSync(index) && readFileSync(index, "utf8").includes(VIEWER_PAGE_MARK);
  mkdirSync(out, { recursive: true });
  cpSync(join(dist, "assets"), join(out, "assets"), { recursive: true });
  writeFileAtomic(index, embedGraph(readFileSync(join(dist, "index.html"), "utf8"), envelope));
  if (!staleExport) return [];
  rmSync(stale);
  return [stale];
}
