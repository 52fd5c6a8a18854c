// Property tests of the text reader (ingest/read/text.ts) as readRecords uses it: arbitrary text or bytes never throw
// anything but ReadError, and records written in the `**Field**: value` format read back exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../ingest/read/decode.ts";
import { ReadError } from "../ingest/read/errors.ts";
import { parseTextRecords } from "../ingest/read/text.ts";

/** A field name as exports write them: no asterisk, no line break, not a FragmentID (that starts a record). */
const fieldName = fc
  .string({ minLength: 1, maxLength: 30 })
  .filter((s) => !/[*\r\n\uFEFF]/.test(s) && s.trim() !== "" && !/^\s*fragment\s*id\s*$/i.test(s));

/** A value, possibly over several lines; no line of it looks like a field line, and it does not end with a line break. */
const value = fc
  .array(
    fc.string({ maxLength: 40 }).filter((s) => !/[\r\n\uFEFF]/.test(s)),
    { minLength: 1, maxLength: 3 },
  )
  .map((lines) => lines.join("\n"))
  .filter((v) => !/(^|\n)\*\*/.test(v) && !/\n$/.test(v));

const record = fc.tuple(value, fc.array(fc.tuple(fieldName, value), { maxLength: 5 }));

describe("parseTextRecords", () => {
  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        parseTextRecords("t.txt", text);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on text made of the format's own pieces", () => {
    const piece = fc.constantFrom(
      "**",
      "**FragmentID**: ",
      "**Outcome**:",
      ": ",
      "\n",
      "\r\n",
      "*",
      " ",
      "x",
      "é",
      "\uFEFF",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        parseTextRecords("t.txt", pieces.join(""));
      }),
      { numRuns: 500 },
    );
  });

  it("throws nothing but ReadError on arbitrary bytes, decoding included", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          parseTextRecords("t.txt", decodeBytes(bytes, "t.txt").text);
        } catch (error) {
          if (!(error instanceof ReadError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reads back the records it is given, names and values exactly", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 3 }), fc.constantFrom("\n", "\r\n"), (records, eol) => {
        // Values spanning lines are written, and read back, with the file's own line ends.
        const expected = records.map(([id, fields]) =>
          [["FragmentID", id], ...fields].map(([n, v]) => [n, v.replaceAll("\n", eol)]),
        );
        const text = expected.map((fields) => fields.map(([n, v]) => `**${n}**: ${v}${eol}`).join("")).join("");
        const read = parseTextRecords("t.txt", text).flatMap((item) =>
          item.type === "record" ? [item.record.fields] : [],
        );
        expect(read).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
