// Measures extraction speed on one core: the dev and seed records cloned N times with new ids, at growing N (linearity).
//   npx tsx tools/score-speed.ts [N...]
import { resolve } from "node:path";
import { extractRecords } from "../ingest/extract/index.ts";
import type { OutcomeRecord } from "../ingest/schema.ts";
import { readTextFolder } from "./score-extraction.ts";

const base: OutcomeRecord[] = ["../test/fixtures/extract/dev", "../test/fixtures/extract/seeds"].flatMap((d) =>
  readTextFolder(resolve(import.meta.dirname, d)).flatMap((f) => f.records),
);
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
for (const n of sizes.length ? sizes : [1000, 5000, 20000]) {
  const records = Array.from({ length: n }, (_, i) => {
    const r = base[i % base.length];
    return { ...r, id: `${r.id}#${i}`, fragmentId: `${r.fragmentId}#${i}` };
  });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { extraction } = extractRecords(records);
  const s = (performance.now() - t0) / 1000;
  // CPU time as well as wall time: on a shared machine the wall clock counts other people's work
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  process.stdout.write(
    `${n} records: wall ${s.toFixed(2)} s (${Math.round(n / s)}/s), cpu ${cpu.toFixed(2)} s (${Math.round(n / cpu)}/s), ${extraction.entities.length} entities, ${extraction.relations.length} relations\n`,
  );
}
