// The one error class of the Neo4j module, and the translation of neo4j-driver failures into it (one clear line each).
export type Neo4jGraphErrorCode =
  | "E_NO_DATABASE" // neither NEO4J_URI nor a local server's credentials
  | "E_CONFIG" // a setting or the credentials file is unusable
  | "E_AUTH" // wrong user or password
  | "E_UNREACHABLE" // nothing answers at the URI
  | "E_DATABASE_NOT_FOUND" // NEO4J_DATABASE names no database
  | "E_WRITE"; // a write failed for another reason

export class Neo4jGraphError extends Error {
  readonly code: Neo4jGraphErrorCode;
  constructor(code: Neo4jGraphErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "Neo4jGraphError";
    this.code = code;
  }
}

export const HOW_TO_START =
  "start the local one with `npm run neo4j` (it keeps running; use another terminal) or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD";

/** Maps a neo4j-driver error to a Neo4jGraphError naming the URI; other errors pass through unchanged. */
export function explainDriverError(error: unknown, where: { uri: string; database?: string }): unknown {
  if (error instanceof Neo4jGraphError || !(error instanceof Error)) return error;
  const code = (error as { code?: string }).code ?? "";
  if (code === "Neo.ClientError.Security.Unauthorized" || code === "Neo.ClientError.Security.AuthenticationRateLimit")
    return new Neo4jGraphError("E_AUTH", `Neo4j at ${where.uri} refused the user or password (check NEO4J_USER / NEO4J_PASSWORD)`, { cause: error });
  if (code === "ServiceUnavailable" || code === "SessionExpired")
    return new Neo4jGraphError("E_UNREACHABLE", `Neo4j at ${where.uri} is unreachable (${firstLine(error.message)}); ${HOW_TO_START}`, { cause: error });
  // Something accepted the TCP connection but never completed the Bolt handshake (not Neo4j, or a hung server).
  if (/acquisition timed out|connection timed out|timed out after/i.test(error.message))
    return new Neo4jGraphError("E_UNREACHABLE", `Neo4j at ${where.uri} did not answer (${firstLine(error.message)}); ${HOW_TO_START}`, { cause: error });
  if (code === "Neo.ClientError.Database.DatabaseNotFound")
    return new Neo4jGraphError("E_DATABASE_NOT_FOUND", `Neo4j at ${where.uri} has no database "${where.database ?? "(default)"}" (check NEO4J_DATABASE)`, { cause: error });
  return error;
}

function firstLine(text: string): string {
  return text.split("\n")[0].slice(0, 200);
}
