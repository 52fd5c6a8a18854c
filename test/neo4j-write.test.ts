// How the push cuts a batch into statements (graph/neo4j/write.ts), without a server; the real server checks the writes
// themselves (test/integration/neo4j-roundtrip.test.ts).
import { describe, expect, it } from "vitest";
import { STEP_ROWS, stepsFor } from "../graph/neo4j/write.ts";

describe("stepsFor", () => {
  it("groups consecutive rows of one statement, and starts a new statement when the statement changes", () => {
    const rows = [
      { type: "A", n: 1 },
      { type: "A", n: 2 },
      { type: "B", n: 3 },
      { type: "A", n: 4 },
    ];
    const steps = stepsFor(rows, (row) => `statement ${row.type}`, (row) => row.n);
    expect(steps).toEqual([
      { statement: "statement A", params: { rows: [1, 2] } },
      { statement: "statement B", params: { rows: [3] } },
      { statement: "statement A", params: { rows: [4] } },
    ]);
  });

  it("splits a long run of one statement into statements of at most STEP_ROWS rows, keeping every row in order", () => {
    const rows = Array.from({ length: 2 * STEP_ROWS + 1 }, (_, i) => i);
    const steps = stepsFor(rows, () => "UNWIND $rows AS row RETURN count(row)");
    expect(steps.map((s) => (s.params.rows as number[]).length)).toEqual([STEP_ROWS, STEP_ROWS, 1]);
    expect(steps.flatMap((s) => s.params.rows as number[])).toEqual(rows);
  });
});
