/**
 * Start-up steps that must happen once per database however many instances start at the same time
 * (docs/decisions/025): they run under a lock held for the whole preparation, and migrations are
 * only handed to `prisma migrate deploy` when some are pending, so an instance started next to a
 * running one on the same SQLite file never touches its schema.
 *
 * - PostgreSQL: a session-level advisory lock (released by the server if the process dies).
 * - SQLite: a lock file next to the database, holding the owner's pid; a lock whose owner no
 *   longer runs is taken over. An SQLite file is only ever shared on one machine, so a pid is
 *   enough to tell.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, type DbProvider } from "../app/utils/db-provider";

/** Arbitrary, constant: the advisory-lock key of Vitrine's start-up. */
const ADVISORY_KEY = 7_305_114_011;
const LOCK_WAIT_MS = 10 * 60_000;

const MIGRATIONS_DIR: Record<DbProvider, string> = {
  sqlite: path.resolve("prisma/migrations"),
  postgresql: path.resolve("prisma/postgresql/migrations"),
};

function migrationNames(provider: DbProvider): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR[provider])
    .filter(
      (name) => /^\d{14}_/.test(name) && fs.existsSync(path.join(MIGRATIONS_DIR[provider], name, "migration.sql")),
    )
    .sort();
}

type Session = {
  /** Names of the migrations the database records as applied. */
  applied(): Promise<Set<string>>;
  release(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function lockPostgres(url: string): Promise<Session> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_KEY]);
  return {
    async applied() {
      const { rows } = await client.query<{ exists: boolean }>(
        "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
      );
      if (!rows[0]?.exists) return new Set();
      const result = await client.query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      );
      return new Set(result.rows.map((row) => row.migration_name));
    },
    async release() {
      try {
        await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_KEY]);
      } finally {
        await client.end();
      }
    },
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function lockSqlite(url: string): Promise<Session> {
  const file = path.resolve(url.replace(/^file:/, ""));
  const lockFile = `${file}.startup-lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockFile, "utf8").trim() || "0");
      // A lock left by a process that died (or was half-written) is stale: take it over.
      if (owner && !isRunning(owner)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another start-up has held ${lockFile} for too long`);
      await sleep(100);
    }
  }
  return {
    async applied() {
      if (!fs.existsSync(file)) return new Set();
      const sqlite = new Database(file, { readonly: true, fileMustExist: true });
      try {
        sqlite.pragma("busy_timeout = 5000");
        const table = sqlite
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
          .get();
        if (!table) return new Set();
        const rows = sqlite
          .prepare(
            "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
          )
          .all() as { migration_name: string }[];
        return new Set(rows.map((row) => row.migration_name));
      } finally {
        sqlite.close();
      }
    },
    async release() {
      fs.rmSync(lockFile, { force: true });
    },
  };
}

/**
 * Runs `work` while holding the database's start-up lock, after applying pending migrations.
 * Resolves with the names of the migrations applied (none when the database was up to date).
 */
export async function prepareDatabaseOnce(url: string, work: () => Promise<void>): Promise<string[]> {
  const provider = providerOf(url);
  const session = provider === "postgresql" ? await lockPostgres(url) : await lockSqlite(url);
  try {
    const applied = await session.applied();
    const pending = migrationNames(provider).filter((name) => !applied.has(name));
    if (pending.length > 0) {
      execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, DATABASE_URL: url },
      });
    }
    await work();
    return pending;
  } finally {
    await session.release();
  }
}
