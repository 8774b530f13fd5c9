import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import type { PrismaClient } from "~/generated/prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../helpers/client";
import { openTestDb } from "../helpers/db";
import { startServer, type TestServer } from "../helpers/server";

/**
 * Listings (seed 002) over HTTP against the real built server with the demo data: every JSON
 * endpoint, ownership, bad input, the photo pipeline, the public pages and the page forms.
 */
let server: TestServer;
/** A second client on the server's own database, to look at the rows behind the answers. */
let serverDb: PrismaClient;
let agence: Client;
let promoteur: Client;

beforeAll(async () => {
  server = await startServer({ seed: "demo", env: { TRUST_PROXY: "1" } });
  serverDb = openTestDb(server.env.DATABASE_URL);
  agence = new Client(server.baseUrl);
  await agence.login("agence@vitrine.test");
  promoteur = new Client(server.baseUrl);
  await promoteur.login("promoteur@vitrine.test");
});

afterAll(async () => {
  await serverDb?.$disconnect();
  await server?.stop();
});

// ---- helpers

const unique = () => randomBytes(4).toString("hex");

type Property = Record<string, unknown> & { id: string; slug: string; status: string; photos: string[] };

function listingBody(overrides: Record<string, unknown> = {}) {
  return {
    title: `Appartement lumineux ${unique()}`,
    type: "appartement",
    transactionType: "vente",
    city: "Lyon",
    postalCode: "69003",
    price: 250000,
    surface: 62.5,
    rooms: 3,
    ...overrides,
  };
}

async function create(client = agence, overrides: Record<string, unknown> = {}): Promise<Property> {
  const res = await client.json("/pro/properties", { method: "POST", json: listingBody(overrides) });
  expect(res.status).toBe(201);
  return (await res.json()).data;
}

async function jpeg(width = 1600, height = 1200, color = "#6699cc") {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
}

/** A tiny PNG whose header claims 20000 × 20000 pixels: decoding it would need gigabytes. */
async function pngBomb() {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(20000, 16);
  png.writeUInt32BE(20000, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

function photoForm(files: { name: string; bytes: Buffer; type?: string }[]) {
  const form = new FormData();
  for (const f of files)
    form.append("photos", new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "image/jpeg" }), f.name);
  return form;
}

function upload(
  id: string,
  files: { name: string; bytes: Buffer; type?: string }[],
  client = agence,
  accept = "application/json",
) {
  return client.fetch(`/pro/properties/${id}/photos`, { method: "POST", body: photoForm(files), headers: { accept } });
}

function folderOf(id: string) {
  return path.join(server.env.UPLOADS_DIR, "properties", id);
}

/** Every file in the listing's folder: each photo's stored file and its smaller widths. */
function allFilesOf(id: string) {
  return fs.existsSync(folderOf(id)) ? fs.readdirSync(folderOf(id)).sort() : [];
}

/** The stored photo files (one per photo); the -400w/-800w widths are checked where it matters. */
function filesOf(id: string) {
  return allFilesOf(id).filter((file) => !/-\d+w\.webp$/.test(file));
}

