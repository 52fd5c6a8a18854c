// Starts Launch.java on Java 17 with the Neo4j classpath, waits until Bolt answers, and stops it again.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDriver } from "../../graph/neo4j/driver.ts";
import { resolveClasspath } from "./_classpath.ts";
import { findJava17 } from "./_java.ts";
import { launcherArgs } from "./_launcher.ts";
import { Neo4jServerError } from "./errors.ts";

const TOOL_DIR = dirname(fileURLToPath(import.meta.url));
const READY_LINE = /^HARVESTGRAPH_NEO4J_READY (\d+)$/m;

/** The JVM flags of Neo4j 5's own neo4j.conf (server.jvm.additional), minus the profiling-only ones. */
export const NEO4J_JVM_FLAGS = [
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-XX:+UnlockExperimentalVMOptions",
  "-XX:+TrustFinalNonStaticFields",
  "-XX:+DisableExplicitGC",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Djdk.tls.ephemeralDHKeySize=2048",
  "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
  "-Dlog4j2.disable.jmx=true",
  "-Dfile.encoding=UTF-8",
];

export type Neo4jServerOptions = {
  /** Neo4j home: the store goes to `<dataDir>/data`, logs to `<dataDir>/logs`. Created if missing. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 (the default) lets the OS pick a free one. */
  port?: number;
  /** Password of user `neo4j`; generated when absent. Set on every start, so a store may change password. */
  password?: string;
  heapMb?: number;
  pageCacheMb?: number;
  /** How long to wait for the JVM and Bolt, in ms. */
  startTimeoutMs?: number;
};

export const DEFAULT_NEO4J_SERVER_OPTIONS = {
  port: 0,
  heapMb: 512,
  pageCacheMb: 64,
  startTimeoutMs: 180_000,
} as const;

export type Neo4jServer = {
  uri: string;
  user: string;
  password: string;
  port: number;
  pid: number;
  dataDir: string;
  /** Settles when the JVM exits, for whatever reason (stop(), a crash, a kill). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Shuts the server down cleanly (checkpoint, then exit); safe to call twice. */
  stop(): Promise<void>;
};

/** A password strong enough for a local store: 24 URL-safe characters. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

function lastLines(text: string, n: number): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-n)
    .join(" | ");
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => resolvePromise(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolvePromise(true);
    });
  });
}

/** Closing stdin asks Launch.java to shut down; SIGTERM, then SIGKILL, if it does not. */
async function stopChild(child: ChildProcess): Promise<void> {
  child.stdin?.end();
  if (await waitForExit(child, 30_000)) return;
  child.kill("SIGTERM");
  if (await waitForExit(child, 15_000)) return;
  child.kill("SIGKILL");
  await waitForExit(child, 5_000);
}

/** Resolves with the Bolt port once Launch.java prints its ready line; rejects if it exits or times out first. */
function waitForReady(child: ChildProcess, timeoutMs: number, logs: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    let stdout = "";
    let stderr = "";
    const done = (error: Error | null, port?: number) => {
      clearTimeout(timer);
      child.stdout?.off("data", onStdout);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolvePromise(port!);
    };
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const match = READY_LINE.exec(stdout);
      if (match) done(null, Number(match[1]));
    };
    const onExit = (code: number | null, signal: string | null) => {
      // Launch.java reports a failure as one "Launch: …" line; anything else (a JVM error) shows as its last lines.
      const reason = /^Launch: (.*)$/m.exec(stderr)?.[1] ?? (lastLines(stderr, 3) || "no output");
      done(new Neo4jServerError("E_START", `Neo4j exited before it was ready (${signal ?? `exit code ${code}`}): ${reason}; see ${logs}`));
    };
    const timer = setTimeout(
      () => done(new Neo4jServerError("E_TIMEOUT", `Neo4j was not ready after ${Math.round(timeoutMs / 1000)} s; see ${logs}`)),
      timeoutMs,
    );
    child.stdout?.on("data", onStdout);
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-8_000);
    });
    child.on("exit", onExit);
  });
}

/** Polls verifyConnectivity until Bolt accepts our credentials (the ready line comes just before it can). */
async function waitForBolt(uri: string, password: string, deadline: number): Promise<void> {
  const driver = createDriver({ uri, user: "neo4j", password, source: "local" });
  try {
    for (;;) {
      try {
        await driver.verifyConnectivity();
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Neo4jServerError("E_TIMEOUT", `Neo4j at ${uri} did not accept connections: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    await driver.close();
  }
}

/**
 * Starts Neo4j 5.26 Community on 127.0.0.1 with auth on, its store in `dataDir`, and resolves once
 * `verifyConnectivity()` succeeds. Throws Neo4jServerError (E_JAVA, E_MAVEN, E_START, E_TIMEOUT) with one clear line.
 */
export async function startNeo4jServer(options: Neo4jServerOptions): Promise<Neo4jServer> {
  // Options given as `undefined` keep their default.
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const opts = { ...DEFAULT_NEO4J_SERVER_OPTIONS, ...given } as typeof DEFAULT_NEO4J_SERVER_OPTIONS & Neo4jServerOptions;
  const dataDir = resolve(opts.dataDir);
  const password = opts.password ?? generatePassword();
  if (password.length < 8 || /[\r\n]/.test(password))
    throw new Neo4jServerError("E_START", "startNeo4jServer: the password must have at least 8 characters and no line break");

  // 1. Java 17 and the jars (Maven runs only when the classpath cache is missing or stale).
  const java = findJava17();
  const classpath = await resolveClasspath(TOOL_DIR);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  // 2. The JVM, with the password on stdin (not argv, which other users can read).
  const args = [
    `-Xms${Math.min(128, opts.heapMb)}m`,
    `-Xmx${opts.heapMb}m`,
    ...NEO4J_JVM_FLAGS,
    ...launcherArgs(java, join(TOOL_DIR, "Launch.java"), classpath),
    "--home",
    dataDir,
    "--port",
    String(opts.port),
    "--pagecache-mb",
    String(opts.pageCacheMb),
  ];
  const child = spawn(java, args, { cwd: dataDir, stdio: ["pipe", "pipe", "pipe"] });
  const spawned = new Promise<void>((resolvePromise, reject) => {
    child.once("spawn", resolvePromise);
    child.once("error", (error) => reject(new Neo4jServerError("E_JAVA", `cannot run ${java}: ${error.message}`)));
  });
  // stdout is drained so a chatty JVM never blocks on a full pipe.
  child.stdout.on("data", () => {});
  child.stderr.on("data", () => {});
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolvePromise) =>
    child.once("exit", (code, signal) => resolvePromise({ code, signal })),
  );
  const deadline = Date.now() + opts.startTimeoutMs;

  try {
    await spawned;
    child.stdin.write(`${password}\n`);
    // 3. Ready line, then a real Bolt handshake with the password.
    const port = await waitForReady(child, opts.startTimeoutMs, join(dataDir, "logs", "debug.log"));
    const uri = `bolt://127.0.0.1:${port}`;
    await waitForBolt(uri, password, deadline);
    let stopping: Promise<void> | null = null;
    return {
      uri,
      user: "neo4j",
      password,
      port,
      pid: child.pid!,
      dataDir,
      exited,
      stop: () => (stopping ??= stopChild(child)),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
