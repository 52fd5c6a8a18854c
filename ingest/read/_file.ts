// The file-system shell of the readers: whole files as bytes or text, or text streamed in chunks with constant memory.
import { open, readFile } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { assertText, createDecoder, decodeBytes, detectEncoding, sniffBom, type Encoding } from "./decode.ts";
import { ReadError } from "./errors.ts";

/** Files up to this size are decoded in one piece; larger ones are checked for UTF-8 in a first pass, then streamed. */
export const HEAD_BYTES = 1 << 20;

export async function readBytes(path: string, source: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw ioError(error, source);
  }
}

export async function readText(path: string, source: string): Promise<string> {
  return decodeBytes(await readBytes(path, source), source).text;
}

/**
 * Yields the text of a file in chunks. The encoding is decided on the whole file, not its first chunk: a large file
 * is read twice (a UTF-8 check, then the decoding), so an accent on its last line is still read as Windows-1252.
 */
export async function* streamText(path: string, source: string, chunkBytes = 64 * 1024): AsyncGenerator<string> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw ioError(error, source);
  }
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    if (head.length > 0) await handle.read(head, 0, head.length, 0);
    const whole = size <= HEAD_BYTES;
    if (whole) {
      // Small file: decode in one piece (this also refuses whitespace-only files).
      yield decodeBytes(head, source).text;
      return;
    }
    let valid = true;
    if (!sniffBom(head)) {
      assertText(head, source);
      valid = await isUtf8File(handle, chunkBytes);
    }
    const { encoding, skip } = detectEncoding(head, () => valid, source);
    yield* decodeFile(handle, encoding, skip, source, chunkBytes);
  } catch (error) {
    throw error instanceof ReadError ? error : ioError(error, source);
  } finally {
    await handle.close();
  }
}

async function* decodeFile(handle: FileHandle, encoding: Encoding, skip: number, source: string, chunkBytes: number) {
  const decoder = createDecoder(encoding, source);
  for await (const chunk of chunksOf(handle, skip, chunkBytes)) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function isUtf8File(handle: FileHandle, chunkBytes: number): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of chunksOf(handle, 0, chunkBytes)) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/** The bytes of an open file from `start`, one reused buffer at a time (a chunk is valid until the next is asked for). */
async function* chunksOf(handle: FileHandle, start: number, chunkBytes: number): AsyncGenerator<Uint8Array> {
  const buffer = new Uint8Array(chunkBytes);
  for (let position = start; ;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/** A Node file-system error as a ReadError naming the path. */
export function ioError(error: unknown, source: string): ReadError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return new ReadError("E_NOT_FOUND", source, `${source}: no such file or folder`);
  return new ReadError("E_IO", source, `${source}: cannot read (${code ?? String(error)})`);
}
