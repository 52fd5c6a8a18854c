// Two test projects: fast pure tests in parallel, and tests against the real Neo4j and Chromium one file at a time.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/integration/**"],
          setupFiles: ["test/_fail-on-console.ts"],
          // CLI tests spawn the real executable; on a loaded 2-core machine a spawn can take seconds.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          setupFiles: ["test/_fail-on-console.ts"],
          globalSetup: ["test/integration/_global-setup.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
