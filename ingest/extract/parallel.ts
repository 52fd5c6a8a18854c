// Extraction on worker threads: each record's local extraction (pure, one record at a time) runs on a pool of workers,
// resolution across records runs here on the results in record order, so the document is the one extractRecords makes.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { type Evidence, type Extraction, type OutcomeRecord, TEXT_FIELDS, type TextField } from "../schema.ts";
import { ExtractError, createLocalExtractor, mergeLocalExtractions, resolveExtractOptions } from "./index.ts";
import type { ExtractOptions, MergeReport, RecordExtraction } from "./types.ts";

export const ParallelOptions = z.object({
  /** Worker threads; 0 keeps everything in this thread. */
  workers: z.number().int().min(0),
  /** Records sent to a worker in one message. */
  batchSize: z.number().int().min(1),
  /** Below this many records the work stays in this thread: a worker costs about a second to start and a few more to warm up. */
  minRecords: z.number().int().min(0),
});
export type ParallelOptions = z.infer<typeof ParallelOptions>;

export const DEFAULT_PARALLEL_OPTIONS: ParallelOptions = { workers: availableParallelism(), batchSize: 50, minRecords: 10_000 };

/** Records fed one at a time (while they are still being read), then one extraction document for all of them. */
export type ExtractionPool = {
  /** Queues a record; the promise waits while the workers are behind, so memory stays bounded. */
  add(record: OutcomeRecord): Promise<void>;
  /** Extracts what is left, resolves across all records, and stops the workers. */
  finish(): Promise<{ extraction: Extraction; mergeReport: MergeReport }>;
  /** Stops the workers without a result (after a failure elsewhere). */
  close(): Promise<void>;
};

/** What a worker thread receives at start: the options its local extractor is built from. */
export type WorkerSetup = { options: ExtractOptions };
/** A batch of records for a worker, and the worker's answer: their local extractions, or the error it met. */
export type WorkerRequest = { batch: number; records: OutcomeRecord[] };
export type WorkerReply = { batch: number; results: RecordExtraction[] } | { batch: number; error: { message: string; stack?: string } };

/** Records → the document and merge report of `extractRecords`, with the local extraction done on worker threads. */
export async function extractRecordsParallel(
  records: OutcomeRecord[],
  options: Partial<ExtractOptions> = {},
  parallel: Partial<ParallelOptions> = {},
): Promise<{ extraction: Extraction; mergeReport: MergeReport }> {
  const pool = createExtractionPool(options, parallel);
  try {
    for (const record of records) await pool.add(record);
    return await pool.finish();
  } finally {
    await pool.close();
  }
}

