// Builds the viewer with Vite when its sources are newer than the last build, so `start` serves a current page.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const VIEWER_DIST = join(PROJECT_ROOT, "dist", "viewer");

function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

export function viewerIsCurrent(): boolean {
  const index = join(VIEWER_DIST, "index.html");
  if (!existsSync(index)) return false;
  const sources = Math.max(newest(join(PROJECT_ROOT, "viewer")), newest(join(PROJECT_ROOT, "graph")), statSync(join(PROJECT_ROOT, "vite.config.ts")).mtimeMs);
  return statSync(index).mtimeMs >= sources;
}

export async function ensureViewerBuilt(force = false): Promise<string> {
  if (!force && viewerIsCurrent()) return VIEWER_DIST;
  const { build } = await import("vite");
  await build({ configFile: join(PROJECT_ROOT, "vite.config.ts"), root: join(PROJECT_ROOT, "viewer"), logLevel: "error" });
  return VIEWER_DIST;
}
