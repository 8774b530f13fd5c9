/**
 * The one raw statement of listing photos (docs/decisions/023): insert a batch after the listing's
 * last photo only if the listing stays within the limit. One statement is atomic on its own, on
 * either database: no read-modify-write race between two uploads, whichever instance serves them.
 * PostgreSQL additionally takes the listing's row lock first, because under its default isolation
 * two concurrent inserts would each count the photos without seeing the other's rows.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { db, dbProvider } from "~/utils/db.server";
import { MAX_PHOTOS_PER_PROPERTY } from "./rules";

export type PhotoRow = { relative: string; width: number; height: number };

/** Returns the number of rows inserted: all of `photos`, or 0 when the limit would be passed. */
export async function insertPhotoRowsWithinLimit(propertyId: string, photos: PhotoRow[]): Promise<number> {
  const now = new Date();
  if (dbProvider === "postgresql") {
    const values = Prisma.join(
      photos.map(
        (p, index) =>
          Prisma.sql`(${randomUUID()}::text, ${p.relative}::text, ${p.width}::int, ${p.height}::int, ${index}::int)`,
      ),
    );
    // The CTE locks the listing's row (FOR UPDATE): a concurrent upload waits here, then counts
    // the rows this one committed. Without the listing, nothing is inserted and the caller's
    // foreign-key path applies.
    return db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Property" WHERE "id" = ${propertyId} FOR UPDATE`;
      if (locked.length === 0)
        throw new Prisma.PrismaClientKnownRequestError("Property is gone", {
          code: "P2003",
          clientVersion: Prisma.prismaVersion.client,
        });
      return tx.$executeRaw`
        WITH "incoming" ("id", "path", "width", "height", "offset") AS (VALUES ${values})
        INSERT INTO "PropertyPhoto" ("id", "propertyId", "path", "width", "height", "position", "createdAt")
        SELECT "incoming"."id", ${propertyId}, "incoming"."path", "incoming"."width", "incoming"."height",
               (SELECT COALESCE(MAX("position"), -1) FROM "PropertyPhoto" WHERE "propertyId" = ${propertyId}) + 1 + "incoming"."offset",
               ${now}::timestamp
        FROM "incoming"
        WHERE (SELECT COUNT(*) FROM "PropertyPhoto" WHERE "propertyId" = ${propertyId}) + ${photos.length}::int <= ${MAX_PHOTOS_PER_PROPERTY}::int`;
    });
  }
  // SQLite has one writer at a time: the statement's count and insert cannot interleave with another.
  const values = Prisma.join(
    photos.map((p, index) => Prisma.sql`(${randomUUID()}, ${p.relative}, ${p.width}, ${p.height}, ${index})`),
  );
  return db.$executeRaw`
    WITH "incoming" ("id", "path", "width", "height", "offset") AS (VALUES ${values})
    INSERT INTO "PropertyPhoto" ("id", "propertyId", "path", "width", "height", "position", "createdAt")
    SELECT "incoming"."id", ${propertyId}, "incoming"."path", "incoming"."width", "incoming"."height",
           (SELECT COALESCE(MAX("position"), -1) FROM "PropertyPhoto" WHERE "propertyId" = ${propertyId}) + 1 + "incoming"."offset",
           ${now}
    FROM "incoming"
    WHERE (SELECT COUNT(*) FROM "PropertyPhoto" WHERE "propertyId" = ${propertyId}) + ${photos.length} <= ${MAX_PHOTOS_PER_PROPERTY}`;
}
