// Anything thrown at ingest and extraction ends in a result or the module's own error, never a crash or a hang.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractRecords } from "../ingest/extract/index.ts";
import { createFieldMatcher } from "../ingest/fields.ts";
import { parseTextRecords } from "../ingest/read/text.ts";
import { normaliseRecord } from "../ingest/record.ts";
import { Extraction, type OutcomeRecord, type RawRecord } from "../ingest/schema.ts";

const match = createFieldMatcher();

function recordWith(text: string, fields: Partial<Record<string, string>> = {}): OutcomeRecord {
  const raw: RawRecord = {
    source: "fuzz.txt",
    locator: { kind: "line", line: 1 },
    fields: [
      ["FragmentID", "FUZZ-001"],
      ["Outcome description", text],
      ["Contribution of the programme", fields.contribution ?? text],
      ["Contribution of other actors and factors", fields.others ?? text],
      ["StoryFragment_Merged", fields.merged ?? text],
    ],
  };
  const { record } = normaliseRecord(raw, match);
  if (!record) throw new Error("fixture record was skipped");
  return record;
}

/** Runs the extraction and checks its contract: a valid document whose every quote is verbatim. */
function extractChecked(record: OutcomeRecord): void {
  const { extraction } = extractRecords([record]);
  Extraction.parse(extraction);
  for (const item of [...extraction.entities.flatMap((e) => e.mentions), ...extraction.relations.flatMap((r) => r.evidence)]) {
    expect(record.text[item.field].slice(item.start, item.end)).toBe(item.text);
  }
  for (const e of extraction.entities) expect(e.name).not.toMatch(/<[^>]*>/);
}

const WORDS = ["DefendDefenders", "(APRU)", "trained", "formé par", "with funding support from", "the", "coalition", "<redacted>", "<person>", "<LOC>", "Ministry", "of", "Justice", ",", "and", "et", "(", ")", "'s", "Réseau", "des", "Femmes", "UPDF", "in", "Kampala", "\u202Eevil\u202C", "e\u0301", "ٱلْعَرَبِيَّة", "**Bold**:", "<img src=x onerror=alert(1)>", "\u0000", "\uD800"];

describe("extractRecords under fuzzing", () => {
  it("returns a valid document with verbatim quotes for arbitrary sentences of real and hostile words", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }), fc.string({ maxLength: 40 }), (words, noise) => {
        extractChecked(recordWith(`x ${words.join(" ")}${noise}`));
      }),
      { numRuns: 300 },
    );
  });

  it("handles arbitrary unicode text, including right-to-left and combining characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        extractChecked(recordWith(text.trim() === "" ? "x" : text));
      }),
      { numRuns: 200 },
    );
  });

  it("finishes on 10,000 organisations in one sentence", () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `Association ${String.fromCharCode(65 + (i % 26))}${i} des Femmes (AF${i})`);
    const record = recordWith(`DefendDefenders trained ${names.join(", ")} and the Réseau des Droits.`);
    const started = Date.now();
    extractChecked(record);
    // A bound against hangs (a minute on a loaded 2-core machine), not a speed claim: the benchmark measures speed.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it("finishes on a 1 MB field of unbalanced markup", () => {
    const text = "(((([[<<**".repeat(100_000);
    extractChecked(recordWith(text));
  });
});

describe("parseTextRecords under fuzzing", () => {
  it("never throws on random bytes decoded as text", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const items = parseTextRecords("fuzz.txt", new TextDecoder().decode(bytes));
        expect(Array.isArray(items)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
