// The viewer's review writes on `serve`: a per-session token, and accept/reject decisions appended to the curation file.
// Writes are taken only from the page this server served: same Origin, the session token, a loopback Host.
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { RelationRef } from "../review/index.ts";
import { appendDecisions } from "./curation.ts";
import type { DataFolder } from "./data-folder.ts";

export const TOKEN_HEADER = "x-harvestgraph-token";
const MAX_BODY = 64 * 1024;

/** What the page may send: accept or reject one edge of one outcome; other decisions go through the CLI. */
const PageDecision = z.object({ kind: z.enum(["accept", "reject"]), relation: RelationRef }).strict();

export type ApiHandler = (req: IncomingMessage, res: ServerResponse, origin: string) => boolean;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" }).end(JSON.stringify(body));
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** Handles /api/session and /api/decisions; returns false for any other path. `afterWrite` runs once a decision is saved. */
export function createReviewApi(folder: DataFolder, afterWrite: () => void = () => {}): ApiHandler {
  const token = randomBytes(24).toString("hex");
  return (req, res, origin) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== "/api/session" && path !== "/api/decisions") return false;
    // A page elsewhere reaching this server through a DNS name that points here carries another Host.
    const host = req.headers.host ?? "";
    if (`http://${host}` !== origin && !/^(localhost|127\.0\.0\.1|\[::1\]):\d+$/.test(host)) {
      send(res, 403, { error: "this server answers only on its loopback address" });
      return true;
    }
    if (path === "/api/session") {
      // No CORS headers: a page of another origin can send this request but never read the token.
      if (req.method !== "GET") send(res, 405, { error: "GET only" });
      else send(res, 200, { token });
      return true;
    }
    if (req.method !== "POST") {
      send(res, 405, { error: "POST only" });
      return true;
    }
    if (req.headers.origin !== origin) {
      send(res, 403, { error: `writes are accepted only from ${origin}` });
      return true;
    }
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      send(res, 403, { error: "missing or wrong session token" });
      return true;
    }
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) req.destroy();
    });
    req.on("end", () => {
      let parsed;
      try {
        parsed = PageDecision.safeParse(JSON.parse(body));
      } catch {
        return send(res, 400, { error: "not JSON" });
      }
      if (!parsed.success) return send(res, 400, { error: z.prettifyError(parsed.error).replace(/\n/g, "; ") });
      appendDecisions(folder, [parsed.data]);
      send(res, 200, { saved: parsed.data.kind });
      afterWrite();
    });
    return true;
  };
}
