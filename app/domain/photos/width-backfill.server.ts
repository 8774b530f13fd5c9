/**
 * Backfill of the responsive widths (docs/decisions/039). Photos stored before the 400 and 800 px
 * files existed have only `<id>.webp`, so their `srcset` points at missing files. At start-up a job
 * walks every stored photo of the three kinds in id order, one photo at a time, and writes the
 * widths that are missing from the stored file.
 *
 * - Idempotent: a width file that exists is never touched; a second pass writes nothing.
 * - Durable: it is a job (retried with backoff, taken over by another worker if this one dies);
 *   each run handles one bounded batch and enqueues the next from its cursor, well within the
 *   job lock timeout. A start-up finds it again if it did not finish.
 * - Never a half-written public file: a width is encoded in memory, written and synced under
 *   UPLOADS_DIR/.tmp (never served, swept at start-up), then renamed onto its public name.
 *   Several instances writing the same width rename identical content: the last rename wins.
 * - Bounded memory: one photo decoded at a time, its small widths held until they are written.
 * - A photo whose stored file is missing (or does not decode) is logged and skipped.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { defineJob, enqueueJob, hasUnfinishedJob } from "~/domain/jobs/queue.server";
import { PHOTO_WIDTHS, photoVariantPath } from "~/domain/media/photo-widths";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { encodeStoredPhotoWidths, InvalidImage } from "~/utils/images.server";
import { log } from "~/utils/logger.server";
import { existingPhotoPaths, photoFile } from "./photo-files.server";
import { PHOTO_KINDS, type PhotoKind } from "./rules";

export const PHOTO_WIDTHS_BACKFILL_JOB = "photos.backfill-widths";

/** Photos checked per job run, and the run's time budget (the job lock lasts 5 minutes). */
const BATCH_SIZE = 500;
const RUN_BUDGET_MS = 60_000;
/** Rows read per query: the walk never holds more than this many paths. */
const PAGE_SIZE = 100;

/** Where the walk stands: the kind, and the last photo id done (null: from the first). */
export type BackfillCursor = { kind: PhotoKind; after: string | null };

export type PhotoWidthsOutcome = "complete" | "written" | "missing" | "invalid" | "gone";

export type BackfillReport = { checked: number; written: number; missing: number; invalid: number };

