// Tests of ingest/read/index.ts (readRecords): every format yields the same three samples, each broken file yields its
// issue while the other files still go through.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { READ_ERROR_CODES, readFile, readRecords } from "../ingest/read/index.ts";
import type { RawRecord } from "../ingest/schema.ts";
import { BROKEN, collect, SAMPLES, tempDir } from "./fixtures/ingest/_helpers.ts";
import { loadSeeds, renamed, RENAMES, SEEDS_DIR } from "./fixtures/ingest/_seeds.ts";

/** The sample fields under their seed names: each fixture's renamed columns mapped back. */
function asSeedFields(record: RawRecord, renames: Record<string, string>): Map<string, string> {
  const back = new Map(Object.entries(renames).map(([seed, fixture]) => [fixture, seed]));
  return new Map(record.fields.map(([name, value]) => [back.get(name) ?? name, value]));
}

/** The free-text fields: compared byte for byte in every format. */
const TEXT_FIELDS = [
  "Outcome description",
  "Significance of the outcome",
  "Additional information (use if needed) ",
  "Contribution of the programme",
  "Contribution of other actors and factors",
  "Evidence supporting the outcome statement",
  "Link to Outcomes in Results Framework ",
  "Link to SCC Specific Objectives",
  "StoryFragment_Merged",
];

