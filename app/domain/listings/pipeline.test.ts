import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { cached, clearCache, invalidate } from "~/utils/cache.server";
import { photoSrcSet, photoVariantPath } from "~/domain/media/photo-widths";
import { InvalidImage, processPhoto } from "~/utils/images.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-photos-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function write(bytes: Buffer | Promise<Buffer>) {
  const file = path.join(dir, `in-${n++}`);
  fs.writeFileSync(file, await bytes);
  return file;
}
const out = () => path.join(dir, `out-${n++}.webp`);

describe("responsive widths", () => {
  it("derives each width's file from the stored path and lists only real widths in srcset", () => {
    expect(photoVariantPath("properties/p/a.webp", 400)).toBe("properties/p/a-400w.webp");
    expect(photoSrcSet("properties/p/a.webp", 1200)).toBe(
      "/uploads/properties/p/a-400w.webp 400w, /uploads/properties/p/a-800w.webp 800w, /uploads/properties/p/a.webp 1200w",
    );
    expect(photoSrcSet("properties/p/a.webp", 600)).toBe(
      "/uploads/properties/p/a-400w.webp 400w, /uploads/properties/p/a.webp 600w",
    );
  });
});

describe("photo pipeline (sharp)", () => {
  it("fits within 1200 px, never enlarges, writes WebP", async () => {
    const big = await write(
      sharp({ create: { width: 4000, height: 1000, channels: 3, background: "#808080" } })
        .png()
        .toBuffer(),
    );
    const target = out();
    expect(await processPhoto(big, target)).toMatchObject({ width: 1200, height: 300 });
    expect(await sharp(target).metadata()).toMatchObject({ format: "webp", width: 1200, height: 300 });
    // The smaller widths for srcset sit beside it, named by the rule the pages use.
    expect(await sharp(photoVariantPath(target, 400)).metadata()).toMatchObject({ format: "webp", width: 400 });
    expect(await sharp(photoVariantPath(target, 800)).metadata()).toMatchObject({ format: "webp", width: 800 });
    const small = await write(
      sharp({ create: { width: 320, height: 240, channels: 3, background: "#808080" } })
        .webp()
        .toBuffer(),
    );
    expect(await processPhoto(small, out())).toMatchObject({ width: 320, height: 240 });
  });

  it("turns the image upright and drops EXIF (GPS included)", async () => {
    const file = await write(
      sharp({ create: { width: 600, height: 400, channels: 3, background: "#446688" } })
        .withMetadata({ orientation: 8 })
        .withExif({ IFD3: { GPSLatitudeRef: "S", GPSLatitude: "33/1 55/1 0/1" } })
        .jpeg()
        .toBuffer(),
    );
    const target = out();
    expect(await processPhoto(file, target)).toMatchObject({ width: 400, height: 600 });
    const meta = await sharp(target).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it("refuses what is not a whole, reasonably sized raster image, leaving no output", async () => {
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#123456" } })
      .jpeg()
      .toBuffer();
    const bomb = Buffer.from(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } })
        .png()
        .toBuffer(),
    );
    bomb.writeUInt32BE(30000, 16);
    bomb.writeUInt32BE(30000, 20);
    bomb.writeUInt32BE(zlib.crc32(bomb.subarray(12, 29)), 29);
    const inputs = [
      Buffer.from("GIF89a but not really"),
      jpeg.subarray(0, jpeg.length - 200),
      bomb,
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50"><rect width="50" height="50"/></svg>',
      ),
      Buffer.from("%PDF-1.4\n%%EOF"),
    ];
    for (const bytes of inputs) {
      const target = out();
      await expect(processPhoto(await write(bytes), target)).rejects.toBeInstanceOf(InvalidImage);
      expect(fs.existsSync(target)).toBe(false);
    }
  });
});

describe("cache", () => {
  it("serves the cached value until the key is invalidated by prefix", async () => {
    clearCache();
    let calls = 0;
    const get = () => cached({ key: "test:a", ttl: 60_000, getFreshValue: () => ++calls });
    expect(await get()).toBe(1);
    expect(await get()).toBe(1);
    await invalidate("test:");
    expect(await get()).toBe(2);
    await invalidate("other:");
    expect(await get()).toBe(2);
  });

  it("expires values after their ttl", async () => {
    let calls = 0;
    const get = () => cached({ key: "test:ttl", ttl: 20, getFreshValue: () => ++calls });
    expect(await get()).toBe(1);
    await new Promise((r) => setTimeout(r, 40));
    expect(await get()).toBe(2);
  });
});
