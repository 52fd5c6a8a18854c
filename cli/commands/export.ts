// `harvestgraph export --format F --out P`: the graph as a static viewer site, GEXF, GraphML, CSV tables or JSON (confidential records left out by default).
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { defineCommand } from "citty";
import { writeCsvTables, writeGexf, writeGraphml } from "../../graph/export/index.ts";
import { buildOutputGraph } from "../../graph/pipeline.ts";
import { pseudonymiseGraph } from "../../graph/pseudonymise.ts";
import { toEnvelope } from "../../graph/envelope.ts";
import { CONFIDENTIAL_ARG, DATA_ARG, positionalPaths } from "../args.ts";
import { loadConfig } from "../config.ts";
import { ensureDataFolder, readOrCreateSecret, resolveDataFolder, writeFileAtomic } from "../data-folder.ts";
import { CLIError } from "../errors.ts";
import { loadRecords } from "../records.ts";
import { outputOptions } from "../build-outputs.ts";
import { reportStale } from "../curation.ts";
import { writeStaticViewer } from "../viewer-build.ts";

export const EXPORT_FORMATS = ["viewer", "gexf", "graphml", "csv", "json"] as const;

export default defineCommand({
  meta: { name: "export", description: "Write the graph as a static viewer site, GEXF, GraphML, CSV tables or JSON" },
  args: {
    paths: { type: "positional", required: false, description: "record files or folders (default: the data folder's records)" },
    format: { type: "enum", options: [...EXPORT_FORMATS], required: true, description: "viewer (a folder), gexf, graphml, json (a file), csv (a folder)" },
    out: { type: "string", required: true, description: "file (gexf, graphml, json) or folder (viewer, csv) to write", valueHint: "PATH" },
    reviewed: { type: "boolean", default: false, description: "keep only edges a person accepted or added (see `harvestgraph review`)" },
    pseudonymise: {
      type: "boolean",
      default: false,
      description: "replace organisations and persons not on the config keep-list by keyed pseudonyms; the manifest is written beside the export",
    },
    ...CONFIDENTIAL_ARG,
    ...DATA_ARG,
  },
  async run({ args }) {
    const config = loadConfig();
    const folder = resolveDataFolder(args.data);
    const records = await loadRecords(positionalPaths(args), folder, config);
    const includeConfidential = args["include-confidential"];
    const built = buildOutputGraph(records, outputOptions(folder, config, { includeConfidential, reviewedOnly: args.reviewed, layout: args.format !== "csv" }));
    reportStale(built.stale);
    let { graph, envelope } = built;
    const out = args.out;
    const manifestPath = `${resolve(out).replace(/[\\/]+$/, "")}.pseudonyms.json`;
    if (args.pseudonymise) {
      const result = pseudonymiseGraph(graph, readOrCreateSecret(folder), config.keep);
      graph = result.graph;
      envelope = toEnvelope(graph, { ...envelope.meta, pseudonymised: true });
      // Beside the export, never inside it: handing over the export must not hand over the names.
      writeFileAtomic(manifestPath, JSON.stringify(result.manifest, null, 2) + "\n");
    }
    switch (args.format) {
      case "viewer": {
        // the graph goes inside index.html, so the folder also works opened from disk (file://)
        const removed = await writeStaticViewer(out, envelope);
        for (const path of removed) process.stderr.write(`removed ${path}, an earlier export's copy of the graph\n`);
        break;
      }
      case "gexf":
        writeFileAtomic(out, writeGexf(graph));
        break;
      case "graphml":
        writeFileAtomic(out, writeGraphml(graph));
        break;
      case "json":
        writeFileAtomic(out, JSON.stringify(envelope, null, 2) + "\n");
        break;
      case "csv":
        for (const [name, text] of Object.entries(writeCsvTables(graph))) writeFileAtomic(join(out, name), text);
        break;
      default:
        throw new CLIError("E_USAGE", `export: unknown format ${String(args.format)}`);
    }
    logExport(folder, { out: resolve(out), format: args.format, includesConfidential: includeConfidential, pseudonymised: args.pseudonymise, fragmentIds: graph.filterNodes((_n, a) => a.kind === "outcome").map((n) => String(graph.getNodeAttribute(n, "label"))) });
    const hidden = records.length - envelope.meta.records;
    process.stderr.write(`exported ${graph.order} nodes, ${graph.size} edges to ${out}` + (hidden ? `; ${hidden} confidential record(s) left out` : "") + (includeConfidential ? "; includes confidential records" : "") + "\n");
  },
});

/** Remembers what each export contains, so `forget` can say which exports must be regenerated. */
function logExport(folder: ReturnType<typeof resolveDataFolder>, entry: { out: string; format: string; includesConfidential: boolean; pseudonymised: boolean; fragmentIds: string[] }): void {
  ensureDataFolder(folder);
  mkdirSync(dirname(folder.exports), { recursive: true });
  appendFileSync(folder.exports, JSON.stringify(entry) + "\n", { mode: 0o600 });
}
