// Tests of ingest/read/decode.ts and the streaming decoder of _file.ts: encodings detected, BOMs stripped, binary refused.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDecoder, decodeBytes } from "../ingest/read/decode.ts";
import { ReadError } from "../ingest/read/errors.ts";
import { HEAD_BYTES, streamText } from "../ingest/read/_file.ts";
import { rejection, tempDir } from "./fixtures/ingest/_helpers.ts";

const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = code >> 8;
    bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = code & 0xff;
  }
  return bytes;
};
const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ReadError) return error.code;
    throw error;
  }
  return undefined;
}

describe("decodeBytes", () => {
  it.each([
    ["UTF-8 without BOM", utf8("Haut Uélé"), "utf-8"],
    ["UTF-8 with BOM (stripped)", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Haut Uélé")]), "utf-8"],
    ["UTF-16 LE with BOM", utf16("Haut Uélé", false), "utf-16le"],
    ["UTF-16 BE with BOM", utf16("Haut Uélé", true), "utf-16be"],
    ["Windows-1252 (not valid UTF-8)", latin1("Haut Uélé"), "windows-1252"],
  ])("reads %s with its accents intact", (_, bytes, encoding) => {
    expect(decodeBytes(bytes, "f.txt")).toEqual({ text: "Haut Uélé", encoding });
  });

  it("reads Windows-1252 punctuation (curly quotes, dashes) as the characters Word typed", () => {
    expect(decodeBytes(Uint8Array.from([0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0x80]), "f.txt").text).toBe(
      "\u201ca\u201d \u2013 \u20ac",
    );
  });

  it("keeps a BOM-like character that is not at the start", () => {
    expect(decodeBytes(utf8("a\uFEFFb"), "f.txt").text).toBe("a\uFEFFb");
  });

  it.each([
    ["an empty file", new Uint8Array(0), "E_EMPTY"],
    ["a file holding only a BOM", Uint8Array.from([0xef, 0xbb, 0xbf]), "E_EMPTY"],
    ["a file holding only blank lines", utf8(" \r\n\t\n"), "E_EMPTY"],
    ["a NUL byte", Uint8Array.from([0x46, 0x72, 0x00, 0x61]), "E_BINARY"],
    ["mostly control bytes", Uint8Array.from([1, 2, 3, 4, 5, 6, 0x41]), "E_BINARY"],
    ["bytes with no Windows-1252 character (0x81)", Uint8Array.from([0x41, 0x81, 0x42]), "E_ENCODING"],
    ["UTF-16 LE cut in the middle of a character", Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]), "E_ENCODING"],
  ])("refuses %s with %s", (_, bytes, code) => {
    expect(codeOf(() => decodeBytes(bytes, "f.txt"))).toBe(code);
  });

  it("names the file in its error", () => {
    const error = (() => {
      try {
        decodeBytes(new Uint8Array([0]), "exports/photo.csv");
      } catch (e) {
        return e as ReadError;
      }
    })();
    expect(error).toBeInstanceOf(ReadError);
    expect(error?.source).toBe("exports/photo.csv");
    expect(error?.message).toContain("exports/photo.csv");
  });
});

describe("createDecoder", () => {
  it("joins a character whose bytes are split across two chunks", () => {
    const bytes = utf8("Uélé");
    const decoder = createDecoder("utf-8", "f.csv");
    expect(decoder.write(bytes.subarray(0, 2)) + decoder.write(bytes.subarray(2)) + decoder.end()).toBe("Uélé");
  });

  it("throws E_ENCODING on invalid UTF-8 in a later chunk", () => {
    const decoder = createDecoder("utf-8", "f.csv");
    decoder.write(utf8("fine"));
    expect(codeOf(() => decoder.write(Uint8Array.from([0xc3, 0x28])))).toBe("E_ENCODING");
  });
});

describe("streamText", () => {
  let dir: ReturnType<typeof tempDir>;
  afterEach(() => dir?.remove());

  const streamed = async (path: string) => {
    let text = "";
    let chunks = 0;
    for await (const chunk of streamText(path, "big.csv", 4096)) {
      text += chunk;
      chunks++;
    }
    return { text, chunks };
  };

  it("decides Windows-1252 on the whole file, so an accent after the first megabyte is read right", async () => {
    dir = tempDir();
    const path = join(dir.path, "big.csv");
    const head = "a".repeat(HEAD_BYTES + 10);
    writeFileSync(path, Buffer.concat([Buffer.from(head), Buffer.from([0x55, 0xe9, 0x6c, 0xe9])]));
    const { text, chunks } = await streamed(path);
    expect(chunks).toBeGreaterThan(1);
    expect(text.slice(-4)).toBe("Uélé");
    expect(text.length).toBe(head.length + 4);
  });

  it("streams a large UTF-8 file with a BOM, multi-byte characters on chunk borders intact", async () => {
    dir = tempDir();
    const path = join(dir.path, "big.csv");
    const body = "é".repeat(HEAD_BYTES);
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
    expect((await streamed(path)).text).toBe(body);
  });

  it.each([
    ["a missing file", "E_NOT_FOUND", null],
    ["an empty file", "E_EMPTY", ""],
    ["a binary file", "E_BINARY", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])],
  ])("rejects %s with %s", async (_, code, content) => {
    dir = tempDir();
    const path = join(dir.path, "f.csv");
    if (content !== null) writeFileSync(path, content);
    const error = await rejection(() => streamed(path));
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).code).toBe(code);
  });
});
