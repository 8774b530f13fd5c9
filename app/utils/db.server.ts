import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
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
  // so that readers proceed during a write. The adapter's own connection gets a 5 s busy timeout,
  // so writers queue instead of failing; better-sqlite3 enforces foreign keys by default.
  const setup = new Database(url.replace(/^file:/, ""));
  setup.pragma("journal_mode = WAL");
  setup.close();
  const adapter = serializedAdapter(new PrismaBetterSQLite3({ url, timeout: 5000 }));
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
 * The better-sqlite3 adapter runs every query of the process on one connection, and its lock only
 * orders transactions among themselves: a plain query from another request would run inside an
 * open transaction and be rolled back with it. Here plain queries also wait for the open
 * transaction to end, so each request's writes stand or fall on their own.
 */
export function serializedAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
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
      const adapter: SqlDriverAdapter = Object.create(inner);
      adapter.queryRaw = (query) => exclusive(() => inner.queryRaw(query));
      adapter.executeRaw = (query) => exclusive(() => inner.executeRaw(query));
      adapter.executeScript = (script) => exclusive(() => inner.executeScript(script));
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
