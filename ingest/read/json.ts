// Reads JSON (an array of objects, or one object) and JSON Lines (one object a line, streamed): one raw record per object.
// Numbers keep their written form ("1.0" stays "1.0", via lossless-json); a nested value is kept as its JSON text, with an issue.
import { parse as parseLossless } from "lossless-json";
import type { Issue, Locator, RawRecord, ReadItem } from "../schema.ts";
import { clip, issueAt, ReadError } from "./errors.ts";
import { readText, streamText } from "./_file.ts";

/** A JSON number as written in the file. */
class WrittenNumber {
  constructor(readonly text: string) {}
}

const parseJson = (text: string): unknown => parseLossless(text, null, (written) => new WrittenNumber(written));

export async function* readJson(path: string, source: string): AsyncGenerator<ReadItem> {
  yield* parseJsonRecords(source, await readText(path, source));
}

export function readJsonLines(path: string, source: string): AsyncGenerator<ReadItem> {
  return parseJsonLines(source, streamText(path, source));
}

/** A JSON document: an array of objects (one record each), or a single object (one record). */
export async function* parseJsonRecords(source: string, text: string): AsyncGenerator<ReadItem> {
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    // Files named .json often hold JSON Lines: read them as such when the first line is an object on its own.
    if (firstLineIsObject(text)) {
      yield* parseJsonLines(source, [text]);
      return;
    }
    throw new ReadError("E_JSON", source, `${source}: not valid JSON (${where(text, error)})`);
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* toItems(source, { kind: "index", index }, item);
    return;
  }
  if (isObject(value)) {
    yield* toItems(source, { kind: "index", index: 0 }, value);
    return;
  }
  throw new ReadError("E_JSON", source, `${source}: expected an array of objects, found ${kindOf(value)}`);
}

/** JSON Lines, streamed: one object a line; blank lines are skipped, a line that does not parse is an issue. */
export async function* parseJsonLines(
  source: string,
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<ReadItem> {
  let lineNo = 0;
  for await (const line of splitLines(chunks)) {
    lineNo++;
    if (line.trim() === "") continue;
    const locator: Locator = { kind: "line", line: lineNo };
    let value: unknown;
    try {
      value = parseJson(line);
    } catch (error) {
      yield issue(
        issueAt("skipped", "E_JSON", source, `${source} line ${lineNo}: not valid JSON (${where(line, error)})`, {
          locator,
          value: clip(line),
        }),
      );
      continue;
    }
    yield* toItems(source, locator, value);
  }
}

function* toItems(source: string, locator: Locator, value: unknown): Generator<ReadItem> {
  const at = locator.kind === "line" ? `line ${locator.line}` : `item ${locator.kind === "index" ? locator.index : ""}`;
  if (!isObject(value)) {
    yield issue(
      issueAt("skipped", "E_JSON_ITEM", source, `${source} ${at}: expected an object, found ${kindOf(value)}`, {
        locator,
      }),
    );
    return;
  }
  const fields: [string, string][] = [];
  for (const [name, v] of Object.entries(value)) {
    const text = scalarText(v);
    if (text !== null) {
      fields.push([name, text]);
      continue;
    }
    const json = jsonText(v);
    fields.push([name, json]);
    yield issue(
      issueAt(
        "warning",
        "E_JSON_NESTED",
        source,
        `${source} ${at}: field "${name}" holds ${kindOf(v)}; kept as its JSON text`,
        {
          locator,
          field: name,
          value: clip(json),
        },
      ),
    );
  }
  const record: RawRecord = { source, locator, fields };
  yield { type: "record", record };
}

/** The text of a scalar as written: strings verbatim, numbers as written, true/false, null as empty; null for nested values. */
function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value instanceof WrittenNumber) return value.text;
  if (typeof value === "boolean") return String(value);
  if (value === null) return "";
  return null;
}

function jsonText(value: unknown): string {
  if (value instanceof WrittenNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(",")}]`;
  if (isObject(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof WrittenNumber);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (value instanceof WrittenNumber) return `the number ${value.text}`;
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** "line 3, column 14: …" from lossless-json's "… at position 57". */
function where(text: string, error: unknown): string {
  const message = (error as Error).message ?? String(error);
  const pos = /\s*at position (\d+)$/.exec(message);
  if (!pos) return message;
  const before = text.slice(0, Number(pos[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `line ${line}, column ${column}: ${message.slice(0, pos.index)}`;
}

function firstLineIsObject(text: string): boolean {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  if (lines.length < 2) return false;
  try {
    return isObject(parseJson(lines[0]));
  } catch {
    return false;
  }
}

/** Lines of chunked text, without their line ends; a line split across chunks is joined. */
async function* splitLines(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of chunks) {
    if (!chunk.includes("\n")) {
      rest += chunk;
      continue;
    }
    const parts = chunk.split("\n");
    parts[0] = rest + parts[0];
    rest = parts.pop()!;
    for (const part of parts) yield part.endsWith("\r") ? part.slice(0, -1) : part;
  }
  if (rest !== "") yield rest.endsWith("\r") ? rest.slice(0, -1) : rest;
}

function issue(value: Issue): ReadItem {
  return { type: "issue", issue: value };
}
