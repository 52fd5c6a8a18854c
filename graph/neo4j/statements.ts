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

// Integer fields are cast: the driver sends JS numbers as floats (see driver.ts).
const SET_PROVENANCE = `SET r = row.props, r.starts = [x IN row.props.starts | toInteger(x)], r.ends = [x IN row.props.ends | toInteger(x)]`;

export const UPSERT_OUTCOMES = `UNWIND $rows AS row
MERGE (o:Outcome {id: row.id})
SET o = row.props, o.year = toInteger(row.props.year), o.harvestPeriod = toInteger(row.props.harvestPeriod)
RETURN count(o) AS written`;

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

/** Deletes everything earlier pushes of these outcomes wrote: their mentions and relationships, one type at a time (indexed). */
export const DELETE_PROVENANCE: readonly string[] = Object.freeze(
  PROVENANCE_TYPES.map(
    (type) => `UNWIND $ids AS id
MATCH ()-[r:${assertKnown(type, PROVENANCE_TYPES, "relationship type")} {outcome: id}]->()
DELETE r
RETURN count(r) AS deleted`,
  ),
);

export const UPSERT_MENTIONS = `UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MATCH (o:Outcome {id: row.outcome})
MERGE (e)-[r:${MENTIONED_IN}]->(o)
${SET_PROVENANCE}
RETURN count(r) AS written`;

export type RelationKey = `${RelationType}:${NodeLabel}:${NodeLabel}`;

export function relationKey(type: RelationType, from: NodeLabel, to: NodeLabel): RelationKey {
  return `${type}:${from}:${to}`;
}

/** One statement per (relation type, source label, target label); one relationship per outcome that states it. */
export const UPSERT_RELATIONS: Readonly<Record<RelationKey, string>> = Object.freeze(
  Object.fromEntries(
    RELATION_TYPES.flatMap((type) =>
      NODE_LABELS.flatMap((from) =>
        NODE_LABELS.map((to) => [
          relationKey(type, from, to),
          `UNWIND $rows AS row
MATCH (a:${from} {id: row.source})
MATCH (b:${to} {id: row.target})
MERGE (a)-[r:${assertKnown(type, RELATION_TYPES, "relation type")} {outcome: row.outcome}]->(b)
${SET_PROVENANCE}
RETURN count(r) AS written`,
        ]),
      ),
    ),
  ) as Record<RelationKey, string>,
);

/** An entity that no outcome supports any more (its last mention was corrected away) is removed. */
export const DELETE_UNSUPPORTED_ENTITIES = `MATCH (e:Entity)
WHERE NOT EXISTS { (e)--() }
DELETE e
RETURN count(e) AS deleted`;
