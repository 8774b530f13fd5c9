/**
 * Photos of properties, vehicles and programmes: one pipeline and one set of rules for the three
 * kinds (docs/decisions/028). Photos are rows (PropertyPhoto, VehiclePhoto, ProgrammePhoto), so an
 * upload only inserts and two uploads at once never overwrite each other; the lowest position is
 * the cover. Every function checks that the owner (listing, vehicle, programme) belongs to the pro
 * before anything else, and answers NOT_FOUND otherwise.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Prisma } from "~/generated/prisma/client";
import { invalidate } from "~/utils/cache.server";
import { db, prismaErrorCode } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError } from "~/utils/http.server";
import { InvalidImage, processPhoto } from "~/utils/images.server";
import { allPhotoFiles } from "~/domain/media/photo-widths";
import { log } from "~/utils/logger.server";
import { asStorageError, discardTempFiles, parseMultipart } from "~/utils/uploads.server";
import { hidePhotoFiles, PENDING_SUFFIX, settleHiddenPhotoFiles } from "./photo-files.server";
import { insertPhotoRowsWithinLimit } from "./photo-rows.server";
import { MAX_PHOTOS, MAX_PHOTO_BYTES, type PhotoKind } from "./rules";

export type ManagedPhoto = { id: string; path: string; width: number; height: number };

const photoOrder = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

/** The columns every photo table shares; the owner column differs (propertyId, vehicleId, programmeId). */
type PhotoTable = {
  findMany(args: {
    where: Record<string, unknown>;
    orderBy: typeof photoOrder;
    select: { id: true; path: true; width: true; height: true; position: true };
  }): Promise<(ManagedPhoto & { position: number })[]>;
  count(args: { where: Record<string, unknown> }): Promise<number>;
  aggregate(args: { where: Record<string, unknown>; _min: { position: true } }): Promise<{
    _min: { position: number | null };
  }>;
  updateMany(args: { where: Record<string, unknown>; data: { position: number } }): Prisma.PrismaPromise<unknown>;
  deleteMany(args: { where: Record<string, unknown> }): Promise<{ count: number }>;
};

