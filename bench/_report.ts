// The Markdown summary of a bench run (bench/results/latest.md), also printed by `harvestgraph bench`.
import type { BenchResults, Section } from "./schema.ts";

const n = (x: number) => x.toLocaleString("en");
const why = (s: Section<object>) => (s.status === "not measured" ? `_${s.why.startsWith("not measured") ? s.why : `not measured: ${s.why}`}_\n` : "");

export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [
    `# harvestgraph bench${r.quick ? " (quick)" : ""}`,
    "",
    `${r.startedAt} · ${m.cpus} × ${m.cpuModel} · ${m.memoryGb} GB · Node ${m.node} · ${m.platform} · commit ${m.commit ?? "?"} · ${Math.round(r.seconds)} s in all`,
    `Corpus: ${r.corpus.generator}, seed ${r.corpus.seed}. Each figure comes from a fresh child process (median of the runs shown); peak RSS is the child's own \`process.resourceUsage().maxRSS\`.`,
    "",
    "## Ingest (records → validated records, streamed)",
    "",
  ];
  if (r.ingest.status === "measured") {
    out.push("| format | records | seconds | records/s | peak RSS MB | runs |", "|---|---:|---:|---:|---:|---:|");
    for (const x of r.ingest.rows) out.push(`| ${x.format} | ${n(x.records)} | ${x.seconds} | ${n(x.recordsPerSecond)} | ${x.peakRssMb} | ${x.runs} |`);
  } else out.push(why(r.ingest));
  out.push("", "## Ingest + extraction (JSON Lines, one process per size)", "");
  if (r.pipeline.status === "measured") {
    out.push("| records | ingest s | extract s | total s | extract records/s | entities | relations | peak RSS MB | runs |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const x of r.pipeline.rows)
      out.push(`| ${n(x.records)} | ${x.ingestSeconds} | ${x.extractSeconds} | ${x.totalSeconds} | ${n(x.extractRecordsPerSecond)} | ${n(x.entities)} | ${n(x.relations)} | ${x.peakRssMb} | ${x.runs} |`);
    if (r.pipeline.note) out.push("", `_${r.pipeline.note}_`);
  } else out.push(why(r.pipeline));
  out.push("", "## Scaling: time(10×N) / time(N) (linear ≈ 10)", "");
  if (r.scaling.status === "measured") {
    out.push("| N → 10×N | ingest | extraction |", "|---|---:|---:|");
    for (const x of r.scaling.rows) out.push(`| ${n(x.from)} → ${n(x.to)} | ${x.ingest} | ${x.extract ?? "—"} |`);
  } else out.push(why(r.scaling));
  out.push("", "## Target: 100,000 records ingested and extracted in under 2 minutes, under 2 GB RSS", "");
  if (r.targets.status === "measured") {
    const t = r.targets;
    out.push(`${n(t.records)} records: ${t.totalSeconds} s (${t.underTwoMinutes ? "met" : "not met"}), peak RSS ${t.peakRssMb} MB (${t.underTwoGb ? "met" : "not met"}).`);
  } else out.push(why(r.targets));
  out.push("", "## Extraction F1 on the synthetic ground truth (sanity check, not a quality claim)", "");
  if (r.syntheticF1.status === "measured") {
    const s = r.syntheticF1.score as Record<string, { f1?: number; precision?: number; recall?: number } | number>;
    const f = (k: string) => {
      const v = s[k] as { f1: number; precision: number; recall: number };
      return `F1 ${v.f1} (P ${v.precision}, R ${v.recall})`;
    };
    out.push(
      `${n(r.syntheticF1.records)} text records, \`extract --per-record\` in ${r.syntheticF1.extractSeconds} s: entities ${f("entities")}; relations ${f("relations")}; ` +
        `types ${s.typeAccuracy}; evidence verbatim ${s.evidenceVerbatim}; forbidden ${s.forbiddenEntities}; missing ${s.missingFiles}.`,
      "The corpus is written from the generator's own sentence patterns: this checks that extraction holds up at scale, nothing more.",
    );
  } else out.push(why(r.syntheticF1));
  out.push("", "## Neo4j: batched vs naive load", "");
  if (r.neo4j.status === "measured") {
    const x = r.neo4j;
    out.push("| load | rows | seconds | rows/s | relationships/s | transactions |", "|---|---:|---:|---:|---:|---:|");
    for (const k of ["batched", "naive"] as const) out.push(`| ${k} | ${n(x[k].rows)} | ${x[k].seconds} | ${n(x[k].rowsPerSecond)} | ${n(x[k].relationshipsPerSecond)} | ${n(x[k].transactions)} |`);
    out.push(
      "",
      `${n(x.records)} records, each load on an empty database; batched / naive = ${x.ratio}× (target ≥ 20×), batched ${n(x.batched.relationshipsPerSecond)} relationships/s (target ≥ 10,000). ` +
        `Local server (heap ${n(x.server.heapMb)} MB, page cache ${n(x.server.pageCacheMb)} MB) started in ${x.serverStartSeconds} s; load average ${x.batched.loadAverage} after the batched load.`,
    );
    out.push("", "## Neo4j: the largest graph, pushed chunk by chunk", "");
    if (x.largeLoad.status === "measured") {
      const l = x.largeLoad;
      out.push(
        `${n(l.records)} of ${n(l.corpusRecords)} records pushed as ${l.chunks.length} incremental pushes (one \`pushExtraction\` per chunk of records, default batch size): ` +
          `${n(l.rows)} rows, ${n(l.relationships)} relationships in ${l.seconds} s = ${n(l.rowsPerSecond)} rows/s, ${n(l.relationshipsPerSecond)} relationships/s.` +
          (l.note ? ` _${l.note}._` : ""),
        `Betweenness over the whole graph: ${l.betweenness}, in ${l.centralitySeconds} s (read, compute, write).`,
        "",
        "| chunk | records | relationships | seconds | relationships/s | seconds per phase |",
        "|---:|---:|---:|---:|---:|---|",
      );
      l.chunks.forEach((c, i) =>
        out.push(
          `| ${i + 1} | ${n(c.records)} | ${n(c.relationships)} | ${c.seconds} | ${n(Math.round(c.relationships / c.seconds))} | ${Object.entries(c.phaseSeconds).map(([k, v]) => `${k} ${v}`).join(", ")} |`,
        ),
      );
    } else out.push(why(x.largeLoad));
    out.push("", "## Neo4j: named queries", "");
    if (x.queries.status === "measured") {
      const q = x.queries;
      out.push(
        `On ${n(q.graph.records)} records (${n(q.graph.nodes)} nodes, ${n(q.graph.relationships)} relationships), \`country=${q.country}\` (the country with the most outcomes) and \`limit=100\` where a query takes them; ` +
          "median of the timed runs after one untimed run, through the same read path as `harvestgraph query`. Target: well under a second.",
        "",
        "| query | parameters | rows | median ms | runs ms |",
        "|---|---|---:|---:|---|",
      );
      for (const t of q.timings) {
        if ("why" in t) out.push(`| ${t.name} | | | | _not measured: ${t.why}_ |`);
        else out.push(`| ${t.name} | ${Object.entries(t.params).map(([k, v]) => `${k}=${v}`).join(", ")} | ${n(t.rows)} | ${n(t.medianMs)} | ${t.runsMs.join(", ")} |`);
      }
    } else out.push(why(x.queries));
  } else out.push(why(r.neo4j));
  out.push("", "## Viewer: first frame and panning frame time", "");
  if (r.viewer.status === "measured") {
    const v = r.viewer as unknown as { rows: { nodes: number; edges: number; detail: string; layoutSeconds: number; firstFrameMs: number; panFrameMsMedian: number; clickMs: number; loadAverage: number }[]; note: string };
    out.push("| nodes | edges | detail | layout s | first frame ms | panning ms/frame (median) | click ms | load avg |", "|---:|---:|---|---:|---:|---:|---:|---:|");
    for (const x of v.rows) out.push(`| ${n(x.nodes)} | ${n(x.edges)} | ${x.detail} | ${x.layoutSeconds} | ${n(x.firstFrameMs)} | ${x.panFrameMsMedian} | ${x.clickMs} | ${x.loadAverage} |`);
    out.push("", `${v.note}. Targets: 20,000 nodes first frame < 3 s; 50,000 < 10 s with clicks answered within a second.`);
  } else out.push(why(r.viewer));
  return out.join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
}
