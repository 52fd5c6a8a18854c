// The three seed records (examples/seeds) through the project's real pipeline — ingest, extract, push, betweenness —
// into the test run's Neo4j, for the query and cypher tests.
import type { Driver } from "neo4j-driver";
import { pushExtraction, updateCentrality } from "../../graph/neo4j/index.ts";
import { extractRecords } from "../../ingest/extract/index.ts";
import { ingestPaths } from "../../ingest/index.ts";
import type { Extraction } from "../../ingest/schema.ts";
import { CLEAR_DATABASE } from "./_neo4j-fixtures.ts";

export async function pushSeeds(driver: Driver, database?: string): Promise<Extraction> {
  const { records } = await ingestPaths(["examples/seeds"]);
  const { extraction } = extractRecords(records);
  await driver.executeQuery(CLEAR_DATABASE, {}, { database });
  await pushExtraction(driver, extraction, { database });
  await updateCentrality(driver, { database });
  return extraction;
}
