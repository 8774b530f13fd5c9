/**
 * Hot reads (docs/decisions/051): the few statements that nearly every request makes — the
 * public-page generation a page cache hit checks, the session behind a pro's cookie. Through Prisma,
 * each of them paid the client's fixed cost (its query compiler runs on the event loop for every
 * statement, raw ones included) and waited for SQLite's one connection behind the other requests'
 * queries. On SQLite they run here as prepared statements on a second connection of the process,
 * kept per statement text; on PostgreSQL they go through Prisma's `$queryRaw` on the pool.
 *
 * Only single statements outside any transaction belong here: the second connection sees what was
 * committed when the statement starts, never another request's open transaction.
 */
import Database from "better-sqlite3";
import type { Prisma } from "~/generated/prisma/client";
import { db, dbProvider, retryWhileBusy } from "./db.server";
import { env } from "./env.server";

/** Statement texts come from code: a handful of shapes. The bound is a guard, not a policy. */
const MAX_STATEMENTS = 200;

type Connection = { file: string; database: Database.Database; statements: Map<string, Database.Statement> };

declare global {
  // One connection per process and database file, also across dev rebuilds.
  var __vitrineHotReads: Connection | undefined;
}

function connection(): Connection {
  const file = env().DATABASE_URL.replace(/^file:/, "");
  const current = globalThis.__vitrineHotReads;
  if (current && current.file === file) return current;
  current?.database.close();
  // No busy timeout: SQLite's own wait would block the event loop. A busy statement is retried on
  // timers instead (retryWhileBusy), as every statement of the Prisma connection is.
  const database = new Database(file, { timeout: 0 });
  globalThis.__vitrineHotReads = { file, database, statements: new Map() };
  return globalThis.__vitrineHotReads;
}

function prepared(sql: string): Database.Statement {
  const { database, statements } = connection();
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statement = database.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** A parameter as the Prisma adapter writes it to SQLite: dates as ISO 8601 text, booleans as 0/1. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * The rows of one read-only statement. Column values come as each database gives them: on SQLite,
 * dates are ISO 8601 text and booleans 0 or 1; on PostgreSQL, `Date` and `boolean`. Callers convert
 * with `asDate` and `asBoolean`.
 */
export async function hotRows<T>(query: Prisma.Sql): Promise<T[]> {
  if (dbProvider === "postgresql") return db.$queryRaw<T[]>(query);
  const values = query.values.map(sqliteValue);
  return retryWhileBusy(async () => prepared(query.sql).all(...values) as T[]);
}

export function asDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

export function asBoolean(value: boolean | number | bigint): boolean {
  return typeof value === "boolean" ? value : Number(value) !== 0;
}
