// Bytes → text: UTF-8 (BOM stripped), UTF-16 with BOM, Windows-1252 when the bytes are not UTF-8; binary files refused.
// Pure: the whole-buffer path for small files and JSON, and the pieces the streaming path (`_file.ts`) assembles.
import { ReadError } from "./errors.ts";

export const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** How many leading bytes decide "binary or text". */
export const SNIFF_BYTES = 8192;

const BOMS: { encoding: Encoding; bytes: number[] }[] = [
  { encoding: "utf-8", bytes: [0xef, 0xbb, 0xbf] },
  { encoding: "utf-16le", bytes: [0xff, 0xfe] },
  { encoding: "utf-16be", bytes: [0xfe, 0xff] },
];

/** Bytes 0x81 0x8D 0x8F 0x90 0x9D have no character in Windows-1252; the WHATWG decoder maps them to C1 controls. */
const CP1252_UNDEFINED = /[\u0081\u008d\u008f\u0090\u009d]/;

/** The encoding a byte-order mark announces, and how many bytes it takes. */
export function sniffBom(head: Uint8Array): { encoding: Encoding; length: number } | null {
  for (const bom of BOMS) {
    if (head.length >= bom.bytes.length && bom.bytes.every((b, i) => head[i] === b)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return null;
}

/** Throws E_BINARY when the leading bytes hold a NUL, or more than one control byte in ten. Call only without a UTF-16 BOM. */
export function assertText(head: Uint8Array, source: string): void {
  const sample = head.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) {
      throw new ReadError("E_BINARY", source, `${source}: not a text file (NUL byte at offset ${i})`);
    }
    // Tab, line feed, vertical tab, form feed, carriage return and escape appear in real text.
    if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) || b === 0x7f) controls++;
  }
  if (sample.length > 0 && controls * 10 > sample.length) {
    throw new ReadError(
      "E_BINARY",
      source,
      `${source}: not a text file (${controls} control bytes in the first ${sample.length})`,
    );
  }
}

/** Whether bytes are valid UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A chunk-by-chunk decoder: characters split across chunks are joined; invalid bytes throw E_ENCODING. */
export function createDecoder(encoding: Encoding, source: string): { write(chunk: Uint8Array): string; end(): string } {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let offset = 0;
  const run = (chunk: Uint8Array | undefined, stream: boolean): string => {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream });
    } catch {
      throw new ReadError("E_ENCODING", source, `${source}: bytes that are not ${encoding} near offset ${offset}`);
    }
    if (encoding === "windows-1252" && CP1252_UNDEFINED.test(text)) {
      throw new ReadError(
        "E_ENCODING",
        source,
        `${source}: bytes that are neither UTF-8 nor Windows-1252 near offset ${offset}`,
      );
    }
    offset += chunk?.length ?? 0;
    return text;
  };
  return { write: (chunk) => run(chunk, true), end: () => run(undefined, false) };
}

/**
 * Picks the encoding of a file from its first bytes and whether the whole file is valid UTF-8.
 * Returns the encoding and the length of the BOM to skip; throws E_EMPTY or E_BINARY.
 */
export function detectEncoding(
  head: Uint8Array,
  wholeIsUtf8: () => boolean,
  source: string,
): { encoding: Encoding; skip: number } {
  const bom = sniffBom(head);
  if (bom && head.length === bom.length) throw emptyError(source);
  if (bom) return { encoding: bom.encoding, skip: bom.length };
  if (head.length === 0) throw emptyError(source);
  assertText(head, source);
  return { encoding: wholeIsUtf8() ? "utf-8" : "windows-1252", skip: 0 };
}

/** Decodes a whole file. Throws E_EMPTY (nothing but whitespace), E_BINARY or E_ENCODING. */
export function decodeBytes(bytes: Uint8Array, source: string): { text: string; encoding: Encoding } {
  const { encoding, skip } = detectEncoding(bytes, () => isUtf8(bytes), source);
  const decoder = createDecoder(encoding, source);
  const text = decoder.write(bytes.subarray(skip)) + decoder.end();
  if (text.trim() === "") throw emptyError(source);
  return { text, encoding };
}

function emptyError(source: string): ReadError {
  return new ReadError("E_EMPTY", source, `${source}: the file is empty`);
}
