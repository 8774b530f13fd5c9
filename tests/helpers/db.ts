import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-postgresql/client";
import { providerOf } from "~/utils/db-provider";

/** A Prisma client on a test server's database, whichever provider the suite runs on. */
export function openTestDb(url: string): PrismaClient {
  if (providerOf(url) === "postgresql") {
    return new PostgresPrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: 4 }),
    }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
}
