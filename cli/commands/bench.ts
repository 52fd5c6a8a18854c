// `harvestgraph bench`: the benchmark of the scale issue; writes bench/results/latest.json and latest.md, prints the summary.
import { defineCommand } from "citty";
import { DEFAULT_BENCH_OPTIONS, renderMarkdown, runBench } from "../../bench/index.ts";
import { CLIError } from "../errors.ts";

export default defineCommand({
  meta: { name: "bench", description: "Measure ingest, extraction, scaling, synthetic F1 and the Neo4j load on synthetic corpora (about 15 minutes; --quick under 2)" },
  args: {
    quick: { type: "boolean", default: false, description: "1,000 records only (and smaller Neo4j/F1 runs)" },
    out: { type: "string", default: DEFAULT_BENCH_OPTIONS.resultsDir, description: "folder for latest.json and latest.md", valueHint: "DIR" },
    seed: { type: "string", default: String(DEFAULT_BENCH_OPTIONS.seed), description: "seed of the synthetic corpora", valueHint: "S" },
  },
  async run({ args }) {
    if (!/^\d+$/.test(args.seed)) throw new CLIError("E_USAGE", `bench: --seed must be a whole number, got "${args.seed}"`);
    const started = performance.now();
    const log = (line: string) => process.stderr.write(`[${Math.round((performance.now() - started) / 1000)} s] ${line}\n`);
    const results = await runBench({ quick: args.quick, resultsDir: args.out, seed: Number(args.seed) }, log);
    log(`wrote ${args.out}/latest.json and ${args.out}/latest.md`);
    process.stdout.write(renderMarkdown(results));
  },
});
