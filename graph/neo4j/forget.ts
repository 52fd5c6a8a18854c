// Removes outcomes (consent withdrawn, new risk) from Neo4j: the node, every relationship resting on it, and entities left unsupported.
// Deleting the node also removes its full-text index entries; Neo4j keeps no copy of deleted properties in the index.
import type { Driver } from "neo4j-driver";
import { explainDriverError } from "./errors.ts";
import { DELETE_PROVENANCE, DELETE_UNSUPPORTED_ENTITIES } from "./statements.ts";

export const DELETE_OUTCOMES = `UNWIND $ids AS id
MATCH (o:Outcome {id: id})
DETACH DELETE o
RETURN count(*) AS deleted`;

export async function forgetOutcomes(driver: Driver, ids: string[], options: { database?: string; uri?: string } = {}): Promise<{ outcomes: number; entities: number }> {
  const session = driver.session({ database: options.database, defaultAccessMode: "WRITE" });
  try {
    return await session.executeWrite(async (tx) => {
      // Relationships carrying these outcomes' provenance between entities (FUNDED, TRAINED…) go first.
      for (const statement of DELETE_PROVENANCE) await tx.run(statement, { ids });
      const outcomes = await tx.run(DELETE_OUTCOMES, { ids });
      const entities = await tx.run(DELETE_UNSUPPORTED_ENTITIES);
      return { outcomes: Number(outcomes.records[0]?.get("deleted") ?? 0), entities: Number(entities.records[0]?.get("deleted") ?? 0) };
    });
  } catch (error) {
    throw explainDriverError(error, { uri: options.uri ?? "the configured server", database: options.database });
  } finally {
    await session.close();
  }
}
