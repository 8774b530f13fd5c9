/**
 * Part of `npm run bench` (run by scripts/bench.js as a child: `node --import tsx scripts/bench-photo.ts <image>`).
 * Times the app's photo pipeline (processPhoto: every width) against plain sharp calls, one per width
 * (1200, 800 and 400 px), on the same image and prints
 * one JSON line: {pipelineMs: number[], plainMs: number[]}. Runs alternate so both see the same machine load.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { PHOTO_FULL_WIDTH, PHOTO_WIDTHS } from "../app/domain/media/photo-widths";
import { processPhoto } from "../app/utils/images.server";

const input = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
if (!input) throw new Error("usage: bench-photo.ts <image> [runs]");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-bench-photo-"));
const pipelineMs: number[] = [];
const plainMs: number[] = [];
try {
  // One warm-up of each (libvips start-up, page cache).
  await processPhoto(input, path.join(dir, "warm.webp"));
  await plainSharp();
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await processPhoto(input, path.join(dir, `${i}.webp`));
    pipelineMs.push(performance.now() - t);
    t = performance.now();
    await plainSharp();
    plainMs.push(performance.now() - t);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
/** The same widths as the pipeline, each from its own plain sharp call (decode, rotate, resize, encode). */
async function plainSharp() {
  for (const width of [PHOTO_FULL_WIDTH, ...PHOTO_WIDTHS]) {
    await sharp(input)
      .rotate()
      .resize(width, 1200, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  }
}

process.stdout.write(JSON.stringify({ pipelineMs, plainMs, sharpConcurrency: sharp.concurrency() }) + "\n");
