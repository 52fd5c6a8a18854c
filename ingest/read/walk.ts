// Expands the paths a user gives (files and folders) into the files to read, recursively, in a stable order.
// Links inside a folder that point outside it are not followed; files no reader handles are reported, not dropped.
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { extname, join, relative, isAbsolute, sep } from "node:path";
import type { Issue } from "../schema.ts";
import { issueAt, toIssue } from "./errors.ts";
import { ioError } from "./_file.ts";

export const FORMATS = ["text", "csv", "xlsx", "json", "jsonl"] as const;
export type Format = (typeof FORMATS)[number];

/** Extension → reader; compared lower-cased. */
export const EXTENSIONS: Readonly<Record<string, Format>> = {
  ".txt": "text",
  ".md": "text",
  ".csv": "csv",
  ".tsv": "csv",
  ".xlsx": "xlsx",
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
};

export type WalkItem = { type: "file"; path: string; format: Format } | { type: "issue"; issue: Issue };

export function formatOf(path: string): Format | null {
  return EXTENSIONS[extname(path).toLowerCase()] ?? null;
}

/**
 * Yields every supported file under the given paths: paths in the order given, folder entries sorted by name
 * (code points, so the order is the same on every machine). Hidden entries (".git", ".DS_Store") inside folders are
 * skipped; a file reached twice is read once.
 */
export async function* walkPaths(paths: string[]): AsyncGenerator<WalkItem> {
  const seen = new Set<string>();
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      yield { type: "issue", issue: toIssue(ioError(error, path)) };
      continue;
    }
    if (info.isDirectory()) {
      yield* walkFolder(path, await realpath(path), seen);
    } else {
      yield* visitFile(path, await realpath(path), seen, true);
    }
  }
}

async function* walkFolder(folder: string, root: string, seen: Set<string>): AsyncGenerator<WalkItem> {
  const real = await realpath(folder);
  if (seen.has(real)) return;
  seen.add(real);
  let names: string[];
  try {
    names = (await readdir(folder)).sort(byCodePoint);
  } catch (error) {
    yield { type: "issue", issue: toIssue(ioError(error, folder)) };
    return;
  }
  for (const name of names) {
    if (name.startsWith(".")) continue;
    const path = join(folder, name);
    let info;
    try {
      info = await lstat(path);
    } catch (error) {
      yield { type: "issue", issue: toIssue(ioError(error, path)) };
      continue;
    }
    let target = path;
    if (info.isSymbolicLink()) {
      try {
        target = await realpath(path);
        info = await stat(target);
      } catch {
        yield { type: "issue", issue: issueAt("skipped", "E_NOT_FOUND", path, `${path}: a link to nothing`) };
        continue;
      }
      if (!inside(root, target)) {
        yield {
          type: "issue",
          issue: issueAt(
            "skipped",
            "E_LINK_OUTSIDE",
            path,
            `${path}: links outside ${folder} (to ${target}); not followed`,
            { value: target },
          ),
        };
        continue;
      }
    }
    if (info.isDirectory()) yield* walkFolder(path, root, seen);
    else if (info.isFile()) yield* visitFile(path, await realpath(target), seen, false);
  }
}

async function* visitFile(path: string, real: string, seen: Set<string>, given: boolean): AsyncGenerator<WalkItem> {
  if (seen.has(real)) return;
  seen.add(real);
  const format = formatOf(path);
  if (format) {
    yield { type: "file", path, format };
    return;
  }
  const known = Object.keys(EXTENSIONS).join(" ");
  const why = given ? "was given but no reader handles it" : "is not a record file";
  yield {
    type: "issue",
    issue: issueAt(
      "skipped",
      "E_UNSUPPORTED",
      path,
      `${path}: ${extname(path) || "no extension"} ${why} (read: ${known})`,
      {
        value: extname(path),
      },
    ),
  };
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
