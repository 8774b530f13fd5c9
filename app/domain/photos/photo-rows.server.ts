/**
 * The one raw statement of photos (docs/decisions/023, 028): insert a batch after the owner's last
 * photo only if the owner stays within the limit. One statement is atomic on its own, on either
 * database: no read-modify-write race between two uploads, whichever instance serves them.
 * PostgreSQL additionally takes the owner's row lock first, because under its default isolation
 * two concurrent inserts would each count the photos without seeing the other's rows.
 *
 * Table and column names come from the fixed list below, never from a request.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { db, dbProvider } from "~/utils/db.server";
import { MAX_PHOTOS, type PhotoKind } from "./rules";

export type PhotoRow = { relative: string; width: number; height: number };

const TABLES: Record<PhotoKind, { owner: string; photos: string; column: string; keyType: "text" | "int" }> = {
  property: { owner: "Property", photos: "PropertyPhoto", column: "propertyId", keyType: "text" },
  vehicle: { owner: "Vehicle", photos: "VehiclePhoto", column: "vehicleId", keyType: "int" },
  programme: { owner: "Programme", photos: "ProgrammePhoto", column: "programmeId", keyType: "text" },
};

/** Returns the number of rows inserted: all of `photos`, or 0 when the limit would be passed. */
export async function insertPhotoRowsWithinLimit(
  kind: PhotoKind,
  ownerKey: string | number,
  photos: PhotoRow[],
): Promise<number> {
  const now = new Date();
  const t = TABLES[kind];
  const owner = Prisma.raw(`"${t.owner}"`);
  const table = Prisma.raw(`"${t.photos}"`);
  const column = Prisma.raw(`"${t.column}"`);
  if (dbProvider === "postgresql") {
    const key = t.keyType === "int" ? Prisma.sql`${ownerKey}::int` : Prisma.sql`${ownerKey}::text`;
    const values = Prisma.join(
      photos.map(
        (p, index) =>
          Prisma.sql`(${randomUUID()}::text, ${p.relative}::text, ${p.width}::int, ${p.height}::int, ${index}::int)`,
      ),
    );
    // The owner's row lock (FOR UPDATE): a concurrent upload waits here, then counts the rows this
    // one committed. Without the owner, nothing is inserted and the caller's foreign-key path applies.
    return db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: unknown }[]>`SELECT "id" FROM ${owner} WHERE "id" = ${key} FOR UPDATE`;
      if (locked.length === 0)
        throw new Prisma.PrismaClientKnownRequestError(`${t.owner} is gone`, {
          code: "P2003",
          clientVersion: Prisma.prismaVersion.client,
        });
      return tx.$executeRaw`
        WITH "incoming" ("id", "path", "width", "height", "offset") AS (VALUES ${values})
        INSERT INTO ${table} ("id", ${column}, "path", "width", "height", "position", "createdAt")
        SELECT "incoming"."id", ${key}, "incoming"."path", "incoming"."width", "incoming"."height",
               (SELECT COALESCE(MAX("position"), -1) FROM ${table} WHERE ${column} = ${key}) + 1 + "incoming"."offset",
               ${now}::timestamp
        FROM "incoming"
        WHERE (SELECT COUNT(*) FROM ${table} WHERE ${column} = ${key}) + ${photos.length}::int <= ${MAX_PHOTOS}::int`;
    });
  }
  // SQLite has one writer at a time: the statement's count and insert cannot interleave with another.
  const values = Prisma.join(
    photos.map((p, index) => Prisma.sql`(${randomUUID()}, ${p.relative}, ${p.width}, ${p.height}, ${index})`),
  );
  return db.$executeRaw`
    WITH "incoming" ("id", "path", "width", "height", "offset") AS (VALUES ${values})
    INSERT INTO ${table} ("id", ${column}, "path", "width", "height", "position", "createdAt")
    SELECT "incoming"."id", ${ownerKey}, "incoming"."path", "incoming"."width", "incoming"."height",
           (SELECT COALESCE(MAX("position"), -1) FROM ${table} WHERE ${column} = ${ownerKey}) + 1 + "incoming"."offset",
           ${now}
    FROM "incoming"
    WHERE (SELECT COUNT(*) FROM ${table} WHERE ${column} = ${ownerKey}) + ${photos.length} <= ${MAX_PHOTOS}`;
}
