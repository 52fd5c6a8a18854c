// `harvestgraph forget <fragmentId>`: removes a record (consent withdrawn, new risk) from the data folder and the configured Neo4j.
import { existsSync, readFileSync } from "node:fs";
import { defineCommand } from "citty";
import { DATA_ARG } from "../args.ts";
import { rebuildOutputGraph, saveStore } from "../build-outputs.ts";
import { loadConfig } from "../config.ts";
import { type DataFolder, resolveDataFolder } from "../data-folder.ts";
import { CLIError } from "../errors.ts";
import { loadStoredRecords } from "../records.ts";
import { forgetInNeo4jIfConfigured } from "./push.ts";

/** Exports written from this data folder that contain the record, from the export log. */
export function exportsContaining(folder: DataFolder, fragmentId: string): string[] {
  if (!existsSync(folder.exports)) return [];
  const outs = new Set<string>();
  for (const line of readFileSync(folder.exports, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line) as { out: string; fragmentIds: string[] };
    if (entry.fragmentIds.includes(fragmentId)) outs.add(entry.out);
  }
  return [...outs];
}

export default defineCommand({
  meta: { name: "forget", description: "Remove a record from the data folder and the configured Neo4j, and list the exports to regenerate" },
  args: {
    fragmentId: { type: "positional", required: true, description: "the record's FragmentID (or its id when two records share one)" },
    ...DATA_ARG,
  },
  async run({ args }) {
    const folder = resolveDataFolder(args.data);
    const config = loadConfig();
    const records = loadStoredRecords(folder);
    const gone = records.filter((r) => r.fragmentId === args.fragmentId || r.id === args.fragmentId);
    if (gone.length === 0) throw new CLIError("E_INPUT", `forget: no record with FragmentID ${args.fragmentId} in ${folder.dir}`);
    const kept = records.filter((r) => !gone.includes(r));
    // 1. the data folder: records, extraction, merge report and the graph are rebuilt without it
    saveStore(folder, kept, null, config);
    rebuildOutputGraph(folder, config);
    // 2. Neo4j, when configured: its outcome, evidence and full-text entries
    const neo4j = await forgetInNeo4jIfConfigured(gone.map((r) => r.id), folder);
    // 3. what the user must still do
    process.stderr.write(`forgot ${gone.length} record(s) with FragmentID ${args.fragmentId} in ${folder.dir}${neo4j ? ` and in Neo4j (${neo4j})` : ""}\n`);
    process.stderr.write(`it is still in ${[...new Set(gone.map((r) => r.source))].join(", ")}: remove it there too, or the next ingest brings it back\n`);
    const stale = gone.flatMap((r) => exportsContaining(folder, r.fragmentId));
    if (stale.length) process.stderr.write(`regenerate these exports, which contain it:\n${[...new Set(stale)].map((s) => `  ${s}`).join("\n")}\n`);
    else process.stderr.write("no logged export contains it\n");
  },
});
