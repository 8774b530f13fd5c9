/**
 * Where rate-limit counters live (docs/decisions/024): in the database, so that a limit of 5 per IP
 * holds across every instance and survives restarts. rate-limiter-flexible has a store per
 * database; both use the `RateLimit` table of our migrations (key, points, expire in ms) and
 * count with one atomic upsert. They get their own small connection rather than Prisma's, because
 * the library speaks to the drivers directly.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterSQLite, type RateLimiterAbstract } from "rate-limiter-flexible";
import { dbProvider } from "./db.server";
import { env } from "./env.server";

const TABLE = "RateLimit";

declare global {
  // One connection per process, also across dev rebuilds.
  var __vitrineRateLimitConnection: Database.Database | pg.Pool | undefined;
}

function sqliteConnection(): Database.Database {
  if (!(globalThis.__vitrineRateLimitConnection instanceof Database)) {
    const connection = new Database(env().DATABASE_URL.replace(/^file:/, ""));
    // Another process may be writing: wait for it rather than fail.
    connection.pragma("busy_timeout = 5000");
    globalThis.__vitrineRateLimitConnection = connection;
  }
  return globalThis.__vitrineRateLimitConnection;
}

function postgresPool(): pg.Pool {
  if (!(globalThis.__vitrineRateLimitConnection instanceof pg.Pool)) {
    globalThis.__vitrineRateLimitConnection = new pg.Pool({ connectionString: env().DATABASE_URL, max: 2 });
  }
  return globalThis.__vitrineRateLimitConnection;
}

/** A limiter of `points` per `durationSeconds` for keys under `keyPrefix`, stored in the database. */
export function createRateLimitStore(options: {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}): RateLimiterAbstract {
  const common = {
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSeconds,
    tableName: TABLE,
    // The table comes from the migrations, never from the library.
    tableCreated: true,
    clearExpiredByTimeout: true,
  };
  return dbProvider === "postgresql"
    ? new RateLimiterPostgres({ ...common, storeClient: postgresPool(), storeType: "pool" })
    : new RateLimiterSQLite({ ...common, storeClient: sqliteConnection(), storeType: "better-sqlite3" });
}
