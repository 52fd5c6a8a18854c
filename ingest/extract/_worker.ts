// An extraction worker thread: builds its local extractor once, then answers each batch of records with their local
// extractions, in order, quotes sent without the text the main thread already has.
import { parentPort, workerData } from "node:worker_threads";
import { createLocalExtractor } from "./index.ts";
import { type WorkerReply, type WorkerRequest, type WorkerSetup, toWire } from "./parallel.ts";

const { options } = workerData as WorkerSetup;
const extractLocal = createLocalExtractor(options);

parentPort!.on("message", ({ batch, records }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { batch, results: records.map((r) => toWire(r, extractLocal(r))) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { batch, error: { message: e.message, stack: e.stack } };
  }
  parentPort!.postMessage(reply);
});
