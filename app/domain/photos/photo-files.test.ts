/**
 * Photo files and crashes: at every step of an upload or a removal, what a crash would leave is
 * never a photo served without its row; and the start-up sweep settles every kind of leftover.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, dbReady } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { allPhotoFiles, PHOTO_WIDTHS } from "~/domain/media/photo-widths";
import { sweepIdentityFiles } from "~/domain/identity/identity.server";
import { deleteProperty } from "~/domain/listings/listings.server";
import { sweepPhotoFiles } from "./photo-files.server";
import { appendPropertyPhotos, removePropertyPhoto } from "~/domain/listings/photos.server";

const MINUTE = 60_000;
const uploads = () => path.resolve(env().UPLOADS_DIR);
let proId: string;

beforeAll(async () => {
  await dbReady;
  const pro = await db.pro.create({
    data: {
      email: "photos@vitrine.test",
      name: "Camille",
      companyName: "Agence du Port",
      kind: "agency",
      identityStatus: "verified",
    },
  });
  proId = pro.id;
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function newProperty() {
  const id = randomUUID();
  await db.property.create({
    data: {
      id,
      proId,
      slug: `annonce-${id}`,
      title: "Appartement",
      type: "appartement",
      transactionType: "vente",
      city: "Lyon",
      cityKey: "lyon",
      postalCode: "69003",
    },
  });
  return id;
}

/** Every file under the property's folder, relative to it. */
function filesOf(propertyId: string) {
  const folder = path.join(uploads(), "properties", propertyId);
  return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
}

/** What `/uploads` would serve: the final `.webp` names. */
const publicNames = (names: string[]) => names.filter((name) => name.endsWith(".webp"));

/** Every width of a photo is one file: the stored `<id>.webp`, `<id>-400w.webp`, `<id>-800w.webp`. */
const FILES_PER_PHOTO = 1 + PHOTO_WIDTHS.length;

/** The file names of every width of these stored paths, with `suffix` (`.pending`, `.removed`). */
const filesOfPaths = (paths: string[], suffix = "") =>
  paths
    .flatMap(allPhotoFiles)
    .map((file) => path.basename(file) + suffix)
    .sort();

async function uploadRequest(count: number) {
  const form = new FormData();
  for (let i = 0; i < count; i++) {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    form.append("photos", new Blob([new Uint8Array(png)], { type: "image/png" }), `photo-${i}.png`);
  }
  return new Request("http://localhost/pro/properties/x/photos", { method: "POST", body: form });
}

/** Makes the next call of `method` never settle: the process "dies" there, as far as it can tell. */
function freezeAt<T extends object>(target: T, method: keyof T) {
  let reached!: () => void;
  const wasReached = new Promise<void>((resolve) => (reached = resolve));
  vi.spyOn(target, method as never).mockImplementation((() => {
    reached();
    return new Promise(() => undefined);
  }) as never);
  return wasReached;
}

