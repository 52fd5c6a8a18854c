// The one error class of the local Neo4j tool: which step failed (Java, Maven, the server) and why, in one line.
export type Neo4jServerErrorCode = "E_JAVA" | "E_MAVEN" | "E_START" | "E_TIMEOUT";

export class Neo4jServerError extends Error {
  readonly code: Neo4jServerErrorCode;
  constructor(code: Neo4jServerErrorCode, message: string) {
    super(message);
    this.name = "Neo4jServerError";
    this.code = code;
  }
}
