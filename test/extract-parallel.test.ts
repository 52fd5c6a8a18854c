// Extraction on worker threads gives the document and merge report extractRecords gives, byte for byte, in record order.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createExtractionPool, extractRecords, extractRecordsParallel } from "../ingest/extract/index.ts";
import type { OutcomeRecord } from "../ingest/schema.ts";
import { FIXTURES, OWN, OWN2, OWN3, makeRecord, readFolder } from "./_extract.ts";

const RECORDS = [join(FIXTURES, "seeds"), join(FIXTURES, "dev"), OWN, OWN2, OWN3]
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readFolder(dir).flatMap((f) => f.records));
/** A sentence longer than the relation rules read, so the merge report lists a cut sentence. */
const LONG = makeRecord({ fragmentId: "SCC-TST2401/CIV099", outcomeDescription: `The Kenya Human Rights Network trained ${"the members of many groups and ".repeat(800)}many more.` });

describe("extractRecordsParallel", () => {
  it("gives extractRecords' document and merge report on every fixture record, with two workers and small batches", async () => {
    const records = [...RECORDS, LONG];
    const serial = extractRecords(records);
    const parallel = await extractRecordsParallel(records, {}, { workers: 2, batchSize: 3, minRecords: 0 });
    expect(serial.mergeReport.cutSentences?.length).toBeGreaterThan(0);
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
    // the outcomes are the caller's own records, not copies
    expect(parallel.extraction.outcomes[0]).toBe(records[0]);
  });

  it.each([
    ["without the gazetteer", { gazetteer: false }],
    ["with the user's aliases, additions and keep-apart pairs", { aliases: { DefendDefenders: ["EHAHRDP"] }, gazetteerAdditions: [{ name: "Protection International", type: "Organisation" as const, aliases: ["PI"] }], doNotMerge: [["SCC", "SCC programme"]] as [string, string][] }],
  ])("passes the options to the workers (%s)", async (_, options) => {
    const serial = extractRecords(RECORDS, options);
    const parallel = await extractRecordsParallel(RECORDS, options, { workers: 1, batchSize: 7, minRecords: 0 });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });

  it("extracts in this thread below minRecords, with the same result", async () => {
    const parallel = await extractRecordsParallel(RECORDS.slice(0, 5), {}, { workers: 2, minRecords: 1000 });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(extractRecords(RECORDS.slice(0, 5))));
  });

  it("rejects with the error a worker met, as the serial extraction throws", async () => {
    const broken = { ...RECORDS[0], id: "broken", text: undefined } as unknown as OutcomeRecord;
    expect(() => extractRecords([RECORDS[0], broken])).toThrow(TypeError);
    await expect(extractRecordsParallel([RECORDS[0], broken, RECORDS[1]], {}, { workers: 1, minRecords: 0 })).rejects.toThrow(/undefined/);
  });
});

describe("createExtractionPool", () => {
  it.each([[{ workers: -1 }], [{ batchSize: 0 }], [{ minRecords: 1.5 }]])("refuses the parallel options %j with E_EXTRACT_OPTIONS", (parallel) => {
    expect(() => createExtractionPool({}, parallel)).toThrow(expect.objectContaining({ code: "E_EXTRACT_OPTIONS" }));
  });

  it("takes records one at a time while they are read, and waits for the workers when they are behind", async () => {
    const pool = createExtractionPool({}, { workers: 2, batchSize: 2, minRecords: 4 });
    try {
      for (const record of RECORDS) await pool.add(record);
      expect(JSON.stringify(await pool.finish())).toBe(JSON.stringify(extractRecords(RECORDS)));
    } finally {
      await pool.close();
    }
  });
});