describe("a crash never leaves a photo served without its row", () => {
  it("during an upload, files keep an unserved name until their rows exist", async () => {
    const propertyId = await newProperty();
    const inserting = freezeAt(db, "$executeRaw");
    void appendPropertyPhotos(proId, propertyId, await uploadRequest(2));
    await inserting;

    const names = filesOf(propertyId);
    expect(names).toHaveLength(2 * FILES_PER_PHOTO);
    expect(publicNames(names)).toEqual([]);
    // Every width waits under its `.pending` name, all three for each photo.
    expect(names.every((name) => name.endsWith(".pending"))).toBe(true);
    const stored = names.filter((name) => /^[0-9a-f-]{36}\.webp\.pending$/.test(name));
    expect(stored).toHaveLength(2);
    const paths = stored.map((name) => `properties/${propertyId}/${name.slice(0, -".pending".length)}`);
    expect(names).toEqual(filesOfPaths(paths, ".pending"));
    expect(await db.propertyPhoto.count({ where: { propertyId } })).toBe(0);
  });

  it("while a listing is deleted, its photos leave their public names before the rows go", async () => {
    const propertyId = await newProperty();
    await appendPropertyPhotos(proId, propertyId, await uploadRequest(2));
    const rows = await db.propertyPhoto.findMany({ where: { propertyId } });
    expect(rows).toHaveLength(2);
    expect(filesOf(propertyId)).toEqual(filesOfPaths(rows.map((row) => row.path)));

    const deleting = freezeAt(db.property, "deleteMany");
    void deleteProperty(proId, propertyId);
    await deleting;
    expect(publicNames(filesOf(propertyId))).toEqual([]);
    expect(filesOf(propertyId)).toEqual(
      filesOfPaths(
        rows.map((row) => row.path),
        ".removed",
      ),
    );
  });

  it("while one photo is removed, it leaves its public name before its row goes", async () => {
    const propertyId = await newProperty();
    await appendPropertyPhotos(proId, propertyId, await uploadRequest(1));
    const [photo] = await db.propertyPhoto.findMany({ where: { propertyId } });

    expect(filesOf(propertyId)).toEqual(filesOfPaths([photo.path]));

    const deleting = freezeAt(db.propertyPhoto, "deleteMany");
    void removePropertyPhoto(proId, propertyId, photo.id);
    await deleting;
    expect(publicNames(filesOf(propertyId))).toEqual([]);
    expect(filesOf(propertyId)).toEqual(filesOfPaths([photo.path], ".removed"));
  });

  it("a completed upload and removal leave exactly the files of the rows", async () => {
    const propertyId = await newProperty();
    await appendPropertyPhotos(proId, propertyId, await uploadRequest(2));
    const rows = await db.propertyPhoto.findMany({ where: { propertyId }, orderBy: { path: "asc" } });
    expect(filesOf(propertyId)).toHaveLength(2 * FILES_PER_PHOTO);
    expect(filesOf(propertyId)).toEqual(filesOfPaths(rows.map((row) => row.path)));
    await removePropertyPhoto(proId, propertyId, rows[0].id);
    expect(filesOf(propertyId)).toEqual(filesOfPaths([rows[1].path]));
    await deleteProperty(proId, propertyId);
    expect(filesOf(propertyId)).toEqual([]);
  });
});

