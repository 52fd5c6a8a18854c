// Tests of ingest/read/walk.ts: folders expanded recursively in code-point order, links outside not followed,
// unsupported and missing paths reported.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatOf, walkPaths, type WalkItem } from "../ingest/read/walk.ts";
import { tempDir } from "./fixtures/ingest/_helpers.ts";

async function walk(paths: string[]): Promise<WalkItem[]> {
  const items: WalkItem[] = [];
  for await (const item of walkPaths(paths)) items.push(item);
  return items;
}

const files = (items: WalkItem[], root: string) =>
  items.flatMap((item) => (item.type === "file" ? [[item.path.slice(root.length + 1), item.format]] : []));
const issues = (items: WalkItem[]) => items.flatMap((item) => (item.type === "issue" ? [item.issue] : []));

describe("formatOf", () => {
  it.each([
    ["a.txt", "text"],
    ["a.md", "text"],
    ["a.csv", "csv"],
    ["A.CSV", "csv"],
    ["a.tsv", "csv"],
    ["a.xlsx", "xlsx"],
    ["a.json", "json"],
    ["a.jsonl", "jsonl"],
    ["a.ndjson", "jsonl"],
    ["a.xls", null],
    ["a.docx", null],
    ["README", null],
  ])("gives %s the format %s", (path, format) => {
    expect(formatOf(path)).toBe(format);
  });
});

describe("walkPaths", () => {
  let dir: ReturnType<typeof tempDir>;
  let outside: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
    outside = tempDir();
  });
  afterEach(() => {
    dir.remove();
    outside.remove();
  });

  const touch = (...parts: string[]) => {
    const path = join(dir.path, ...parts);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, "**FragmentID**: X\n");
    return path;
  };

  it("lists a folder recursively in code-point order, the same whatever order the files were made in", async () => {
    for (const name of ["é.md", "b.csv", "a/z.json", "a/b/c.jsonl", "A.txt", "a.xlsx"]) touch(...name.split("/"));
    expect(files(await walk([dir.path]), dir.path)).toEqual([
      ["A.txt", "text"],
      ["a/b/c.jsonl", "jsonl"],
      ["a/z.json", "json"],
      ["a.xlsx", "xlsx"],
      ["b.csv", "csv"],
      ["é.md", "text"],
    ]);
  });

  it("reports files no reader handles, and skips hidden entries", async () => {
    touch("notes.docx");
    touch("ok.csv");
    touch(".DS_Store");
    touch(".git", "config.json");
    const items = await walk([dir.path]);
    expect(files(items, dir.path)).toEqual([["ok.csv", "csv"]]);
    expect(issues(items)).toEqual([
      expect.objectContaining({
        level: "skipped",
        code: "E_UNSUPPORTED",
        source: join(dir.path, "notes.docx"),
        value: ".docx",
      }),
    ]);
  });

  it("reports a file given by name that no reader handles", async () => {
    const path = touch("book.xls");
    expect(issues(await walk([path]))).toEqual([expect.objectContaining({ code: "E_UNSUPPORTED", source: path })]);
  });

  it("reports a path that does not exist and goes on with the others", async () => {
    const ok = touch("ok.csv");
    const missing = join(dir.path, "missing.csv");
    const items = await walk([missing, ok]);
    expect(issues(items)).toEqual([expect.objectContaining({ code: "E_NOT_FOUND", source: missing })]);
    expect(items.at(-1)).toEqual({ type: "file", path: ok, format: "csv" });
  });

  it("does not follow a link that points outside the folder, and says so", async () => {
    writeFileSync(join(outside.path, "secret.csv"), "ID,Outcome\n");
    mkdirSync(join(outside.path, "more"));
    touch("ok.csv");
    symlinkSync(join(outside.path, "secret.csv"), join(dir.path, "link.csv"));
    symlinkSync(join(outside.path, "more"), join(dir.path, "more"));
    const items = await walk([dir.path]);
    expect(files(items, dir.path)).toEqual([["ok.csv", "csv"]]);
    expect(issues(items).map((i) => [i.code, i.source])).toEqual([
      ["E_LINK_OUTSIDE", join(dir.path, "link.csv")],
      ["E_LINK_OUTSIDE", join(dir.path, "more")],
    ]);
  });

  it("follows a link inside the folder, reads each file once, and survives a link loop", async () => {
    touch("sub", "a.csv");
    symlinkSync(join(dir.path, "sub", "a.csv"), join(dir.path, "alias.csv"));
    symlinkSync(dir.path, join(dir.path, "sub", "loop"));
    const items = await walk([dir.path, join(dir.path, "sub", "a.csv")]);
    expect(files(items, dir.path)).toEqual([["alias.csv", "csv"]]);
    expect(issues(items)).toEqual([]);
  });

  it("reports a dangling link", async () => {
    symlinkSync(join(dir.path, "gone.csv"), join(dir.path, "dangling.csv"));
    expect(issues(await walk([dir.path]))).toEqual([
      expect.objectContaining({ code: "E_NOT_FOUND", source: join(dir.path, "dangling.csv") }),
    ]);
  });

  it("keeps the order of the paths it is given", async () => {
    const b = touch("b.csv");
    const a = touch("a.csv");
    expect(await walk([b, a])).toEqual([
      { type: "file", path: b, format: "csv" },
      { type: "file", path: a, format: "csv" },
    ]);
  });
});
