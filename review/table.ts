// The review table: one row per edge and outcome with its quotes, for a review meeting; filled-in rows come back as decisions.
import type { Extraction, RelationType } from "../ingest/schema.ts";
import type { Decision } from "./schema.ts";

export const REVIEW_COLUMNS = [
  "decision",
  "source",
  "sourceName",
  "type",
  "target",
  "targetName",
  "outcome",
  "fragmentId",
  "status",
  "rule",
  "fields",
  "quotes",
  "reviewer",
  "date",
  "reason",
] as const;

export type ReviewRow = Record<(typeof REVIEW_COLUMNS)[number], string>;

export function reviewRows(extraction: Extraction, filter: { outcome?: string; status?: string } = {}): ReviewRow[] {
  const names = new Map<string, string>([...extraction.entities.map((e) => [e.id, e.name] as const), ...extraction.outcomes.map((o) => [o.id, o.fragmentId] as const)]);
  const fragment = new Map(extraction.outcomes.map((o) => [o.id, o.fragmentId]));
  const rows: ReviewRow[] = [];
  for (const r of extraction.relations) {
    const byOutcome = new Map<string, typeof r.evidence>();
    for (const e of r.evidence) byOutcome.set(e.outcome, [...(byOutcome.get(e.outcome) ?? []), e]);
    for (const [outcome, evidence] of byOutcome) {
      const status = evidence.every((e) => e.status === "accepted") ? "accepted" : evidence.some((e) => e.status === "added") ? "added" : "machine";
      if (filter.outcome && outcome !== filter.outcome && fragment.get(outcome) !== filter.outcome) continue;
      if (filter.status && status !== filter.status) continue;
      rows.push({
        decision: "",
        source: r.source,
        sourceName: names.get(r.source) ?? r.source,
        type: r.type,
        target: r.target,
        targetName: names.get(r.target) ?? r.target,
        outcome,
        fragmentId: fragment.get(outcome) ?? outcome,
        status,
        rule: r.rule ?? "",
        fields: [...new Set(evidence.map((e) => e.field))].join("; "),
        quotes: evidence.map((e) => e.text).join(" | "),
        reviewer: "",
        date: "",
        reason: "",
      });
    }
  }
  return rows;
}

const ACCEPT = new Set(["accept", "accepted", "yes", "y", "ok", "oui", "valider", "accepter"]);
const REJECT = new Set(["reject", "rejected", "no", "n", "non", "rejeter"]);

/** Rows with a filled `decision` column → accept/reject decisions; an unreadable value is an error naming its row. */
export function decisionsFromRows(rows: Partial<ReviewRow>[], where = "review table"): { decisions: Decision[]; errors: string[] } {
  const decisions: Decision[] = [];
  const errors: string[] = [];
  rows.forEach((row, i) => {
    const value = (row.decision ?? "").trim().toLowerCase();
    if (value === "") return;
    const kind = ACCEPT.has(value) ? "accept" : REJECT.has(value) ? "reject" : null;
    if (!kind) return errors.push(`${where} row ${i + 2}: decision ${JSON.stringify(row.decision)} is neither accept nor reject`);
    if (!row.source || !row.type || !row.target || !row.outcome) return errors.push(`${where} row ${i + 2}: source, type, target and outcome are needed`);
    const meta = {
      ...(row.reviewer ? { reviewer: row.reviewer } : {}),
      ...(row.date ? { date: row.date } : {}),
      ...(row.reason ? { reason: row.reason } : {}),
    };
    decisions.push({ kind, relation: { source: row.source, type: row.type as RelationType, target: row.target, outcome: row.outcome }, ...meta });
  });
  return { decisions, errors };
}
