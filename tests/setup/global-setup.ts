import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseUrl } from "../../scripts/throwaway-postgres.js";

/**
 * Migrates one template database; every test file (and every test server) then works on its own
 * copy of it. With TEST_DATABASE_URL (a PostgreSQL server) the template is a PostgreSQL database and
 * the copies are `CREATE DATABASE … TEMPLATE`; otherwise SQLite files.
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
    return () => execFileSync(process.execPath, ["scripts/pg-admin.js", "drop", server, prefix]);
  }
  // A folder per run, so two runs in one checkout never share or delete each other's template.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-template-"));
  const template = path.join(dir, "template.db");
  migrate(`file:${template}`);
  process.env.VITRINE_TEMPLATE_DB = template;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