/** Workers start once `minRecords` records have come; a smaller set is extracted in this thread when `finish` is called. */
export function createExtractionPool(options: Partial<ExtractOptions> = {}, parallel: Partial<ParallelOptions> = {}): ExtractionPool {
  const opts = resolveExtractOptions(options);
  const parsed = ParallelOptions.safeParse({ ...DEFAULT_PARALLEL_OPTIONS, ...parallel });
  if (!parsed.success) throw new ExtractError("E_EXTRACT_OPTIONS", `createExtractionPool: invalid options: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const par = parsed.data;
  const records: OutcomeRecord[] = [];
  const local: RecordExtraction[] = [];
  const queue: { batch: number; from: number; to: number }[] = [];
  const inFlight = new Map<number, { from: number; to: number }>();
  let slots: { worker: Worker; busy: number }[] = [];
  let sent = 0; // records queued or sent so far
  let batches = 0;
  let failure: Error | null = null;
  let wake: (() => void)[] = [];
  // one copy of each type, rule and key name that comes back from the workers, as one thread would have shared them
  const interned = new Map<string, string>();
  const intern = (s: string) => interned.get(s) ?? (interned.set(s, s), s);
  const wakeAll = () => {
    const w = wake;
    wake = [];
    for (const f of w) f();
  };

  const fail = (error: Error) => {
    failure ??= error;
    wakeAll();
  };
  const start = () => {
    const setup: WorkerSetup = { options: opts };
    slots = Array.from({ length: par.workers }, () => {
      const worker = new Worker(new URL("./_worker.mjs", import.meta.url), { workerData: setup });
      const slot = { worker, busy: 0 };
      worker.on("message", (reply: WorkerReply) => receive(slot, reply));
      worker.on("error", (error) => fail(error instanceof Error ? error : new Error(String(error))));
      worker.on("exit", (code) => {
        if (inFlight.size > 0 || queue.length > 0) fail(new Error(`extraction worker stopped (exit code ${code}) with work left`));
      });
      worker.unref();
      return slot;
    });
  };
  const enqueue = (to: number) => {
    while (sent < to) {
      const end = Math.min(to, sent + par.batchSize);
      queue.push({ batch: batches++, from: sent, to: end });
      sent = end;
    }
  };
  const dispatch = () => {
    // two batches per worker: one being extracted, one waiting in its message queue
    for (const slot of slots) {
      while (slot.busy < 2 && queue.length > 0) {
        const job = queue.shift()!;
        inFlight.set(job.batch, job);
        if (slot.busy++ === 0) slot.worker.ref();
        const request: WorkerRequest = { batch: job.batch, records: records.slice(job.from, job.to) };
        slot.worker.postMessage(request);
      }
    }
  };
  const receive = (slot: { worker: Worker; busy: number }, reply: WorkerReply) => {
    const job = inFlight.get(reply.batch);
    if (!job) return;
    inFlight.delete(reply.batch);
    if (--slot.busy === 0) slot.worker.unref();
    if ("error" in reply) {
      const error = new Error(reply.error.message);
      if (reply.error.stack) error.stack = reply.error.stack;
      return fail(error);
    }
    reply.results.forEach((result, i) => (local[job.from + i] = fromWire(records[job.from + i], result, intern)));
    dispatch();
    wakeAll();
  };
  const idle = () => new Promise<void>((resolve) => wake.push(resolve));
  const stop = async () => {
    const all = slots;
    slots = [];
    await Promise.all(all.map((s) => s.worker.terminate()));
  };

  return {
    async add(record) {
      if (failure) throw failure;
      records.push(record);
      if (slots.length === 0 && par.workers > 0 && records.length >= Math.max(1, par.minRecords)) start();
      if (slots.length === 0) return;
      if (records.length - sent >= par.batchSize) enqueue(records.length);
      dispatch();
      // the reader waits while more than two batches per worker are queued here
      while (!failure && queue.length > 2 * slots.length) await idle();
      if (failure) throw failure;
    },
    async finish() {
      try {
        if (slots.length === 0) {
          const extractLocal = createLocalExtractor(opts);
          for (let i = local.length; i < records.length; i++) local[i] = extractLocal(records[i]);
        } else {
          enqueue(records.length);
          dispatch();
          while (!failure && (queue.length > 0 || inFlight.size > 0)) await idle();
          if (failure) throw failure;
        }
      } finally {
        await stop();
      }
      const result = mergeLocalExtractions(records, local, opts);
      // the document keeps what it needs; the local extractions are the pool's largest holding, not to outlive it
      local.length = 0;
      return result;
    },
    close: stop,
  };
}

/** A quote as it travels between threads: its record id, field name and text left for the receiver to put back. */
type WireEvidence = { outcome: string | null; field: TextField | number; text: string | null; start: number; end: number };

const FIELD_INDEX = new Map<string, number>(TEXT_FIELDS.map((f, i) => [f, i]));
const QUOTE_KEYS = "outcome,field,text,start,end";

/**
 * In the worker: each quote the receiving thread can make again from its own copy of the record (a plain quote of this
 * record whose text is exactly `field.slice(start, end)`) is sent without its id, field name and text.
 */
export function toWire(record: OutcomeRecord, result: RecordExtraction): RecordExtraction {
  const strip = (ev: WireEvidence) => {
    if (ev.outcome !== record.id || typeof ev.field !== "string" || Object.keys(ev).join() !== QUOTE_KEYS) return;
    const field = FIELD_INDEX.get(ev.field);
    if (field === undefined || record.text[ev.field]?.slice(ev.start, ev.end) !== ev.text) return;
    ev.outcome = null;
    ev.field = field;
    ev.text = null;
  };
  for (const e of result.entities) e.mentions.forEach(strip);
  for (const r of result.relations) r.evidence.forEach(strip);
  result.cut?.forEach(strip);
  return result;
}

/**
 * In this thread: the quotes made again as the extractor makes them (plain objects; one text per sentence, sliced from
 * the record, shared), and names of types, rules and keys shared through `intern`, as one thread would have them.
 */
function fromWire(record: OutcomeRecord, result: RecordExtraction, intern: (s: string) => string): RecordExtraction {
  const sentences = new Map<number | string, string>();
  const quote = (ev: WireEvidence): Evidence => {
    if (ev.outcome !== null || typeof ev.field !== "number") return ev as Evidence;
    const field = TEXT_FIELDS[ev.field];
    // a number key while offsets stay under 2^21 (2 million characters)
    const at = ev.end < 2 ** 21 ? (ev.field * 2 ** 21 + ev.start) * 2 ** 21 + ev.end : `${ev.field}:${ev.start}:${ev.end}`;
    let text = sentences.get(at);
    if (text === undefined) sentences.set(at, (text = record.text[field].slice(ev.start, ev.end)));
    return { outcome: record.id, field, text, start: ev.start, end: ev.end };
  };
  for (const e of result.entities) {
    e.key = intern(e.key);
    e.type = intern(e.type) as typeof e.type;
    if (e.country !== undefined) e.country = intern(e.country);
    e.mentions = e.mentions.map(quote);
  }
  for (const r of result.relations) {
    r.source = intern(r.source);
    r.target = intern(r.target);
    r.type = intern(r.type) as typeof r.type;
    r.rule = intern(r.rule);
    r.evidence = r.evidence.map(quote);
  }
  if (result.cut) result.cut = result.cut.map(quote);
  return result;
}