function workFiles() {
  const dir = path.join(server.env.UPLOADS_DIR, ".tmp");
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

function photoRows(id: string) {
  return serverDb.propertyPhoto.findMany({
    where: { propertyId: id },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { path: true, width: true, height: true, position: true },
  });
}

async function errorOf(res: Response) {
  const body = await res.json();
  return body.error as { code: string; message: string; details?: { field: string; message: string }[] };
}

// ---- JSON API

describe("JSON API: create, read, list, update, delete", () => {
  it("creates a draft with a slug from the title, ignoring proId, slug and source", async () => {
    const suffix = unique();
    const res = await agence.json("/pro/properties", {
      method: "POST",
      json: listingBody({
        title: `Maison à rénover, Saint-Étienne ${suffix}`,
        city: "Saint-Étienne",
        proId: "someone-else",
        slug: "mine",
        source: "feed",
        unknown: 1,
      }),
    });
    expect(res.status).toBe(201);
    const { data } = await res.json();
    expect(data).toMatchObject({
      slug: `maison-a-renover-saint-etienne-${suffix}`,
      source: "manual",
      status: "draft",
      city: "Saint-Étienne",
      photos: [],
      price: 250000,
      surface: 62.5,
    });
    const agenceId = (await serverDb.pro.findUniqueOrThrow({ where: { email: "agence@vitrine.test" } })).id;
    expect(data.proId).toBe(agenceId);
    for (const key of [
      "id",
      "createdAt",
      "updatedAt",
      "description",
      "bedrooms",
      "bathrooms",
      "floor",
      "totalFloors",
      "buildingYear",
      "energyRating",
      "gesRating",
      "address",
      "department",
      "region",
      "latitude",
      "longitude",
    ]) {
      expect(data).toHaveProperty(key);
    }
    expect(data).not.toHaveProperty("unknown");
    const row = await serverDb.property.findUniqueOrThrow({ where: { id: data.id } });
    expect(row.cityKey).toBe("saint-etienne");
  });

  it("makes slugs unique with a suffix and never changes them on update", async () => {
    const title = `Studio étudiant ${unique()}`;
    const first = await create(agence, { title });
    const second = await create(promoteur, { title });
    const third = await create(agence, { title });
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(third.slug).toBe(`${first.slug}-3`);
    const res = await agence.json(`/pro/properties/${first.id}`, {
      method: "PUT",
      json: { title: "Un tout autre titre", slug: "hack", proId: "x", source: "feed" },
    });
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data).toMatchObject({
      title: "Un tout autre titre",
      slug: first.slug,
      source: "manual",
      proId: first.proId,
    });
  });

  it("creates an active listing directly, but never a sold one", async () => {
    expect((await create(agence, { status: "active" })).status).toBe("active");
    const res = await agence.json("/pro/properties", { method: "POST", json: listingBody({ status: "sold" }) });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("INVALID_TRANSITION");
  });

  it("reads one record and lists the pro's own, newest first, with cursor pages", async () => {
    const a = await create();
    const b = await create();
    const got = await agence.json(`/pro/properties/${a.id}`);
    expect(got.status).toBe(200);
    expect((await got.json()).data).toEqual(a);

    const page1 = await agence.json("/pro/properties?limit=1");
    expect(page1.status).toBe(200);
    const body1 = await page1.json();
    expect(body1.data.map((p: Property) => p.id)).toEqual([b.id]);
    expect(body1.hasMore).toBe(true);
    expect(typeof body1.cursor.next).toBe("string");
    const page2 = await (await agence.json(`/pro/properties?limit=1&cursor=${body1.cursor.next}`)).json();
    expect(page2.data.map((p: Property) => p.id)).toEqual([a.id]);

    // Walk everything: every row is the pro's own, in (createdAt DESC, id DESC) order, no duplicates.
    const seen: Property[] = [];
    let cursor: string | null = null;
    do {
      const body: { data: Property[]; cursor: { next: string | null }; hasMore: boolean } = await (
        await agence.json(`/pro/properties?limit=100${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      seen.push(...body.data);
      cursor = body.cursor.next;
      expect(body.hasMore).toBe(cursor !== null);
    } while (cursor);
    expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length);
    expect(new Set(seen.map((p) => p.proId))).toEqual(new Set([a.proId]));
    const keys = seen.map((p) => `${p.createdAt}|${p.id}`);
    expect([...keys].sort().reverse()).toEqual(keys);
    const count = await serverDb.property.count({ where: { proId: a.proId as string } });
    expect(seen.length).toBe(count);

    for (const bad of ["limit=0", "limit=101", "limit=abc", "cursor=not-a-cursor"]) {
      const res = await agence.json(`/pro/properties?${bad}`);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe("VALIDATION_ERROR");
    }
  });

  it("updates only the fields given and clears optional ones with null", async () => {
    const p = await create(agence, { description: "Une description", energyRating: "C" });
    const res = await agence.json(`/pro/properties/${p.id}`, {
      method: "PUT",
      json: { price: 240000, description: null, city: "Évry", gesRating: "b", bedrooms: 2 },
    });
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data).toMatchObject({
      price: 240000,
      description: null,
      city: "Évry",
      gesRating: "B",
      energyRating: "C",
      bedrooms: 2,
      title: p.title,
      rooms: 3,
    });
    expect(new Date(data.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(p.updatedAt as string).getTime());
    expect((await serverDb.property.findUniqueOrThrow({ where: { id: p.id } })).cityKey).toBe("evry");
  });

  it("follows the status diagram: draft→active→sold, active→draft, same is a no-op, others 409", async () => {
    const p = await create();
    const put = (status: string) => agence.json(`/pro/properties/${p.id}`, { method: "PUT", json: { status } });
    const draftToSold = await put("sold");
    expect(draftToSold.status).toBe(409);
    expect(await errorOf(draftToSold)).toMatchObject({ code: "INVALID_TRANSITION" });
    expect((await put("draft")).status).toBe(200);
    expect((await (await put("active")).json()).data.status).toBe("active");
    expect((await (await put("active")).json()).data.status).toBe("active");
    expect((await (await put("draft")).json()).data.status).toBe("draft");
    await put("active");
    expect((await (await put("sold")).json()).data.status).toBe("sold");
    for (const next of ["active", "draft"]) {
      const res = await put(next);
      expect(res.status).toBe(409);
      expect((await errorOf(res)).code).toBe("INVALID_TRANSITION");
    }
    expect((await put("sold")).status).toBe(200);
    const bad = await put("archived");
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details).toEqual([{ field: "status", message: expect.any(String) }]);
  });

  it("deletes the row and its photo folder, keeps the contact requests, and answers 204", async () => {
    const p = await create();
    expect((await upload(p.id, [{ name: "a.jpg", bytes: await jpeg() }])).status).toBe(200);
    expect(filesOf(p.id)).toHaveLength(1);
    const [stored] = filesOf(p.id);
    expect(allFilesOf(p.id)).toEqual(
      [stored, stored.replace(".webp", "-400w.webp"), stored.replace(".webp", "-800w.webp")].sort(),
    );
    await serverDb.contactRequest.create({
      data: {
        id: `cr-${p.id}`,
        propertyId: p.id,
        proId: p.proId as string,
        propertyTitle: p.title as string,
        senderNameEnc: "x",
        senderEmailEnc: "x",
        messageEnc: "x",
        status: "new_request",
      },
    });
    const res = await agence.json(`/pro/properties/${p.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect(await serverDb.property.findUnique({ where: { id: p.id } })).toBeNull();
    expect(await photoRows(p.id)).toEqual([]);
    expect(fs.existsSync(folderOf(p.id))).toBe(false);
    expect(
      await serverDb.contactRequest.findUnique({
        where: { id: `cr-${p.id}` },
        select: { propertyId: true, propertyTitle: true },
      }),
    ).toEqual({
      propertyId: null,
      propertyTitle: p.title,
    });
    expect((await agence.json(`/pro/properties/${p.id}`)).status).toBe(404);
    expect((await agence.json(`/pro/properties/${p.id}`, { method: "DELETE" })).status).toBe(404);
  });
});

describe("JSON API: validation", () => {
  it("names every missing required field in French", async () => {
    const res = await agence.json("/pro/properties", { method: "POST", json: {} });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.details!.map((d) => d.field).sort()).toEqual([
      "city",
      "postalCode",
      "title",
      "transactionType",
      "type",
    ]);
    expect(error.details!.find((d) => d.field === "postalCode")!.message).toMatch(/code postal/i);
  });

  it("checks every field's rule and writes nothing", async () => {
    const before = await serverDb.property.count();
    const res = await agence.json("/pro/properties", {
      method: "POST",
      json: {
        title: "abc",
        type: "chateau",
        transactionType: "viager",
        city: "",
        postalCode: "7500",
        description: "x".repeat(5001),
        price: -1,
        surface: 0,
        rooms: 101,
        bedrooms: 1.5,
        bathrooms: "deux",
        floor: -6,
        totalFloors: 201,
        buildingYear: 1500,
        energyRating: "H",
        gesRating: 3,
        address: "a".repeat(201),
        department: "d".repeat(101),
        region: "r".repeat(101),
        latitude: 95,
        longitude: 200,
      },
    });
    expect(res.status).toBe(400);
    const fields = (await errorOf(res)).details!.map((d) => d.field).sort();
    expect(fields).toEqual(
      [
        "title",
        "type",
        "transactionType",
        "city",
        "postalCode",
        "description",
        "price",
        "surface",
        "rooms",
        "bedrooms",
        "bathrooms",
        "floor",
        "totalFloors",
        "buildingYear",
        "energyRating",
        "gesRating",
        "address",
        "department",
        "region",
        "latitude",
        "longitude",
      ].sort(),
    );
    expect(await serverDb.property.count()).toBe(before);
  });

  it("refuses a body that is not a JSON object, and cross-field nonsense", async () => {
    const notJson = await agence.fetch("/pro/properties", {
      method: "POST",
      body: "{nope",
      headers: { "content-type": "application/json", accept: "application/json" },
    });
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).code).toBe("VALIDATION_ERROR");
    const array = await agence.json("/pro/properties", { method: "POST", json: [listingBody()] });
    expect(array.status).toBe(400);
    const p = await create();
    const res = await agence.json(`/pro/properties/${p.id}`, { method: "PUT", json: { bedrooms: 5 } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details).toEqual([{ field: "bedrooms", message: expect.stringMatching(/chambres/) }]);
  });
});

describe("ownership and authentication", () => {
  it("answers 404 for another pro's listing, an unknown id and a malformed id, and changes nothing", async () => {
    const mine = await create(agence);
    for (const id of [mine.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid", "new", "..%2F..%2Fetc"]) {
      expect((await promoteur.json(`/pro/properties/${id}`)).status).toBe(404);
      const put = await promoteur.json(`/pro/properties/${id}`, {
        method: "PUT",
        json: { title: "Volée par un autre" },
      });
      expect(put.status).toBe(404);
      expect(await errorOf(put)).toEqual({ code: "NOT_FOUND", message: "Property not found" });
      expect((await promoteur.json(`/pro/properties/${id}`, { method: "DELETE" })).status).toBe(404);
      expect((await upload(id, [{ name: "a.jpg", bytes: await jpeg(200, 200) }], promoteur)).status).toBe(404);
    }
    const list = await (await promoteur.json("/pro/properties?limit=100")).json();
    expect(list.data.map((p: Property) => p.id)).not.toContain(mine.id);
    const still = (await (await agence.json(`/pro/properties/${mine.id}`)).json()).data;
    expect(still).toEqual(mine);
    expect(filesOf(mine.id)).toEqual([]);
    // The page is a 404 as well.
    const page = await promoteur.fetch(`/pro/properties/${mine.id}`);
    expect(page.status).toBe(404);
  });

  it("answers 401 without a session and 403 CNI_REQUIRED for an unverified pro", async () => {
    const anonymous = new Client(server.baseUrl);
    for (const [path, method] of [
      ["/pro/properties", "GET"],
      ["/pro/properties", "POST"],
      ["/pro/properties/x", "PUT"],
      ["/pro/properties/x", "DELETE"],
    ] as const) {
      const res = await anonymous.json(path, { method, json: method === "GET" ? undefined : listingBody() });
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe("UNAUTHORIZED");
    }
    const nouveau = new Client(server.baseUrl);
    await nouveau.login("nouveau@vitrine.test");
    const res = await nouveau.json("/pro/properties", { method: "POST", json: listingBody() });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("CNI_REQUIRED");
    const page = await anonymous.fetch("/pro/properties");
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/login?redirectTo=%2Fpro%2Fproperties");
  });
});

// ---- Photos

describe("photo pipeline", () => {
  it("stores WebP files within 1200 px named by the server and appends them in order", async () => {
    const p = await create();
    const res = await upload(p.id, [
      { name: "../../evil.php", bytes: await jpeg(2400, 1600, "#aa3322"), type: "application/x-php" },
      {
        name: "petite.png",
        bytes: await sharp({ create: { width: 300, height: 200, channels: 4, background: "#00ff0080" } })
          .png()
          .toBuffer(),
        type: "image/png",
      },
    ]);
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data.id).toBe(p.id);
    expect(data.photos).toHaveLength(2);
    for (const photo of data.photos) expect(photo).toMatch(new RegExp(`^properties/${p.id}/[0-9a-f-]{36}\\.webp$`));
    const [big, small] = data.photos;
    const bigMeta = await sharp(path.join(server.env.UPLOADS_DIR, big)).metadata();
    expect(bigMeta).toMatchObject({ format: "webp", width: 1200, height: 800 });
    const smallMeta = await sharp(path.join(server.env.UPLOADS_DIR, small)).metadata();
    expect(smallMeta).toMatchObject({ format: "webp", width: 300, height: 200 }); // never enlarged
    expect((await photoRows(p.id)).map((r) => [r.path, r.width, r.height])).toEqual([
      [big, 1200, 800],
      [small, 300, 200],
    ]);
    expect(workFiles()).toEqual([]);

    const served = await fetch(`${server.baseUrl}/uploads/${big}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toContain("immutable");
  });

  it("orients by EXIF and strips every metadata, GPS included", async () => {
    const p = await create();
    const withGps = await sharp({ create: { width: 1500, height: 1000, channels: 3, background: "#334455" } })
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Copyright: "Agence" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "48/1 51/1 24/1",
          GPSLongitudeRef: "E",
          GPSLongitude: "2/1 21/1 7/1",
        },
      })
      .jpeg()
      .toBuffer();
    const input = await sharp(withGps).metadata();
    expect(input.exif).toBeDefined();
    expect(input.orientation).toBe(6);
    const res = await upload(p.id, [{ name: "gps.jpg", bytes: withGps }]);
    expect(res.status).toBe(200);
    const stored = path.join(server.env.UPLOADS_DIR, (await res.json()).data.photos[0]);
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([800, 1200]); // rotated upright, then fit
    expect(fs.readFileSync(stored).includes(Buffer.from("Exif"))).toBe(false);
  });

  it("refuses non-images, truncated images and image bombs, keeping nothing from the request", async () => {
    const p = await create();
    expect((await upload(p.id, [{ name: "ok.jpg", bytes: await jpeg() }])).status).toBe(200);
    const filesBefore = filesOf(p.id);
    const rowsBefore = await photoRows(p.id);
    const good = await jpeg(1000, 800, "#123456");
    const full = await jpeg(2000, 1500, "#abcdef");
    const cases = {
      "not an image": { name: "photo.jpg", bytes: Buffer.from("<?php echo 'hello'; ?>"), type: "image/jpeg" },
      truncated: { name: "coupee.jpg", bytes: full.subarray(0, Math.floor(full.length / 2)) },
      bomb: { name: "bombe.png", bytes: await pngBomb(), type: "image/png" },
      svg: {
        name: "dessin.svg",
        bytes: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`),
        type: "image/svg+xml",
      },
    };
    for (const [label, bad] of Object.entries(cases)) {
      const res = await upload(p.id, [{ name: "bonne.jpg", bytes: good }, bad]);
      expect(res.status, label).toBe(400);
      const error = await errorOf(res);
      expect(error.code, label).toBe("INVALID_IMAGE");
      expect(error.details![0].message).toContain(bad.name);
      expect(filesOf(p.id), label).toEqual(filesBefore);
      expect(await photoRows(p.id), label).toEqual(rowsBefore);
      expect(workFiles(), label).toEqual([]);
    }
    const empty = await agence.fetch(`/pro/properties/${p.id}/photos`, {
      method: "POST",
      body: new FormData(),
      headers: { accept: "application/json" },
    });
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).code).toBe("VALIDATION_ERROR");
  });

  it("refuses a file over 10 MB with 413 while streaming, keeping nothing", async () => {
    const p = await create();
    const rowsBefore = await photoRows(p.id);
    const res = await upload(p.id, [
      { name: "bonne.jpg", bytes: await jpeg(800, 600) },
      { name: "enorme.jpg", bytes: Buffer.concat([await jpeg(800, 600), randomBytes(10 * 1024 * 1024)]) },
    ]);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe("PAYLOAD_TOO_LARGE");
    expect(filesOf(p.id)).toEqual([]);
    expect(await photoRows(p.id)).toEqual(rowsBefore);
    expect(workFiles()).toEqual([]);
  });

  it("keeps at most 30 photos: the request that would pass the limit adds none", async () => {
    const p = await create();
    const small = await jpeg(64, 48);
    const files = Array.from({ length: 29 }, (_, i) => ({ name: `p${i}.jpg`, bytes: small }));
    expect((await upload(p.id, files)).status).toBe(200);
    const two = await upload(p.id, [
      { name: "a.jpg", bytes: small },
      { name: "b.jpg", bytes: small },
    ]);
    expect(two.status).toBe(400);
    expect((await errorOf(two)).code).toBe("TOO_MANY_PHOTOS");
    expect(await photoRows(p.id)).toHaveLength(29);
    expect(filesOf(p.id)).toHaveLength(29);
    expect((await upload(p.id, [{ name: "30.jpg", bytes: small }])).status).toBe(200);
    const thirtyFirst = await upload(p.id, [{ name: "31.jpg", bytes: small }]);
    expect(thirtyFirst.status).toBe(400);
    expect((await errorOf(thirtyFirst)).code).toBe("TOO_MANY_PHOTOS");
    expect(await photoRows(p.id)).toHaveLength(30);
    expect(filesOf(p.id)).toHaveLength(30);
    expect(workFiles()).toEqual([]);
  });

  it("never loses a photo to concurrent uploads, nor lets them pass the limit together", async () => {
    const p = await create();
    const batch = (color: string) =>
      Promise.all([0, 1, 2].map(async (i) => ({ name: `${color}-${i}.jpg`, bytes: await jpeg(900 + i, 700, color) })));
    const [a, b] = await Promise.all([batch("#ff0000"), batch("#0000ff")]);
    const [ra, rb] = await Promise.all([upload(p.id, a), upload(p.id, b)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const rows = await photoRows(p.id);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.position)).size).toBe(6);
    expect(filesOf(p.id)).toHaveLength(6);
    const { data } = await (await agence.json(`/pro/properties/${p.id}`)).json();
    expect(data.photos).toEqual(rows.map((r) => r.path));

    // 27 + two concurrent requests of 2: only one of them fits under 30.
    const q = await create();
    const tiny = await jpeg(32, 32);
    expect(
      (
        await upload(
          q.id,
          Array.from({ length: 27 }, (_, i) => ({ name: `${i}.jpg`, bytes: tiny })),
        )
      ).status,
    ).toBe(200);
    const pair = [
      { name: "x.jpg", bytes: tiny },
      { name: "y.jpg", bytes: tiny },
    ];
    const statuses = (await Promise.all([upload(q.id, pair), upload(q.id, pair)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 400]);
    expect(await photoRows(q.id)).toHaveLength(29);
    expect(filesOf(q.id)).toHaveLength(29);
  });

  it("reorders and removes photos through PUT photos, deleting removed files; unknown paths are refused", async () => {
    const p = await create();
    const files = [
      { name: "1.jpg", bytes: await jpeg(500, 400, "#111111") },
      { name: "2.jpg", bytes: await jpeg(500, 400, "#222222") },
      { name: "3.jpg", bytes: await jpeg(500, 400, "#333333") },
    ];
    const { data } = await (await upload(p.id, files)).json();
    const [one, two, three] = data.photos as string[];
    const other = await create();
    const otherPhoto = (await (await upload(other.id, [{ name: "o.jpg", bytes: await jpeg(100, 100) }])).json()).data
      .photos[0];

    for (const photos of [[three, otherPhoto], [three, "properties/../../package.json"], [one, one], "x"]) {
      const res = await agence.json(`/pro/properties/${p.id}`, { method: "PUT", json: { photos } });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe("VALIDATION_ERROR");
    }
    expect(filesOf(p.id)).toHaveLength(3);

    const res = await agence.json(`/pro/properties/${p.id}`, { method: "PUT", json: { photos: [three, one] } });
    expect(res.status).toBe(200);
    expect((await res.json()).data.photos).toEqual([three, one]);
    expect(fs.existsSync(path.join(server.env.UPLOADS_DIR, two))).toBe(false);
    expect(filesOf(p.id)).toHaveLength(2);
    // Every width of the removed photo is gone; the kept ones still have theirs.
    expect(allFilesOf(p.id)).toHaveLength(6);
    expect(fs.existsSync(path.join(server.env.UPLOADS_DIR, two.replace(/\.webp$/, "-400w.webp")))).toBe(false);
    expect(fs.existsSync(path.join(server.env.UPLOADS_DIR, otherPhoto))).toBe(true);
  });
});

