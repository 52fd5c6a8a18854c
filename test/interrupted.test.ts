// An interrupted run (Ctrl-C during ingest) leaves no half-written output, and running it again completes.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./_cli.ts";

describe("an interrupted ingest", () => {
  it("leaves no partial output file and completes when run again", async () => {
    const dir = tempDir();
    expect(runCli(["synth", "--records", "10000", "--format", "jsonl", "--out", join(dir, "corpus")]).status).toBe(0);
    const input = join(dir, "corpus", "records");
    const out = join(dir, "out", "records.jsonl");

    // 1. start the ingest and press Ctrl-C while it reads
    const child = spawn(process.execPath, ["cli/bin.mjs", "ingest", input, "--out", out], { stdio: "ignore" });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    // 2. either it had finished (then the file is whole) or nothing was written, not even a temporary file
    if (existsSync(out)) {
      expect(code).toBe(0);
      expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(10000);
    } else {
      expect(code).not.toBe(0);
      expect(existsSync(join(dir, "out")) ? readdirSync(join(dir, "out")) : []).toEqual([]);
    }
    // 3. the re-run completes
    expect(runCli(["ingest", input, "--out", out]).status).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines).toHaveLength(10000);
    for (const line of [lines[0], lines[lines.length - 1]]) expect(() => JSON.parse(line)).not.toThrow();
  }, 180_000);
});
