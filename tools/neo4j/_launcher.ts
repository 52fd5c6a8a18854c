// Compiles Launch.java once into the cache (saves a few seconds per start); falls back to source-file mode without javac.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { harvestgraphCacheDir } from "./_classpath.ts";

/** The `java` arguments that run Launch with `classpath`: `-cp … Launch` or `-cp … Launch.java`. */
export function launcherArgs(javaBin: string, launchSource: string, classpath: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const sourceMode = ["-cp", classpath, launchSource];
  const javac = join(dirname(javaBin), "javac");
  if (!existsSync(javac)) return sourceMode;

  const hash = createHash("sha256").update(readFileSync(launchSource)).update(classpath).update(javaBin).digest("hex").slice(0, 16);
  const classesDir = join(harvestgraphCacheDir(env), `neo4j-launcher-${hash}`);
  const withClasses = ["-cp", `${classesDir}:${classpath}`, "Launch"];
  if (existsSync(join(classesDir, "Launch.class"))) return withClasses;

  // Compiled into a private folder then renamed: two processes compiling at once never see half a class file.
  const tmp = `${classesDir}.${process.pid}.tmp`;
  mkdirSync(tmp, { recursive: true });
  const result = spawnSync(javac, ["-nowarn", "-cp", classpath, "-d", tmp, launchSource], { encoding: "utf8", timeout: 120_000 });
  if (result.status === 0 && !existsSync(classesDir)) {
    renameSync(tmp, classesDir);
    return withClasses;
  }
  rmSync(tmp, { recursive: true, force: true });
  return existsSync(join(classesDir, "Launch.class")) ? withClasses : sourceMode;
}
