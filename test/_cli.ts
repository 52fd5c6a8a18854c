// Runs the real `harvestgraph` executable in a child process, for tests of the command-line contract.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type CliResult = { status: number | null; stdout: string; stderr: string };

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(process.cwd(), "cli/bin.mjs"), ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NEO4J_URI: "", HARVESTGRAPH_DATA: "", ...options.env },
    input: options.input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = "hg-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
