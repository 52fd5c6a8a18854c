// Tests of ingest/read/xlsx.ts: the sheet and header row found (README sheets, title rows, merged and two-row headers),
// cells read as text, and the errors for a missing sheet or a file that is not a workbook.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ReadError } from "../ingest/read/errors.ts";
import { cellText, parseXlsx, type XlsxOptions } from "../ingest/read/xlsx.ts";
import { BROKEN, collect, rejection, SAMPLES } from "./fixtures/ingest/_helpers.ts";
import { loadSeeds, renamed, RENAMES } from "./fixtures/ingest/_seeds.ts";

const SAMPLES_XLSX = readFileSync(join(SAMPLES, "samples.xlsx"));
const read = (bytes: Uint8Array, options: XlsxOptions = {}) => collect(parseXlsx("book.xlsx", bytes, options));

/** A workbook built in the test: `build` fills a sheet named "Data". */
async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet("Data"));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  const error = await rejection(run);
  expect(error).toBeInstanceOf(ReadError);
  return (error as ReadError).code;
}

describe("parseXlsx", () => {
  it("reads the three samples from the data sheet, past the README sheet, title row and two-row header", async () => {
    const { records, issues } = await read(SAMPLES_XLSX);
    expect(issues).toEqual([
      {
        level: "warning",
        code: "E_PREAMBLE",
        source: "book.xlsx",
        locator: { kind: "row", row: 1, sheet: "Outcomes" },
        value: "SCC outcome harvest: export for the evaluation",
        message: 'book.xlsx sheet "Outcomes": row 1 is above the header (row 2), not records',
      },
    ]);
    expect(records.map((r) => r.locator)).toEqual([4, 5, 6].map((row) => ({ kind: "row", row, sheet: "Outcomes" })));
    // Numbers are stored as numbers: CONFIDENTIAL "1.0" comes back as "1". Everything else is byte for byte.
    const expected = loadSeeds().map((seed) =>
      renamed(seed, RENAMES.xlsx).map(([name, value]): [string, string] => [name, value === "1.0" ? "1" : value]),
    );
    records.forEach((record, i) => {
      expect(new Map(record.fields)).toEqual(new Map(expected[i]));
      expect(record.fields).toHaveLength(expected[i].length);
    });
  });

  it("names the columns under a merged group cell by group and sub-header", async () => {
    const { records } = await read(SAMPLES_XLSX);
    const names = records[0].fields.map(([name]) => name);
    expect(names).toContain("Rating significance");
    expect(names).toContain("Rating contribution");
    expect(names).not.toContain("Rating");
    expect(names[0]).toBe("FragmentID");
  });

  it("reads a formula by its result and rich text by its runs", async () => {
    const { records } = await read(SAMPLES_XLSX);
    const first = new Map(records[0].fields);
    expect(first.get("Year")).toBe("2023");
    expect(first.get("Social actor")).toBe("Civic change agents");
  });

  it("gives a one-row header's merged cell to every column it covers", async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(["FragmentID", "Outcome description", "", "Year"]);
      sheet.mergeCells("B1:C1");
      sheet.addRow(["A-1", "first part", "second part", 2023]);
    });
    const { records } = await read(bytes);
    expect(records[0].fields).toEqual([
      ["FragmentID", "A-1"],
      ["Outcome description", "first part"],
      ["Outcome description", "second part"],
      ["Year", "2023"],
    ]);
  });

  it("gives a data cell merged down to each row, and one merged across to its first column only", async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(["ID", "Outcome", "Country", "Notes", "Year"]);
      sheet.addRow(["A-1", "one", "DRC", "a note", 2023]);
      sheet.addRow(["A-2", "two", "", "a note across", ""]);
      sheet.mergeCells("C2:C3");
      sheet.mergeCells("D3:E3");
    });
    const { records } = await read(bytes);
    expect(records.map((r) => r.fields)).toEqual([
      [
        ["ID", "A-1"],
        ["Outcome", "one"],
        ["Country", "DRC"],
        ["Notes", "a note"],
        ["Year", "2023"],
      ],
      [
        ["ID", "A-2"],
        ["Outcome", "two"],
        ["Country", "DRC"],
        ["Notes", "a note across"],
        ["Year", ""],
      ],
    ]);
  });

  it("skips empty rows and keeps cells past the header under column letters, with an issue", async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(["ID", "Outcome"]);
      sheet.addRow([]);
      sheet.addRow(["A-1", "one", "stray"]);
    });
    const { records, issues } = await read(bytes);
    expect(records).toEqual([
      {
        source: "book.xlsx",
        locator: { kind: "row", row: 3, sheet: "Data" },
        fields: [
          ["ID", "A-1"],
          ["Outcome", "one"],
          ["column C", "stray"],
        ],
      },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        level: "warning",
        code: "E_ROW_LONG",
        field: "column C",
        locator: { kind: "row", row: 3, sheet: "Data" },
      }),
    ]);
  });

  it.each([
    ["its exact name", "Outcomes"],
    ["its name in another case", "OUTCOMES"],
  ])("reads the sheet named by the option, by %s", async (_, sheet) => {
    const { records } = await read(SAMPLES_XLSX, { sheet });
    expect(records).toHaveLength(3);
  });

  it("reads a named sheet without a recognised header from its first non-empty row", async () => {
    const { records } = await read(SAMPLES_XLSX, { sheet: "README" });
    expect(records.map((r) => r.locator)).toEqual([2, 3].map((row) => ({ kind: "row", row, sheet: "README" })));
    expect(records[0].fields[0][0]).toBe("About this workbook");
  });

  it("uses the header test it is given", async () => {
    const { records } = await read(SAMPLES_XLSX, { isHeader: (cells) => cells[0] === "About this workbook" });
    expect(records[0].locator).toEqual({ kind: "row", row: 2, sheet: "README" });
  });

  it("names the sheets there are when the named one is missing", async () => {
    const error = await rejection(() => read(SAMPLES_XLSX, { sheet: "Data" }));
    expect(error).toMatchObject({ code: "E_SHEET", source: "book.xlsx", value: "Data" });
    expect((error as Error).message).toContain('"README", "Outcomes"');
  });

  it.each([
    ["no sheet has the expected columns", "no-data-sheet.xlsx", "E_SHEET"],
    ["the file is not a workbook", "not-a-workbook.xlsx", "E_XLSX"],
  ])("throws when %s", async (_, file, code) => {
    expect(await codeOf(() => read(readFileSync(join(BROKEN, file))))).toBe(code);
  });
});

describe("cellText", () => {
  it.each([
    [null, ""],
    [undefined, ""],
    ["  kept as is ", "  kept as is "],
    [2023, "2023"],
    [1.5, "1.5"],
    [true, "TRUE"],
    [new Date(Date.UTC(2023, 2, 7)), "2023-03-07"],
    [new Date(Date.UTC(2023, 2, 7, 9, 30)), "2023-03-07T09:30:00Z"],
    [{ richText: [{ text: "Haut " }, { text: "Uélé" }] }, "Haut Uélé"],
    [{ formula: "A1", result: "x" }, "x"],
    [{ formula: "A1" }, ""],
    [{ sharedFormula: "A1", result: 4 }, "4"],
    [{ text: "site", hyperlink: "https://example.org" }, "site"],
    [{ text: { richText: [{ text: "rich link" }] }, hyperlink: "https://example.org" }, "rich link"],
    [{ error: "#N/A" }, "#N/A"],
  ])("reads %j as %j", (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
