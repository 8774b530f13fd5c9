import path from "node:path";
import { defineConfig } from "vitest/config";

// Suites that run once, on SQLite. They test the HTTP server itself — start-up, security headers,
// body limits, a full disk, graceful shutdown (one process and WEB_CONCURRENCY) — where the
// database plays no part in what is checked; running them twice would add minutes to CI (kept
// under 20 on 2 cores) for no new coverage. Their few rows are read with better-sqlite3.
const SQLITE_ONLY = [
  "tests/integration/foundation.test.ts",
  "tests/integration/server-hardening.test.ts",
  "tests/integration/disk-full.test.ts",
  "tests/integration/shutdown.test.ts",
  // Another process holding SQLite's file lock: a SQLite-only situation.
  "tests/integration/db-lock.test.ts",
];

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: ["app/**/*.test.ts", "server/**/*.test.ts", "tests/integration/**/*.test.ts", "prisma/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(process.env.TEST_DATABASE_URL ? SQLITE_ONLY : [])],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-file.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    // Starting a server on the demo data set (seeding included) takes far longer on a busy machine.
    hookTimeout: 300_000,
  },
});
