// Tests of ingest/read/header.ts: the stand-in header test and the names of unnamed columns.
import { describe, expect, it } from "vitest";
import { columnName, looksLikeHeader } from "../ingest/read/header.ts";

describe("looksLikeHeader", () => {
  it.each([
    [["FragmentID", "Outcome description"], true],
    [["ID", "Outcome"], true],
    [["Outcome#", "Description of outcome", "Country"], true],
    [[" fragment id ", "OUTCOME DESCRIPTION "], true],
    [["Identifiant", "Description du résultat"], true],
    [["FragmentID", "Outcome status"], false],
    [["About this workbook"], false],
    [["SCC-DRC2312/CIV001", "Following the 2021 training"], false],
    [[], false],
  ])("says %j is a header: %s", (cells, expected) => {
    expect(looksLikeHeader(cells)).toBe(expected);
  });
});

describe("columnName", () => {
  it.each([
    [0, "column A"],
    [25, "column Z"],
    [26, "column AA"],
    [27, "column AB"],
    [701, "column ZZ"],
    [702, "column AAA"],
  ])("names column %i %s", (index, name) => {
    expect(columnName(index)).toBe(name);
  });
});
