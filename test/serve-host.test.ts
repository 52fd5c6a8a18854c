// Servers bind 127.0.0.1 by default; another --host is allowed but warned about.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { tempDir } from "./_cli.ts";

function startAndRead(args: string[]): Promise<{ url: string; stderr: string }> {
  const child = spawn(process.execPath, ["cli/bin.mjs", "start", "--data", tempDir(), ...args], { env: { ...process.env, NEO4J_URI: "" } });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.kill(), reject(new Error(`no URL; stderr: ${stderr}`))), 100_000);
    child.stdout.on("data", (d) => {
      stdout += d;
      const url = /^(http:\/\/\S+\/)$/m.exec(stdout)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.kill("SIGTERM");
      resolve({ url, stderr });
    });
  });
}

describe("harvestgraph start", () => {
  it("binds 127.0.0.1 and prints no warning by default", async () => {
    const { url, stderr } = await startAndRead(["--port", "5463"]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(stderr).not.toMatch(/warning: serving on/);
  }, 150_000);

  it("warns when --host makes the viewer reachable from other machines", async () => {
    const { url, stderr } = await startAndRead(["--port", "5473", "--host", "0.0.0.0"]);
    expect(url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
    expect(stderr).toMatch(/warning: serving on 0\.0\.0\.0: other machines on the network can read this graph/);
  }, 150_000);
});
