// Documents written in pieces are the bytes JSON.stringify would have made in one string.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonLinePieces, prettyJsonPieces, writePiecesAtomic } from "../cli/json-pieces.ts";
import { sampleExtraction } from "./_extraction-fixture.ts";

describe("prettyJsonPieces", () => {
  it("gives JSON.stringify(value, null, 2) and a line break for an extraction", () => {
    const extraction = sampleExtraction();
    expect([...prettyJsonPieces(extraction)].join("")).toBe(JSON.stringify(extraction, null, 2) + "\n");
  });

  it.each([[{}], [{ a: [] }], [{ a: [], b: {} }], [{ a: undefined, b: [1, undefined, () => 1] }], [{ a: [{}, [], [[]], "x\ny"] }]])("gives the same text for %j", (value) => {
    expect([...prettyJsonPieces(value as Record<string, unknown>)].join("")).toBe(JSON.stringify(value, null, 2) + "\n");
  });

  it("gives the same text for any JSON object", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()))), (value) => {
        expect([...prettyJsonPieces(value)].join("")).toBe(JSON.stringify(value, null, 2) + "\n");
      }),
      { numRuns: 500 },
    );
  });
});

describe("jsonLinePieces", () => {
  it.each([[[]], [[{ a: 1 }]], [[{ a: 1 }, "x", null]]])("gives the lines joined by line breaks and ended by one for %j", (items) => {
    expect([...jsonLinePieces(items)].join("")).toBe(items.map((i) => JSON.stringify(i)).join("\n") + "\n");
  });
});

describe("writePiecesAtomic", () => {
  it("writes every piece, more than a megabyte of them, readable by its owner only", () => {
    const path = join(mkdtempSync(join(tmpdir(), "hg-pieces-")), "sub", "out.json");
    const pieces = Array.from({ length: 30_000 }, (_, i) => `{"line":${i},"text":"é ${"x".repeat(40)}"}\n`);
    writePiecesAtomic(path, pieces);
    expect(readFileSync(path, "utf8")).toBe(pieces.join(""));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
