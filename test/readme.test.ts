// The README stays the true map: its field table matches the code, and its tree names every source file.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withFieldTable } from "../tools/field-table.ts";

describe("README.md", () => {
  const readme = readFileSync("README.md", "utf8");
  it("has the field table generated from FIELD_SPECS (run `npx tsx tools/field-table.ts --write` after changing them)", () => {
    expect(readme).toBe(withFieldTable(readme));
  });
});

describe("README.md tree", () => {
  it("is the current map of the tracked files (run `npx tsx tools/readme-tree.ts --write` after adding one)", async () => {
    const { trackedFiles, withTree } = await import("../tools/readme-tree.ts");
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toBe(withTree(readme, trackedFiles()));
  });
});
