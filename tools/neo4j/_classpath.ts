// Resolves the Neo4j jars with Maven once and caches the classpath, so later starts spawn no Maven at all.
// Jars stay in Maven's local repository (~/.m2), outside the checkout: a fresh clone on the same machine reuses them.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { Neo4jServerError } from "./errors.ts";

/** Maven 3.8 downloads through Wagon: retry I/O errors and 408/429/5xx answers (Central throttles bursts). */
export const MAVEN_RETRY_FLAGS = [
  "-Dmaven.wagon.http.retryHandler.count=5",
  "-Dmaven.wagon.http.serviceUnavailableRetryStrategy.class=standard",
  "-Dmaven.wagon.http.serviceUnavailableRetryStrategy.maxRetries=8",
  "-Dmaven.wagon.http.serviceUnavailableRetryStrategy.retryInterval=3000",
  // Maven ≥ 3.9 uses the resolver's own transport (which already retries 429/503); this raises its count.
  "-Daether.connector.http.retryHandler.count=5",
];

const MAVEN_TIMEOUT_MS = 15 * 60_000;

/** ~/.cache/harvestgraph (or $XDG_CACHE_HOME/harvestgraph): derived files that any checkout on this machine may share. */
export function harvestgraphCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "harvestgraph");
}

/** The cache file is named by the pom's hash, so changing the pinned version resolves again. */
export function classpathCacheFile(pomPath: string, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash("sha256").update(readFileSync(pomPath)).digest("hex").slice(0, 16);
  return join(harvestgraphCacheDir(env), `neo4j-classpath-${hash}.txt`);
}

function readCachedClasspath(file: string): string | null {
  if (!existsSync(file)) return null;
  const classpath = readFileSync(file, "utf8").trim();
  const jars = classpath.split(delimiter).filter(Boolean);
  // A cleaned ~/.m2 invalidates the cache.
  return jars.length > 0 && jars.every((jar) => existsSync(jar)) ? classpath : null;
}

function runMaven(args: string[], cwd: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("mvn", args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGTERM"), MAVEN_TIMEOUT_MS);
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new Neo4jServerError(
          "E_MAVEN",
          error.code === "ENOENT" ? "mvn not found on PATH: install Maven (apt-get install maven)" : `mvn: ${error.message}`,
        ),
      );
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolvePromise();
      const firstError = output
        .split("\n")
        .map((line) => line.replace(/\x1b\[[0-9;]*m/g, "").trim())
        .find((line) => line.startsWith("[ERROR]") && line.length > "[ERROR]".length + 1);
      const why = firstError ?? (signal ? `killed by ${signal}` : `exit code ${code}`);
      reject(new Neo4jServerError("E_MAVEN", `mvn could not resolve Neo4j (${cwd}/pom.xml): ${why}`));
    });
  });
}

/** The Neo4j runtime classpath for the pom in `toolDir`: from the cache, or resolved once with Maven. */
export async function resolveClasspath(toolDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const pom = join(toolDir, "pom.xml");
  const cacheFile = classpathCacheFile(pom, env);
  const cached = readCachedClasspath(cacheFile);
  if (cached) return cached;

  mkdirSync(harvestgraphCacheDir(env), { recursive: true });
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    await runMaven(
      [
        "-B",
        "-q",
        "-f",
        pom,
        ...MAVEN_RETRY_FLAGS,
        "dependency:build-classpath",
        "-Dmdep.includeScope=runtime",
        `-Dmdep.outputFile=${tmp}`,
      ],
      toolDir,
    );
    // Written through a rename: two processes resolving at once never read a half file.
    writeFileSync(tmp, readFileSync(tmp, "utf8").trim());
    renameSync(tmp, cacheFile);
  } finally {
    rmSync(tmp, { force: true });
  }
  const classpath = readCachedClasspath(cacheFile);
  if (!classpath) throw new Neo4jServerError("E_MAVEN", `mvn wrote an empty or broken classpath to ${cacheFile}`);
  return classpath;
}
