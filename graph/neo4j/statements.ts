// Every Cypher statement the push runs, as named constants. Labels and relationship types come only from the closed
// enums (ENTITY_TYPES, RELATION_TYPES) and the two node labels below; every value travels as a parameter.
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from "../../ingest/schema.ts";

export const NODE_LABELS = ["Entity", "Outcome"] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Entity → outcome: the outcomes whose text names the entity, with the quotes. */
export const MENTIONED_IN = "MENTIONED_IN";

/** Relationship types that carry an `outcome` property, i.e. everything one outcome's push may replace. */
export const PROVENANCE_TYPES: readonly string[] = [...RELATION_TYPES, MENTIONED_IN];

function assertKnown<T extends string>(value: T, allowed: readonly string[], what: string): T {
  if (!allowed.includes(value)) throw new Error(`statements: ${what} "${value}" is not in the closed vocabulary`);
  return value;
}

// Integer fields are cast: the driver sends JS numbers as floats (see driver.ts). One SET of one map, so the planner
// needs no Eager between two SETs on the same relationship.
const SET_PROVENANCE = `SET r = p {.*, starts: [x IN p.starts | toInteger(x)], ends: [x IN p.ends | toInteger(x)]}`;
// An outcome pushed earlier but not now: its FragmentID and confidential flag come from the database, not this push's rows.
const SET_PROVENANCE_OF_O = `SET r = p {.*, fragmentId: o.fragmentId, confidential: coalesce(o.confidential, false), starts: [x IN p.starts | toInteger(x)], ends: [x IN p.ends | toInteger(x)]}`;

/**
 * MERGE on the id, replace every property. Also answers which of these outcomes were already in the database before
 * this statement: only those can carry provenance from an earlier push that must be replaced.
 */
export const UPSERT_OUTCOMES = `UNWIND $rows AS row
OPTIONAL MATCH (old:Outcome {id: row.id})
WITH row, old IS NOT NULL AS existed
MERGE (o:Outcome {id: row.id})
WITH o, existed, row.id AS id, row.props AS p
SET o = p {.*, year: toInteger(p.year), harvestPeriod: toInteger(p.harvestPeriod)}
RETURN count(o) AS written, collect(CASE WHEN existed THEN id END) AS existing`;

const ALL_TYPE_LABELS = ENTITY_TYPES.map((t) => `:${t}`).join("");

/** One statement per entity type: MERGE on the id, replace the properties, and leave exactly one type label. */
export const UPSERT_ENTITIES: Readonly<Record<EntityType, string>> = Object.freeze(
  Object.fromEntries(
    ENTITY_TYPES.map((type) => [
      type,
      `UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e = row.props
REMOVE e${ALL_TYPE_LABELS}
SET e:${assertKnown(type, ENTITY_TYPES, "entity type")}
RETURN count(e) AS written`,
    ]),
  ) as Record<EntityType, string>,
);

/** Deletes everything earlier pushes of these outcomes wrote, one statement per type (each uses its `outcome` index). */
export const DELETE_PROVENANCE: readonly string[] = Object.freeze(
  PROVENANCE_TYPES.map(
    (type) => `UNWIND $ids AS id
MATCH ()-[r:${assertKnown(type, PROVENANCE_TYPES, "relationship type")} {outcome: id}]->()
DELETE r
RETURN count(r) AS deleted`,
  ),
);

/**
 * The same deletion as DELETE_PROVENANCE in one statement (a UNION of the per-type index seeks), returning the
 * entities it detached, so the cleanup checks those only instead of every entity in the database.
 */
export const REPLACE_PROVENANCE = `UNWIND $ids AS id
CALL (id) {
${PROVENANCE_TYPES.map((type) => `  MATCH ()-[r:${assertKnown(type, PROVENANCE_TYPES, "relationship type")} {outcome: id}]->() RETURN r`).join("\n  UNION ALL\n")}
}
WITH r, startNode(r).id AS a, endNode(r).id AS b
DELETE r
RETURN count(r) AS deleted, collect(DISTINCT a) AS sources, collect(DISTINCT b) AS targets`;

/** Mentions of outcomes in this push: their old ones were deleted just before, so CREATE (no MERGE expansion). */
export const CREATE_MENTIONS = `UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MATCH (o:Outcome {id: row.props.outcome})
WITH e, o, row.props AS p
CREATE (e)-[r:${MENTIONED_IN}]->(o)
${SET_PROVENANCE}
RETURN count(r) AS written`;

/** Mentions of outcomes pushed earlier but not now: MERGE, since nothing of theirs was deleted. */
export const UPSERT_MENTIONS = `UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MATCH (o:Outcome {id: row.props.outcome})
WITH e, o, row.props AS p
MERGE (e)-[r:${MENTIONED_IN}]->(o)
${SET_PROVENANCE_OF_O}
RETURN count(r) AS written`;

export type RelationKey = `${RelationType}:${NodeLabel}:${NodeLabel}`;

export function relationKey(type: RelationType, from: NodeLabel, to: NodeLabel): RelationKey {
  return `${type}:${from}:${to}`;
}

function relationStatements(write: (type: string) => string, guard: string, set: string): Readonly<Record<RelationKey, string>> {
  return Object.freeze(
    Object.fromEntries(
      RELATION_TYPES.flatMap((type) =>
        NODE_LABELS.flatMap((from) =>
          NODE_LABELS.map((to) => [
            relationKey(type, from, to),
            `UNWIND $rows AS row
MATCH (a:${from} {id: row.source})
MATCH (b:${to} {id: row.target})
${guard}
${write(assertKnown(type, RELATION_TYPES, "relation type"))}
${set}
RETURN count(r) AS written`,
          ]),
        ),
      ),
    ) as Record<RelationKey, string>,
  );
}

/**
 * One statement per (relation type, source label, target label), for relations resting on an outcome of this push:
 * its old relationships were deleted just before, so CREATE — a MERGE would walk every relationship between the two
 * nodes, and SCC FUNDED DefendDefenders may have thousands.
 */
export const CREATE_RELATIONS = relationStatements((type) => `CREATE (a)-[r:${type}]->(b)`, "WITH a, b, row.props AS p", SET_PROVENANCE);

/**
 * The same for relations resting on an outcome not in this push: MERGE on (type, outcome), and only when that outcome
 * is in the database, so no relationship ever points at an outcome the database lacks.
 */
export const UPSERT_RELATIONS = relationStatements(
  (type) => `MERGE (a)-[r:${type} {outcome: p.outcome}]->(b)`,
  "MATCH (o:Outcome {id: row.props.outcome})\nWITH a, b, o, row.props AS p",
  SET_PROVENANCE_OF_O,
);

/** An entity that no outcome supports any more (its last mention was corrected away) is removed. */
export const DELETE_UNSUPPORTED_ENTITIES = `MATCH (e:Entity)
WHERE NOT EXISTS { (e)--() }
DELETE e
RETURN count(e) AS deleted`;

/** The same, among the given entities only: those this push wrote or detached. */
export const DELETE_UNSUPPORTED_AMONG = `UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (e)--() }
DELETE e
RETURN count(e) AS deleted`;