async function exists(file: string) {
  try {
    await fs.promises.access(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** Writes `data` under a work name, syncs it, then renames it onto `target` (atomic, same file system). */
async function placeAtomically(data: Buffer, target: string) {
  const workDir = path.join(path.resolve(env().UPLOADS_DIR), ".tmp");
  await fs.promises.mkdir(workDir, { recursive: true });
  const temp = path.join(workDir, `width-${randomUUID()}.webp`);
  try {
    const handle = await fs.promises.open(temp, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes the missing widths of one stored photo (`properties/<id>/<uuid>.webp`) from its stored
 * file. Widths that exist are left as they are. Never throws for a missing or undecodable stored
 * file (logged, "missing" / "invalid"); throws for the file system's other errors (a full disk),
 * which the job retries.
 */
export async function backfillPhotoWidths(relative: string): Promise<{ outcome: PhotoWidthsOutcome; written: number }> {
  const source = relative.endsWith(".webp") ? photoFile(relative) : null;
  if (!source) {
    log.warn("stored photo path is not a photo file: widths not written", { path: relative });
    return { outcome: "invalid", written: 0 };
  }
  const wanted: { width: number; target: string }[] = [];
  for (const width of PHOTO_WIDTHS) {
    const target = photoFile(photoVariantPath(relative, width));
    if (target && !(await exists(target))) wanted.push({ width, target });
  }
  if (wanted.length === 0) return { outcome: "complete", written: 0 };

  let encoded: Buffer[];
  try {
    encoded = await encodeStoredPhotoWidths(
      source,
      wanted.map((w) => w.width),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      log.warn("stored photo file is missing: widths not written", { path: relative });
      return { outcome: "missing", written: 0 };
    }
    if (error instanceof InvalidImage) {
      log.warn("stored photo file does not decode: widths not written", { path: relative, error: error.message });
      return { outcome: "invalid", written: 0 };
    }
    throw error;
  }

  const placed: string[] = [];
  try {
    for (const [index, { target }] of wanted.entries()) {
      await placeAtomically(encoded[index], target);
      placed.push(target);
    }
  } catch (error) {
    // The owner's folder went away: the photo was removed meanwhile.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return { outcome: "gone", written: 0 };
  }
  // A removal that ran meanwhile (its rows are gone) must not leave public widths behind; the
  // start-up sweep catches the narrower race where the row goes after this check.
  if (!(await existingPhotoPaths([relative])).has(relative)) {
    await Promise.all(placed.map((file) => fs.promises.rm(file, { force: true })));
    return { outcome: "gone", written: 0 };
  }
  return { outcome: "written", written: placed.length };
}

function photoRowsAfter(kind: PhotoKind, after: string | null, take: number) {
  const args = {
    where: after === null ? {} : { id: { gt: after } },
    orderBy: { id: "asc" as const },
    take,
    select: { id: true, path: true },
  };
  if (kind === "vehicle") return db.vehiclePhoto.findMany(args);
  if (kind === "programme") return db.programmePhoto.findMany(args);
  return db.propertyPhoto.findMany(args);
}

/**
 * Checks photos from `cursor` on, one at a time, until `limit` photos or `deadline` (ms since the
 * epoch). Returns where to go on from, or null when every kind is done.
 */
export async function backfillPhotoWidthsFrom(
  cursor: BackfillCursor,
  { limit = Infinity, deadline = Infinity }: { limit?: number; deadline?: number } = {},
): Promise<{ next: BackfillCursor | null; report: BackfillReport }> {
  const report: BackfillReport = { checked: 0, written: 0, missing: 0, invalid: 0 };
  let { kind, after } = cursor;
  for (;;) {
    const rows = await photoRowsAfter(kind, after, PAGE_SIZE);
    for (const row of rows) {
      const { outcome, written } = await backfillPhotoWidths(row.path);
      report.checked++;
      report.written += written;
      if (outcome === "missing") report.missing++;
      if (outcome === "invalid") report.invalid++;
      after = row.id;
      if (report.checked >= limit || Date.now() >= deadline) return { next: { kind, after }, report };
    }
    if (rows.length === PAGE_SIZE) continue;
    const nextKind = PHOTO_KINDS[PHOTO_KINDS.indexOf(kind) + 1];
    if (!nextKind) return { next: null, report };
    kind = nextKind;
    after = null;
  }
}

function cursorOf(payload: unknown): BackfillCursor {
  const { kind, after } = (payload ?? {}) as { kind?: unknown; after?: unknown };
  return {
    kind: PHOTO_KINDS.includes(kind as PhotoKind) ? (kind as PhotoKind) : PHOTO_KINDS[0],
    after: typeof after === "string" && after.length <= 100 ? after : null,
  };
}

/** One batch per run; the next batch is a new job, so no run comes near the lock timeout. */
export const photoWidthsBackfillJob = defineJob(PHOTO_WIDTHS_BACKFILL_JOB, async (payload: unknown) => {
  const { next, report } = await backfillPhotoWidthsFrom(cursorOf(payload), {
    limit: BATCH_SIZE,
    deadline: Date.now() + RUN_BUDGET_MS,
  });
  if (report.written || report.missing || report.invalid) log.info("photo widths backfilled", report);
  if (next) await enqueueJob(db, { type: PHOTO_WIDTHS_BACKFILL_JOB, payload: next });
});

/**
 * At start-up: schedules a walk over every stored photo unless one is already waiting or running
 * (two instances starting together may both schedule one; both walks are harmless).
 */
export async function scheduleWidthBackfill(): Promise<boolean> {
  if (await hasUnfinishedJob(PHOTO_WIDTHS_BACKFILL_JOB)) return false;
  const start: BackfillCursor = { kind: PHOTO_KINDS[0], after: null };
  await enqueueJob(db, { type: PHOTO_WIDTHS_BACKFILL_JOB, payload: start });
  return true;
}
