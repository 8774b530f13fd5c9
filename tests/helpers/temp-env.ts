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

/** The demo data prepared once per run by tests/setup/global-setup.ts. */
type DemoTemplate = { database: string; uploads: string; private: string; key: string };

/**
 * A fresh, isolated environment: its own copy of the migrated template database, uploads,
 * private documents, mail outbox and secrets. With `demo`, a copy of the demo data instead: its
 * database, photos and identity documents, and the key its personal data is encrypted with.
 */
export function makeTempEnv(extra: Record<string, string> = {}, options: { demo?: boolean } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-test-"));
  const empty = process.env.VITRINE_TEMPLATE_DB;
  if (!empty) throw new Error("VITRINE_TEMPLATE_DB is not set: run the tests through vitest");
  const demo = options.demo ? (JSON.parse(process.env.VITRINE_DEMO_TEMPLATE ?? "null") as DemoTemplate | null) : null;
  if (options.demo && !demo) throw new Error("VITRINE_DEMO_TEMPLATE is not set: run the tests through vitest");
  const vars: Record<string, string> = {
    NODE_ENV: "test",
    DATABASE_URL: copyTemplate(root, demo?.database ?? empty),
    UPLOADS_DIR: path.join(root, "uploads"),
    PRIVATE_DIR: path.join(root, "private"),
    DATA_DIR: path.join(root, "data"),
    MAIL_OUTBOX_DIR: path.join(root, "mail"),
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    PII_ENCRYPTION_KEY: demo?.key ?? randomBytes(32).toString("base64"),
    SEED: "none",
    LOG_LEVEL: "error",
    ...extra,
  };
  if (demo) {
    fs.cpSync(demo.uploads, vars.UPLOADS_DIR, { recursive: true });
    fs.cpSync(demo.private, vars.PRIVATE_DIR, { recursive: true });
  }
  return { root, vars };
}