describe("the start-up sweep", () => {
  it("publishes or restores hidden photos that have a row and deletes every other leftover", async () => {
    const propertyId = await newProperty();
    const folder = path.join(uploads(), "properties", propertyId);
    fs.mkdirSync(folder, { recursive: true });
    const row = async (name: string) =>
      db.propertyPhoto.create({
        data: { propertyId, path: `properties/${propertyId}/${name}`, width: 10, height: 10, position: 0 },
      });
    const touch = (name: string) => fs.writeFileSync(path.join(folder, name), "webp");
    // Crashed between insert and publication, between hiding and deleting, and a normal photo.
    await row("published.webp");
    touch("published.webp.pending");
    await row("restored.webp");
    touch("restored.webp.removed");
    await row("kept.webp");
    touch("kept.webp");
    // A smaller width belongs to the row of its stored path, and follows the same rules.
    touch("published-400w.webp.pending");
    touch("restored-800w.webp.removed");
    touch("kept-400w.webp");
    // Crashed before the insert, after the delete, or a file without a row at all.
    touch("unpublished.webp.pending");
    touch("unpublished-800w.webp.pending");
    touch("deleted.webp.removed");
    touch("deleted-400w.webp.removed");
    touch("orphan.webp");
    touch("orphan-400w.webp");
    // A deleted listing's folder, and an interrupted upload's work files.
    const gone = path.join(uploads(), "properties", randomUUID());
    fs.mkdirSync(gone, { recursive: true });
    fs.writeFileSync(path.join(gone, "left.webp"), "webp");
    fs.mkdirSync(path.join(uploads(), ".tmp"), { recursive: true });
    fs.writeFileSync(path.join(uploads(), ".tmp", "interrupted.upload"), "partial");

    // Too recent: maybe another instance's work in progress, left alone.
    expect(await sweepPhotoFiles()).toEqual({ restored: 0, published: 0, deleted: 0 });
    expect(fs.readdirSync(folder)).toHaveLength(12);

    const report = await sweepPhotoFiles({ now: Date.now() + 11 * MINUTE });
    expect(filesOf(propertyId)).toEqual([
      "kept-400w.webp",
      "kept.webp",
      "published-400w.webp",
      "published.webp",
      "restored-800w.webp",
      "restored.webp",
    ]);
    expect(fs.existsSync(gone)).toBe(false);
    expect(fs.readdirSync(path.join(uploads(), ".tmp"))).toEqual([]);
    // At least these; the crashes simulated above are settled too.
    expect(report.published).toBeGreaterThanOrEqual(2);
    expect(report.restored).toBeGreaterThanOrEqual(2);
    expect(report.deleted).toBeGreaterThanOrEqual(8);
  });

  it("settles the folders of vehicles and programmes the same way, and removes those of deleted ones", async () => {
    const vehicle = await db.vehicle.create({
      data: { proId, make: "Mazda", model: "CX-5", year: 2021, price: 420000, mileage: 35000 },
    });
    const programme = await db.programme.create({
      data: { proId, slug: `programme-${randomUUID()}`, name: "Les Terrasses", ville: "Lyon", description: "Neuf" },
    });
    const vehicleFolder = path.join(uploads(), "vehicles", String(vehicle.id));
    const programmeFolder = path.join(uploads(), "programmes", programme.id);
    const deletedFolder = path.join(uploads(), "vehicles", "999999999");
    for (const folder of [vehicleFolder, programmeFolder, deletedFolder]) fs.mkdirSync(folder, { recursive: true });
    await db.vehiclePhoto.create({
      data: { vehicleId: vehicle.id, path: `vehicles/${vehicle.id}/car.webp`, width: 1200, height: 800, position: 0 },
    });
    await db.programmePhoto.create({
      data: {
        programmeId: programme.id,
        path: `programmes/${programme.id}/view.webp`,
        width: 1200,
        height: 800,
        position: 0,
      },
    });
    for (const name of allPhotoFiles("car.webp")) fs.writeFileSync(path.join(vehicleFolder, `${name}.pending`), "x");
    fs.writeFileSync(path.join(vehicleFolder, "orphan.webp"), "x");
    for (const name of allPhotoFiles("view.webp")) fs.writeFileSync(path.join(programmeFolder, `${name}.removed`), "x");
    fs.writeFileSync(path.join(deletedFolder, "old.webp"), "x");

    await sweepPhotoFiles({ now: Date.now() + 11 * MINUTE });
    expect(fs.readdirSync(vehicleFolder).sort()).toEqual(allPhotoFiles("car.webp").sort());
    expect(fs.readdirSync(programmeFolder).sort()).toEqual(allPhotoFiles("view.webp").sort());
    expect(fs.existsSync(deletedFolder)).toBe(false);
  });

  it("tells live listings from deleted ones across more folders than one look-up holds", async () => {
    // Folders are looked up 500 at a time: five live listings among 1,200 deleted ones, wherever
    // the directory listing puts them.
    const gone = Array.from({ length: 1200 }, () => path.join(uploads(), "properties", randomUUID()));
    for (const folder of gone) fs.mkdirSync(folder, { recursive: true });
    const live: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await newProperty();
      live.push(id);
      const folder = path.join(uploads(), "properties", id);
      fs.mkdirSync(folder, { recursive: true });
      await db.propertyPhoto.create({
        data: { propertyId: id, path: `properties/${id}/kept.webp`, width: 10, height: 10, position: 0 },
      });
      fs.writeFileSync(path.join(folder, "kept.webp"), "webp");
      fs.writeFileSync(path.join(folder, "orphan.webp"), "webp");
    }
    // Not a key at all: treated like a deleted listing's folder, without failing the sweep.
    const odd = path.join(uploads(), "vehicles", "99999999999");
    fs.mkdirSync(odd, { recursive: true });

    await sweepPhotoFiles({ now: Date.now() + 11 * MINUTE });
    expect(gone.filter((folder) => fs.existsSync(folder))).toEqual([]);
    for (const id of live) expect(filesOf(id)).toEqual(["kept.webp"]);
    expect(fs.existsSync(odd)).toBe(false);
  });

  it("deletes identity documents no pro refers to and interrupted identity uploads", async () => {
    const root = path.resolve(env().PRIVATE_DIR);
    const folder = path.join(root, "identity", proId);
    fs.mkdirSync(folder, { recursive: true });
    fs.mkdirSync(path.join(root, "tmp"), { recursive: true });
    fs.writeFileSync(path.join(folder, "current.png"), "png");
    fs.writeFileSync(path.join(folder, "stale.png"), "png");
    fs.writeFileSync(path.join(root, "tmp", "interrupted.upload"), "partial");
    await db.pro.update({
      where: { id: proId },
      data: { identityDocPath: path.join("identity", proId, "current.png") },
    });

    expect(await sweepIdentityFiles()).toEqual({ deleted: 0 });
    expect(await sweepIdentityFiles({ now: Date.now() + 11 * MINUTE })).toEqual({ deleted: 2 });
    expect(fs.readdirSync(folder)).toEqual(["current.png"]);
    expect(fs.readdirSync(path.join(root, "tmp"))).toEqual([]);
  });
});
