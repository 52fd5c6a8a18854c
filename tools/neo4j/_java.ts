// Finds a Java 17 runtime for Neo4j 5.26 (which supports only 17 and 21), never whatever `java` is first on the PATH.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Neo4jServerError } from "./errors.ts";

const JVM_DIR = "/usr/lib/jvm";

/** Candidate JDK homes, most explicit first: JAVA17_HOME, Debian's path, any other *17* JDK, then JAVA_HOME. */
function candidateHomes(env: NodeJS.ProcessEnv): string[] {
  const homes: string[] = [];
  if (env.JAVA17_HOME) homes.push(env.JAVA17_HOME);
  homes.push(join(JVM_DIR, "java-17-openjdk-amd64"), join(JVM_DIR, "java-17-openjdk-arm64"));
  if (existsSync(JVM_DIR)) {
    for (const name of readdirSync(JVM_DIR).sort()) if (/(^|\D)17(\D|$)/.test(name)) homes.push(join(JVM_DIR, name));
  }
  if (env.JAVA_HOME) homes.push(env.JAVA_HOME);
  return [...new Set(homes)];
}

/** `java -version` text → major version: `openjdk version "17.0.15"` → 17, `"1.8.0_1"` → 8. */
export function parseJavaVersion(text: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

function majorVersionOf(javaBin: string): number | null {
  const result = spawnSync(javaBin, ["-version"], { encoding: "utf8", timeout: 20_000 });
  return result.status === 0 ? parseJavaVersion(`${result.stderr}${result.stdout}`) : null;
}

/** Path of a Java 17 `java` binary; throws E_JAVA naming what was tried. */
export function findJava17(env: NodeJS.ProcessEnv = process.env): string {
  const tried: string[] = [];
  for (const home of candidateHomes(env)) {
    const bin = join(home, "bin", "java");
    if (!existsSync(bin)) continue;
    const major = majorVersionOf(bin);
    if (major === 17) return bin;
    tried.push(`${home} is ${major ?? "unreadable"}`);
  }
  const detail = tried.length ? ` (${tried.join("; ")})` : "";
  throw new Neo4jServerError("E_JAVA", `Java 17 not found${detail}: install openjdk-17-jdk-headless or set JAVA17_HOME`);
}
