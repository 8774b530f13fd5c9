import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-postgresql/client";
import { providerOf, type DbProvider } from "./db-provider";
import { env } from "./env.server";

export type { Prisma } from "~/generated/prisma/client";

export { providerOf, type DbProvider };

declare global {
  // One client per process, also across dev rebuilds.
  var __vitrineDb: { client: PrismaClient; ready: Promise<void> } | undefined;
}

function create() {
  const url = env().DATABASE_URL;
  if (providerOf(url) === "postgresql") return createPostgres(url);
  // WAL is a property of the database file: set it once, synchronously, before any query can start,
  // so that readers proceed during a write. better-sqlite3 enforces foreign keys by default.
  const setup = new Database(url.replace(/^file:/, ""));
  setup.pragma("journal_mode = WAL");
  setup.close();
  // No busy timeout on the connection: SQLite's own wait would block the event loop (every request,
  // health checks and static files included). A statement that meets a lock held by another
  // process is retried asynchronously instead, for up to DB_BUSY_WAIT_MS (busyRetrying below).
  const adapter = serializedAdapter(new PrismaBetterSQLite3({ url, timeout: 0 }), {
    maxWaitMs: env().DB_BUSY_WAIT_MS,
  });
  const client = new PrismaClient({ adapter });
  return { client, ready: Promise.resolve() };
}

/**
 * PostgreSQL: a pool of connections, so queries and transactions of concurrent requests run side by
 * side. The PostgreSQL client is generated from the same data model (prisma/README.md), so its API
 * is the SQLite client's; the one cast below is what lets the rest of the app ignore which it is.
 */
function createPostgres(url: string) {
  const adapter = new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE });
  const client = new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  return { client, ready: Promise.resolve() };
}

/** A FIFO lock: `acquire` resolves with the function that lets the next holder in. */
class Lock {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    return previous.then(() => release);
  }
}

/**
 * Thrown when the database stayed locked by another process (or connection) for longer than the
 * wait allowed: the request is answered 503 with Retry-After (errors.server.ts).
 */
export class DatabaseBusyError extends Error {
  readonly code = "DATABASE_BUSY";
  constructor(readonly waitedMs: number) {
    super(`The database stayed busy for ${waitedMs} ms`);
    this.name = "DatabaseBusyError";
  }
}

/** Whether `error`, or anything it wraps, is a database that stayed busy. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof DatabaseBusyError) return true;
    if (typeof current !== "object") return false;
    // Prisma rethrows it as a known request error that keeps its code.
    if ((current as { code?: unknown }).code === "DATABASE_BUSY") return true;
    if ((current as { name?: unknown }).name === "DatabaseBusyError") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** SQLITE_BUSY, as better-sqlite3 reports it or as the Prisma adapter wraps it. */
function isSqliteBusy(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const code = (error as { code?: unknown }).code;
  const original = (error as { cause?: { originalCode?: unknown } }).cause?.originalCode;
  // A stale snapshot (SQLITE_BUSY_SNAPSHOT) cannot succeed by waiting: only plain busy is retried.
  return code === "SQLITE_BUSY" || original === "SQLITE_BUSY";
}

/**
 * Runs `attempt` until it does not meet a busy database, waiting between tries with a growing
 * delay (2 ms doubling up to 100 ms) on timers — the event loop stays free. Past `maxWaitMs`, a
 * DatabaseBusyError.
 */
async function busyRetrying<T>(attempt: () => Promise<T>, maxWaitMs: number): Promise<T> {
  const started = Date.now();
  for (let delay = 2; ; delay = Math.min(delay * 2, 100)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      const waited = Date.now() - started;
      if (waited >= maxWaitMs) throw new DatabaseBusyError(waited);
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, maxWaitMs - waited)));
    }
  }
}

/**
 * For statements that do not go through Prisma (the rate-limit store's own connection, which must
 * have no busy timeout either): `attempt` is retried on timers while the database is busy, for up
 * to DB_BUSY_WAIT_MS; past it, a DatabaseBusyError, answered 503 like any other write.
 */
