// Tests of ingest/read/json.ts: arrays of objects and JSON Lines, scalars kept as written, nested values and bad lines reported.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ReadError } from "../ingest/read/errors.ts";
import { parseJsonLines, parseJsonRecords, readJson, readJsonLines } from "../ingest/read/json.ts";
import { BROKEN, collect, rejection, SAMPLES, tempDir } from "./fixtures/ingest/_helpers.ts";
import { loadSeeds, renamed, RENAMES } from "./fixtures/ingest/_seeds.ts";

const readDoc = (text: string) => collect(parseJsonRecords("t.json", text));
const readLines = (chunks: string[]) => collect(parseJsonLines("t.jsonl", chunks));

describe("parseJsonRecords", () => {
  it.each([
    ["a string", '"Haut Uélé "', "Haut Uélé "],
    ["an integer", "2023", "2023"],
    ["a decimal with a trailing zero", "1.0", "1.0"],
    ["an exponent", "1E3", "1E3"],
    ["negative zero", "-0", "-0"],
    ["a number too long for a double", "12345678901234567890123", "12345678901234567890123"],
    ["true", "true", "true"],
    ["false", "false", "false"],
    ["null", "null", ""],
    ["an escaped string", '"line\\nbreak \\u00e9"', "line\nbreak é"],
  ])("keeps %s as written", async (_, json, text) => {
    const { records, issues } = await readDoc(`[{"Value": ${json}}]`);
    expect(issues).toEqual([]);
    expect(records[0].fields).toEqual([["Value", text]]);
  });

  it("numbers records by their index in the array", async () => {
    const { records } = await readDoc('[{"ID": "A-1"}, {"ID": "A-2"}]');
    expect(records.map((r) => r.locator)).toEqual([
      { kind: "index", index: 0 },
      { kind: "index", index: 1 },
    ]);
  });

  it("reads a single object as one record", async () => {
    const { records } = await readDoc('{"ID": "A-1", "Outcome": "x"}');
    expect(records).toEqual([
      {
        source: "t.json",
        locator: { kind: "index", index: 0 },
        fields: [
          ["ID", "A-1"],
          ["Outcome", "x"],
        ],
      },
    ]);
  });

  it("keeps a nested value as its JSON text and reports the field", async () => {
    const { records, issues } = await readDoc(
      '[{"ID": "A-1", "Types": ["Capacity change", 1.0], "Meta": {"by": null}}]',
    );
    expect(records[0].fields).toEqual([
      ["ID", "A-1"],
      ["Types", '["Capacity change",1.0]'],
      ["Meta", '{"by":null}'],
    ]);
    expect(issues.map((i) => [i.level, i.code, i.field])).toEqual([
      ["warning", "E_JSON_NESTED", "Types"],
      ["warning", "E_JSON_NESTED", "Meta"],
    ]);
  });

  it("skips an array item that is not an object, with an issue, and reads the others", async () => {
    const { records, issues } = await readDoc('[{"ID": "A-1"}, "stray", {"ID": "A-2"}]');
    expect(records.map((r) => r.fields[0][1])).toEqual(["A-1", "A-2"]);
    expect(issues).toEqual([
      expect.objectContaining({ level: "skipped", code: "E_JSON_ITEM", locator: { kind: "index", index: 1 } }),
    ]);
  });

  it.each([
    ["text cut off", '[{"ID": "A-1"},\n {"ID": '],
    ["a trailing comma", '[{"ID": "A-1"},]'],
    ["a number at the top", "42"],
    ["nothing but a string", '"records"'],
  ])("throws E_JSON on %s", async (_, text) => {
    const error = await rejection(() => readDoc(text));
    expect(error).toBeInstanceOf(ReadError);
    expect(error).toMatchObject({ code: "E_JSON", source: "t.json" });
  });

  it("says where the JSON breaks, by line and column", async () => {
    const error = await rejection(() => readDoc('[\n  {"ID": "A-1"},\n  {"ID" "A-2"}\n]'));
    expect((error as Error).message).toMatch(/^t\.json: not valid JSON \(line 3, column \d+: /);
  });

  it("reads JSON Lines saved under a .json name as lines", async () => {
    const { records } = await readDoc('{"ID": "A-1"}\n{"ID": "A-2"}\n');
    expect(records.map((r) => r.locator)).toEqual([
      { kind: "line", line: 1 },
      { kind: "line", line: 2 },
    ]);
  });
});

describe("parseJsonLines", () => {
  it("numbers records by line, blank lines counted but skipped, CRLF read", async () => {
    const { records, issues } = await readLines(['{"ID": "A-1"}\r\n\r\n{"ID": "A-2", "Year": 2023}\r\n']);
    expect(issues).toEqual([]);
    expect(records).toEqual([
      { source: "t.jsonl", locator: { kind: "line", line: 1 }, fields: [["ID", "A-1"]] },
      {
        source: "t.jsonl",
        locator: { kind: "line", line: 3 },
        fields: [
          ["ID", "A-2"],
          ["Year", "2023"],
        ],
      },
    ]);
  });

  it("joins a line split across chunks", async () => {
    const { records } = await readLines(['{"ID": "A', '-1", "Outc', 'ome": "x"}\n{"ID"', ': "A-2"}']);
    expect(records.map((r) => r.fields)).toEqual([
      [
        ["ID", "A-1"],
        ["Outcome", "x"],
      ],
      [["ID", "A-2"]],
    ]);
  });

  it("reports each bad line and reads the others", async () => {
    const { records, issues } = await collect(readJsonLines(join(BROKEN, "bad-lines.jsonl"), "bad-lines.jsonl"));
    expect(records.map((r) => [r.locator, r.fields[0][1]])).toEqual([
      [{ kind: "line", line: 1 }, "L-001"],
      [{ kind: "line", line: 4 }, "L-003"],
    ]);
    expect(issues.map((i) => [i.code, i.level, i.locator])).toEqual([
      ["E_JSON", "skipped", { kind: "line", line: 2 }],
      ["E_JSON_ITEM", "skipped", { kind: "line", line: 3 }],
      ["E_JSON_NESTED", "warning", { kind: "line", line: 4 }],
    ]);
  });
});

describe("readJson and readJsonLines", () => {
  let dir: ReturnType<typeof tempDir>;
  afterEach(() => dir?.remove());

  it("reads the three samples from samples.json byte for byte, numbers as written", async () => {
    const { records, issues } = await collect(readJson(join(SAMPLES, "samples.json"), "samples.json"));
    expect(issues).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual(loadSeeds().map((seed) => renamed(seed, RENAMES.json)));
  });

  it("reads the three samples from samples.jsonl byte for byte", async () => {
    const { records, issues } = await collect(readJsonLines(join(SAMPLES, "samples.jsonl"), "samples.jsonl"));
    expect(issues).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual(loadSeeds().map((seed) => renamed(seed, RENAMES.jsonl)));
  });

  it("reads a 5 MB single field whole, in JSON and in JSON Lines", async () => {
    dir = tempDir();
    const huge = "é".repeat(5 * 1024 * 1024);
    writeFileSync(join(dir.path, "huge.json"), JSON.stringify([{ ID: "H-1", Outcome: huge }]));
    writeFileSync(join(dir.path, "huge.jsonl"), `${JSON.stringify({ ID: "H-1", Outcome: huge })}\n{"ID": "H-2"}\n`);
    const doc = await collect(readJson(join(dir.path, "huge.json"), "huge.json"));
    const lines = await collect(readJsonLines(join(dir.path, "huge.jsonl"), "huge.jsonl"));
    expect(doc.records[0].fields[1][1] === huge).toBe(true);
    expect(lines.records.map((r) => r.fields[0][1])).toEqual(["H-1", "H-2"]);
    expect(lines.records[0].fields[1][1] === huge).toBe(true);
  });
});
