// Ingest end to end: every format gives the same canonical records; bad input is reported, never dropped silently.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestPaths } from "../ingest/index.ts";
import { createDeduper } from "../ingest/dedupe.ts";
import { createFieldMatcher } from "../ingest/fields.ts";
import { parseTextRecords } from "../ingest/read/text.ts";
import { normaliseRecord } from "../ingest/record.ts";
import { applyStricterRedaction, findStricterRedactions } from "../ingest/redaction.ts";
import type { OutcomeRecord, RawRecord } from "../ingest/schema.ts";

// The three sample records of the SCC harvest (DR Congo and Sahel, 2023–2024), copied from ../shared/fixtures/seeds.
const SEEDS = "examples/seeds";
const FORMATS = ["samples.csv", "samples-semicolon.csv", "samples.json", "samples.jsonl", "samples.xlsx"].map((f) => `test/fixtures/ingest/samples/${f}`);

const comparable = (r: OutcomeRecord) => {
  const { source: _s, locator: _l, extra: _e, ...rest } = r;
  return rest;
};

describe("ingestPaths", () => {
  it("reads the three samples with their normalised fields", async () => {
    const { records, report } = await ingestPaths([SEEDS]);
    expect(report).toMatchObject({ files: 3, accepted: 3, skipped: 0 });
    expect(records.map((r) => [r.fragmentId, r.country.iso ?? r.country.name, r.year, r.harvestPeriod, r.confidential])).toEqual([
      ["SCC-DRC2312/CIV001", "COD", 2023, 2, false],
      ["SCC-<redacted>/PHR022", "Sahel", 2023, 2, false],
      ["SCC-<redacted>/CIV021", "COD", 2024, 3, true],
    ]);
    expect(records[0]).toMatchObject({ ratingSignificance: "medium", ratingContribution: "medium", scale: "Local", socialActor: "Civic change agents", frameworkCodes: ["1.3"], objectiveCode: "CIV" });
    expect(records[2].typesOfChange).toEqual(["New structure", "Capacity change", "Safety and Security"]);
  });

  it.each(FORMATS)("gives the same records from %s as from the text files", async (path) => {
    const fromText = (await ingestPaths([SEEDS])).records.map(comparable);
    const { records, report } = await ingestPaths([path]);
    expect(report.skipped).toBe(0);
    expect(records.map(comparable)).toEqual(fromText);
  });

  it("keeps field values byte for byte, redaction tokens included", async () => {
    const { records } = await ingestPaths([`${SEEDS}/003_0b817f388a42ec52.txt`]);
    const file = readFileSync(`${SEEDS}/003_0b817f388a42ec52.txt`, "utf8");
    for (const value of Object.values(records[0].text)) expect(file.includes(value)).toBe(true);
    expect(records[0].fragmentId).toBe("SCC-<redacted>/PHR022");
  });

  it("reports each broken file and still ingests the good records beside them", async () => {
    const { records, report } = await ingestPaths(["test/fixtures/ingest/broken"]);
    const codes = report.issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(["E_EMPTY", "E_BINARY", "E_JSON", "E_MISSING_FIELD", "W_FRAGMENT_ID_CONFLICT", "E_UNSUPPORTED"]));
    expect(records.length).toBeGreaterThan(0);
    const missing = report.issues.find((i) => i.code === "E_MISSING_FIELD");
    expect(missing).toMatchObject({ level: "skipped", field: "Outcome description" });
    expect(missing?.message).toMatch(/no-description\.txt \(record at line 1\): field "Outcome description" missing/);
  });

  it("reads a Windows-1252 record with its accents intact", async () => {
    const { records } = await ingestPaths(["test/fixtures/ingest/broken/latin1.txt"]);
    expect(records[0].text.outcomeDescription).toMatch(/[éèàç]/);
  });
});

