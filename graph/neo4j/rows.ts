// Extraction → the parameter rows of the batched writes (pure): outcome, entity, mention and relation rows,
// one relation row per (source, type, target, outcome), so no property grows with the number of records.
import { applyStricterRedaction } from "../../ingest/redaction.ts";
import {
  SYMMETRIC_RELATIONS,
  TEXT_FIELDS,
  type EntityType,
  type Evidence,
  type Extraction,
  type Locator,
  type OutcomeRecord,
  type RelationType,
  type ReviewStatus,
} from "../../ingest/schema.ts";
import { redactQuote } from "../build.ts";
import type { Positions } from "../layout.ts";
import type { NodeLabel } from "./statements.ts";

/** A Neo4j property value as we store it: no nested maps (Neo4j cannot store them), lists of one primitive type. */
export type PropValue = string | number | boolean | string[] | number[];
export type Props = Record<string, PropValue>;

export type OutcomeRow = { id: string; props: Props };
export type EntityRow = { id: string; type: EntityType; props: Props };
/** Where one outcome's evidence sits: parallel lists, one item per quote, ordered by field then offset. */
export type ProvenanceProps = {
  outcome: string;
  fragmentId: string;
  /** The outcome's confidential flag, so a query leaves confidential evidence out without looking the outcome up. */
  confidential: boolean;
  fields: string[];
  quotes: string[];
  starts: number[];
  ends: number[];
};
export type MentionRow = { entity: string; outcome: string; props: ProvenanceProps };
export type RelationRow = {
  type: RelationType;
  source: string;
  sourceLabel: NodeLabel;
  target: string;
  targetLabel: NodeLabel;
  outcome: string;
  /** status: the review status of this outcome's evidence (machine, accepted, added); rejected evidence never gets here. */
  props: ProvenanceProps & { rule?: string; status: ReviewStatus };
};
/** Something the rows leave out, and why; the push reports these rather than failing. */
export type SkippedRow = { kind: "relation" | "mention"; id: string; reason: string };

export type PushRows = {
  outcomes: OutcomeRow[];
  entities: EntityRow[];
  mentions: MentionRow[];
  relations: RelationRow[];
  skipped: SkippedRow[];
};

export function describeLocatorShort(locator: Locator): string {
  switch (locator.kind) {
    case "line":
      return `line ${locator.line}`;
    case "row":
      return locator.sheet ? `row ${locator.row} (${locator.sheet})` : `row ${locator.row}`;
    case "index":
      return `index ${locator.index}`;
  }
}

/** Drops null and undefined, so `SET n = $props` leaves no property for a value the record lacks. */
function compact(props: Record<string, PropValue | null | undefined>): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined)) as Props;
}

/** An outcome's properties: the normalised record, flattened (country → country, countryIso, countryKind, countriesCovered). */
export function outcomeProps(record: OutcomeRecord): Props {
  const text = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, applyStricterRedaction(record.text[field], field, record.stricterRedactions)]),
  );
  return compact({
    id: record.id,
    fragmentId: record.fragmentId,
    source: record.source,
    locator: describeLocatorShort(record.locator),
    outcomeStatus: record.outcomeStatus,
    harvestPeriod: record.harvestPeriod,
    country: record.country.name,
    countryIso: record.country.iso,
    countryKind: record.country.kind,
    countriesCovered: record.country.covers,
    year: record.year,
    ratingSignificance: record.ratingSignificance,
    ratingContribution: record.ratingContribution,
    socialActor: record.socialActor,
    scale: record.scale,
    unintended: record.unintended,
    negative: record.negative,
    confidential: record.confidential,
    typesOfChange: record.typesOfChange,
    typeOfChangeCluster: record.typeOfChangeCluster,
    frameworkCodes: record.frameworkCodes,
    objectiveCode: record.objectiveCode,
    ...text,
    // Unmapped columns keep their names, which are user strings: one JSON property, never property keys.
    extra: Object.keys(record.extra).length > 0 ? JSON.stringify(record.extra) : null,
  });
}

const FIELD_ORDER = new Map<string, number>(TEXT_FIELDS.map((f, i) => [f, i]));

function byPosition(a: Evidence, b: Evidence): number {
  return (FIELD_ORDER.get(a.field)! - FIELD_ORDER.get(b.field)!) || a.start - b.start || a.end - b.end;
}

/** A person stands behind an edge of one outcome only when every piece of its evidence was accepted or added. */
function reviewStatus(evidence: Evidence[]): ReviewStatus {
  const statuses = evidence.map((ev) => ev.status ?? "machine");
  if (statuses.some((s) => s !== "accepted" && s !== "added")) return "machine";
  return statuses.includes("added") ? "added" : "accepted";
}

/**
 * Groups evidence by outcome; quotes carry the record's stricter redaction, as in the viewer. Linear in the evidence:
 * SCC FUNDED DefendDefenders may rest on tens of thousands of outcomes.
 */
