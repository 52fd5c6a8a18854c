// Extraction F1 on the synthetic ground truth: `harvestgraph extract --per-record` on text records, scored by tools/score.mjs.
// A sanity check at scale: the corpus comes from the generator's own patterns, so the figure is no claim about real records.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CorpusFiles } from "../synth/index.ts";
import { lastLine, runCli, runNode } from "./_spawn.ts";
import type { Section } from "./schema.ts";

const SCORER = fileURLToPath(new URL("../tools/score.mjs", import.meta.url));

export type F1Figures = { records: number; extractSeconds: number; score: Record<string, unknown> };

export async function measureSyntheticF1(corpus: CorpusFiles, workDir: string, timeoutMs: number): Promise<Section<F1Figures>> {
  const predictions = join(workDir, "predictions");
  mkdirSync(predictions, { recursive: true });
  // 1. one extraction document per record file, as the scorer expects
  const extract = await runCli(["extract", corpus.recordsDir, "--per-record", predictions], timeoutMs);
  if (extract.timedOut) return { status: "not measured", why: `extract --per-record did not finish within ${Math.round(timeoutMs / 1000)} s` };
  if (extract.code !== 0 && extract.code !== 2) return { status: "not measured", why: `extract --per-record failed (exit ${extract.code}): ${lastLine(extract.stderr)}` };
  // 2. the scorer, with the record texts to check that evidence is verbatim
  const score = await runNode([SCORER, corpus.gold, predictions, "--texts", corpus.recordsDir, "--json"], timeoutMs);
  if (score.code !== 0) return { status: "not measured", why: `the scorer failed (exit ${score.code}): ${lastLine(score.stderr)}` };
  return { status: "measured", records: corpus.records, extractSeconds: round(extract.seconds), score: JSON.parse(lastLine(score.stdout)) };
}

const round = (x: number) => Math.round(x * 100) / 100;