describe("normaliseRecord", () => {
  const match = createFieldMatcher();
  const raw = (fields: [string, string][]): RawRecord => ({ source: "t.csv", locator: { kind: "row", row: 2 }, fields });

  it("skips a record without a FragmentID, naming file, row and field", () => {
    const { record, issues } = normaliseRecord(raw([["Outcome description", "Something changed."]]), match);
    expect(record).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ level: "skipped", code: "E_MISSING_FIELD", field: "FragmentID", message: 't.csv (record at row 2): field "FragmentID" missing' })]);
  });

  it("turns an unknown rating into unknown with a report line instead of skipping", () => {
    const { record, issues } = normaliseRecord(raw([["ID", "X1"], ["Outcome", "A change."], ["Rating significance", "huge-ish"]]), match);
    expect(record?.ratingSignificance).toBe("unknown");
    expect(issues[0]).toMatchObject({ level: "repaired", code: "W_UNKNOWN_VALUE", field: "Rating significance", value: "huge-ish" });
  });

  it("treats an unrecognised confidentiality flag as confidential", () => {
    const { record } = normaliseRecord(raw([["ID", "X1"], ["Outcome", "A change."], ["Confidential", "ask Jane"]]), match);
    expect(record?.confidential).toBe(true);
  });

  it("keeps unknown columns as extra properties", () => {
    const { record } = normaliseRecord(raw([["ID", "X1"], ["Outcome", "A change."], ["Budget line", "B-12"]]), match);
    expect(record?.extra).toEqual({ "Budget line": "B-12" });
  });

  it("keeps a 5 MB field whole", () => {
    const big = "x".repeat(5 * 1024 * 1024);
    const { record } = normaliseRecord(raw([["ID", "X1"], ["Outcome", big]]), match);
    expect(record?.text.outcomeDescription.length).toBe(big.length);
  });
});

describe("findStricterRedactions", () => {
  it("finds the words the merged story of sample 004 hides and the field shows", () => {
    const [item] = parseTextRecords("004", readFileSync(`${SEEDS}/004_88eaf67a59f4c304.txt`, "utf8"));
    const record = item.type === "record" ? normaliseRecord(item.record, createFieldMatcher()).record! : null;
    const { redactions, mismatches } = findStricterRedactions(record!.text);
    expect(mismatches).toEqual([]);
    expect(redactions.map((r) => r.text)).toEqual(["collection", "activities", "collection", "violations", "digitizing", "collection"]);
    const strict = applyStricterRedaction(record!.text.outcomeDescription, "outcomeDescription", redactions);
    expect(strict).toContain("digitized its data <redacted> systems");
  });
});

describe("createDeduper", () => {
  const base = { fragmentId: "F1", id: "F1", source: "a.txt", locator: { kind: "line", line: 1 } } as OutcomeRecord;
  it("keeps one record when the same FragmentID repeats with identical content", () => {
    const dedupe = createDeduper();
    dedupe(base);
    const second = dedupe({ ...base, source: "b.txt" });
    expect(second.record).toBeNull();
    expect(second.issue?.code).toBe("W_DUPLICATE_RECORD");
  });

  it("keeps both records with a distinguishable id when the content differs", () => {
    const dedupe = createDeduper();
    dedupe(base);
    const second = dedupe({ ...base, year: 2024 } as OutcomeRecord);
    expect(second.record).toMatchObject({ id: "F1~2", fragmentId: "F1" });
    expect(second.issue?.level).toBe("conflict");
  });
});

describe("redaction tokens", () => {
  it("are kept verbatim and marked, in the FragmentID and in the text", async () => {
    const { records } = await ingestPaths([`${SEEDS}/003_0b817f388a42ec52.txt`]);
    const marks = records[0].redactionTokens;
    expect(marks.find((m) => m.field === "fragmentId")).toEqual({ field: "fragmentId", start: 4, end: 14, token: "<redacted>" });
    for (const m of marks.filter((m) => m.field !== "fragmentId")) {
      expect(records[0].text[m.field as keyof OutcomeRecord["text"]].slice(m.start, m.end)).toBe(m.token);
    }
    expect(new Set(marks.map((m) => m.token))).toEqual(new Set(["<redacted>", "<person>", "<LOC>"]));
  });
});
