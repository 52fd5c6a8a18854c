// Public surface of the Neo4j module: where the database is, the one driver, the schema, and the batched push.
export { Neo4jConfig, resolveNeo4jConfig, createDriver, connectDriver } from "./driver.ts";
export {
  LocalCredentials,
  readLocalCredentials,
  writeLocalCredentials,
  localCredentialsPath,
  localNeo4jDir,
  CREDENTIALS_FILE,
} from "./credentials.ts";
export { Neo4jGraphError, explainDriverError, HOW_TO_START, type Neo4jGraphErrorCode } from "./errors.ts";
export { ensureSchema, schemaName, SCHEMA_STATEMENTS, FULLTEXT_INDEX, FULLTEXT_PROPERTIES } from "./schema.ts";
export { pushExtraction, DEFAULT_PUSH_OPTIONS, type PushOptions, type PushResult, type PushProgress, type PushPhase } from "./write.ts";
export { toPushRows, type PushRows } from "./rows.ts";
export { MENTIONED_IN, NODE_LABELS, type NodeLabel } from "./statements.ts";
export { forgetOutcomes, DELETE_OUTCOMES } from "./forget.ts";
export { runNamedQuery, runReadOnlyCypher, runRead, assertReadOnly, toPlain, Neo4jReadError, REFUSED_OPERATORS, DEFAULT_READ_OPTIONS, type Neo4jReadErrorCode, type ReadOptions, type ReadResult, type Row } from "./read.ts";
export { updateCentrality, computeBetweenness, centralityEdgesOf, type CentralityEdge, type CentralityRow, type CentralityResult } from "./centrality.ts";
export { betweenness, toCsr, describeBetweennessMethod, DEFAULT_BETWEENNESS_OPTIONS, type BetweennessMethod, type BetweennessOptions, type Csr } from "./betweenness.ts";
export * from "./queries/index.ts";
export { readGraph, graphFromRows, DEFAULT_READ_GRAPH_OPTIONS, type ReadGraphOptions, type ReadGraphResult } from "./read-graph.ts";
