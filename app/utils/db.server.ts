import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

export type { Prisma } from "~/generated/prisma/client";

declare global {
  // One client per process, also across dev rebuilds.
  var __vitrineDb: { client: PrismaClient; ready: Promise<void> } | undefined;
}

function create() {
  const url = env().DATABASE_URL;
  // WAL is a property of the database file: set it once, synchronously, before any query can start,
  // so that readers proceed during a write. The adapter's own connection gets a 5 s busy timeout,
  // so writers queue instead of failing; better-sqlite3 enforces foreign keys by default.
  const setup = new Database(url.replace(/^file:/, ""));
  setup.pragma("journal_mode = WAL");
  setup.close();
  const adapter = new PrismaBetterSQLite3({ url, timeout: 5000 });
  const client = new PrismaClient({ adapter });
  return { client, ready: Promise.resolve() };
}

globalThis.__vitrineDb ??= create();

export const db = globalThis.__vitrineDb.client;
export const dbReady = globalThis.__vitrineDb.ready;

/** Prisma error code of a known request error (P2002 unique, P2003 foreign key, P2025 missing). */
export function prismaErrorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}
