import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

export type { Prisma } from "~/generated/prisma/client";

declare global {
  // One client per process, also across dev rebuilds.
  var __vitrineDb: { client: PrismaClient; ready: Promise<void> } | undefined;
}

function create() {
  const adapter = new PrismaBetterSQLite3({ url: env().DATABASE_URL, timeout: 5000 });
  const client = new PrismaClient({ adapter });
  // WAL lets readers proceed during a write; the busy timeout makes writers queue instead of failing.
  const ready = (async () => {
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
    await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  })();
  return { client, ready };
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
