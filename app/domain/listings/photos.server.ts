/**
 * Listing photos: the shared photo domain (app/domain/photos) applied to properties, under the
 * names the listing routes and the benchmark use.
 */
import { appendPhotos, removePhoto, setCover } from "~/domain/photos/photos.server";
import { getOwnProperty } from "./listings.server";

export { MAX_PHOTO_BYTES } from "~/domain/photos/rules";

/** Adds every file part of a multipart request to the listing's photos (all or nothing). */
export async function appendPropertyPhotos(proId: string, propertyId: string, request: Request) {
  await appendPhotos({ kind: "property", proId, ownerId: propertyId }, request);
  return getOwnProperty(proId, propertyId);
}

/** Removes one photo of the pro’s listing: files hidden, row deleted, then files deleted. */
export function removePropertyPhoto(proId: string, propertyId: string, photoId: string) {
  return removePhoto({ kind: "property", proId, ownerId: propertyId }, photoId);
}

/** Makes a photo the cover: it moves before the current first one. */
export function setCoverPhoto(proId: string, propertyId: string, photoId: string) {
  return setCover({ kind: "property", proId, ownerId: propertyId }, photoId);
}
