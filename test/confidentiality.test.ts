// Confidential records never reach a default output: every string unique to one is searched for in every export.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeCsvTables, writeGexf, writeGraphml } from "../graph/export/index.ts";
import { buildOutputGraph } from "../graph/pipeline.ts";
import { extractRecords } from "../ingest/extract/index.ts";
import { ingestPaths } from "../ingest/index.ts";
import type { OutcomeRecord } from "../ingest/schema.ts";

// The samples, the shared dev set (copied into test/fixtures/extract/dev) and our own records: 3 are confidential.
const FOLDERS = ["examples/seeds", "test/fixtures/extract/dev", "examples/own"];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wordRe = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, "iu");

/** Names, aliases, quotes and FragmentIDs that come from confidential records and appear in no public record's text. */
function confidentialOnlyStrings(records: OutcomeRecord[]): string[] {
  const secret = new Set(records.filter((r) => r.confidential).map((r) => r.id));
  const { extraction } = extractRecords(records);
  const candidates = new Set<string>();
  for (const r of records.filter((r) => r.confidential)) candidates.add(r.fragmentId);
  for (const e of extraction.entities) {
    if (e.mentions.length > 0 && e.mentions.every((m) => secret.has(m.outcome))) for (const n of [e.name, ...e.aliases]) candidates.add(n);
  }
  for (const rel of extraction.relations) for (const ev of rel.evidence) if (secret.has(ev.outcome)) candidates.add(ev.text);
  const publicText = records
    .filter((r) => !r.confidential)
    .map((r) => [r.fragmentId, ...Object.values(r.text)].join("\n"))
    .join("\n");
  return [...candidates].filter((s) => s.replace(/<[^>]+>/g, "").trim().length >= 3 && !wordRe(s).test(publicText));
}

describe("default outputs", () => {
  let records: OutcomeRecord[];
  let unique: string[];
  beforeAll(async () => {
    const files = FOLDERS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => join(dir, f)));
    records = (await ingestPaths(files)).records;
    unique = confidentialOnlyStrings(records);
  });

  it("has confidential records to protect in the fixtures", () => {
    expect(records.filter((r) => r.confidential).map((r) => r.fragmentId).length).toBeGreaterThanOrEqual(3);
    expect(unique.length).toBeGreaterThan(10);
  });

  it("leaves every string unique to a confidential record out of the viewer data, GEXF, GraphML, CSV and JSON", () => {
    const { graph, envelope } = buildOutputGraph(records);
    const outputs = {
      viewer: JSON.stringify(envelope),
      gexf: writeGexf(graph),
      graphml: writeGraphml(graph),
      csv: Object.values(writeCsvTables(graph)).join("\n"),
    };
    const hits = Object.entries(outputs).flatMap(([name, text]) => unique.filter((s) => wordRe(s).test(text) || text.includes(JSON.stringify(s).slice(1, -1))).map((s) => `${name}: ${s}`));
    expect(hits).toEqual([]);
    expect(envelope.meta).toMatchObject({ includesConfidential: false, records: records.filter((r) => !r.confidential).length });
  });

  it("includes them, and says so, only when asked", () => {
    const { envelope } = buildOutputGraph(records, { includeConfidential: true, layout: false });
    const text = JSON.stringify(envelope);
    expect(envelope.meta.includesConfidential).toBe(true);
    expect(unique.some((s) => text.includes(JSON.stringify(s).slice(1, -1)))).toBe(true);
  });

  it("gives public records the same layout positions whether or not confidential records exist", () => {
    const publicOnly = records.filter((r) => !r.confidential);
    const a = buildOutputGraph(records).envelope.graph.nodes.map((n) => [n.key, n.attributes.x, n.attributes.y]);
    const b = buildOutputGraph(publicOnly).envelope.graph.nodes.map((n) => [n.key, n.attributes.x, n.attributes.y]);
    expect(a).toEqual(b);
  });
});
