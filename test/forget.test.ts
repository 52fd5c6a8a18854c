// `forget` removes a record from the data folder's store and graph, and names the exports that still hold it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "./_cli.ts";

describe("harvestgraph forget", () => {
  const dir = tempDir();
  const data = join(dir, "data");
  const gexf = join(dir, "before.gexf");
  let result: ReturnType<typeof runCli>;

  beforeAll(() => {
    expect(runCli(["ingest", "examples/seeds", "--data", data]).status).toBe(0);
    expect(runCli(["export", "--format", "gexf", "--out", gexf, "--data", data]).status).toBe(0);
    result = runCli(["forget", "SCC-DRC2312/CIV001", "--data", data]);
  }, 120_000);

  it("exits 0 and says which exports must be regenerated", () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(gexf);
    expect(result.stderr).toMatch(/still in .*000_d3dc1a586945bafc\.txt/);
  });

  it("removes the record, its extraction and its graph nodes from the data folder", () => {
    for (const file of ["records.jsonl", "extraction.json", "graph.json"]) {
      const text = readFileSync(join(data, file), "utf8");
      expect(text, file).not.toContain("SCC-DRC2312/CIV001");
      expect(text, file).not.toContain("Actions pour la Promotion Rurale");
    }
    expect(readFileSync(join(data, "records.jsonl"), "utf8").trim().split("\n")).toHaveLength(2);
  });

  it("fails with one line when no record has that FragmentID", () => {
    const again = runCli(["forget", "SCC-DRC2312/CIV001", "--data", data]);
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toMatch(/^harvestgraph: forget: no record with FragmentID SCC-DRC2312\/CIV001 in /);
  });
});
