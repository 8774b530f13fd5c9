/**
 * The photo pipeline (sharp). Uploaded bytes are never trusted: a file is a photo only if sharp
 * decodes it completely. The output is a fresh WebP without any metadata (no EXIF, no GPS of a
 * pro's home), oriented by EXIF, fit within 1200 px, never enlarged — plus the same photo 400 and
 * 800 px wide beside it (`photoVariantPath`), for `srcset`.
 */
import fs from "node:fs";
import sharp from "sharp";
import { PHOTO_WIDTHS, photoVariantPath } from "~/domain/media/photo-widths";

/** Largest input accepted, in pixels (≈ 8000 × 8000): more is treated as a decompression bomb. */
export const MAX_INPUT_PIXELS = 64_000_000;
export const PHOTO_MAX_SIZE = 1200;
export const PHOTO_QUALITY = 80;

/** Formats people actually upload; SVG and PDF (rendered, not decoded) are refused on purpose. */
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif", "avif", "heif", "tiff"]);

// Photos are processed one at a time per request; two libvips threads each keep the server responsive.
sharp.concurrency(2);

export class InvalidImage extends Error {}

export type ProcessedPhoto = { width: number; height: number; bytes: number; files: string[] };

/**
 * Decodes `input`, writes the normalised WebP to `output` (which must not exist), and returns its
 * size. Throws `InvalidImage` for anything that is not a complete, reasonably sized image.
 */
export async function processPhoto(input: string, output: string): Promise<ProcessedPhoto> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" as const, sequentialRead: true };
  let format: string | undefined;
  try {
    // Header only: refuses unknown formats and oversized dimensions before any pixel is decoded.
    const meta = await sharp(input, options).metadata();
    format = meta.format;
    if (!meta.width || !meta.height || meta.width * meta.height > MAX_INPUT_PIXELS) {
      throw new InvalidImage("image too large");
    }
  } catch (error) {
    throw error instanceof InvalidImage ? error : new InvalidImage(describe(error));
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw new InvalidImage(`unsupported format ${format}`);

  const files = [output, ...PHOTO_WIDTHS.map((width) => photoVariantPath(output, width))];
  try {
    const upright = sharp(input, { ...options, pages: 1 }).autoOrient();
    const info = await upright
      .clone()
      .resize({ width: PHOTO_MAX_SIZE, height: PHOTO_MAX_SIZE, fit: "inside", withoutEnlargement: true })
      // Metadata is dropped by default: never call withMetadata/keepExif here.
      .webp({ quality: PHOTO_QUALITY })
      .toFile(output);
    for (const width of PHOTO_WIDTHS) {
      await upright
        .clone()
        .resize({ width, height: PHOTO_MAX_SIZE, fit: "inside", withoutEnlargement: true })
        .webp({ quality: PHOTO_QUALITY })
        .toFile(photoVariantPath(output, width));
    }
    return { width: info.width, height: info.height, bytes: info.size, files };
  } catch (error) {
    await Promise.all(files.map((file) => fs.promises.rm(file, { force: true })));
    throw new InvalidImage(describe(error));
  }
}

function describe(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}
