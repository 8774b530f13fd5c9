// Serves the built app for the browser tests: its own temporary database seeded with the demo
// data, its own folders, a short anonymity window, and client addresses taken from
// X-Forwarded-For so each test can act as a different visitor for the rate limits.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const port = process.argv[2] ?? "3107";
const root = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-e2e-"));
const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  DATABASE_URL: `file:${path.join(root, "e2e.db")}`,
  UPLOADS_DIR: path.join(root, "uploads"),
  PRIVATE_DIR: path.join(root, "private"),
  DATA_DIR: path.join(root, "data"),
  MAIL_OUTBOX_DIR: path.join(root, "mail"),
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  PII_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  SEED: "demo",
  TRUST_PROXY: "1",
  ANONYMITY_WINDOW_SECONDS: process.env.E2E_ANONYMITY_WINDOW_SECONDS ?? "3",
  JOB_POLL_MS: "200",
  LOG_LEVEL: "warn",
};
fs.mkdirSync(".tmp", { recursive: true });
fs.writeFileSync(path.resolve(".tmp/e2e-env.json"), JSON.stringify({ root, mailDir: env.MAIL_OUTBOX_DIR }));
execFileSync(process.execPath, ["--import", "tsx", "scripts/prepare.ts"], { env, stdio: "inherit" });
const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env, stdio: "inherit" });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  fs.rmSync(root, { recursive: true, force: true });
  process.exit(code ?? 0);
});
