/**
 * The public-page generation (docs/decisions/043): a counter in the database, raised before and
 * after every change made through /pro or /admin. The anonymous page cache stores each page with
 * the generation it was rendered at and only serves it while the counter has not moved, so a save
 * through any instance invalidates every instance's cache at once.
 */
import { db } from "./db.server";

export async function readPublicPageGeneration(): Promise<number> {
  const row = await db.publicPageGeneration.findUnique({ where: { id: 1 }, select: { value: true } });
  return row?.value ?? 0;
}

export async function bumpPublicPageGeneration(): Promise<void> {
  await db.publicPageGeneration.upsert({
    where: { id: 1 },
    create: { id: 1, value: 1 },
    update: { value: { increment: 1 } },
  });
}
