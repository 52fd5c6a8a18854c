// Tests of ingest/read/csv.ts: delimiter sniffing, quoted multi-line cells, ragged rows, row numbers, streaming, and
// that arbitrary input never throws anything but ReadError.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { parseCsv, readCsv, sniffDelimiter } from "../ingest/read/csv.ts";
import { decodeBytes } from "../ingest/read/decode.ts";
import { ReadError } from "../ingest/read/errors.ts";
import { collect, rejection, SAMPLES, tempDir } from "./fixtures/ingest/_helpers.ts";
import { loadSeeds, renamed, RENAMES } from "./fixtures/ingest/_seeds.ts";

const read = (text: string | string[]) => collect(parseCsv("t.csv", text));

describe("sniffDelimiter", () => {
  it.each([
    ["a,b,c", ","],
    ["a;b;c", ";"],
    ["a\tb\tc", "\t"],
    ["Outcome, with comma;Country;Year", ";"],
    ['"a;b;c",d', ","],
    ['"Rating\nsignificance";Country', ";"],
    ["\n\na;b\n", ";"],
    ["FragmentID", ","],
    ["a,b;c", ","],
  ])("picks the delimiter of %j", (text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });

  it("waits for more text while the first line is not complete", () => {
    expect(sniffDelimiter("a;b;c", false)).toBeNull();
    expect(sniffDelimiter("a;b;c\r", false)).toBe(";");
  });
});

