#!/usr/bin/env node
// `npm test`: type-check, the derived PostgreSQL schema's check, build, unit + integration tests
// (Vitest) on SQLite and again on PostgreSQL, then the browser tests (Playwright on Debian's
// Chromium, JavaScript on and off). Installs Chromium with apt when missing. PostgreSQL is the server
// in TEST_DATABASE_URL or, without it, a throw-away cluster (installed with apt when missing).
import { execFileSync, execSync } from "node:child_process";
import fs from "node:fs";
import { startThrowawayPostgres } from "./throwaway-postgres.js";

const e2eOnly = process.argv.includes("--e2e-only");
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });

function ensureChromium() {
  if (process.env.PLAYWRIGHT_USE_BUNDLED) return;
  const path = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(path)) return;
  console.log("[test] Chromium not found: installing Debian's chromium package…");
  const sudo = process.getuid?.() === 0 ? "" : "sudo ";
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: "inherit",
  });
}

fs.mkdirSync(".tmp", { recursive: true });
if (!e2eOnly) {
  run(process.execPath, ["scripts/db-schema.js", "--check"]);
  run("node_modules/.bin/tsc", ["--noEmit"]);
}
run(process.execPath, ["scripts/build.js"], { NODE_ENV: "production" });
if (!e2eOnly) {
  const { TEST_DATABASE_URL: postgresUrl, ...withoutPostgres } = process.env;
  console.log("[test] unit and integration tests on SQLite");
  execFileSync("node_modules/.bin/vitest", ["run"], { stdio: "inherit", env: withoutPostgres });
  const throwaway = postgresUrl ? null : await startThrowawayPostgres();
  try {
    console.log("[test] unit and integration tests on PostgreSQL");
    run("node_modules/.bin/vitest", ["run"], { TEST_DATABASE_URL: postgresUrl ?? throwaway.url });
  } finally {
    throwaway?.stop();
  }
}
ensureChromium();
run("node_modules/.bin/playwright", ["test"]);
