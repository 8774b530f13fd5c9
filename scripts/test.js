#!/usr/bin/env node
// `npm test`: type-check, build, unit + integration tests (Vitest), then the browser tests
// (Playwright on Debian's Chromium, JavaScript on and off). Installs Chromium with apt when missing.
import { execFileSync, execSync } from "node:child_process";
import fs from "node:fs";

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
if (!e2eOnly) run("node_modules/.bin/tsc", ["--noEmit"]);
run(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], { NODE_ENV: "production" });
if (!e2eOnly) run("node_modules/.bin/vitest", ["run"]);
ensureChromium();
run("node_modules/.bin/playwright", ["test"]);
