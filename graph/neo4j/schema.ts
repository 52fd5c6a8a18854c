// The database schema: uniqueness of ids, the lookup indexes the queries filter on, and one full-text index.
// Every statement is IF NOT EXISTS, so applying the schema again is a no-op.
import type { Driver } from "neo4j-driver";
import { RELATION_TYPES } from "../../ingest/schema.ts";
import { explainDriverError } from "./errors.ts";
import { MENTIONED_IN } from "./statements.ts";

export const FULLTEXT_INDEX = "harvestgraph_text";

/** Properties the full-text index covers: entity names and aliases, and the outcome's narrative fields. */
export const FULLTEXT_PROPERTIES = [
  "name",
  "aliases",
  "fragmentId",
  "outcomeDescription",
  "significance",
  "programmeContribution",
  "otherActorsContribution",
  "additionalInformation",
] as const;

export const SCHEMA_STATEMENTS: readonly string[] = Object.freeze([
  "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
  "CREATE CONSTRAINT outcome_id IF NOT EXISTS FOR (n:Outcome) REQUIRE n.id IS UNIQUE",
  "CREATE INDEX outcome_fragment_id IF NOT EXISTS FOR (n:Outcome) ON (n.fragmentId)",
  "CREATE INDEX outcome_country IF NOT EXISTS FOR (n:Outcome) ON (n.country)",
  "CREATE INDEX outcome_country_iso IF NOT EXISTS FOR (n:Outcome) ON (n.countryIso)",
  // A country filter written as index-friendly disjuncts (`o.countryIso = $c OR o.country = $c OR (o.countryKind =
  // "region" AND $c IN o.countriesCovered)`) becomes a union of index seeks instead of a scan of every outcome.
  "CREATE INDEX outcome_country_kind IF NOT EXISTS FOR (n:Outcome) ON (n.countryKind)",
  "CREATE INDEX outcome_year IF NOT EXISTS FOR (n:Outcome) ON (n.year)",
  "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
  // Replacing one outcome's provenance finds its relationships through these, instead of scanning every relationship.
  ...[...RELATION_TYPES, MENTIONED_IN].map(
    (type) => `CREATE INDEX rel_${type.toLowerCase()}_outcome IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.outcome)`,
  ),
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Entity|Outcome) ON EACH [${FULLTEXT_PROPERTIES.map((p) => `n.${p}`).join(", ")}]`,
]);

/** Waits for new indexes to come online, so a query right after the push can use them. */
export const AWAIT_INDEXES = "CALL db.awaitIndexes(300)";

/** Names of existing indexes; a uniqueness constraint's backing index carries the constraint's name. */
export const SHOW_SCHEMA_NAMES = "SHOW INDEXES YIELD name RETURN name";

/** The name each statement creates, so statements whose index or constraint exists can be skipped. */
export function schemaName(statement: string): string {
  const match = /^CREATE (?:CONSTRAINT|INDEX|FULLTEXT INDEX) (\w+) IF NOT EXISTS/.exec(statement);
  if (!match) throw new Error(`schemaName: no name in ${statement.slice(0, 60)}`);
  return match[1];
}

/**
 * Applies the schema statements whose index or constraint is missing (all of them stay IF NOT EXISTS, for a concurrent
 * push), then waits for indexes to come online. Schema changes cannot share a transaction with writes.
 */
export async function ensureSchema(driver: Driver, options: { database?: string; uri?: string } = {}): Promise<void> {
  const config = { database: options.database, routing: "WRITE" as const };
  try {
    const existing = new Set((await driver.executeQuery(SHOW_SCHEMA_NAMES, {}, config)).records.map((r) => r.get("name") as string));
    const missing = SCHEMA_STATEMENTS.filter((statement) => !existing.has(schemaName(statement)));
    for (const statement of missing) await driver.executeQuery(statement, {}, config);
    if (missing.length > 0) await driver.executeQuery(AWAIT_INDEXES, {}, config);
  } catch (error) {
    throw explainDriverError(error, { uri: options.uri ?? "the configured server", database: options.database });
  }
}
