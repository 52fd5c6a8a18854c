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