describe("parseCsv", () => {
  it.each([
    ["comma", "FragmentID,Outcome\nA-1,Trained\n"],
    ["semicolon", "FragmentID;Outcome\nA-1;Trained\n"],
    ["tab", "FragmentID\tOutcome\nA-1\tTrained\n"],
    ["CRLF line ends", "FragmentID,Outcome\r\nA-1,Trained\r\n"],
    ["no final line end", "FragmentID,Outcome\nA-1,Trained"],
  ])("reads a %s file into name-value pairs", async (_, text) => {
    const { records, issues } = await read(text);
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        source: "t.csv",
        locator: { kind: "row", row: 2 },
        fields: [
          ["FragmentID", "A-1"],
          ["Outcome", "Trained"],
        ],
      },
    ]);
  });

  it("keeps a quoted multi-line cell whole, its line ends and quotes as written", async () => {
    const { records } = await read('ID,Outcome,Year\r\nA-1,"Line one\r\nline ""two""\r\n",2023\r\nA-2,next,2024\r\n');
    expect(records.map((r) => r.fields)).toEqual([
      [
        ["ID", "A-1"],
        ["Outcome", 'Line one\r\nline "two"\r\n'],
        ["Year", "2023"],
      ],
      [
        ["ID", "A-2"],
        ["Outcome", "next"],
        ["Year", "2024"],
      ],
    ]);
    expect(records.map((r) => r.locator)).toEqual([
      { kind: "row", row: 2 },
      { kind: "row", row: 3 },
    ]);
  });

  it("keeps spaces around values and names (evidence offsets depend on them)", async () => {
    const { records } = await read("ID , Outcome \n A-1 ,  two spaces  \n");
    expect(records[0].fields).toEqual([
      ["ID ", " A-1 "],
      [" Outcome ", "  two spaces  "],
    ]);
  });

  it("numbers rows as a spreadsheet does: blank lines count, empty rows are skipped", async () => {
    const { records, issues } = await read("ID,Outcome\n\nA-1,x\n,\nA-2,y\n");
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.fields[0][1], r.locator])).toEqual([
      ["A-1", { kind: "row", row: 3 }],
      ["A-2", { kind: "row", row: 5 }],
    ]);
  });

  it("takes the first non-blank line as the header", async () => {
    const { records } = await read("\n\nID;Outcome\nA-1;x\n");
    expect(records[0]).toMatchObject({
      locator: { row: 4 },
      fields: [
        ["ID", "A-1"],
        ["Outcome", "x"],
      ],
    });
  });

  it("finds the header under a title row, and reports the title as not a record", async () => {
    const { records, issues } = await read(
      "Outcome harvest 2023;;\n;;\nFragmentID;Outcome description;Year\nA-1;x;2023\n",
    );
    expect(records).toEqual([
      {
        source: "t.csv",
        locator: { kind: "row", row: 4 },
        fields: [
          ["FragmentID", "A-1"],
          ["Outcome description", "x"],
          ["Year", "2023"],
        ],
      },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        level: "warning",
        code: "E_PREAMBLE",
        locator: { kind: "row", row: 1 },
        value: "Outcome harvest 2023",
      }),
    ]);
    expect(issues[0].message).toBe("t.csv: row 1 is above the header (row 3), not records");
  });

  it("takes the first row as the header when no row looks like one", async () => {
    const { records, issues } = await read("Ref,Story\nA-1,x\nA-2,y\n");
    expect(issues).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([
      [
        ["Ref", "A-1"],
        ["Story", "x"],
      ],
      [
        ["Ref", "A-2"],
        ["Story", "y"],
      ],
    ]);
  });

  it("stops looking for a header after 20 rows and reads them all with the first row as header", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `A-${i},text ${i}`);
    const { records } = await read(["Ref,Story\n", rows.join("\n")]);
    expect(records.map((r) => r.fields[0])).toEqual(rows.map((_, i) => ["Ref", `A-${i}`]));
    expect(records[0].locator).toEqual({ kind: "row", row: 2 });
  });

  it("uses the header test it is given", async () => {
    const { records } = await collect(
      parseCsv("t.csv", "Ref,Story\nCode,Text\nA-1,x\n", { isHeader: (cells) => cells[0] === "Code" }),
    );
    expect(records[0].fields).toEqual([
      ["Code", "A-1"],
      ["Text", "x"],
    ]);
  });

  it("keeps a short row with the cells it has and reports the missing columns", async () => {
    const { records, issues } = await read("ID,Outcome,Country,Year\nA-1,Trained\n");
    expect(records[0].fields).toEqual([
      ["ID", "A-1"],
      ["Outcome", "Trained"],
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        level: "warning",
        code: "E_ROW_SHORT",
        source: "t.csv",
        locator: { kind: "row", row: 2 },
        field: "Country",
      }),
    ]);
    expect(issues[0].message).toMatch(/t\.csv row 2.*2 cells for 4 columns.*"Country", "Year"/);
  });

  it("keeps the non-empty cells past the header under column letters and reports them", async () => {
    const { records, issues } = await read("ID,Outcome\nA-1,Trained,stray note,\n");
    expect(records[0].fields).toEqual([
      ["ID", "A-1"],
      ["Outcome", "Trained"],
      ["column C", "stray note"],
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        code: "E_ROW_LONG",
        locator: { kind: "row", row: 2 },
        field: "column C",
        value: "stray note",
      }),
    ]);
  });

  it("drops empty cells past the header without a word (trailing delimiters of spreadsheet exports)", async () => {
    const { records, issues } = await read("ID;Outcome\nA-1;Trained;;;\n");
    expect(issues).toEqual([]);
    expect(records[0].fields).toEqual([
      ["ID", "A-1"],
      ["Outcome", "Trained"],
    ]);
  });

  it("names an empty header cell by its column letter and keeps duplicate names", async () => {
    const { records } = await read("ID,,Country,Country\nA-1,x,DRC,RDC\n");
    expect(records[0].fields).toEqual([
      ["ID", "A-1"],
      ["column B", "x"],
      ["Country", "DRC"],
      ["Country", "RDC"],
    ]);
  });

  it("skips the row an unclosed quote swallows, reports it, and keeps the rows before", async () => {
    const { records, issues } = await read('ID,Outcome\nA-1,fine\nA-2,"never closed\nA-3,lost\n');
    expect(records.map((r) => r.fields[0][1])).toEqual(["A-1"]);
    expect(issues).toEqual([
      expect.objectContaining({ level: "skipped", code: "E_CSV", locator: { kind: "row", row: 3 } }),
    ]);
  });

  it("reads a stray quote inside an unquoted cell as text", async () => {
    const { records, issues } = await read('ID,Outcome\nA-1,the "SCC" programme\n');
    expect(issues).toEqual([]);
    expect(records[0].fields[1]).toEqual(["Outcome", 'the "SCC" programme']);
  });

  it("yields nothing for a header without rows (the caller reports E_NO_RECORDS)", async () => {
    expect(await read("ID,Outcome\n")).toEqual({ records: [], issues: [] });
  });

  it("throws E_EMPTY when there is no header", async () => {
    const error = await rejection(() => read(" \n\n,,\n"));
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).code).toBe("E_EMPTY");
  });

  it("gives the same records however the text is cut into chunks", async () => {
    const text = 'ID;Outcome\r\nA-1;"multi\r\nline"\r\nA-2;Uélé\r\n';
    const whole = await read(text);
    for (let cut = 1; cut < text.length; cut++) {
      expect(await read([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
  });

  it("yields the first records before the input ends (streams)", async () => {
    async function* endless() {
      yield "ID,Outcome\n";
      for (let i = 0; ; i++) yield `A-${i},outcome ${i}\n`;
    }
    const ids: string[] = [];
    for await (const item of parseCsv("endless.csv", endless())) {
      if (item.type === "record") ids.push(item.record.fields[0][1]);
      if (ids.length === 3) break;
    }
    expect(ids).toEqual(["A-0", "A-1", "A-2"]);
  });
});

describe("readCsv", () => {
  let dir: ReturnType<typeof tempDir>;
  afterEach(() => dir?.remove());

  it.each([
    ["samples.csv (comma, UTF-8 with BOM)", "samples.csv", RENAMES.csv],
    ["samples-semicolon.csv (Windows-1252)", "samples-semicolon.csv", RENAMES.csvSemicolon],
  ])("reads the three samples from %s byte for byte", async (_, file, renames) => {
    const { records, issues } = await collect(readCsv(join(SAMPLES, file), file));
    expect(issues).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual(loadSeeds().map((seed) => renamed(seed, renames)));
    expect(records.map((r) => r.locator)).toEqual([2, 3, 4].map((row) => ({ kind: "row", row })));
  });

  it("reads the Windows-1252 accents of the semicolon file", async () => {
    const { records } = await collect(readCsv(join(SAMPLES, "samples-semicolon.csv"), "s.csv"));
    expect(new Map(records[0].fields).get("Description of outcome")).toContain("Haut Uélé province");
  });

  it("reads a .tsv as tab-separated even when its header holds commas", async () => {
    dir = tempDir();
    const path = join(dir.path, "t.tsv");
    writeFileSync(path, "ID\tOutcome, short\nA-1\tx, y\n");
    const { records } = await collect(readCsv(path, "t.tsv"));
    expect(records[0].fields).toEqual([
      ["ID", "A-1"],
      ["Outcome, short", "x, y"],
    ]);
  });

  it("reads a 5 MB single cell whole, in a Windows-1252 file whose only accent comes after it", async () => {
    dir = tempDir();
    const path = join(dir.path, "huge.csv");
    const huge = "x".repeat(5 * 1024 * 1024);
    writeFileSync(
      path,
      Buffer.concat([Buffer.from(`ID;Outcome\nH-1;"${huge}"\nH-2;Haut U`), Buffer.from([0xe9, 0x6c, 0xe9, 0x0a])]),
    );
    const { records, issues } = await collect(readCsv(path, "huge.csv"));
    expect(issues).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0].fields[1][1].length).toBe(huge.length);
    expect(records[0].fields[1][1] === huge).toBe(true);
    expect(records[1].fields[1][1]).toBe("Haut Uélé");
  });
});

describe("parseCsv on arbitrary input", () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom('"', '""', ",", ";", "\t", "\n", "\r\n", "\r", " ", "é", "\uFEFF"),
  );
  const text = fc.array(cell, { maxLength: 60 }).map((parts) => parts.join(""));

  it("never throws anything but ReadError, and its records carry increasing row numbers", async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.nat(), async (input, cut) => {
        const at = input.length === 0 ? 0 : cut % input.length;
        try {
          const { records } = await read([input.slice(0, at), input.slice(at)]);
          const rows = records.map((r) => (r.locator.kind === "row" ? r.locator.row : 0));
          expect(rows).toEqual([...rows].sort((a, b) => a - b));
          expect(new Set(rows).size).toBe(rows.length);
          expect(rows.every((row) => row >= 2)).toBe(true);
        } catch (error) {
          if (!(error instanceof ReadError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never throws anything but ReadError on arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        try {
          await read(decodeBytes(bytes, "t.csv").text);
        } catch (error) {
          if (!(error instanceof ReadError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});
