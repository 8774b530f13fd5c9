/**
 * Listing photos: upload (all or nothing), removal and choice of the cover. Photos are rows of
 * PropertyPhoto, so an upload only inserts: two uploads at once can never overwrite each other.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { allPhotoFiles } from "~/domain/media/photo-widths";
import { InvalidImage, processPhoto } from "~/utils/images.server";
import { db, prismaErrorCode } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError } from "~/utils/http.server";
import { discardTempFiles, parseMultipart } from "~/utils/uploads.server";
import { getOwnProperty, markListingsChanged, propertyFolder, removePhotoFiles } from "./listings.server";
import { insertPhotoRowsWithinLimit } from "./photo-rows.server";
import { MAX_PHOTOS_PER_PROPERTY } from "./rules";

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

const notFound = () => new DomainError("NOT_FOUND", "Property not found");

function tooMany(current: number) {
  const left = Math.max(0, MAX_PHOTOS_PER_PROPERTY - current);
  const message = `Une annonce ne peut pas avoir plus de ${MAX_PHOTOS_PER_PROPERTY} photos (encore ${left} possible${left > 1 ? "s" : ""}).`;
  return new DomainError("TOO_MANY_PHOTOS", message, [{ field: "photos", message }]);
}

/** Work files live under UPLOADS_DIR/.tmp: same file system as the photos (atomic rename), never served. */
function workDir() {
  return path.join(path.resolve(env().UPLOADS_DIR), ".tmp");
}

type Prepared = { tmp: string; final: string; relative: string; width: number; height: number };

/**
 * Adds every file part of a multipart request to the listing's photos. Each file is decoded and
 * re-encoded first; only when all of them succeed are they moved into place and inserted, in a
 * single statement that also enforces the per-listing limit. Any failure leaves no file and no row.
 */
export async function appendPropertyPhotos(proId: string, propertyId: string, request: Request) {
  const owned = await db.property.findFirst({ where: { id: propertyId, proId }, select: { id: true } });
  if (!owned) throw notFound();

  const { files } = await parseMultipart(request, {
    tempDir: workDir(),
    maxFileBytes: MAX_PHOTO_BYTES,
    maxFiles: MAX_PHOTOS_PER_PROPERTY,
  });
  const prepared: Prepared[] = [];
  const placed: string[] = [];
  try {
    if (files.length === 0) {
      throw new DomainError("VALIDATION_ERROR", "No photo in the request", [
        { field: "photos", message: "Choisissez au moins une photo." },
      ]);
    }
    const current = await db.propertyPhoto.count({ where: { propertyId } });
    if (current + files.length > MAX_PHOTOS_PER_PROPERTY) throw tooMany(current);

    // One file at a time: sharp already uses two threads, and memory stays bounded.
    for (const file of files) {
      const id = randomUUID();
      const tmp = path.join(workDir(), `${id}.webp`);
      try {
        const { width, height } = await processPhoto(file.path, tmp);
        const relative = `properties/${propertyId}/${id}.webp`;
        prepared.push({ tmp, final: path.join(propertyFolder(propertyId), `${id}.webp`), relative, width, height });
      } catch (error) {
        if (!(error instanceof InvalidImage)) throw error;
        const message = `« ${file.filename} » n’est pas une image valide (JPEG, PNG, WebP…) ou elle est trop grande.`;
        throw new DomainError("INVALID_IMAGE", "Invalid image", [{ field: "photos", message }]);
      }
    }

    await fs.promises.mkdir(propertyFolder(propertyId), { recursive: true });
    for (const photo of prepared) {
      const targets = allPhotoFiles(photo.final);
      for (const [index, source] of allPhotoFiles(photo.tmp).entries()) {
        await fs.promises.rename(source, targets[index]);
        placed.push(targets[index]);
      }
    }

    const inserted = await insertPhotoRows(propertyId, prepared);
    if (inserted === 0) throw tooMany(await db.propertyPhoto.count({ where: { propertyId } }));
    placed.length = 0; // committed: the files now belong to their rows
    await db.property.update({ where: { id: propertyId }, data: { updatedAt: new Date() } });
  } finally {
    await discardTempFiles(files);
    const leftovers = [...prepared.flatMap((p) => allPhotoFiles(p.tmp)), ...placed];
    await Promise.all(leftovers.map((f) => fs.promises.rm(f, { force: true })));
  }
  await markListingsChanged();
  return getOwnProperty(proId, propertyId);
}

/** Returns the number of rows inserted (0 when the limit would be passed). */
async function insertPhotoRows(propertyId: string, photos: Prepared[]) {
  try {
    return await insertPhotoRowsWithinLimit(propertyId, photos);
  } catch (error) {
    // The listing was deleted while its photos were being processed.
    if (prismaErrorCode(error) === "P2003" || /FOREIGN KEY/i.test(String(error))) throw notFound();
    throw error;
  }
}

/** Removes one photo of the pro's listing, row then file. */
export async function removePropertyPhoto(proId: string, propertyId: string, photoId: string) {
  const photo = await db.propertyPhoto.findFirst({
    where: { id: photoId, propertyId, property: { proId } },
    select: { id: true, path: true },
  });
  if (!photo) throw new DomainError("NOT_FOUND", "Photo not found");
  await db.propertyPhoto.deleteMany({ where: { id: photo.id } });
  await db.property.update({ where: { id: propertyId }, data: { updatedAt: new Date() } });
  await markListingsChanged();
  await removePhotoFiles([photo.path]);
}

/** Makes a photo the cover: it moves before the current first one. */
export async function setCoverPhoto(proId: string, propertyId: string, photoId: string) {
  const photo = await db.propertyPhoto.findFirst({
    where: { id: photoId, propertyId, property: { proId } },
    select: { id: true },
  });
  if (!photo) throw new DomainError("NOT_FOUND", "Photo not found");
  const first = await db.propertyPhoto.aggregate({ where: { propertyId }, _min: { position: true } });
  await db.propertyPhoto.update({ where: { id: photo.id }, data: { position: (first._min.position ?? 0) - 1 } });
  await db.property.update({ where: { id: propertyId }, data: { updatedAt: new Date() } });
  await markListingsChanged();
}
