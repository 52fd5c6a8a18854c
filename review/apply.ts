// Applies review decisions to an extraction (pure): merges, renames and retypes entities, accepts, rejects and adds edges,
// sets each relation's status, and reports every decision whose target no longer exists.
import { SYMMETRIC_RELATIONS, type Entity, type Evidence, type Extraction, type Relation, type ReviewStatus } from "../ingest/schema.ts";
import type { Curation, Decision, RelationRef, StaleDecision } from "./schema.ts";

export type ApplyOptions = {
  /** Keep only evidence a person accepted or added (the `--reviewed` outputs). */
  reviewedOnly: boolean;
};

export const DEFAULT_APPLY_OPTIONS: ApplyOptions = { reviewedOnly: false };

/** Key of a relation regardless of outcome; symmetric types sorted so both directions meet. */
export function relationKey(ref: Pick<RelationRef, "source" | "type" | "target">): string {
  const [a, b] = SYMMETRIC_RELATIONS.has(ref.type) && ref.source > ref.target ? [ref.target, ref.source] : [ref.source, ref.target];
  return `${a}|${ref.type}|${b}`;
}

export function refKey(ref: RelationRef): string {
  return `${relationKey(ref)}|${ref.outcome}`;
}

/** Names the keep-apart decisions give to resolution (they must act before entities are merged). */
export function keepApartPairs(curation: Curation): [string, string][] {
  return curation.decisions.flatMap((d) => (d.kind === "split" ? [d.names] : []));
}

function aggregateStatus(evidence: Evidence[]): ReviewStatus {
  const statuses = evidence.map((e) => e.status ?? "machine");
  if (statuses.length > 0 && statuses.every((s) => s === "accepted" || s === "added")) return statuses.includes("added") ? "added" : "accepted";
  return "machine";
}

export function applyCuration(extraction: Extraction, curation: Curation, options: Partial<ApplyOptions> = {}): { extraction: Extraction; stale: StaleDecision[] } {
  const opts = { ...DEFAULT_APPLY_OPTIONS, ...options };
  const stale: StaleDecision[] = [];
  const report = (index: number, decision: Decision, reason: string) => stale.push({ index, decision, reason });
  const entities = new Map<string, Entity>(extraction.entities.map((e) => [e.id, { ...e, aliases: [...e.aliases], mentions: [...e.mentions] }]));
  const outcomes = new Map(extraction.outcomes.map((o) => [o.id, o]));
  const alias = new Map<string, string>();
  const idOf = (id: string): string => (alias.has(id) ? idOf(alias.get(id)!) : id);
  const exists = (id: string) => entities.has(idOf(id)) || outcomes.has(id);

  // 1. entity decisions: merges first, so renames and retypes land on the merged node
  curation.decisions.forEach((d, i) => {
    if (d.kind !== "merge") return;
    const into = entities.get(idOf(d.into));
    const from = entities.get(idOf(d.from));
    if (!into || !from) return report(i, d, `entity ${!into ? d.into : d.from} no longer exists`);
    if (into === from) return;
    into.aliases = [...new Set([...into.aliases, from.name, ...from.aliases])].filter((n) => n !== into.name);
    into.mentions = [...into.mentions, ...from.mentions];
    entities.delete(from.id);
    alias.set(from.id, into.id);
  });
  curation.decisions.forEach((d, i) => {
    if (d.kind !== "rename" && d.kind !== "retype") return;
    const entity = entities.get(idOf(d.entity));
    if (!entity) return report(i, d, `entity ${d.entity} no longer exists`);
    if (d.kind === "retype") entity.type = d.type;
    else if (entity.name !== d.name) {
      entity.aliases = [...new Set([entity.name, ...entity.aliases])].filter((n) => n !== d.name);
      entity.name = d.name;
    }
  });

  // 2. relations regrouped after merges; evidence kept per outcome
  const relations = new Map<string, Relation>();
  for (const r of extraction.relations) {
    const source = idOf(r.source);
    const target = idOf(r.target);
    if (source === target) continue;
    const key = relationKey({ source, type: r.type, target });
    // Copies: the same evidence object may back several relations, and statuses are set per relation.
    const evidence = r.evidence.map((e) => ({ ...e }));
    const existing = relations.get(key);
    if (existing) existing.evidence.push(...evidence);
    else relations.set(key, { ...r, source, target, evidence });
  }

  // 3. relation decisions on (source, type, target, outcome)
  const setStatus = (i: number, d: Decision & { relation: RelationRef }, status: "accepted" | "rejected") => {
    const ref = { ...d.relation, source: idOf(d.relation.source), target: idOf(d.relation.target) };
    const relation = relations.get(relationKey(ref));
    const evidence = relation?.evidence.filter((e) => e.outcome === ref.outcome) ?? [];
    if (!relation || evidence.length === 0) return report(i, d, `no ${ref.type} edge ${ref.source} → ${ref.target} in outcome ${ref.outcome} any more`);
    for (const e of evidence) e.status = status;
  };
  curation.decisions.forEach((d, i) => {
    if (d.kind === "accept" || d.kind === "reject") setStatus(i, d, d.kind === "accept" ? "accepted" : "rejected");
    if (d.kind !== "add") return;
    const ref = { ...d.relation, source: idOf(d.relation.source), target: idOf(d.relation.target) };
    const outcome = outcomes.get(ref.outcome);
    if (!outcome) return report(i, d, `outcome ${ref.outcome} no longer exists`);
    if (!exists(ref.source) || !exists(ref.target)) return report(i, d, `entity ${!exists(ref.source) ? ref.source : ref.target} no longer exists`);
    const start = outcome.text[d.field].indexOf(d.quote);
    if (start < 0) return report(i, d, `the quote is not in field ${d.field} of ${ref.outcome} any more`);
    const evidence: Evidence = { outcome: ref.outcome, field: d.field, text: d.quote, start, end: start + d.quote.length, status: "added" };
    const key = relationKey(ref);
    const relation = relations.get(key);
    if (relation) relation.evidence.push(evidence);
    else relations.set(key, { source: ref.source, type: ref.type, target: ref.target, rule: "review:add", evidence: [evidence] });
  });

  // 4. rejected evidence leaves every output; statuses; the reviewed-only view
  const kept: Relation[] = [];
  for (const relation of relations.values()) {
    let evidence = relation.evidence.filter((e) => e.status !== "rejected");
    if (opts.reviewedOnly) evidence = evidence.filter((e) => e.status === "accepted" || e.status === "added");
    if (evidence.length === 0) continue;
    kept.push({ ...relation, evidence, status: aggregateStatus(evidence) });
  }
  return { extraction: { outcomes: extraction.outcomes, entities: [...entities.values()], relations: kept }, stale };
}
