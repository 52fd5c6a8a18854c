// Starts the real `harvestgraph start` in a child process and waits for the URL it prints, for browser tests of the served app.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

export type RunningStart = { child: ChildProcessWithoutNullStreams; url: string; stderr: () => string };

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningStart> {
  const child = spawn(process.execPath, ["cli/bin.mjs", "start", ...args], { env: { ...process.env, NEO4J_URI: "", ...env } });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start printed no URL in 120 s; stderr: ${stderr}`)), 120_000);
    child.stdout.on("data", (d) => {
      stdout += d;
      const url = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, stderr: () => stderr });
      }
    });
    child.on("exit", (code) => reject(new Error(`start exited ${code} before printing a URL; stderr: ${stderr}`)));
  });
}