describe("/uploads", () => {
  it("never serves anything outside UPLOADS_DIR", async () => {
    fs.mkdirSync(server.env.UPLOADS_DIR, { recursive: true });
    for (const attempt of [
      "/uploads/..%2f..%2fetc/passwd",
      "/uploads/../package.json",
      "/uploads/%2e%2e/%2e%2e/package.json",
      "/uploads/properties/..%2F..%2F..%2Fpackage.json",
      "/uploads/.tmp/x.webp",
      "/uploads/properties/missing.webp",
    ]) {
      const res = await agence.fetch(attempt);
      expect(res.status, attempt).toBe(404);
    }
    // A symlink planted inside the folder does not lead out of it.
    const link = path.join(server.env.UPLOADS_DIR, "escape.png");
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.resolve("package.json"), link);
    expect((await fetch(`${server.baseUrl}/uploads/escape.png`)).status).toBe(404);
    fs.rmSync(link, { force: true });
  });
});

// ---- Public pages

describe("public pages", () => {
  it("finds active listings by city prefix, type, transaction, price, surface and rooms, paginated with the filters", async () => {
    const city = `Villeneuve-d’Ascq ${unique()}`;
    const made: Property[] = [];
    for (let i = 0; i < 26; i++) {
      made.push(
        await create(agence, {
          city,
          status: "active",
          price: 100000 + i * 1000,
          surface: 40 + i,
          rooms: 2 + (i % 3),
          title: `Annonce numéro ${i} ${unique()}`,
        }),
      );
    }
    const draft = await create(agence, { city, title: `Brouillon caché ${unique()}` });
    const search = (query: string) => fetch(`${server.baseUrl}/properties?${query}`);
    const slugsIn = (html: string) => [...html.matchAll(/href="\/properties\/([^"?]+)"/g)].map((m) => m[1]);

    const key = encodeURIComponent(city.slice(0, 14).toLowerCase().replace("’", "'"));
    const first = await search(`city=${encodeURIComponent(city.toUpperCase())}`);
    expect(first.status).toBe(200);
    const html1 = await first.text();
    const page1 = slugsIn(html1);
    expect(page1).toHaveLength(24);
    expect(page1[0]).toBe(made[25].slug);
    expect(page1).not.toContain(draft.slug);
    // Numbered pages keep the filters; page 2 holds the two oldest.
    const next = /href="(\/properties\?[^"]*page=2[^"]*)"/.exec(html1)![1].replace(/&amp;/g, "&");
    expect(new URL(next, server.baseUrl).searchParams.get("city")).toBe(city.toUpperCase());
    const html2 = await (await fetch(server.baseUrl + next)).text();
    expect(slugsIn(html2)).toEqual([made[1].slug, made[0].slug]);
    expect(html1).toContain("26 annonces");
    // Sorted by price, cheapest first, across pages.
    const cheapest = slugsIn(await (await search(`city=${key}&sort=price-asc`)).text());
    expect(cheapest.slice(0, 3)).toEqual([made[0].slug, made[1].slug, made[2].slug]);

    const filtered = slugsIn(
      await (
        await search(
          `city=${key}&minPrice=110000&maxPrice=115000&minSurface=51&minRooms=3&type=appartement&transactionType=vente`,
        )
      ).text(),
    );
    const expected = made.filter(
      (p, i) => 100000 + i * 1000 >= 110000 && 100000 + i * 1000 <= 115000 && 40 + i >= 51 && 2 + (i % 3) >= 3,
    );
    expect(filtered.sort()).toEqual(expected.map((p) => p.slug).sort());
    expect(slugsIn(await (await search(`city=${key}&transactionType=location`)).text())).toEqual([]);
  });

  it("explains invalid filters in French instead of failing", async () => {
    const res = await fetch(`${server.baseUrl}/properties?minPrice=abc&type=chateau&minRooms=-2&page=zzz&sort=nope`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Ce numéro de page n’existe pas : reprenez la recherche.");
    expect(html).toContain("Ce tri n’existe pas");
    const res2 = await fetch(`${server.baseUrl}/properties?minPrice=abc&type=chateau&minRooms=-2&maxPrice=5`);
    expect(res2.status).toBe(400);
    const html2 = await res2.text();
    expect(html2).toContain("Le prix minimum doit être un nombre entier positif.");
    expect(html2).toContain("Type de bien inconnu.");
    expect(html2).toContain("Le nombre de pièces minimum doit être un entier positif.");
    expect(html2).toContain('value="abc"');
  });

  it("shows an active listing with photos and ratings, hides drafts, marks sold ones", async () => {
    const p = await create(agence, { energyRating: "C", gesRating: "E", bedrooms: 2, description: "Au calme." });
    await upload(p.id, [
      { name: "1.jpg", bytes: await jpeg(1600, 1200) },
      { name: "2.jpg", bytes: await jpeg(1600, 1200) },
      { name: "3.jpg", bytes: await jpeg(1600, 1200) },
    ]);
    expect((await fetch(`${server.baseUrl}/properties/${p.slug}`)).status).toBe(404);
    await agence.json(`/pro/properties/${p.id}`, { method: "PUT", json: { status: "active" } });
    const res = await fetch(`${server.baseUrl}/properties/${p.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(p.title);
    expect(html).toContain('class="rating rating-C"');
    expect(html).toContain('aria-label="DPE : C"');
    expect(html).toContain('aria-label="GES : E"');
    expect(html).toContain('id="contact"');
    expect(html).toMatch(/<img[^>]+width="1200"[^>]+height="900"/);
    // The first photo is the page's largest paint: fetched first, never lazily; the others wait.
    expect(html.match(/fetchpriority="high"/g)?.length).toBe(1);
    expect(/<img[^>]*fetchpriority="high"[^>]*>/.exec(html)?.[0]).not.toContain('loading="lazy"');
    expect(html.match(/loading="lazy"/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(html).not.toContain("badge-sold");
    // The publication date in words, in Paris, written by the server (the browser never loads ICU for it).
    const published = new Intl.DateTimeFormat("fr-FR", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "Europe/Paris",
    }).format(new Date());
    expect(html).toMatch(new RegExp(`Publiée le <time dateTime="[^"]+">${published}</time>`));
    const json = await (
      await fetch(`${server.baseUrl}/properties/${p.slug}`, { headers: { accept: "application/json" } })
    ).json();
    expect(json.property).toMatchObject({ id: p.id, slug: p.slug, title: p.title, status: "active" });

    // Home page shows it among the latest, and the city appears in the search suggestions.
    const home = await (await fetch(`${server.baseUrl}/`)).text();
    expect(home).toContain(`/properties/${p.slug}`);

    await agence.json(`/pro/properties/${p.id}`, { method: "PUT", json: { status: "sold" } });
    const sold = await (await fetch(`${server.baseUrl}/properties/${p.slug}`)).text();
    expect(sold).toContain("Vendu");
    expect(sold).not.toContain("<form");
    const search = await (await fetch(`${server.baseUrl}/properties?city=Lyon`)).text();
    expect(search).not.toContain(`/properties/${p.slug}"`);
    expect((await fetch(`${server.baseUrl}/properties/no-such-listing`)).status).toBe(404);
  });
});

// ---- Pages and forms (JavaScript off)

describe("pro pages", () => {
  it("creates through the form with inline French errors and kept values, then edits, changes status and photos", async () => {
    const bad = await agence.form("/pro/properties?index", {
      title: "Mon bel appart",
      type: "",
      transactionType: "vente",
      city: "Nantes",
      postalCode: "44",
      price: "beaucoup",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Choisissez le type de bien.");
    expect(html).toContain("Le code postal doit comporter 5 chiffres.");
    expect(html).toContain('value="Mon bel appart"');
    expect(html).toContain('value="beaucoup"');
    expect(html).toContain("error-summary");

    const title = `Maison avec jardin ${unique()}`;
    const ok = await agence.form("/pro/properties?index", {
      title,
      type: "maison",
      transactionType: "location",
      city: "Nantes",
      postalCode: "44000",
      price: "1 250",
      surface: "",
    });
    expect(ok.status).toBe(302);
    const location = ok.headers.get("location")!;
    expect(location).toMatch(/^\/pro\/properties\/[0-9a-f-]{36}\?notice=created$/);
    const id = location.split("/")[3].split("?")[0];
    const edit = await (await agence.fetch(location)).text();
    expect(edit).toContain("Brouillon créé");
    expect(edit).toContain("Publier l’annonce");
    expect(edit).not.toContain("Marquer comme vendu");

    const saveBad = await agence.form(`/pro/properties/${id}`, {
      intent: "save",
      title,
      type: "maison",
      transactionType: "location",
      city: "Nantes",
      postalCode: "44000",
      floor: "3",
      totalFloors: "2",
    });
    expect(saveBad.status).toBe(400);
    expect(await saveBad.text()).toContain("L’étage ne peut pas dépasser le nombre d’étages de l’immeuble.");

    const save = await agence.form(`/pro/properties/${id}`, {
      intent: "save",
      title,
      type: "maison",
      transactionType: "location",
      city: "Nantes",
      postalCode: "44000",
      price: "1300",
      energyRating: "B",
    });
    expect(save.status).toBe(302);
    const stored = (await (await agence.json(`/pro/properties/${id}`)).json()).data;
    expect(stored).toMatchObject({ price: 1300, energyRating: "B", surface: null });

    // Photos through the native multipart form: redirected back with a notice or an error code.
    const up = await upload(
      id,
      [
        { name: "a.jpg", bytes: await jpeg(600, 400, "#ff0000") },
        { name: "b.jpg", bytes: await jpeg(600, 400, "#00ff00") },
      ],
      agence,
      "text/html",
    );
    expect(up.status).toBe(302);
    expect(up.headers.get("location")).toBe(`/pro/properties/${id}?notice=photos-added`);
    const refused = await upload(id, [{ name: "x.jpg", bytes: Buffer.from("nope") }], agence, "text/html");
    expect(refused.headers.get("location")).toBe(`/pro/properties/${id}?photoError=INVALID_IMAGE`);
    expect(await (await agence.fetch(refused.headers.get("location")!)).text()).toContain(
      "aucune photo n’a été ajoutée",
    );

    const ids = await serverDb.propertyPhoto.findMany({
      where: { propertyId: id },
      orderBy: { position: "asc" },
      select: { id: true, path: true },
    });
    expect((await agence.form(`/pro/properties/${id}`, { intent: "cover", photoId: ids[1].id })).status).toBe(302);
    expect((await (await agence.json(`/pro/properties/${id}`)).json()).data.photos).toEqual([ids[1].path, ids[0].path]);
    expect((await agence.form(`/pro/properties/${id}`, { intent: "remove-photo", photoId: ids[0].id })).status).toBe(
      302,
    );
    expect(fs.existsSync(path.join(server.env.UPLOADS_DIR, ids[0].path))).toBe(false);
    expect((await photoRows(id)).map((r) => r.path)).toEqual([ids[1].path]);
    // Another pro's photo id is a 404.
    expect((await promoteur.form(`/pro/properties/${id}`, { intent: "remove-photo", photoId: ids[1].id })).status).toBe(
      404,
    );

    const sold = await agence.form(`/pro/properties/${id}`, { intent: "status", status: "sold" });
    expect(sold.headers.get("location")).toBe(`/pro/properties/${id}?notice=invalid-transition`);
    expect(
      (await agence.form(`/pro/properties/${id}`, { intent: "status", status: "active" })).headers.get("location"),
    ).toBe(`/pro/properties/${id}?notice=status-active`);
    const list = await (await agence.fetch("/pro/properties")).text();
    expect(list).toContain(title);
    expect(list).toContain("Annonce active");

    const confirm = await (await agence.fetch(`/pro/properties/${id}?confirm=delete`)).text();
    expect(confirm).toContain("Oui, supprimer l’annonce");
    const del = await agence.form(`/pro/properties/${id}`, { intent: "delete" });
    expect(del.headers.get("location")).toBe("/pro/properties?notice=deleted");
    expect(fs.existsSync(folderOf(id))).toBe(false);
  });
});
