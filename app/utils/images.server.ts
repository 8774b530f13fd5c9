/**
 * The photo pipeline (sharp). Uploaded bytes are never trusted: a file is a photo only if sharp
 * decodes it completely. The output is a fresh WebP without any metadata (no EXIF, no GPS of a
 * pro's home), oriented by EXIF, fit within 1200 px, never enlarged — plus the same photo 400 and
 * 800 px wide beside it (`photoVariantPath`), for `srcset`.
 */
import fs from "node:fs";
import sharp, { type OutputInfo, type Sharp } from "sharp";
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
 * size. Throws `InvalidImage` for anything that is not a complete, reasonably sized image, and the
 * file system's own error (ENOSPC…) when the output cannot be written.
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
  // Encoding to memory (a ≤ 1200 px WebP is small) and then writing keeps the two failures apart:
  // a decoding error is an invalid image, a write error (a full disk) is ours and keeps its code.
  let encoded: { data: Buffer; info: OutputInfo }[];
  try {
    const upright = sharp(input, { ...options, pages: 1 }).autoOrient();
    encoded = [];
    for (const width of [PHOTO_MAX_SIZE, ...PHOTO_WIDTHS]) {
      encoded.push(await encodeWidth(upright, width).toBuffer({ resolveWithObject: true }));
    }
  } catch (error) {
    throw new InvalidImage(describe(error));
  }
  const written: string[] = [];
  try {
    for (const [index, file] of files.entries()) {
      await fs.promises.writeFile(file, encoded[index].data, { flag: "wx" });
      written.push(file);
    }
  } catch (error) {
    // Never remove a file this call did not create.
    await Promise.all(written.map((file) => fs.promises.rm(file, { force: true })));
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      await fs.promises.rm(files[written.length], { force: true });
    }
    throw error;
  }
  const [full] = encoded;
  return { width: full.info.width, height: full.info.height, bytes: full.info.size, files };
}

/** One width of a photo: fitted within `width` × 1200 px, never enlarged, WebP without metadata. */
function encodeWidth(upright: Sharp, width: number) {
  return (
    upright
      .clone()
      .resize({ width, height: PHOTO_MAX_SIZE, fit: "inside", withoutEnlargement: true })
      // Metadata is dropped by default: never call withMetadata/keepExif here.
      .webp({ quality: PHOTO_QUALITY })
  );
}

/**
 * The smaller widths of an already stored photo (a file this pipeline wrote), encoded to memory
 * one after the other: what the backfill of photos stored before the widths existed writes.
 * Throws the file system's error (ENOENT) when the file is missing, `InvalidImage` when it does
 * not decode.
 */
export async function encodeStoredPhotoWidths(input: string, widths: readonly number[]): Promise<Buffer[]> {
  await fs.promises.access(input, fs.constants.R_OK);
  const upright = sharp(input, {
    limitInputPixels: MAX_INPUT_PIXELS,
    failOn: "error",
    sequentialRead: true,
  }).autoOrient();
  const out: Buffer[] = [];
  try {
    for (const width of widths) out.push(await encodeWidth(upright, width).toBuffer());
  } catch (error) {
    throw new InvalidImage(describe(error));
  }
  return out;
}

function describe(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}
