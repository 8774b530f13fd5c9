/**
 * Responsive photo widths (docs/decisions/039). The pipeline stores one path per photo, the
 * 1200 px file (`…/<id>.webp`); the smaller widths sit beside it under a naming rule
 * (`…/<id>-400w.webp`, `…/<id>-800w.webp`), so nothing else in the database changes. Pure
 * functions, shared by the server (writing, deleting) and the pages (srcset).
 */
export const PHOTO_WIDTHS = [400, 800] as const;
export const PHOTO_FULL_WIDTH = 1200;

/** Path of the `width` px variant of a stored photo path (the stored path itself is the largest). */
export function photoVariantPath(path: string, width: number) {
  return path.replace(/\.webp$/, `-${width}w.webp`);
}

/** Every file of a stored photo: the stored path and each smaller width. */
export function allPhotoFiles(path: string) {
  return [path, ...PHOTO_WIDTHS.map((width) => photoVariantPath(path, width))];
}

/** Public URL of a photo file stored under UPLOADS_DIR. */
export function uploadUrl(path: string) {
  return "/uploads/" + path.split("/").map(encodeURIComponent).join("/");
}

/**
 * `srcset` of a stored photo whose largest file is `width` px wide: the smaller widths that are
 * really smaller (the pipeline never enlarges), then the stored file at its own width.
 */
export function photoSrcSet(path: string, width?: number | null) {
  const full = width ?? PHOTO_FULL_WIDTH;
  const smaller = PHOTO_WIDTHS.filter((w) => w < full).map((w) => `${uploadUrl(photoVariantPath(path, w))} ${w}w`);
  return [...smaller, `${uploadUrl(path)} ${full}w`].join(", ");
}
