// The extraction of a bench corpus, handed from the pipeline child to the Neo4j load: cut into chunks of records, each a
// self-contained extraction (its outcomes, and the entities and relations with their evidence in those outcomes only),
// written as one JSON Lines file per chunk so the load never holds more than one chunk.
import { createReadStream, createWriteStream, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Entity, Extraction, Relation } from "../ingest/schema.ts";

const CHUNK_FILE = /^chunk-(\d{4})\.jsonl$/;
const chunkFile = (i: number) => `chunk-${String(i + 1).padStart(4, "0")}.jsonl`;

/**
 * Chunk k holds outcomes [k × size, (k+1) × size) in the extraction's order; an entity or relation goes to every chunk
 * holding some of its evidence, with that evidence only. Pushed one after another, the chunks give the database the
 * whole extraction gives (one relationship per outcome is written by that outcome's chunk).
 */
export function chunkExtraction(extraction: Extraction, recordsPerChunk: number): Extraction[] {
  if (!Number.isInteger(recordsPerChunk) || recordsPerChunk < 1) throw new Error(`chunkExtraction: recordsPerChunk must be a positive integer, got ${recordsPerChunk}`);
  const chunkOf = new Map(extraction.outcomes.map((o, i) => [o.id, Math.floor(i / recordsPerChunk)]));
  const chunks: Extraction[] = Array.from({ length: Math.ceil(extraction.outcomes.length / recordsPerChunk) }, (_, k) => ({
    outcomes: extraction.outcomes.slice(k * recordsPerChunk, (k + 1) * recordsPerChunk),
    entities: [],
    relations: [],
  }));
  /** The evidence of `items` grouped by the chunk of its outcome (evidence of an outcome not in the extraction is dropped). */
  const split = <T extends { outcome: string }>(items: T[]) => {
    const by = new Map<number, T[]>();
    for (const item of items) {
      const k = chunkOf.get(item.outcome);
      if (k === undefined) continue;
      const list = by.get(k);
      if (list) list.push(item);
      else by.set(k, [item]);
    }
    return by;
  };
  for (const entity of extraction.entities) for (const [k, mentions] of split(entity.mentions)) chunks[k].entities.push({ ...entity, mentions } satisfies Entity);
  for (const relation of extraction.relations) for (const [k, evidence] of split(relation.evidence)) chunks[k].relations.push({ ...relation, evidence } satisfies Relation);
  // An entity a chunk's relations name but its mentions do not (rare) still has to be there for the relation's endpoint.
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  for (const chunk of chunks) {
    const present = new Set(chunk.entities.map((e) => e.id));
    for (const relation of chunk.relations)
      for (const id of [relation.source, relation.target])
        if (!present.has(id) && byId.has(id)) {
          present.add(id);
          chunk.entities.push({ ...byId.get(id)!, mentions: [] });
        }
  }
  return chunks;
}

/** Writes each chunk to DIR/chunk-0001.jsonl …: one line per outcome, entity and relation. Returns the file paths. */
export async function writeChunks(dir: string, chunks: Extraction[]): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const path = join(dir, chunkFile(i));
    const out = createWriteStream(path);
    const write = (line: string) => new Promise<void>((resolve) => (out.write(line) ? resolve() : out.once("drain", () => resolve())));
    for (const o of chunk.outcomes) await write(JSON.stringify({ o }) + "\n");
    for (const e of chunk.entities) await write(JSON.stringify({ e }) + "\n");
    for (const r of chunk.relations) await write(JSON.stringify({ r }) + "\n");
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    paths.push(path);
  }
  return paths;
}

/** The chunk files of DIR in order (none when DIR holds none). */
export function listChunks(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => CHUNK_FILE.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Reads one chunk file back (written by writeChunks, so trusted: no validation beyond the line's shape). */
export async function readChunk(path: string): Promise<Extraction> {
  const chunk: Extraction = { outcomes: [], entities: [], relations: [] };
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    n++;
    if (!line) continue;
    const item = JSON.parse(line) as { o?: Extraction["outcomes"][number]; e?: Entity; r?: Relation };
    if (item.o) chunk.outcomes.push(item.o);
    else if (item.e) chunk.entities.push(item.e);
    else if (item.r) chunk.relations.push(item.r);
    else throw new Error(`readChunk: ${path} line ${n} is neither an outcome, an entity nor a relation`);
  }
  return chunk;
}