type Owner = {
  /** Folder under UPLOADS_DIR and first segment of every stored path. */
  folder: string;
  column: string;
  photos: () => PhotoTable;
  notFound: () => DomainError;
  /** The owner's key as stored (vehicle ids are integers), or null when the id is malformed. */
  key: (id: string) => string | number | null;
  /** True when the owner exists and belongs to the pro. */
  owned: (proId: string, key: string | number) => Promise<boolean>;
  touch: (key: string | number) => Promise<unknown>;
  changed: () => Promise<void>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidKey = (id: string) => (UUID.test(id) ? id.toLowerCase() : null);
const intKey = (id: string) => {
  if (!/^[1-9]\d{0,15}$/.test(id)) return null;
  const value = Number(id);
  return Number.isSafeInteger(value) ? value : null;
};

const OWNERS: Record<PhotoKind, Owner> = {
  property: {
    folder: "properties",
    column: "propertyId",
    photos: () => db.propertyPhoto as unknown as PhotoTable,
    notFound: () => new DomainError("NOT_FOUND", "Property not found"),
    key: uuidKey,
    owned: async (proId, key) =>
      !!(await db.property.findFirst({ where: { id: String(key), proId }, select: { id: true } })),
    touch: (key) => db.property.updateMany({ where: { id: String(key) }, data: { updatedAt: new Date() } }),
    changed: () => invalidate("listings:"),
  },
  vehicle: {
    folder: "vehicles",
    column: "vehicleId",
    photos: () => db.vehiclePhoto as unknown as PhotoTable,
    notFound: () => new DomainError("NOT_FOUND", "Vehicle not found"),
    key: intKey,
    owned: async (proId, key) =>
      !!(await db.vehicle.findFirst({ where: { id: Number(key), proId }, select: { id: true } })),
    touch: (key) => db.vehicle.updateMany({ where: { id: Number(key) }, data: { updatedAt: new Date() } }),
    changed: () => invalidate("vehicles:"),
  },
  programme: {
    folder: "programmes",
    column: "programmeId",
    photos: () => db.programmePhoto as unknown as PhotoTable,
    notFound: () => new DomainError("NOT_FOUND", "Programme not found"),
    key: uuidKey,
    owned: async (proId, key) =>
      !!(await db.programme.findFirst({ where: { id: String(key), proId }, select: { id: true } })),
    touch: (key) => db.programme.updateMany({ where: { id: String(key) }, data: { updatedAt: new Date() } }),
    changed: () => invalidate("programmes:"),
  },
};

export type PhotoTarget = { kind: PhotoKind; proId: string; ownerId: string };

/** Resolves and checks the owner; NOT_FOUND for a malformed, unknown or another pro's id. */
async function ownedKey({ kind, proId, ownerId }: PhotoTarget) {
  const owner = OWNERS[kind];
  const key = owner.key(ownerId);
  if (key === null || !(await owner.owned(proId, key))) throw owner.notFound();
  return { owner, key };
}

function uploadsRoot() {
  return path.resolve(env().UPLOADS_DIR);
}

/** The folder holding one owner's photo files. */
export function photoFolder(kind: PhotoKind, ownerKey: string | number) {
  return path.join(uploadsRoot(), OWNERS[kind].folder, String(ownerKey));
}

/** Work files live under UPLOADS_DIR/.tmp: same file system as the photos (atomic rename), never served. */
function workDir() {
  return path.join(uploadsRoot(), ".tmp");
}

function tooMany(current: number) {
  const left = Math.max(0, MAX_PHOTOS - current);
  const message = `${MAX_PHOTOS} photos au maximum (encore ${left} possible${left > 1 ? "s" : ""}).`;
  return new DomainError("TOO_MANY_PHOTOS", message, [{ field: "photos", message }]);
}

/** The owner's photos, cover first. */
export function listPhotos(kind: PhotoKind, ownerKey: string | number): Promise<ManagedPhoto[]> {
  const owner = OWNERS[kind];
  return owner
    .photos()
    .findMany({
      where: { [owner.column]: ownerKey },
      orderBy: photoOrder,
      select: { id: true, path: true, width: true, height: true, position: true },
    })
    .then((rows) => rows.map(({ position: _position, ...photo }) => photo));
}

type Prepared = { tmp: string; final: string; relative: string; width: number; height: number };

/**
 * Adds every file part of a multipart request to the owner's photos. Each file is decoded and
 * re-encoded first (every width); only when all of them succeed are they moved next to the owner's
 * photos under a name that is not served (`.pending`), inserted in a single statement that also
 * enforces the limit, and then given their public name. Any failure leaves no file and no row; a
 * crash leaves nothing public and the start-up sweep settles the rest (photo-files.server.ts). A
 * full disk is a 507 for this request, not an invalid image.
 */
export async function appendPhotos(target: PhotoTarget, request: Request) {
  const { owner, key } = await ownedKey(target);
  try {
    await storePhotos(target.kind, owner, key, request);
  } catch (error) {
    throw asStorageError(error);
  }
  await owner.changed();
  return key;
}

async function storePhotos(kind: PhotoKind, owner: Owner, key: string | number, request: Request) {
  const { files } = await parseMultipart(request, {
    tempDir: workDir(),
    maxFileBytes: MAX_PHOTO_BYTES,
    maxFiles: MAX_PHOTOS,
  });
  const folder = photoFolder(kind, key);
  const prepared: Prepared[] = [];
  const placed: string[] = [];
  let inserted = false;
  try {
    if (files.length === 0) {
      throw new DomainError("VALIDATION_ERROR", "No photo in the request", [
        { field: "photos", message: "Choisissez au moins une photo." },
      ]);
    }
    const current = await owner.photos().count({ where: { [owner.column]: key } });
    if (current + files.length > MAX_PHOTOS) throw tooMany(current);

    // One file at a time: sharp already uses two threads, and memory stays bounded.
    for (const file of files) {
      const id = randomUUID();
      const tmp = path.join(workDir(), `${id}.webp`);
      try {
        const { width, height } = await processPhoto(file.path, tmp);
        const relative = `${owner.folder}/${key}/${id}.webp`;
        prepared.push({ tmp, final: path.join(folder, `${id}.webp`), relative, width, height });
      } catch (error) {
        if (!(error instanceof InvalidImage)) throw error;
        const message = `« ${file.filename} » n’est pas une image valide (JPEG, PNG, WebP…) ou elle est trop grande.`;
        throw new DomainError("INVALID_IMAGE", "Invalid image", [{ field: "photos", message }]);
      }
    }

    await fs.promises.mkdir(folder, { recursive: true });
    for (const photo of prepared) {
      const targets = allPhotoFiles(photo.final);
      for (const [index, source] of allPhotoFiles(photo.tmp).entries()) {
        await fs.promises.rename(source, targets[index] + PENDING_SUFFIX);
        placed.push(targets[index] + PENDING_SUFFIX);
      }
    }

    if ((await insertPhotoRows(kind, owner, key, prepared)) === 0) {
      throw tooMany(await owner.photos().count({ where: { [owner.column]: key } }));
    }
    inserted = true;
    for (const photo of prepared) {
      for (const file of allPhotoFiles(photo.final)) await fs.promises.rename(file + PENDING_SUFFIX, file);
    }
    placed.length = 0; // committed: the files now belong to their rows
    inserted = false;
    await owner.touch(key);
  } finally {
    if (inserted) {
      // Published halfway: all or nothing, so the rows go and the files with them.
      const paths = prepared.map((p) => p.relative);
      await hidePhotoFiles(paths).catch(() => undefined);
      await owner.photos().deleteMany({ where: { [owner.column]: key, path: { in: paths } } });
      await settleHiddenPhotoFiles(paths);
    }
    await discardTempFiles(files);
    const leftovers = [...prepared.flatMap((p) => allPhotoFiles(p.tmp)), ...placed];
    await Promise.all(leftovers.map((f) => fs.promises.rm(f, { force: true })));
  }
}

/** Inserts the rows (one statement, within the limit); the owner deleted meanwhile is a 404. */
async function insertPhotoRows(kind: PhotoKind, owner: Owner, key: string | number, photos: Prepared[]) {
  try {
    return await insertPhotoRowsWithinLimit(kind, key, photos);
  } catch (error) {
    if (prismaErrorCode(error) === "P2003" || /FOREIGN KEY/i.test(String(error))) throw owner.notFound();
    throw error;
  }
}

async function findPhoto(target: PhotoTarget, photoId: string) {
  const { owner, key } = await ownedKey(target);
  const photos = await listPhotos(target.kind, key);
  const index = photos.findIndex((p) => p.id === photoId);
  if (index < 0) throw new DomainError("NOT_FOUND", "Photo not found");
  return { owner, key, photos, index };
}

/** Removes one photo: its files hidden, its row deleted, then its files deleted. */
export async function removePhoto(target: PhotoTarget, photoId: string) {
  const { owner, key, photos, index } = await findPhoto(target, photoId);
  const paths = [photos[index].path];
  await hidePhotoFiles(paths);
  try {
    await owner.photos().deleteMany({ where: { id: photoId, [owner.column]: key } });
  } finally {
    await settleHiddenPhotoFiles(paths);
  }
  await owner.touch(key);
  await owner.changed();
}

/** Makes a photo the cover: it moves before the current first one. */
export async function setCover(target: PhotoTarget, photoId: string) {
  const { owner, key } = await findPhoto(target, photoId);
  const first = await owner.photos().aggregate({ where: { [owner.column]: key }, _min: { position: true } });
  await owner.photos().updateMany({
    where: { id: photoId, [owner.column]: key },
    data: { position: (first._min.position ?? 0) - 1 },
  });
  await owner.touch(key);
  await owner.changed();
}

/** Moves a photo one place up (towards the cover) or down. At either end nothing changes. */
export async function movePhoto(target: PhotoTarget, photoId: string, direction: "up" | "down") {
  const { photos, index } = await findPhoto(target, photoId);
  const other = direction === "up" ? index - 1 : index + 1;
  if (other < 0 || other >= photos.length) return;
  const order = photos.map((p) => p.id);
  [order[index], order[other]] = [order[other], order[index]];
  await writeOrder(target, order);
}

/**
 * Puts the photos in the order given (drag and drop). Every id must be one of the owner's photos,
 * once; photos not named (uploaded meanwhile) keep their order after the named ones.
 */
export async function reorderPhotos(target: PhotoTarget, order: string[]) {
  const { key } = await ownedKey(target);
  const photos = await listPhotos(target.kind, key);
  const own = new Set(photos.map((p) => p.id));
  const seen = new Set<string>();
  const issues = order.flatMap((id, index) => {
    const problem = !own.has(id) ? "Photo inconnue." : seen.has(id) ? "Photo en double." : null;
    seen.add(id);
    return problem ? [{ field: `order.${index}`, message: problem }] : [];
  });
  if (issues.length) throw new DomainError("VALIDATION_ERROR", "Invalid photo order", issues);
  await writeOrder(target, [...order, ...photos.map((p) => p.id).filter((id) => !seen.has(id))]);
}

async function writeOrder(target: PhotoTarget, order: string[]) {
  const { owner, key } = await ownedKey(target);
  await db.$transaction(
    order.map((id, position) => owner.photos().updateMany({ where: { id, [owner.column]: key }, data: { position } })),
  );
  await owner.touch(key);
  await owner.changed();
}

/**
 * Deletes an owner (vehicle, programme) with its photos: the files are taken off their public names
 * first, the owner's row is deleted by `remove` (its photo rows go with it), then the files and the
 * folder are deleted. If the delete fails or finds nothing, the photos get their names back.
 * Returns what `remove` counted.
 */
export async function deleteWithPhotos(
  kind: PhotoKind,
  ownerKey: string | number,
  remove: () => Promise<{ count: number }>,
): Promise<number> {
  const paths = (await listPhotos(kind, ownerKey)).map((photo) => photo.path);
  await hidePhotoFiles(paths);
  let count = 0;
  try {
    ({ count } = await remove());
  } finally {
    await settleHiddenPhotoFiles(paths);
  }
  if (count > 0) {
    await fs.promises.rm(photoFolder(kind, ownerKey), { recursive: true, force: true }).catch((error) => {
      log.error("could not remove photo folder", { kind, ownerKey: String(ownerKey), error: String(error) });
    });
  }
  return count;
}

/**
 * The photo intents of an edit page's native forms (cover, move, remove, reorder). Returns the
 * notice to show, or null when the intent is not about photos.
 */
export async function applyPhotoIntent(
  target: PhotoTarget,
  intent: string,
  form: Record<string, unknown>,
): Promise<string | null> {
  const photoId = String(form.photoId ?? "");
  switch (intent) {
    case "cover":
      await setCover(target, photoId);
      return "cover";
    case "remove-photo":
      await removePhoto(target, photoId);
      return "photo-removed";
    case "move-photo": {
      const direction = form.direction;
      if (direction !== "up" && direction !== "down") {
        throw new DomainError("VALIDATION_ERROR", "Unknown direction", [
          { field: "direction", message: "Direction inconnue." },
        ]);
      }
      await movePhoto(target, photoId, direction);
      return "photo-moved";
    }
    case "reorder-photos": {
      const order = String(form.order ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean)
        .slice(0, MAX_PHOTOS * 2);
      await reorderPhotos(target, order);
      return "photo-moved";
    }
    default:
      return null;
  }
}
