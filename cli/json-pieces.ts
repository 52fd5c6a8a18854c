// Large documents written in pieces: the extraction of 100,000 records is a longer string than V8 can make, so its JSON
// and JSON Lines are built item by item and written to the file (atomically) or stdout as they come.
import { once } from "node:events";
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** The text of `JSON.stringify(value, null, 2) + "\n"`, one piece per element of each array property. */
export function* prettyJsonPieces(value: Record<string, unknown>): Generator<string> {
  const keys = Object.keys(value).filter((k) => !omitted(value[k]));
  if (keys.length === 0) return yield "{}\n";
  yield "{\n";
  for (const [i, key] of keys.entries()) {
    const v = value[key];
    const end = i < keys.length - 1 ? ",\n" : "\n";
    if (Array.isArray(v) && v.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (const [j, item] of v.entries()) yield `    ${indent(JSON.stringify(omitted(item) ? null : item, null, 2), 4)}${j < v.length - 1 ? ",\n" : "\n"}`;
      yield `  ]${end}`;
    } else yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(v, null, 2), 2)}${end}`;
  }
  yield "}\n";
}

/** Lines of JSON, each ended by a line break (a lone line break when there are none, as `[].join("\n") + "\n"`). */
export function* jsonLinePieces(items: Iterable<unknown>): Generator<string> {
  let any = false;
  for (const item of items) {
    any = true;
    yield JSON.stringify(item) + "\n";
  }
  if (!any) yield "\n";
}

/** Writes through a temporary file and a rename, like writeFileAtomic, a megabyte at a time. */
export function writePiecesAtomic(path: string, pieces: Iterable<string>): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w", 0o600);
  try {
    for (const chunk of chunked(pieces)) {
      const bytes = Buffer.from(chunk, "utf8");
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, path);
}

/** Writes to stdout a megabyte at a time, waiting when the reader is slower. */
export async function writePiecesToStdout(pieces: Iterable<string>): Promise<void> {
  for (const chunk of chunked(pieces)) if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
}

function* chunked(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= size) {
      yield parts.join("");
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield parts.join("");
}

/** Values JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

const indent = (json: string, spaces: number) => json.replace(/\n/g, "\n" + " ".repeat(spaces));
