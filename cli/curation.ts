// The curation file (data folder's curation.json): read, validated, appended to; stale decisions reported on stderr.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Curation, type Decision, EMPTY_CURATION, type StaleDecision } from "../review/index.ts";
import { type DataFolder, ensureDataFolder, writeFileAtomic } from "./data-folder.ts";
import { readJsonFile } from "./json-file.ts";

export function curationPath(folder: DataFolder): string {
  return join(folder.dir, "curation.json");
}

export function readCuration(folder: DataFolder): Curation {
  const path = curationPath(folder);
  if (!existsSync(path)) return EMPTY_CURATION;
  return readJsonFile(path, Curation, "E_INPUT");
}

/** One decision per line inside the array, so the file diffs well under version control. */
export function formatCuration(curation: Curation): string {
  const lines = curation.decisions.map((d) => `    ${JSON.stringify(d)}`);
  return `{\n  "version": ${curation.version},\n  "decisions": [${lines.length ? `\n${lines.join(",\n")}\n  ` : ""}]\n}\n`;
}

export function appendDecisions(folder: DataFolder, decisions: Decision[]): Curation {
  ensureDataFolder(folder);
  const current = readCuration(folder);
  const next = Curation.parse({ ...current, decisions: [...current.decisions, ...decisions] });
  writeFileAtomic(curationPath(folder), formatCuration(next));
  return next;
}

export function reportStale(stale: StaleDecision[]): void {
  for (const s of stale) process.stderr.write(`warning: review decision ${s.index + 1} (${s.decision.kind}) not applied: ${s.reason}\n`);
}
