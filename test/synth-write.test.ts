// writeCorpus: the same seed writes the same bytes in every format, records ingest cleanly, the gold meets the scorer's expectations.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingestPaths } from "../ingest/index.ts";
import { foldName, Gold, SYNTH_FORMATS, writeCorpus, type SynthFormat } from "../synth/index.ts";

const ROOT = mkdtempSync(join(tmpdir(), "synth-test-"));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

let runs = 0;
async function corpus(format: SynthFormat, seed: number, records = 40) {
  const out = join(ROOT, `${format}-${seed}-${records}-${runs++}`);
  return writeCorpus({ records, seed, format, out });
}

/** Every file of a corpus folder, by path relative to it, as bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else files.set(rel, readFileSync(join(dir, rel)));
    }
  };
  walk("");
  return files;
}

/** The scorer's name folding, to check that gold relations name entities of their record. */
const norm = foldName;

describe("writeCorpus", () => {
  it.each(SYNTH_FORMATS)("writes the same bytes for the same seed (%s)", async (format) => {
    const a = await corpus(format, 7);
    const b = await corpus(format, 7);
    const sa = snapshot(a.dir);
    const sb = snapshot(b.dir);
    expect([...sa.keys()]).toEqual([...sb.keys()]);
    for (const [name, bytes] of sa) expect(bytes.equals(sb.get(name)!), name).toBe(true);
  });

  it.each(SYNTH_FORMATS)("writes something else for another seed (%s)", async (format) => {
    const a = snapshot((await corpus(format, 1, 10)).dir);
    const b = snapshot((await corpus(format, 2, 10)).dir);
    expect(a.get("gold.json")!.equals(b.get("gold.json")!)).toBe(false);
    const records = (s: Map<string, Buffer>) => Buffer.concat([...s].filter(([k]) => k.startsWith("records")).map(([, v]) => v));
    expect(records(a).equals(records(b))).toBe(false);
  });

  it.each(SYNTH_FORMATS)("writes N records that ingest with none skipped (%s)", async (format) => {
    const c = await corpus(format, 3, 60);
    if (format === "txt") expect(readdirSync(c.recordsDir)).toHaveLength(60);
    else expect(readdirSync(c.recordsDir)).toHaveLength(1);
    const { records, report } = await ingestPaths([c.recordsDir]);
    expect(report.skipped).toBe(0);
    expect(records).toHaveLength(60);
    expect(new Set(records.map((r) => r.fragmentId)).size).toBe(60);
  });

  it("writes the same record content in every format", async () => {
    const texts = await Promise.all(
      SYNTH_FORMATS.map(async (format) => (await ingestPaths([(await corpus(format, 9, 12)).recordsDir])).records.map((r) => [r.fragmentId, r.text.outcomeDescription])),
    );
    for (const t of texts.slice(1)) expect(t).toEqual(texts[0]);
  });

  it("names the record file of each gold record", async () => {
    const txt = await corpus("txt", 4, 15);
    const gold = Gold.parse(JSON.parse(readFileSync(txt.gold, "utf8")));
    expect(gold.records.map((r) => r.file)).toEqual(readdirSync(txt.recordsDir));
    const jsonl = await corpus("jsonl", 4, 15);
    expect(new Set(Gold.parse(JSON.parse(readFileSync(jsonl.gold, "utf8"))).records.map((r) => r.file))).toEqual(new Set(["records.jsonl"]));
  });
});

describe("gold.json", () => {
  it("parses, holds N records and quotes no evidence", async () => {
    const c = await corpus("jsonl", 11, 300);
    const gold = Gold.parse(JSON.parse(readFileSync(c.gold, "utf8")));
    expect(gold.records).toHaveLength(300);
    expect(gold.generator).toMatchObject({ records: 300, seed: 11, format: "jsonl" });
    for (const r of gold.records) for (const rel of r.relations) expect(Object.keys(rel).sort()).toEqual(expect.arrayContaining(["source", "target", "type"]));
    expect(JSON.stringify(gold)).not.toMatch(/"evidence"/);
  });

  it("names, in every relation, an entity of the same record or OUTCOME, and no name on two entities", async () => {
    const c = await corpus("jsonl", 12, 300);
    const gold = Gold.parse(JSON.parse(readFileSync(c.gold, "utf8")));
    for (const r of gold.records) {
      const names = r.entities.map((e) => [e.name, ...(e.aliases ?? [])].map(norm));
      for (const rel of r.relations) {
        for (const end of [rel.source, rel.target]) {
          if (end === "OUTCOME") continue;
          expect(names.some((n) => n.includes(norm(end))), `${r.outcome}: ${end}`).toBe(true);
        }
      }
      const owner = new Map<string, number>();
      names.forEach((ns, i) => {
        for (const n of ns) {
          expect(owner.get(n) ?? i, `${r.outcome}: ${n}`).toBe(i);
          owner.set(n, i);
        }
      });
      expect(r.forbidden).toEqual(expect.arrayContaining(["<redacted>", "<person>", "<LOC>"]));
    }
  });

  it("covers the patterns the corpus promises: both languages, negative, confidential, redacted, funding-only records", async () => {
    const c = await corpus("jsonl", 13, 400);
    const { records } = await ingestPaths([c.recordsDir]);
    const gold = Gold.parse(JSON.parse(readFileSync(c.gold, "utf8")));
    expect(records.some((r) => r.outcomeStatus === "Résultat")).toBe(true);
    expect(records.some((r) => r.outcomeStatus === "Outcome")).toBe(true);
    expect(records.some((r) => r.negative === "yes")).toBe(true);
    expect(records.some((r) => r.confidential)).toBe(true);
    expect(records.some((r) => r.text.outcomeDescription.includes("<LOC>") || r.text.additionalInformation.includes("<person>"))).toBe(true);
    const relationTypes = new Set(gold.records.flatMap((r) => r.relations.map((x) => x.type)));
    expect([...relationTypes].sort()).toEqual(["ACHIEVED", "CONTRIBUTED_TO", "FUNDED", "MENTORED", "PARTNERED_WITH", "TRAINED"]);
    // funding-only: a record whose programme funded the change agent directly, with no training or mentoring
    expect(gold.records.some((r) => r.relations.every((x) => x.type !== "TRAINED" && x.type !== "MENTORED") && r.relations.some((x) => x.type === "FUNDED"))).toBe(true);
  });

  it("is accepted by the scorer (tools/score.mjs) without an unknown-entity error", async () => {
    const c = await corpus("txt", 14, 50);
    const empty = join(ROOT, "no-predictions");
    mkdirSync(empty, { recursive: true });
    const run = spawnSync(process.execPath, ["tools/score.mjs", c.gold, empty, "--texts", c.recordsDir, "--json"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ records: 50, missingFiles: 50 });
  });
});
