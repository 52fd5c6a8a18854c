// `harvestgraph start [paths]`: the main job — records → data folder → graph (→ Neo4j) → the viewer on 127.0.0.1.
import { join } from "node:path";
import { defineCommand } from "citty";
import { CONFIDENTIAL_ARG, DATA_ARG, PORT_ARGS, positionalPaths } from "../args.ts";
import { rebuildOutputGraph, saveOutputGraph, saveStore } from "../build-outputs.ts";
import { loadConfig } from "../config.ts";
import { ensureDataFolder, resolveDataFolder } from "../data-folder.ts";
import { loadRecordsFromPaths } from "../records.ts";
import { PROJECT_ROOT } from "../viewer-build.ts";
import { serveViewer } from "./serve.ts";
import { pushIfConfigured } from "./push.ts";

export default defineCommand({
  meta: { name: "start", description: "Build the graph from records (default: the bundled samples), save it, push it to Neo4j if NEO4J_URI is set, and serve the viewer" },
  args: {
    paths: { type: "positional", required: false, description: "record files or folders (default examples/seeds)" },
    ...DATA_ARG,
    ...CONFIDENTIAL_ARG,
    ...PORT_ARGS,
  },
  async run({ args }) {
    const config = loadConfig();
    const folder = ensureDataFolder(resolveDataFolder(args.data));
    const paths = positionalPaths(args);
    // 1. read and validate the records
    const { records, report } = await loadRecordsFromPaths(paths.length ? paths : [join(PROJECT_ROOT, "examples", "seeds")], config);
    // 2. the user's own store: records, report, full extraction
    saveStore(folder, records, report, config);
    // 3. the graph every output shows
    const envelope = saveOutputGraph(folder, records, config, args["include-confidential"]);
    const hidden = records.length - envelope.meta.records;
    process.stderr.write(`graph: ${envelope.graph.nodes.length} nodes, ${envelope.graph.edges.length} edges from ${envelope.meta.records} records` + (hidden ? ` (${hidden} confidential record(s) left out; --include-confidential shows them)` : "") + "\n");
    // 4. Neo4j, when configured
    await pushIfConfigured(folder);
    // 5. the viewer
    await serveViewer({ folder, host: args.host, port: args.port, onReviewWrite: () => rebuildOutputGraph(folder, config) });
  },
});
