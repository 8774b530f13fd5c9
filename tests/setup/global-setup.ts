import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl } from "../../scripts/throwaway-postgres.js";

/**
 * Migrates one template database; every test file (and every test server) then works on its own
 * copy of it. With TEST_DATABASE_URL (a PostgreSQL server) the template is a PostgreSQL database and
 * the copies are `CREATE DATABASE … TEMPLATE`; otherwise SQLite files.
 *
 * A second template holds the demo data, prepared once by the same script as `npm start`
 * (scripts/prepare.ts) with its uploads, private documents and encryption key: a test server
 * started with `seed: "demo"` gets a copy of it instead of seeding again (startServer).
 */
export default function setup() {
  const migrate = (url: string) =>
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
    });
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    // A prefix per run, so two runs on one server never share or drop each other's databases.
    const prefix = `vitrine_test_${randomBytes(4).toString("hex")}`;
    const template = `${prefix}_template`;
    execFileSync(process.execPath, ["scripts/pg-admin.js", "create", server, template]);
    migrate(databaseUrl(server, template));
    process.env.VITRINE_TEMPLATE_DB = template;
    process.env.VITRINE_TEST_DB_PREFIX = prefix;
    const demo = `${prefix}_demo`;
    execFileSync(process.execPath, ["scripts/pg-admin.js", "create", server, demo, template]);
    const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-demo-"));
    prepareDemo(demoDir, databaseUrl(server, demo), demo);
    return () => {
      execFileSync(process.execPath, ["scripts/pg-admin.js", "drop", server, prefix]);
      fs.rmSync(demoDir, { recursive: true, force: true });
    };
  }
  // A folder per run, so two runs in one checkout never share or delete each other's template.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-template-"));
  const template = path.join(dir, "template.db");
  migrate(`file:${template}`);
  process.env.VITRINE_TEMPLATE_DB = template;
  const demo = path.join(dir, "demo.db");
  fs.copyFileSync(template, demo);
  prepareDemo(dir, `file:${demo}`, demo);
  // The seed's last writes may still sit in the write-ahead log: fold them into the file copied.
  const sqlite = new Database(demo);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

/** Seeds the demo template through `npm start`'s preparation; startServer copies what it wrote. */
function prepareDemo(dir: string, url: string, template: string) {
  const vars = {
    NODE_ENV: "test" as const,
    DATABASE_URL: url,
    UPLOADS_DIR: path.join(dir, "demo-uploads"),
    PRIVATE_DIR: path.join(dir, "demo-private"),
    DATA_DIR: path.join(dir, "demo-data"),
    MAIL_OUTBOX_DIR: path.join(dir, "demo-mail"),
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    PII_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SEED: "demo",
    LOG_LEVEL: "error",
  };
  execFileSync(process.execPath, ["--import", "tsx", "scripts/prepare.ts"], {
    env: { ...process.env, ...vars },
    stdio: "pipe",
  });
  process.env.VITRINE_DEMO_TEMPLATE = JSON.stringify({
    database: template,
    uploads: vars.UPLOADS_DIR,
    private: vars.PRIVATE_DIR,
    key: vars.PII_ENCRYPTION_KEY,
  });
}
