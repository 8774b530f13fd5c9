/**
 * The public-page generation (docs/decisions/043): the "pages" row of the shared cache generations,
 * raised before and after every change made through /pro or /admin. The anonymous page cache stores
 * each page with the generation it was rendered at and only serves it while the counter has not
 * moved, so a save through any instance invalidates every instance's cached pages at once.
 */
import { db } from "./db.server";

const NAMESPACE = "pages";

export async function readPublicPageGeneration(): Promise<number> {
  const row = await db.cacheGeneration.findUnique({ where: { namespace: NAMESPACE }, select: { generation: true } });
  return row?.generation ?? 0;
}

export async function bumpPublicPageGeneration(): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "CacheGeneration" ("namespace", "generation") VALUES (${NAMESPACE}, 1)
    ON CONFLICT ("namespace") DO UPDATE SET "generation" = "CacheGeneration"."generation" + 1`;
}
