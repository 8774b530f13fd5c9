/**
 * Hot reads (docs/decisions/051): the few statements that nearly every request makes — the
 * public-page generation a page cache hit checks, the session behind a pro's cookie, the inbox's
 * page, the dashboard's counts. Through Prisma, each of them paid the client's fixed cost (its query
 * compiler runs on the event loop for every statement, raw ones included), and on SQLite waited for
 * the one connection behind the other requests' queries. Here they run as prepared statements, kept
 * per statement text: on SQLite on a second connection of the process, on PostgreSQL on a small pool
 * of their own (named statements, prepared once per connection).
 *
 * Only single statements outside any transaction belong here: these connections see what was
 * committed when the statement starts, never another request's open transaction.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { Prisma } from "~/generated/prisma/client";
import { dbProvider, retryWhileBusy } from "./db.server";
import { env } from "./env.server";

/** Statement texts come from code: a handful of shapes. The bound is a guard, not a policy. */
const MAX_STATEMENTS = 200;

type Connection = { file: string; database: Database.Database; statements: Map<string, Database.Statement> };

declare global {
  // One connection (SQLite) or pool (PostgreSQL) per process and database, also across dev rebuilds.
  var __vitrineHotReads: Connection | undefined;
  var __vitrineHotReadPool: { url: string; pool: pg.Pool; names: Map<string, string> } | undefined;
}

/** PostgreSQL connections of the hot reads, per process; Prisma's pool keeps DATABASE_POOL_SIZE. */
const POOL_SIZE = 4;
const TIMESTAMP_OID = 1114;

/**
 * Timestamps are stored without a time zone and hold UTC (as Prisma writes them); node-postgres
 * would read them in the process's local time zone.
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary"
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function postgres() {
  const url = env().DATABASE_URL;
  const current = globalThis.__vitrineHotReadPool;
  if (current && current.url === url) return current;
  void current?.pool.end();
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types });
  // An idle connection that fails is dropped by the pool; the next read opens another.
  pool.on("error", () => undefined);
  globalThis.__vitrineHotReadPool = { url, pool, names: new Map() };
  return globalThis.__vitrineHotReadPool;
}

/** A statement's name on the server: the same text always gets the same name. */
function statementName(names: Map<string, string>, text: string): string {
  let name = names.get(text);
  if (!name) {
    if (names.size >= MAX_STATEMENTS) names.clear();
    name = `hot_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

function connection(): Connection {
  const file = env().DATABASE_URL.replace(/^file:/, "");
  const current = globalThis.__vitrineHotReads;
  if (current && current.file === file) return current;
  current?.database.close();
  // No busy timeout: SQLite's own wait would block the event loop. A busy statement is retried on
  // timers instead (retryWhileBusy), as every statement of the Prisma connection is. The file is
  // the one Prisma's connection opened and migrated: never create an empty one in its place.
  const database = new Database(file, { timeout: 0, fileMustExist: true });
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

/**
 * A parameter for PostgreSQL: a date as its UTC time (a timestamp without time zone ignores the
 * offset written after it).
 */
function postgresValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** A parameter as the Prisma adapter writes it to SQLite: dates as ISO 8601 text, booleans as 0/1. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * The rows of one read-only statement. Column values come as each database gives them: on SQLite,
 * dates are ISO 8601 text and booleans 0 or 1; on PostgreSQL, `Date` and `boolean`, and 64-bit
 * integers (COUNT) as text. Callers convert with `asDate`, `asBoolean` and `Number`.
 */
export async function hotRows<T>(query: Prisma.Sql): Promise<T[]> {
  if (dbProvider === "postgresql") {
    const { pool, names } = postgres();
    const text = query.text;
    const result = await pool.query({
      name: statementName(names, text),
      text,
      values: query.values.map(postgresValue),
    });
    return result.rows as T[];
  }
  const values = query.values.map(sqliteValue);
  return retryWhileBusy(async () => prepared(query.sql).all(...values) as T[]);
}

export function asDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

export function asBoolean(value: boolean | number | bigint): boolean {
  return typeof value === "boolean" ? value : Number(value) !== 0;
}
