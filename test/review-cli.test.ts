// The review loop through the real CLI: decisions recorded, imported from a filled-in table, re-applied on every extract and export.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GraphEnvelope } from "../graph/schema.ts";
import { Extraction } from "../ingest/schema.ts";
import { runCli, tempDir } from "./_cli.ts";

describe("harvestgraph review", () => {
  const dir = tempDir();
  const data = join(dir, "data");
  let rows: Record<string, string>[];

  beforeAll(() => {
    expect(runCli(["ingest", "examples/seeds", "--data", data]).status).toBe(0);
    const table = join(dir, "review.csv");
    expect(runCli(["review", "--format", "csv", "--out", table, "--data", data]).status).toBe(0);
    rows = parse(readFileSync(table, "utf8"), { columns: true });
  }, 120_000);

  it("lists machine edges with quotes and the rule that made them", () => {
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.status === "machine" && r.quotes.length > 0 && r.rule.length > 0)).toBe(true);
  });

  it("imports a filled-in table; the rejected edge leaves the export, the accepted one is marked, and both survive a re-extract", () => {
    const trained = rows.find((r) => r.type === "TRAINED")!;
    const other = rows.find((r) => r !== trained && r.type !== "TRAINED")!;
    const filled = rows.map((r) => ({ ...r, decision: r === trained ? "reject" : r === other ? "accept" : "", reviewer: "test" }));
    const table = join(dir, "filled.csv");
    writeFileSync(table, stringify(filled, { header: true }));
    const imported = runCli(["review", "import", table, "--data", data]);
    expect(imported.status, imported.stderr).toBe(0);

    const out = join(dir, "graph.json");
    expect(runCli(["export", "--format", "json", "--out", out, "--data", data]).status).toBe(0);
    const envelope = GraphEnvelope.parse(JSON.parse(readFileSync(out, "utf8")));
    const edge = (r: Record<string, string>) => envelope.graph.edges.find((e) => e.attributes.type === r.type && [e.source, e.target].includes(r.source) && [e.source, e.target].includes(r.target));
    const rejected = edge(trained);
    expect(rejected?.attributes.evidence.some((e) => e.outcome === trained.outcome) ?? false).toBe(false);
    expect(edge(other)?.attributes.evidence.find((e) => e.outcome === other.outcome)?.status).toBe("accepted");

    const extracted = Extraction.parse(JSON.parse(runCli(["extract", "--data", data]).stdout));
    const accepted = extracted.relations.find((r) => r.type === other.type && r.source === other.source && r.target === other.target);
    expect(accepted?.evidence.find((e) => e.outcome === other.outcome)?.status).toBe("accepted");
  });

  it("adds a missed edge with its quote, and keeps only reviewed edges with --reviewed", () => {
    const quote = "DDRRR is a joint exercise of APRU, PAX and Government of Uganda";
    const apru = rows.find((r) => r.sourceName === "APRU" || r.sourceName.startsWith("Actions pour la Promotion"))?.source ?? "org:apru";
    const added = runCli(["review", "add", "--source", apru, "--type", "CONTRIBUTED_TO", "--target", "SCC-DRC2312/CIV001", "--outcome", "SCC-DRC2312/CIV001", "--field", "additionalInformation", "--quote", quote, "--data", data]);
    expect(added.status, added.stderr).toBe(0);
    const out = join(dir, "reviewed.json");
    expect(runCli(["export", "--format", "json", "--out", out, "--reviewed", "--data", data]).status).toBe(0);
    const envelope = GraphEnvelope.parse(JSON.parse(readFileSync(out, "utf8")));
    const statuses = envelope.graph.edges.flatMap((e) => e.attributes.evidence.map((ev) => ev.status));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === "accepted" || s === "added")).toBe(true);
    expect(envelope.graph.edges.some((e) => e.attributes.evidence.some((ev) => ev.status === "added" && ev.text === quote))).toBe(true);
  });

  it("reports a stale decision on stderr instead of dropping it", () => {
    expect(runCli(["review", "accept", "--source", "org:nobody", "--type", "FUNDED", "--target", "org:apru", "--outcome", "X", "--data", data]).status).toBe(0);
    const result = runCli(["extract", "--data", data]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/review decision \d+ \(accept\) not applied: no FUNDED edge org:nobody → org:apru in outcome X/);
  });
});
