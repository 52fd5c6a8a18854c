// The three seed records (examples/seeds) through the project's real pipeline — ingest, extract, review decisions,
// push, betweenness — into the test run's Neo4j, for the query and cypher tests.
import type { Driver } from "neo4j-driver";
import { pushExtraction, updateCentrality } from "../../graph/neo4j/index.ts";
import { extractRecords } from "../../ingest/extract/index.ts";
import { ingestPaths } from "../../ingest/index.ts";
import type { Extraction } from "../../ingest/schema.ts";
import { applyCuration, EMPTY_CURATION, type Curation } from "../../review/index.ts";
import { CLEAR_DATABASE } from "./_neo4j-fixtures.ts";

/** Pushes the seeds with `curation` applied (as `harvestgraph push` does); a decision that does not apply fails the test run. */
export async function pushSeeds(
  driver: Driver,
  database?: string,
  curation: Curation = EMPTY_CURATION,
): Promise<Extraction> {
  const { records } = await ingestPaths(["examples/seeds"]);
  const { extraction, stale } = applyCuration(extractRecords(records).extraction, curation);
  if (stale.length > 0) throw new Error(`pushSeeds: stale decisions ${JSON.stringify(stale)}`);
  await driver.executeQuery(CLEAR_DATABASE, {}, { database });
  await pushExtraction(driver, extraction, { database });
  await updateCentrality(driver, { database });
  return extraction;
}
