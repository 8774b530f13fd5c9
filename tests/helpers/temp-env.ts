import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseUrl } from "../../scripts/throwaway-postgres.js";

/** "postgresql" when the suite runs against TEST_DATABASE_URL (tests/setup/global-setup.ts). */
export const testDbProvider = process.env.TEST_DATABASE_URL ? "postgresql" : "sqlite";

/** A fresh copy of the migrated template database: its URL. */
function copyTemplate(root: string, template: string): string {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    fs.copyFileSync(template, path.join(root, "test.db"));
    return `file:${path.join(root, "test.db")}`;
  }
  const name = `${process.env.VITRINE_TEST_DB_PREFIX}_${randomBytes(6).toString("hex")}`;
  execFileSync(process.execPath, ["scripts/pg-admin.js", "create", server, name, template]);
  return databaseUrl(server, name);
}

/**
 * A fresh, isolated environment: its own copy of the migrated template database, uploads,
 * private documents, mail outbox and secrets.
 */
export function makeTempEnv(extra: Record<string, string> = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-test-"));
  const template = process.env.VITRINE_TEMPLATE_DB;
  if (!template) throw new Error("VITRINE_TEMPLATE_DB is not set: run the tests through vitest");
  const vars: Record<string, string> = {
    NODE_ENV: "test",
    DATABASE_URL: copyTemplate(root, template),
    UPLOADS_DIR: path.join(root, "uploads"),
    PRIVATE_DIR: path.join(root, "private"),
    DATA_DIR: path.join(root, "data"),
    MAIL_OUTBOX_DIR: path.join(root, "mail"),
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    PII_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SEED: "none",
    LOG_LEVEL: "error",
    ...extra,
  };
  return { root, vars };
}
