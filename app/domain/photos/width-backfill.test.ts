/**
 * The backfill of responsive widths: photos stored with only their 1200 px file get their 400 and
 * 800 px files, from the stored file, for every kind; nothing that exists is rewritten; a missing
 * stored file is logged and skipped.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PHOTO_WIDTHS, photoVariantPath } from "~/domain/media/photo-widths";
import { runDueJobsOnce } from "~/domain/jobs/worker.server";
import { db, dbReady } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import {
  backfillPhotoWidths,
  backfillPhotoWidthsFrom,
  PHOTO_WIDTHS_BACKFILL_JOB,
  scheduleWidthBackfill,
} from "./width-backfill.server";

const uploads = () => path.resolve(env().UPLOADS_DIR);
const fileOf = (relative: string) => path.join(uploads(), relative);
let proId: string;

beforeAll(async () => {
  await dbReady;
  const pro = await db.pro.create({
    data: { email: "widths@vitrine.test", name: "Sam", companyName: "Widths", kind: "agency" },
  });
  proId = pro.id;
});

beforeEach(async () => {
  await db.job.deleteMany();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A stored photo as the pipeline wrote it before the widths existed: only `<id>.webp`. */
async function storedPhoto(folder: string, { width = 1200, height = 800, write = true } = {}) {
  const relative = `${folder}/${randomUUID()}.webp`;
  if (write) {
    fs.mkdirSync(path.dirname(fileOf(relative)), { recursive: true });
    await sharp({ create: { width, height, channels: 3, background: "#2a6f97" } })
      .webp()
      .toFile(fileOf(relative));
  }
  return { relative, width, height };
}

async function propertyWithPhoto(options?: Parameters<typeof storedPhoto>[1]) {
  const id = randomUUID();
  await db.property.create({
    data: {
      id,
      proId,
      slug: `annonce-${id}`,
      title: "Maison",
      type: "maison",
      transactionType: "vente",
      city: "Nantes",
      cityKey: "nantes",
      postalCode: "44000",
    },
  });
  const photo = await storedPhoto(`properties/${id}`, options);
  await db.propertyPhoto.create({
    data: { propertyId: id, path: photo.relative, width: photo.width, height: photo.height, position: 0 },
  });
  return photo.relative;
}

async function vehicleWithPhoto() {
  const vehicle = await db.vehicle.create({
    data: { proId, make: "Toyota", model: "Hilux", year: 2019, price: 300000, mileage: 90000 },
  });
  const photo = await storedPhoto(`vehicles/${vehicle.id}`);
  await db.vehiclePhoto.create({
    data: { vehicleId: vehicle.id, path: photo.relative, width: photo.width, height: photo.height, position: 0 },
  });
  return photo.relative;
}

async function programmeWithPhoto() {
  const id = randomUUID();
  await db.programme.create({
    data: { id, proId, slug: `programme-${id}`, name: "Les Quais", ville: "Nantes", description: "Neuf." },
  });
  const photo = await storedPhoto(`programmes/${id}`);
  await db.programmePhoto.create({
    data: { programmeId: id, path: photo.relative, width: photo.width, height: photo.height, position: 0 },
  });
  return photo.relative;
}

async function widthOf(relative: string) {
  return (await sharp(fileOf(relative)).metadata()).width;
}

describe("the photo widths backfill", () => {
  it("gives a photo stored with only its 1200 px file its two widths, for all three kinds", async () => {
    const paths = [await propertyWithPhoto(), await vehicleWithPhoto(), await programmeWithPhoto()];
    for (const relative of paths) {
      for (const width of PHOTO_WIDTHS) expect(fs.existsSync(fileOf(photoVariantPath(relative, width)))).toBe(false);
    }

    // At start-up: one job, however many instances ask; the worker walks every kind.
    expect(await scheduleWidthBackfill()).toBe(true);
    expect(await scheduleWidthBackfill()).toBe(false);
    expect(await db.job.count({ where: { type: PHOTO_WIDTHS_BACKFILL_JOB } })).toBe(1);
    const run = await runDueJobsOnce();
    expect(run.failed).toBe(0);

    for (const relative of paths) {
      for (const width of PHOTO_WIDTHS) expect(await widthOf(photoVariantPath(relative, width))).toBe(width);
      expect(await widthOf(relative)).toBe(1200);
    }
    // Nothing half-written is left behind in the work folder.
    const work = path.join(uploads(), ".tmp");
    expect(fs.existsSync(work) ? fs.readdirSync(work).filter((name) => name.startsWith("width-")) : []).toEqual([]);
    // A second pass finds nothing to do.
    expect(await backfillPhotoWidths(paths[0])).toEqual({ outcome: "complete", written: 0 });
  });

  it("leaves an existing width untouched and writes only the missing one", async () => {
    const relative = await propertyWithPhoto();
    const existing = fileOf(photoVariantPath(relative, 400));
    await sharp({ create: { width: 400, height: 267, channels: 3, background: "#ff0000" } })
      .webp()
      .toFile(existing);
    const before = { bytes: fs.readFileSync(existing), mtime: fs.statSync(existing).mtimeMs };

    expect(await backfillPhotoWidths(relative)).toEqual({ outcome: "written", written: 1 });
    expect(fs.readFileSync(existing).equals(before.bytes)).toBe(true);
    expect(fs.statSync(existing).mtimeMs).toBe(before.mtime);
    expect(await widthOf(photoVariantPath(relative, 800))).toBe(800);
  });

  it("never enlarges a small stored photo", async () => {
    const relative = await propertyWithPhoto({ width: 300, height: 200 });
    await backfillPhotoWidths(relative);
    for (const width of PHOTO_WIDTHS) expect(await widthOf(photoVariantPath(relative, width))).toBe(300);
  });

  it("logs and skips a photo whose stored file is missing, and goes on with the others", async () => {
    const warn = vi.spyOn(log, "warn");
    const lost = await propertyWithPhoto({ write: false });
    const kept = await propertyWithPhoto();

    const { next, report } = await backfillPhotoWidthsFrom({ kind: "property", after: null });
    expect(next).toBeNull();
    expect(report.missing).toBeGreaterThanOrEqual(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("missing"), { path: lost });
    for (const width of PHOTO_WIDTHS) {
      expect(fs.existsSync(fileOf(photoVariantPath(lost, width)))).toBe(false);
      expect(await widthOf(photoVariantPath(kept, width))).toBe(width);
    }
    // As the start-up job: it completes, it does not fail or retry.
    await scheduleWidthBackfill();
    expect(await runDueJobsOnce()).toMatchObject({ failed: 0, succeeded: 1 });
    expect(await db.job.count({ where: { type: PHOTO_WIDTHS_BACKFILL_JOB, doneAt: null } })).toBe(0);
  });

  it("walks in bounded batches, each going on from where the last one stopped", async () => {
    const paths = [await propertyWithPhoto(), await propertyWithPhoto(), await propertyWithPhoto()];
    const first = await backfillPhotoWidthsFrom({ kind: "property", after: null }, { limit: 1 });
    expect(first.report.checked).toBe(1);
    expect(first.next).toMatchObject({ kind: "property" });
    let cursor = first.next;
    while (cursor) cursor = (await backfillPhotoWidthsFrom(cursor, { limit: 1 })).next;
    for (const relative of paths) expect(await widthOf(photoVariantPath(relative, 800))).toBe(800);
  });
});
