// Runs a measuring child (bench/_child.ts) or a CLI command in a fresh Node process, with a time limit; the one place
// the benchmark starts processes.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ChildReport } from "./schema.ts";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHILD = fileURLToPath(new URL("./_child.ts", import.meta.url));
const CLI = fileURLToPath(new URL("../cli/bin.mjs", import.meta.url));

export type Run = { code: number | null; stdout: string; stderr: string; seconds: number; timedOut: boolean };

/** Runs `node ARGS` from the project root; stdout and stderr are collected, the child is killed after `timeoutMs`. */
export function runNode(args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env, FORCE_COLOR: "0" } });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr = (stderr + d).slice(-20_000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (performance.now() - start) / 1000, timedOut });
    });
  });
}

/** A child's report; `saved`: how many chunk files a pipeline child with --save wrote (0 when saving failed). */
export type ChildResult = { ok: true; report: ChildReport; saved?: number } | { ok: false; why: string };

export type MeasureOptions = { env?: NodeJS.ProcessEnv };

/**
 * One measurement in a fresh process: its report, or why there is none. The report is the first stdout line that
 * parses as one; a pipeline child may fail afterwards, while saving its extraction, without losing the measurement.
 */
export async function measure(task: ChildReport["task"], args: string[], timeoutMs: number, options: MeasureOptions = {}): Promise<ChildResult> {
  const run = await runNode(["--import", "tsx", CHILD, task, ...args], timeoutMs, options.env);
  const lines = run.stdout.trim().split("\n").map(safeJson);
  const report = lines.map((line) => ChildReport.safeParse(line)).find((parsed) => parsed.success)?.data;
  if (!report) {
    if (run.timedOut) return { ok: false, why: `stopped after ${Math.round(timeoutMs / 1000)} s (the bench's limit for one run)` };
    return { ok: false, why: `the ${task} child failed (exit ${run.code}): ${lastLine(run.stderr)}` };
  }
  if (!args.includes("--save")) return { ok: true, report };
  const saved = lines.find((line): line is { saved: number } => typeof (line as { saved?: unknown } | null)?.saved === "number");
  return { ok: true, report, saved: run.code === 0 && saved ? saved.saved : 0 };
}

/** Runs `harvestgraph ARGS` as a user would. */
export function runCli(args: string[], timeoutMs: number): Promise<Run> {
  return runNode([CLI, ...args], timeoutMs);
}

export function lastLine(text: string): string {
  return (
    text
      .trim()
      .split("\n")
      .filter((l) => l.trim() !== "")
      .pop() ?? "no output"
  ).slice(0, 300);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