describe("readRecords", () => {
  let dir: ReturnType<typeof tempDir>;
  afterEach(() => dir?.remove());

  it.each([
    ["text (the samples themselves)", SEEDS_DIR, {}],
    ["CSV, comma", join(SAMPLES, "samples.csv"), RENAMES.csv],
    ["CSV, semicolon, Windows-1252", join(SAMPLES, "samples-semicolon.csv"), RENAMES.csvSemicolon],
    ["XLSX", join(SAMPLES, "samples.xlsx"), RENAMES.xlsx],
    ["JSON", join(SAMPLES, "samples.json"), RENAMES.json],
    ["JSON Lines", join(SAMPLES, "samples.jsonl"), RENAMES.jsonl],
  ])("reads the same three samples from %s, text fields byte for byte", async (_, path, renames) => {
    const { records, issues } = await collect(readRecords([path]));
    // The only issue: the XLSX's title row above its header.
    expect(issues.filter((i) => i.code !== "E_PREAMBLE")).toEqual([]);
    const seeds = loadSeeds().map((seed) => new Map(seed.fields));
    const read = records.map((record) => asSeedFields(record, renames));
    expect(read.map((fields) => fields.get("FragmentID"))).toEqual([
      "SCC-DRC2312/CIV001",
      "SCC-<redacted>/PHR022",
      "SCC-<redacted>/CIV021",
    ]);
    read.forEach((fields, i) => {
      expect([...fields.keys()].sort()).toEqual([...seeds[i].keys()].sort());
      for (const name of TEXT_FIELDS) expect(fields.get(name), name).toBe(seeds[i].get(name));
    });
  });

  it("reads the text samples exactly as the reference parse of the seeds", async () => {
    const { records } = await collect(readRecords([SEEDS_DIR]));
    expect(records.map((r) => r.fields)).toEqual(loadSeeds().map((seed) => seed.fields));
    expect(records.map((r) => r.locator)).toEqual([1, 1, 1].map((line) => ({ kind: "line", line })));
  });

  it("reads every sample file of the samples folder, in name order", async () => {
    const { records, issues } = await collect(readRecords([SAMPLES]));
    expect(issues.map((i) => [i.code, i.source])).toEqual([["E_PREAMBLE", join(SAMPLES, "samples.xlsx")]]);
    expect([...new Set(records.map((r) => r.source.slice(SAMPLES.length + 1)))]).toEqual([
      "samples-semicolon.csv",
      "samples.csv",
      "samples.json",
      "samples.jsonl",
      "samples.xlsx",
    ]);
    expect(records).toHaveLength(15);
  });

  it.each([
    // file, issues [level, code] in order, FragmentIDs of the records read
    ["empty.txt", [["skipped", "E_EMPTY"]], []],
    ["binary.csv", [["skipped", "E_BINARY"]], []],
    [
      "ragged.csv",
      [
        ["warning", "E_ROW_SHORT"],
        ["warning", "E_ROW_LONG"],
      ],
      ["R-001", "R-002", "R-003", "R-004", "R-005"],
    ],
    ["unclosed-quote.csv", [["skipped", "E_CSV"]], ["Q-001"]],
    ["bad.json", [["skipped", "E_JSON"]], []],
    [
      "bad-lines.jsonl",
      [
        ["skipped", "E_JSON"],
        ["skipped", "E_JSON_ITEM"],
        ["warning", "E_JSON_NESTED"],
      ],
      ["L-001", "L-003"],
    ],
    ["duplicate-id.jsonl", [], ["SCC-DRC2312/CIV001", "SCC-DRC2312/CIV001"]],
    ["no-description.txt", [], ["SCC-<redacted>/PHR022"]],
    ["latin1.txt", [], ["SCC-CIV2401/CIV007"]],
    ["not-a-workbook.xlsx", [["skipped", "E_XLSX"]], []],
    ["no-data-sheet.xlsx", [["skipped", "E_SHEET"]], []],
    ["minutes.docx", [["skipped", "E_UNSUPPORTED"]], []],
  ])("reads broken/%s into its issues and the records it still holds", async (file, expectedIssues, ids) => {
    const path = join(BROKEN, file);
    const { records, issues } = await collect(readRecords([path]));
    expect(issues.map((i) => [i.level, i.code])).toEqual(expectedIssues);
    for (const issue of issues) {
      expect(issue.source).toBe(path);
      expect(issue.message).toContain(path);
    }
    expect(records.map((r) => r.fields.find(([name]) => name === "FragmentID")?.[1])).toEqual(ids);
  });

  it("reads the accents of a Windows-1252 text record", async () => {
    const { records } = await collect(readRecords([join(BROKEN, "latin1.txt")]));
    expect(records[0].fields).toEqual([
      ["FragmentID", "SCC-CIV2401/CIV007"],
      ["OH-harvesting period", "récolte 2"],
      ["coutnry", "Côte d'Ivoire"],
      [
        "Outcome description",
        "En mars 2024, l'association de défenseurs de Haut Uélé a adopté des mesures de sécurité numérique.",
      ],
      ["Rating significance", "élevée"],
    ]);
  });

  it("reads a record without an outcome description as it is (the missing field is for the next stage to report)", async () => {
    const { records } = await collect(readRecords([join(BROKEN, "no-description.txt")]));
    expect(records[0].fields.map(([name]) => name)).not.toContain("Outcome description");
  });

  it("goes through the whole broken folder: every file yields its records or its issue, none stops the others", async () => {
    const { records, issues } = await collect(readRecords([BROKEN, SAMPLES]));
    expect(records).toHaveLength(5 + 1 + 2 + 2 + 1 + 1 + 15);
    expect(new Set(issues.map((i) => i.source)).size).toBe(9 + 1);
    expect(issues.filter((i) => !(READ_ERROR_CODES as readonly string[]).includes(i.code))).toEqual([]);
  });

  it("passes the sheet option to the XLSX reader", async () => {
    const { records } = await collect(readRecords([join(SAMPLES, "samples.xlsx")], { sheet: "README" }));
    expect(records.map((r) => r.locator)).toEqual([2, 3].map((row) => ({ kind: "row", row, sheet: "README" })));
  });

  it("reports a file that holds no record at all", async () => {
    dir = tempDir();
    const path = join(dir.path, "header-only.csv");
    writeFileSync(path, "FragmentID,Outcome description\n");
    const { records, issues } = await collect(readFile(path, "csv"));
    expect(records).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ level: "skipped", code: "E_NO_RECORDS", source: path })]);
  });

  it("reads a 5 MB single field of a text record whole", async () => {
    dir = tempDir();
    const path = join(dir.path, "huge.md");
    const huge = "Haut Uélé ".repeat(512 * 1024);
    writeFileSync(path, `**FragmentID**: H-1\n**Outcome description**: ${huge}\n**Year**: 2023\n`);
    const { records, issues } = await collect(readRecords([path]));
    expect(issues).toEqual([]);
    expect(records[0].fields[1][1] === huge).toBe(true);
  });
});
