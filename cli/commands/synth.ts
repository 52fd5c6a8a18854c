// `harvestgraph synth`: writes a synthetic corpus (records in OUT/records/, ground truth in OUT/gold.json) from a seed.
import { defineCommand } from "citty";
import { z } from "zod";
import { SYNTH_FORMATS, SynthOptions, writeCorpus } from "../../synth/index.ts";
import { CLIError } from "../errors.ts";

const integer = (flag: string, value: string) => {
  if (!/^\d+$/.test(value.replaceAll("_", ""))) throw new CLIError("E_USAGE", `synth: --${flag} must be a whole number, got "${value}"`);
  return Number(value.replaceAll("_", ""));
};

export default defineCommand({
  meta: { name: "synth", description: "Write N synthetic records (EN/FR, invented actors) and their ground truth (gold.json) for tests and the benchmark" },
  args: {
    records: { type: "string", default: "1000", description: "how many records", valueHint: "N" },
    seed: { type: "string", default: "1", description: "seed of the generator: the same seed writes the same bytes", valueHint: "S" },
    format: { type: "enum", options: [...SYNTH_FORMATS], default: "txt", description: "txt: one file per record; csv/xlsx/json/jsonl: one file" },
    out: { type: "string", required: true, description: "folder to write: OUT/records/… and OUT/gold.json", valueHint: "DIR" },
  },
  async run({ args }) {
    const parsed = SynthOptions.safeParse({ records: integer("records", args.records), seed: integer("seed", args.seed), format: args.format, out: args.out });
    if (!parsed.success) throw new CLIError("E_USAGE", `synth: ${z.prettifyError(parsed.error).replaceAll("\n", " ")}`);
    const progress = process.stderr.isTTY ? (done: number) => process.stderr.write(`\rsynth: ${done} of ${parsed.data.records} records`) : undefined;
    const corpus = await writeCorpus(parsed.data, progress);
    if (progress) process.stderr.write("\n");
    process.stderr.write(`synth: ${corpus.records} ${parsed.data.format} records in ${corpus.recordsDir}, ground truth in ${corpus.gold}\n`);
    process.stdout.write(`${corpus.recordsDir}\n`);
  },
});
