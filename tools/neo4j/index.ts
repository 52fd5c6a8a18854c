// Public surface of the local Neo4j tool: start a real Neo4j 5.26 Community server (no Docker) and stop it.
export { startNeo4jServer, generatePassword, DEFAULT_NEO4J_SERVER_OPTIONS, NEO4J_JVM_FLAGS } from "./_server.ts";
export type { Neo4jServer, Neo4jServerOptions } from "./_server.ts";
export { Neo4jServerError, type Neo4jServerErrorCode } from "./errors.ts";
export { findJava17, parseJavaVersion } from "./_java.ts";
export { isPortFree } from "./_port.ts";
export { resolveClasspath, MAVEN_RETRY_FLAGS } from "./_classpath.ts";
