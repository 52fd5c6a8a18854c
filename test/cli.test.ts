// The command-line contract: stdout only data, one clear line on failure, exit codes 0 / 1 / 2, --help everywhere.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Extraction } from "../ingest/schema.ts";
import { GraphEnvelope } from "../graph/schema.ts";
import { COMMANDS } from "../cli/main.ts";
import { runCli, tempDir } from "./_cli.ts";

const SEEDS = "examples/seeds";

describe("harvestgraph", () => {
  it.each(COMMANDS)("prints usage for `%s --help` and exits 0", (command) => {
    const result = runCli([command, "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/USAGE/);
  });

  it("fails with one line and exit 1 on an unknown command", () => {
    const result = runCli(["frobnicate"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^harvestgraph: unknown command "frobnicate"/)]);
  });
});

describe("harvestgraph ingest", () => {
  it("writes normalised records as JSON Lines to stdout with --out - and the summary to stderr", () => {
    const result = runCli(["ingest", SEEDS, "--out", "-"]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((r) => r.fragmentId)).toEqual(["SCC-DRC2312/CIV001", "SCC-<redacted>/PHR022", "SCC-<redacted>/CIV021"]);
    expect(result.stderr).toMatch(/3 of 3 records from 3 file\(s\) ingested/);
  });

  it("exits 2 when some records were skipped, and the report lists each one", () => {
    const dir = tempDir();
    const report = join(dir, "report.json");
    const result = runCli(["ingest", "test/fixtures/ingest/broken", "--out", join(dir, "r.jsonl"), "--report", report]);
    expect(result.status).toBe(2);
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.skipped).toBeGreaterThan(0);
    expect(json.issues.filter((i: { level: string }) => i.level === "skipped").length).toBe(json.skipped);
  });

  it("fails with exit 1 and one line when the path does not exist", () => {
    const result = runCli(["ingest", "no/such/dir", "--out", "-"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("harvestgraph: no such file or folder: no/such/dir");
  });

  it("creates the data folder private to its owner", () => {
    const data = join(tempDir(), "data");
    expect(runCli(["ingest", SEEDS, "--data", data]).status).toBe(0);
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(existsSync(join(data, "records.jsonl"))).toBe(true);
  });
});

describe("harvestgraph extract", () => {
  it("prints one extraction document that validates, confidential records flagged, not removed", () => {
    const result = runCli(["extract", SEEDS]);
    expect(result.status).toBe(0);
    const doc = Extraction.parse(JSON.parse(result.stdout));
    expect(doc.outcomes.find((o) => o.fragmentId === "SCC-<redacted>/CIV021")?.confidential).toBe(true);
    expect(doc.relations.length).toBeGreaterThan(0);
  });

  it("writes one document per record file with --per-record, named <file>.json", () => {
    const dir = tempDir();
    expect(runCli(["extract", SEEDS, "--per-record", dir]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(readdirSync(SEEDS).map((f) => `${f}.json`).sort());
  });

  it("leaves the shipped gazetteer out with --no-gazetteer", () => {
    const names = (args: string[]) => Extraction.parse(JSON.parse(runCli(["extract", SEEDS, ...args]).stdout)).entities.flatMap((e) => [e.name, ...e.aliases]);
    expect(names([])).toContain("East and Horn of Africa Human Rights Defenders Project");
    expect(names(["--no-gazetteer"])).not.toContain("East and Horn of Africa Human Rights Defenders Project");
  });

  it("carries the same items in jsonl as in json", () => {
    const json = Extraction.parse(JSON.parse(runCli(["extract", SEEDS]).stdout));
    const lines = runCli(["extract", SEEDS, "--format", "jsonl"]).stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.outcome).length).toBe(json.outcomes.length);
    expect(lines.filter((l) => l.entity).length).toBe(json.entities.length);
    expect(lines.filter((l) => l.relation).length).toBe(json.relations.length);
  });

  it.each(["json", "jsonl"])("writes the same %s bytes with extraction on two worker threads (--workers 2) as in one thread", (format) => {
    const dir = tempDir();
    const run = (workers: string) => {
      const out = join(dir, `${workers}.${format}`), report = join(dir, `${workers}.merge.json`);
      const records = readdirSync("examples/own").filter((f) => f.endsWith(".txt")).map((f) => join("examples/own", f));
      expect(runCli(["extract", SEEDS, ...records, "--format", format, "--workers", workers, "--out", out, "--merge-report", report]).status).toBe(0);
      return readFileSync(out, "utf8") + readFileSync(report, "utf8");
    };
    expect(run("2")).toBe(run("0"));
  });

  it("fails with exit 1 and one line on --workers that is not a number", () => {
    const result = runCli(["extract", SEEDS, "--workers", "many"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/--workers: expected a whole number/)]);
  });
});

describe("harvestgraph export", () => {
  it.each(["gexf", "graphml", "json"])("writes a %s file without the confidential sample by default", (format) => {
    const out = join(tempDir(), `graph.${format}`);
    const result = runCli(["export", SEEDS, "--format", format, "--out", out]);
    expect(result.status).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("SCC-DRC2312/CIV001");
    expect(text).not.toContain("CIV021");
    expect(text).not.toMatch(/SECHA|Seconde Chance/);
  });

  it("says in its metadata that it includes confidential records when asked to", () => {
    const out = join(tempDir(), "graph.json");
    expect(runCli(["export", SEEDS, "--format", "json", "--out", out, "--include-confidential"]).status).toBe(0);
    const envelope = GraphEnvelope.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(envelope.meta.includesConfidential).toBe(true);
    expect(envelope.graph.nodes.some((n) => n.attributes.kind === "outcome" && n.attributes.confidential)).toBe(true);
  });

  it("writes the pseudonym manifest beside the export, never inside it", () => {
    const dir = tempDir();
    const out = join(dir, "site");
    const result = runCli(["export", SEEDS, "--format", "csv", "--out", out, "--pseudonymise", "--data", join(dir, "data")]);
    expect(result.status).toBe(0);
    expect(existsSync(`${out}.pseudonyms.json`)).toBe(true);
    expect(readdirSync(out).sort()).toEqual(["edges.csv", "evidence.csv", "nodes.csv"]);
    const manifest = JSON.parse(readFileSync(`${out}.pseudonyms.json`, "utf8")) as { name: string; aliases: string[] }[];
    const exported = readdirSync(out).map((f) => readFileSync(join(out, f), "utf8")).join("\n");
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const entry of manifest)
      for (const name of [entry.name, ...entry.aliases]) expect(exported).not.toMatch(new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, "iu"));
  });
});