export function retryWhileBusy<T>(attempt: () => Promise<T>, maxWaitMs = env().DB_BUSY_WAIT_MS): Promise<T> {
  return busyRetrying(attempt, maxWaitMs);
}

/**
 * The better-sqlite3 adapter runs every query of the process on one connection, and its lock only
 * orders transactions among themselves: a plain query from another request would run inside an
 * open transaction and be rolled back with it. Here plain queries also wait for the open
 * transaction to end, so each request's writes stand or fall on their own. A statement that meets
 * a lock held elsewhere is retried asynchronously (busyRetrying); a plain query gives the
 * connection up while it waits, so other requests' queries go on.
 */
export function serializedAdapter(
  factory: SqlDriverAdapterFactory,
  { maxWaitMs }: { maxWaitMs: number } = { maxWaitMs: 5000 },
): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const inner = await factory.connect();
      const lock = new Lock();
      const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
        const release = await lock.acquire();
        try {
          return await run();
        } finally {
          release();
        }
      };
      const plain = <T>(run: () => Promise<T>) => busyRetrying(() => exclusive(run), maxWaitMs);
      const adapter: SqlDriverAdapter = Object.create(inner);
      adapter.queryRaw = (query) => plain(() => inner.queryRaw(query));
      adapter.executeRaw = (query) => plain(() => inner.executeRaw(query));
      adapter.executeScript = (script) => plain(() => inner.executeScript(script));
      adapter.startTransaction = async (isolationLevel) => {
        const release = await lock.acquire();
        let transaction: Transaction;
        try {
          transaction = await inner.startTransaction(isolationLevel);
        } catch (error) {
          release();
          throw error;
        }
        const wrapped: Transaction = Object.create(transaction);
        // Inside a transaction the connection stays ours while a statement waits.
        wrapped.queryRaw = (query) => busyRetrying(() => transaction.queryRaw(query), maxWaitMs);
        wrapped.executeRaw = (query) => busyRetrying(() => transaction.executeRaw(query), maxWaitMs);
        wrapped.commit = async () => {
          try {
            await transaction.commit();
          } finally {
            release();
          }
        };
        wrapped.rollback = async () => {
          try {
            await transaction.rollback();
          } finally {
            release();
          }
        };
        return wrapped;
      };
      return adapter;
    },
  };
}

globalThis.__vitrineDb ??= create();

export const db = globalThis.__vitrineDb.client;
export const dbProvider: DbProvider = providerOf(env().DATABASE_URL);
export const dbReady = globalThis.__vitrineDb.ready;

/** Prisma error code of a known request error (P2002 unique, P2003 foreign key, P2025 missing). */
export function prismaErrorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}

/**
 * Whether a write was refused by a CHECK constraint. SQLite's adapter reports its own code and
 * PostgreSQL's reports SQLSTATE 23514 (check_violation); the message is the fallback for both.
 */
export function isCheckViolation(error: unknown): boolean {
  const code = prismaErrorCode(error);
  if (code === "SQLITE_CONSTRAINT_CHECK" || code === "23514") return true;
  return /CHECK constraint failed|violates check constraint/.test(String(error));
}

/**
 * A `contains` filter that ignores ASCII case on both databases: SQLite's LIKE already does,
 * PostgreSQL's needs `mode: "insensitive"` (which SQLite's client does not accept).
 */
export function containsText(value: string): { contains: string } {
  return dbProvider === "postgresql"
    ? ({ contains: value, mode: "insensitive" } as { contains: string })
    : { contains: value };
}

/**
 * A date as a parameter compared with a DateTime column in a plain statement: PostgreSQL needs the
 * cast to `timestamp` (the columns carry no time zone); SQLite compares it as bound.
 */
export function timestampParam(date: Date): Prisma.Sql {
  return dbProvider === "postgresql" ? Prisma.sql`${date}::timestamp` : Prisma.sql`${date}`;
}
