import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl } from "../../scripts/throwaway-postgres.js";
import { makeTempEnv, testDbProvider } from "../helpers/temp-env";

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
    const demoRoot = prepareDemo();
    return () => {
      execFileSync(process.execPath, ["scripts/pg-admin.js", "drop", server, prefix]);
      fs.rmSync(demoRoot, { recursive: true, force: true });
    };
  }
  // A folder per run, so two runs in one checkout never share or delete each other's template.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-template-"));
  const template = path.join(dir, "template.db");
  migrate(`file:${template}`);
  process.env.VITRINE_TEMPLATE_DB = template;
  const demoRoot = prepareDemo();
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(demoRoot, { recursive: true, force: true });
  };
}

/**
 * Seeds the demo template through `npm start`'s preparation, in an environment of its own made like
 * any test file's (a copy of the migrated template, its folders and keys); startServer copies what
 * it wrote. Returns that environment's folder, for the teardown.
 */
function prepareDemo(): string {
  const { root, vars } = makeTempEnv({ SEED: "demo" });
  execFileSync(process.execPath, ["--import", "tsx", "scripts/prepare.ts"], {
    env: { ...process.env, ...vars },
    stdio: "pipe",
  });
  let database: string;
  if (testDbProvider === "sqlite") {
    database = vars.DATABASE_URL.replace(/^file:/, "");
    // The seed's last writes may still sit in the write-ahead log: fold them into the file copied.
    const sqlite = new Database(database);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
  } else {
    database = new URL(vars.DATABASE_URL).pathname.slice(1);
  }
  process.env.VITRINE_DEMO_TEMPLATE = JSON.stringify({
    database,
    uploads: vars.UPLOADS_DIR,
    private: vars.PRIVATE_DIR,
    key: vars.PII_ENCRYPTION_KEY,
  });
  return root;
}
