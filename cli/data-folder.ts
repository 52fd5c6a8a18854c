// The data folder (--data, HARVESTGRAPH_DATA or .harvestgraph/): private (0700), holds sensitive text, written atomically.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const DEFAULT_DATA_DIR = ".harvestgraph";

export type DataFolder = {
  dir: string;
  records: string;
  report: string;
  extraction: string;
  mergeReport: string;
  graph: string;
  neo4j: string;
  secret: string;
  exports: string;
};

export function resolveDataFolder(flag?: string): DataFolder {
  const dir = resolve(flag || process.env.HARVESTGRAPH_DATA || DEFAULT_DATA_DIR);
  return {
    dir,
    records: join(dir, "records.jsonl"),
    report: join(dir, "ingest-report.json"),
    extraction: join(dir, "extraction.json"),
    mergeReport: join(dir, "merge-report.json"),
    graph: join(dir, "graph.json"),
    neo4j: join(dir, "neo4j"),
    secret: join(dir, "pseudonym.key"),
    exports: join(dir, "exports.jsonl"),
  };
}

/** Creates the folder readable by its owner only, since it holds the records' text. */
export function ensureDataFolder(folder: DataFolder): DataFolder {
  if (!existsSync(folder.dir)) mkdirSync(folder.dir, { recursive: true, mode: 0o700 });
  chmodSync(folder.dir, 0o700);
  return folder;
}

/** Writes through a temporary file and a rename, so an interrupted run never leaves a half-written file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, path);
}

/** The secret that keys pseudonyms: created once per data folder, never written into an export. */
export function readOrCreateSecret(folder: DataFolder): string {
  ensureDataFolder(folder);
  if (!existsSync(folder.secret)) writeFileAtomic(folder.secret, randomBytes(32).toString("hex") + "\n");
  return readFileSync(folder.secret, "utf8").trim();
}
