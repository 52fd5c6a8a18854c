// Review writes from the page: asks the local server for a session token, and posts accept/reject decisions with it.
// A static export has no such endpoint and does not announce one, so the page then shows no review buttons.
import type { ReviewDecision, ReviewWriter } from "./panel.ts";

export const REVIEW_SESSION_PATH = "api/session";
export const REVIEW_DECISIONS_PATH = "api/decisions";
export const REVIEW_TOKEN_HEADER = "X-Harvestgraph-Token";

export const REVIEW_HEADER = "X-Harvestgraph-Review";

/** `graphResponse` is the page's fetch of graph.json: only a server that announces review writes is asked for a token. */
export async function connectReview(base: string, graphResponse: Response): Promise<ReviewWriter | undefined> {
  if (graphResponse.headers.get(REVIEW_HEADER) !== REVIEW_SESSION_PATH) return undefined;
  let token: string;
  try {
    const response = await fetch(new URL(REVIEW_SESSION_PATH, base), { cache: "no-store" });
    if (!response.ok) return undefined;
    token = ((await response.json()) as { token?: string }).token ?? "";
  } catch {
    return undefined;
  }
  if (!token) return undefined;
  return async (decision: ReviewDecision) => {
    const { kind, ...relation } = decision;
    const response = await fetch(new URL(REVIEW_DECISIONS_PATH, base), {
      method: "POST",
      headers: { "Content-Type": "application/json", [REVIEW_TOKEN_HEADER]: token },
      body: JSON.stringify({ kind, relation }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${await response.text()}`);
  };
}