function provenanceByOutcome(evidence: Evidence[], outcomes: Map<string, OutcomeRecord>): Map<string, { props: ProvenanceProps; evidence: Evidence[] }> {
  const groups = new Map<string, Evidence[]>();
  for (const ev of evidence) {
    const group = groups.get(ev.outcome);
    if (group) group.push(ev);
    else groups.set(ev.outcome, [ev]);
  }
  const out = new Map<string, { props: ProvenanceProps; evidence: Evidence[] }>();
  for (const outcome of [...groups.keys()].sort()) {
    const seen = new Set<string>();
    const items = groups
      .get(outcome)!
      .sort(byPosition)
      .filter((ev) => {
        const key = `${ev.field}:${ev.start}:${ev.end}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
    const record = outcomes.get(outcome);
    const props: ProvenanceProps = {
      outcome,
      fragmentId: record?.fragmentId ?? outcome,
      // An outcome pushed earlier but not now: the statement takes the flag (and the FragmentID) from the database.
      confidential: record?.confidential ?? false,
      fields: items.map((ev) => ev.field),
      quotes: items.map((ev) => redactQuote(ev, record)),
      starts: items.map((ev) => ev.start),
      ends: items.map((ev) => ev.end),
    };
    out.set(outcome, { props, evidence: groups.get(outcome)! });
  }
  return out;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type PushRowsOptions = {
  /** Layout positions by node id (graph/layout.ts), stored as `x`, `y` so a viewer reading Neo4j draws the same picture. */
  positions?: Positions;
};

/** The rows of one push, sorted so that the same extraction always writes in the same order. */
export function toPushRows(extraction: Extraction, options: PushRowsOptions = {}): PushRows {
  const outcomes = new Map(extraction.outcomes.map((o) => [o.id, o]));
  const entityIds = new Set(extraction.entities.map((e) => e.id));
  const skipped: SkippedRow[] = [];
  const at = (id: string): Props => {
    const position = options.positions?.[id];
    return position ? { x: position.x, y: position.y } : {};
  };

  const outcomeRows = [...outcomes.values()]
    .map((o) => ({ id: o.id, props: { ...outcomeProps(o), ...at(o.id) } }))
    .sort((a, b) => compareStrings(a.id, b.id));

  const entityRows = extraction.entities
    .map((e) => ({
      id: e.id,
      type: e.type,
      props: compact({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, country: e.country, ...at(e.id) }),
    }))
    .sort((a, b) => compareStrings(a.id, b.id));

  const mentions: MentionRow[] = [];
  for (const entity of extraction.entities) {
    for (const [outcome, { props }] of provenanceByOutcome(entity.mentions, outcomes)) mentions.push({ entity: entity.id, outcome, props });
  }
  mentions.sort((a, b) => compareStrings(a.entity, b.entity) || compareStrings(a.outcome, b.outcome));
  // The push CREATEs mentions, so an entity listed twice must not give two rows for one (entity, outcome).
  const uniqueMentions = mentions.filter((m, i) => i === 0 || m.entity !== mentions[i - 1].entity || m.outcome !== mentions[i - 1].outcome);

  const labelOf = (id: string): NodeLabel | null => (entityIds.has(id) ? "Entity" : outcomes.has(id) ? "Outcome" : null);
  const relations: RelationRow[] = [];
  for (const relation of extraction.relations) {
    // A symmetric relation is stored once, from the smaller id, so A–B and B–A are the same relationship.
    const flip = SYMMETRIC_RELATIONS.has(relation.type) && relation.source > relation.target;
    const [source, target] = flip ? [relation.target, relation.source] : [relation.source, relation.target];
    const name = `${relation.source} ${relation.type} ${relation.target}`;
    const sourceLabel = labelOf(source);
    const targetLabel = labelOf(target);
    if (!sourceLabel || !targetLabel) {
      skipped.push({ kind: "relation", id: name, reason: `unknown ${sourceLabel ? "target" : "source"} id` });
      continue;
    }
    if (relation.evidence.length === 0) {
      skipped.push({ kind: "relation", id: name, reason: "no evidence, so no outcome to rest on" });
      continue;
    }
    for (const [outcome, { props, evidence }] of provenanceByOutcome(relation.evidence, outcomes)) {
      const status = reviewStatus(evidence);
      relations.push({
        type: relation.type,
        source,
        sourceLabel,
        target,
        targetLabel,
        outcome,
        props: relation.rule ? { ...props, rule: relation.rule, status } : { ...props, status },
      });
    }
  }
  relations.sort(
    (a, b) =>
      compareStrings(a.type, b.type) ||
      compareStrings(a.source, b.source) ||
      compareStrings(a.target, b.target) ||
      compareStrings(a.outcome, b.outcome),
  );
  return { outcomes: outcomeRows, entities: entityRows, mentions: uniqueMentions, relations: mergeDuplicates(relations), skipped };
}

/** Two extraction relations with the same (source, type, target) and outcome become one row with all their quotes. */
function mergeDuplicates(rows: RelationRow[]): RelationRow[] {
  const out: RelationRow[] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && last.type === row.type && last.source === row.source && last.target === row.target && last.outcome === row.outcome) {
      const keys = new Set(last.props.fields.map((f, i) => `${f}:${last.props.starts[i]}:${last.props.ends[i]}`));
      row.props.fields.forEach((field, i) => {
        if (keys.has(`${field}:${row.props.starts[i]}:${row.props.ends[i]}`)) return;
        last.props.fields.push(field);
        last.props.quotes.push(row.props.quotes[i]);
        last.props.starts.push(row.props.starts[i]);
        last.props.ends.push(row.props.ends[i]);
      });
      if (last.props.status !== row.props.status) last.props.status = last.props.status === "machine" || row.props.status === "machine" ? "machine" : "added";
      if (row.props.rule && last.props.rule !== row.props.rule)
        last.props.rule = [last.props.rule, row.props.rule].filter(Boolean).sort().join(", ");
      continue;
    }
    out.push(row);
  }
  return out;
}
