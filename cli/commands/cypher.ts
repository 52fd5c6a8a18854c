// `harvestgraph cypher`: not built yet (see the Neo4j issue); says so instead of pretending.
import { defineCommand } from "citty";
import { CLIError } from "../errors.ts";

export default defineCommand({
  meta: { name: "cypher", description: "(not built yet: the Neo4j issue)" },
  run() {
    throw new CLIError("E_USAGE", "cypher: not built yet; see the Neo4j issue");
  },
});
