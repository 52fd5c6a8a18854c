// The config file: validated once, one clear error naming the file, and its column mappings reach ingest.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, DEFAULT_CONFIG } from "../cli/config.ts";
import { runCli, tempDir } from "./_cli.ts";

describe("loadConfig", () => {
  it("returns the defaults when there is no config file", () => {
    expect(loadConfig(tempDir())).toEqual(DEFAULT_CONFIG);
  });

  it.each([
    ["{ not json", /harvestgraph\.config\.json: not valid JSON/],
    [JSON.stringify({ columns: { X: "noSuchField" } }), /harvestgraph\.config\.json: .*columns\.X/],
    [JSON.stringify({ unknownKey: 1 }), /harvestgraph\.config\.json: .*unknownKey/],
  ])("fails with a line naming the file for %s", (text, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, "harvestgraph.config.json"), text);
    expect(() => loadConfig(dir)).toThrow(message);
    try {
      loadConfig(dir);
    } catch (error) {
      expect((error as { code: string }).code).toBe("E_CONFIG");
    }
  });

  it("maps the user's own column names when ingesting", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "harvestgraph.config.json"), JSON.stringify({ columns: { "Ce qui a changé": "outcomeDescription", Réf: "fragmentId" } }));
    writeFileSync(join(dir, "r.csv"), "Réf,Ce qui a changé\nX-1,La coalition a ouvert un bureau.\n");
    const result = runCli(["ingest", "r.csv", "--out", "-"], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ fragmentId: "X-1", text: { outcomeDescription: "La coalition a ouvert un bureau." } });
  });
});
