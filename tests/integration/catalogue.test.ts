import { allPhotoFiles, photoBasePath } from "~/domain/media/photo-widths";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { Client } from "../helpers/client";
import { openTestDb } from "../helpers/db";
import { startServer, type TestServer } from "../helpers/server";

/**
 * Dealerships manage vehicles, developers manage programmes and lots, programme inquiries, and
 * the shared photo manager — over HTTP against the real built server with the demo data.
 */
let server: TestServer;
let db: PrismaClient;
let garage: Client;
let otherGarage: Client;
let promoteur: Client;
let otherPromoteur: Client;
let agence: Client;
let ipCounter = 0;

const unique = () => randomBytes(4).toString("hex");

/** A visitor with its own address (TRUST_PROXY is on), so rate limits of one test never hit another. */
function visitor() {
  ipCounter++;
  return new Client(server.baseUrl, {
    "x-forwarded-for": `10.13.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`,
  });
}

/** A new verified pro of the given kind (registration, then the identity check an admin would make). */
async function newPro(kind: "dealership" | "developer") {
  const client = new Client(server.baseUrl);
  const email = `${kind}-${unique()}@example.test`;
  const res = await client.form("/register", {
    companyName: `Société ${unique()}`,
    name: "Camille Test",
    email,
    password: "un-mot-de-passe-long",
    kind,
  });
  expect(res.status).toBe(302);
  await db.pro.updateMany({ where: { email }, data: { identityStatus: "verified" } });
  return client;
}

beforeAll(async () => {
  server = await startServer({ seed: "demo", env: { TRUST_PROXY: "1" } });
  db = openTestDb(server.env.DATABASE_URL);
  garage = new Client(server.baseUrl);
  await garage.login("garage@vitrine.test");
  promoteur = new Client(server.baseUrl);
  await promoteur.login("promoteur@vitrine.test");
  agence = new Client(server.baseUrl);
  await agence.login("agence@vitrine.test");
  otherGarage = await newPro("dealership");
  otherPromoteur = await newPro("developer");
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
});

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; details?: { field: string }[] } }).error;
}

async function jpeg(width = 1600, height = 1200, color = "#6699cc") {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
}

function photoForm(files: { name: string; bytes: Buffer }[]) {
  const form = new FormData();
  for (const f of files) form.append("photos", new Blob([new Uint8Array(f.bytes)], { type: "image/jpeg" }), f.name);
  return form;
}

function upload(client: Client, url: string, files: { name: string; bytes: Buffer }[], accept = "application/json") {
  return client.fetch(url, { method: "POST", body: photoForm(files), headers: { accept } });
}

/**
 * The stored photos (the 1200 px files) in a folder under UPLOADS_DIR. Each must have every smaller
 * width beside it and nothing else may be there (no `.pending`, `.removed` or orphan width).
 */
function filesIn(...segments: string[]) {
  const dir = path.join(server.env.UPLOADS_DIR, ...segments);
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  const stored = names.filter((name) => photoBasePath(name) === name);
  expect(names).toEqual(stored.flatMap((name) => allPhotoFiles(name)).sort());
  return stored;
}

// ---------------------------------------------------------------------------------------------
// Vehicles

const vehicleBody = (overrides: Record<string, unknown> = {}) => ({
  make: "Volkswagen",
  model: `Polo ${unique()}`,
  year: 2021,
  price: 239_900,
  mileage: 41_000,
  fuel: "essence",
  transmission: "manuelle",
  colour: "Bleu",
  province: "Western Cape",
  city: "Cape Town",
  ...overrides,
});

type Vehicle = { id: number; status: string; photos: string[]; province: string; city: string; proId: string };

async function createVehicle(client = garage, overrides: Record<string, unknown> = {}): Promise<Vehicle> {
  const res = await client.json("/pro/vehicles", { method: "POST", json: vehicleBody(overrides) });
  expect(res.status).toBe(201);
  return (await res.json()).data;
}

const setVehicleStatus = (id: number, status: string, client = garage) =>
  client.json(`/pro/vehicles/${id}`, { method: "PUT", json: { status } });

describe("dealerships manage their vehicles", () => {
  it("is for dealerships only: other pros get 403 FORBIDDEN and write nothing, visitors 401", async () => {
    const before = await db.vehicle.count();
    for (const client of [agence, promoteur]) {
      const list = await client.json("/pro/vehicles");
      expect(list.status).toBe(403);
      expect((await errorOf(list)).code).toBe("FORBIDDEN");
      const created = await client.json("/pro/vehicles", { method: "POST", json: vehicleBody() });
      expect(created.status).toBe(403);
      expect((await client.json("/pro/vehicles/100", { method: "PUT", json: { price: 1 } })).status).toBe(403);
      expect((await upload(client, "/pro/vehicles/100/photos", [{ name: "a.jpg", bytes: await jpeg() }])).status).toBe(
        403,
      );
    }
    expect(await db.vehicle.count()).toBe(before);
    expect((await new Client(server.baseUrl).json("/pro/vehicles")).status).toBe(401);
    // The page answers 403 too, and the navigation of an agency has no vehicles.
    expect((await agence.fetch("/pro/vehicles")).status).toBe(403);
  });

  it("creates a draft with canonical province and city, and lists it first", async () => {
    const vehicle = await createVehicle(garage, { province: "western cape", city: "CAPE TOWN", status: undefined });
    expect(vehicle).toMatchObject({ status: "draft", province: "Western Cape", city: "Cape Town", photos: [] });
    const list = await (await garage.json("/pro/vehicles?limit=2")).json();
    expect(list.data[0].id).toBe(vehicle.id);
    expect(list.hasMore).toBe(true);
    const next = await (await garage.json(`/pro/vehicles?limit=2&cursor=${list.cursor.next}`)).json();
    expect(next.data.map((v: Vehicle) => v.id)).not.toContain(vehicle.id);
    expect(next.data).toHaveLength(2);
    expect((await garage.json("/pro/vehicles?cursor=nope")).status).toBe(400);
    expect((await garage.json("/pro/vehicles?limit=0")).status).toBe(400);
    // Another dealership sees only its own (none yet).
    expect((await (await otherGarage.json("/pro/vehicles")).json()).data).toEqual([]);
  });

  it("reports every invalid field at once as VALIDATION_ERROR details", async () => {
    const res = await garage.json("/pro/vehicles", {
      method: "POST",
      json: { make: " ", year: 1949, price: 0, mileage: -1, fuel: "charbon", transmission: "x", province: "Atlantis" },
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.details!.map((d) => d.field).sort()).toEqual(
      ["city", "fuel", "make", "mileage", "model", "price", "transmission", "year"].sort(),
    );
    const nextYear = new Date().getFullYear() + 1;
    expect((await garage.json("/pro/vehicles", { method: "POST", json: vehicleBody({ year: nextYear }) })).status).toBe(
      201,
    );
    const tooNew = await garage.json("/pro/vehicles", { method: "POST", json: vehicleBody({ year: nextYear + 1 }) });
    expect((await errorOf(tooNew)).details!.map((d) => d.field)).toEqual(["year"]);
    const province = await garage.json("/pro/vehicles", {
      method: "POST",
      json: vehicleBody({ province: "Atlantis" }),
    });
    expect((await errorOf(province)).details!.map((d) => d.field)).toEqual(["province"]);
    const city = await garage.json("/pro/vehicles", { method: "POST", json: vehicleBody({ city: "Durban" }) });
    expect((await errorOf(city)).details).toEqual([
      { field: "city", message: "Choisissez une ville de la province sélectionnée." },
    ]);
    const notObject = await garage.json("/pro/vehicles", {
      method: "POST",
      body: "[1,2]",
      headers: { "content-type": "application/json" },
    });
    expect(notObject.status).toBe(400);
  });

  it("follows the status diagram: draft → active → sold, active → draft; others 409", async () => {
    const vehicle = await createVehicle();
    expect((await errorOf(await setVehicleStatus(vehicle.id, "sold"))).code).toBe("INVALID_TRANSITION");
    expect((await setVehicleStatus(vehicle.id, "active")).status).toBe(200);
    expect((await setVehicleStatus(vehicle.id, "active")).status).toBe(200); // same status: no-op
    expect((await setVehicleStatus(vehicle.id, "draft")).status).toBe(200);
    expect((await setVehicleStatus(vehicle.id, "active")).status).toBe(200);
    const sold = await setVehicleStatus(vehicle.id, "sold");
    expect((await sold.json()).data.status).toBe("sold");
    for (const status of ["active", "draft"]) {
      const res = await setVehicleStatus(vehicle.id, status);
      expect(res.status).toBe(409);
    }
    expect((await setVehicleStatus(vehicle.id, "gone")).status).toBe(400);
    const created = await garage.json("/pro/vehicles", { method: "POST", json: vehicleBody({ status: "sold" }) });
    expect(created.status).toBe(409);
  });

  it("updates only the given fields; proId and id in the body are ignored; a bad pair of places is refused", async () => {
    const vehicle = await createVehicle();
    const res = await garage.json(`/pro/vehicles/${vehicle.id}`, {
      method: "PUT",
      json: { price: 199_000, proId: "someone-else", id: 1, colour: "" },
    });
    const updated = (await res.json()).data;
    expect(updated).toMatchObject({ id: vehicle.id, price: 199_000, proId: vehicle.proId, colour: null });
    const badCity = await garage.json(`/pro/vehicles/${vehicle.id}`, { method: "PUT", json: { city: "Johannesburg" } });
    expect((await errorOf(badCity)).details!.map((d) => d.field)).toEqual(["city"]);
    const both = await garage.json(`/pro/vehicles/${vehicle.id}`, {
      method: "PUT",
      json: { province: "Gauteng", city: "Johannesburg" },
    });
    expect((await both.json()).data).toMatchObject({ province: "Gauteng", city: "Johannesburg" });
  });

  it("answers 404 for another dealership's vehicle whatever the body, and for unknown or malformed ids", async () => {
    const mine = await createVehicle();
    for (const id of [String(mine.id), "abc", "0", "-1", "1.5", "99999999999999999999", "999999"]) {
      expect((await otherGarage.json(`/pro/vehicles/${id}`)).status).toBe(404);
      const put = await otherGarage.json(`/pro/vehicles/${id}`, { method: "PUT", json: { price: "not a number" } });
      expect(put.status).toBe(404);
      expect((await otherGarage.json(`/pro/vehicles/${id}`, { method: "DELETE" })).status).toBe(404);
      const photo = await upload(otherGarage, `/pro/vehicles/${id}/photos`, [{ name: "a.jpg", bytes: await jpeg() }]);
      expect(photo.status).toBe(404);
    }
    // The page form of another dealership is a 404 too, and changes nothing.
    const form = await otherGarage.form(`/pro/vehicles/${mine.id}`, { intent: "delete" });
    expect(form.status).toBe(404);
    expect((await garage.json(`/pro/vehicles/${mine.id}`)).status).toBe(200);
  });

  it("shows only active vehicles to the public, without the dealership's identity", async () => {
    const vehicle = await createVehicle(garage, { make: "Škoda", model: `Fabia ${unique()}` });
    const visitorClient = visitor();
    expect((await visitorClient.fetch(`/vehicles/${vehicle.id}`)).status).toBe(404);
    expect(await (await visitorClient.fetch(`/vehicles?make=Škoda`)).text()).not.toContain(`/vehicles/${vehicle.id}`);
    const selected = await visitorClient.json(`/api/vehicles/selected?ids=${vehicle.id},100`);
    expect((await selected.json()).data.map((v: Vehicle) => v.id)).toEqual([100]);
    const request = {
      fullName: "Thandi Nkosi",
      email: `thandi-${unique()}@example.test`,
      phone: "+27 82 555 0101",
      province: "Gauteng",
      city: "Johannesburg",
      preferredContactMethod: "email",
      selectedVehicles: [{ vehicleId: vehicle.id }],
    };
    const refused = await visitorClient.json("/api/contact-requests", { method: "POST", json: request });
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors[0].code).toBe("VEHICLE_NOT_FOUND");

    await setVehicleStatus(vehicle.id, "active");
    const page = await visitorClient.fetch(`/vehicles/${vehicle.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Ajouter à ma sélection");
    expect(html).not.toContain("garage@vitrine.test");
    const company = await db.pro.findFirstOrThrow({
      where: { email: "garage@vitrine.test" },
      select: { companyName: true },
    });
    expect(html).not.toContain(company.companyName);
    const json = await (await visitorClient.json(`/vehicles/${vehicle.id}`)).json();
    expect(json.data).not.toHaveProperty("proId");
    expect((await visitorClient.json("/api/contact-requests", { method: "POST", json: request })).status).toBe(201);

    await setVehicleStatus(vehicle.id, "sold");
    expect((await visitorClient.fetch(`/vehicles/${vehicle.id}`)).status).toBe(404);
    expect((await visitorClient.fetch(`/vehicles/abc`)).status).toBe(404);
  });

  it("lists active vehicles with a count, a sort and the selection kept in the URL across pages and filters", async () => {
    const v = visitor();
    const html = await (await v.fetch("/vehicles?sort=price-asc&selected=100,101")).text();
    const active = await db.vehicle.count({ where: { status: "active" } });
    expect(html).toContain(`${active} véhicules disponibles`);
    expect(html).toContain("Ma sélection (2/4)");
    // Paging and filtering keep the selection.
    expect(html).toMatch(/href="\/vehicles\?sort=price-asc&amp;selected=100,101&amp;page=2"/);
    expect(html).toContain('name="selected" value="100,101"');
    expect(html).toContain("/vehicles/contact?vehicleId=100&amp;vehicleId=101");
    // Sorted by price, cheapest first.
    const prices = (
      await db.vehicle.findMany({
        where: { status: "active" },
        orderBy: [{ price: "asc" }, { id: "asc" }],
        take: 2,
        select: { price: true },
      })
    ).map((r) => r.price);
    const shown = [...html.matchAll(/<p class="price">R ([\d ]+)<\/p>/g)].map((m) => Number(m[1].replace(/ /g, "")));
    expect(shown.slice(0, 2)).toEqual(prices);
    // Nothing selected: the contact button is disabled and says why.
    const empty = await (await v.fetch("/vehicles")).text();
    expect(empty).toMatch(/<button type="button" disabled="" aria-describedby="selection-hint">/);
    expect(empty).toContain("Ajoutez au moins un véhicule à votre sélection");
    // Sold vehicles are not listed and cannot stay selected.
    const sold = await db.vehicle.findFirstOrThrow({ where: { status: "sold" }, select: { id: true } });
    const withSold = await (await v.fetch(`/vehicles?selected=${sold.id},100`)).text();
    expect(withSold).toContain("Ma sélection (1/4)");
  });

  it("processes photos all or nothing, keeps concurrent uploads, refuses the 31st and cleans up on delete", async () => {
    const vehicle = await createVehicle();
    const url = `/pro/vehicles/${vehicle.id}/photos`;
    const ok = await upload(garage, url, [
      { name: "a.jpg", bytes: await jpeg(2400, 1600) },
      { name: "b.jpg", bytes: await jpeg(800, 600, "#cc3333") },
    ]);
    expect(ok.status).toBe(200);
    const photos: string[] = (await ok.json()).data.photos;
    expect(photos).toHaveLength(2);
    for (const p of photos) {
      expect(p).toMatch(new RegExp(`^vehicles/${vehicle.id}/[0-9a-f-]{36}\\.webp$`));
      const meta = await sharp(path.join(server.env.UPLOADS_DIR, p)).metadata();
      expect(meta.format).toBe("webp");
      expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1200);
    }
    const served = await visitor().fetch(`/uploads/${photos[0]}`);
    expect(served.status).toBe(200);

    // One corrupt file: nothing from the request is kept.
    const bad = await upload(garage, url, [
      { name: "c.jpg", bytes: await jpeg() },
      { name: "evil.jpg", bytes: Buffer.from("not an image at all") },
    ]);
    expect((await errorOf(bad)).code).toBe("INVALID_IMAGE");
    expect(filesIn("vehicles", String(vehicle.id))).toHaveLength(2);

    // Two concurrent uploads: every photo kept.
    const batch = async (color: string) =>
      Promise.all([0, 1, 2].map(async (i) => ({ name: `${i}.jpg`, bytes: await jpeg(900 + i, 700, color) })));
    const [a, b] = await Promise.all([batch("#ff0000"), batch("#0000ff")]);
    const statuses = (await Promise.all([upload(garage, url, a), upload(garage, url, b)])).map((r) => r.status);
    expect(statuses).toEqual([200, 200]);
    const after = (await (await garage.json(`/pro/vehicles/${vehicle.id}`)).json()).data.photos;
    expect(after).toHaveLength(8);
    expect(new Set(after).size).toBe(8);

    // Over the limit: 8 + 23 = 31.
    const small = await jpeg(300, 200);
    const tooMany = await upload(
      garage,
      url,
      Array.from({ length: 23 }, (_, i) => ({ name: `${i}.jpg`, bytes: small })),
    );
    expect((await errorOf(tooMany)).code).toBe("TOO_MANY_PHOTOS");
    expect(filesIn("vehicles", String(vehicle.id))).toHaveLength(8);

    // A native form without JavaScript is sent back to the edit page with the error.
    const native = await upload(garage, url, [{ name: "x.jpg", bytes: Buffer.from("junk") }], "text/html");
    expect(native.status).toBe(302);
    expect(native.headers.get("location")).toBe(`/pro/vehicles/${vehicle.id}?photoError=INVALID_IMAGE`);

    // A buyer's request names it; deleting the vehicle keeps the request's copy and removes the files.
    await setVehicleStatus(vehicle.id, "active");
    const created = await visitor().json("/api/contact-requests", {
      method: "POST",
      json: {
        fullName: "Sipho Dlamini",
        email: `sipho-${unique()}@example.test`,
        phone: "+27 82 555 0199",
        province: "Gauteng",
        city: "Pretoria",
        preferredContactMethod: "phone",
        selectedVehicles: [{ vehicleId: vehicle.id }],
      },
    });
    expect(created.status).toBe(201);
    const requestId = (await created.json()).contactRequestId;
    expect((await garage.json(`/pro/vehicles/${vehicle.id}`, { method: "DELETE" })).status).toBe(204);
    expect(filesIn("vehicles", String(vehicle.id))).toEqual([]);
    expect(await db.vehiclePhoto.count({ where: { vehicleId: vehicle.id } })).toBe(0);
    const row = await db.vehicleContactRequestVehicle.findFirstOrThrow({
      where: { requestId },
      select: { vehicleId: true, make: true, price: true },
    });
    expect(row).toEqual({ vehicleId: null, make: "Volkswagen", price: 239_900 });
    expect((await garage.json(`/pro/vehicles/${vehicle.id}`)).status).toBe(404);
  });

  it("manages photos from the page with native forms: cover, move, reorder and confirmed removal", async () => {
    const vehicle = await createVehicle();
    const colors = ["#111111", "#222222", "#333333"];
    for (const color of colors) {
      await upload(garage, `/pro/vehicles/${vehicle.id}/photos`, [
        { name: "p.jpg", bytes: await jpeg(400, 300, color) },
      ]);
    }
    const rows = async () =>
      (
        await db.vehiclePhoto.findMany({
          where: { vehicleId: vehicle.id },
          orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
          select: { id: true },
        })
      ).map((r) => r.id);
    const [first, second, third] = await rows();
    const page = `/pro/vehicles/${vehicle.id}`;
    expect((await garage.form(page, { intent: "cover", photoId: third })).status).toBe(302);
    expect(await rows()).toEqual([third, first, second]);
    expect((await garage.form(page, { intent: "move-photo", photoId: second, direction: "up" })).status).toBe(302);
    expect(await rows()).toEqual([third, second, first]);
    expect(
      (await garage.form(page, { intent: "reorder-photos", order: [first, second, third].join(",") })).status,
    ).toBe(302);
    expect(await rows()).toEqual([first, second, third]);
    const badOrder = await garage.form(page, { intent: "reorder-photos", order: `${first},${first}` });
    expect(badOrder.status).toBe(400);
    // The removal asks for confirmation first (a page), then the form removes row and file.
    const confirm = await (await garage.fetch(`${page}?removePhoto=${second}`)).text();
    expect(confirm).toContain("Supprimer définitivement la photo 2 ?");
    expect((await garage.form(page, { intent: "remove-photo", photoId: second })).status).toBe(302);
    expect(await rows()).toEqual([first, third]);
    expect(filesIn("vehicles", String(vehicle.id))).toHaveLength(2);
    // Another dealership's photo id, or a photo of another vehicle: 404.
    const other = await createVehicle();
    expect((await garage.form(`/pro/vehicles/${other.id}`, { intent: "cover", photoId: first })).status).toBe(404);
    expect((await otherGarage.form(page, { intent: "cover", photoId: first })).status).toBe(404);
  });

  it("shows field errors next to the fields with the typed values kept (no JavaScript)", async () => {
    const res = await garage.form("/pro/vehicles?index", {
      make: "Mazda",
      model: "CX-5",
      year: "1900",
      price: "abc",
      mileage: "12000",
      fuel: "diesel",
      transmission: "automatique",
      province: "Gauteng",
      city: "Cape Town",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="Mazda"');
    expect(html).toContain('value="abc"');
    expect(html).toContain('id="field-year-error"');
    expect(html).toContain('id="field-price-error"');
    expect(html).toContain('id="field-city-error"');
  });
});

// ---------------------------------------------------------------------------------------------
// Programmes and lots

const programmeBody = (overrides: Record<string, unknown> = {}) => ({
  name: `Résidence ${unique()}`,
  ville: "Nantes",
  postalCode: "44000",
  description: "Une résidence neuve de 30 logements près du tramway.",
  deliveryDate: "2027-T4",
  ...overrides,
});

type Programme = {
  id: string;
  slug: string;
  status: string;
  prixMin: number | null;
  prixMax: number | null;
  photos: string[];
  lots: { id: string }[];
};

async function createProgramme(client = promoteur, overrides: Record<string, unknown> = {}): Promise<Programme> {
  const res = await client.json("/pro/programmes", { method: "POST", json: programmeBody(overrides) });
  expect(res.status).toBe(201);
  return (await res.json()).data;
}

async function addLot(programmeId: string, body: Record<string, unknown>, client = promoteur) {
  return client.json(`/pro/programmes/${programmeId}/lots`, { method: "POST", json: body });
}

const getProgramme = async (id: string): Promise<Programme> =>
  (await (await promoteur.json(`/pro/programmes/${id}`)).json()).data;

describe("developers manage their programmes and lots", () => {
  it("is for developers only", async () => {
    for (const client of [agence, garage]) {
      expect((await client.json("/pro/programmes")).status).toBe(403);
      expect((await client.json("/pro/programmes", { method: "POST", json: programmeBody() })).status).toBe(403);
      expect((await client.json(`/pro/lots/${randomUUIDLike()}`, { method: "DELETE" })).status).toBe(403);
    }
    expect((await new Client(server.baseUrl).json("/pro/programmes")).status).toBe(401);
  });

  it("creates a draft with a unique slug and no price until it has lots; prices are never typed", async () => {
    const name = `Les Terrasses ${unique()}`;
    const a = await createProgramme(promoteur, { name, prixMin: 1, prixMax: 2 });
    const b = await createProgramme(promoteur, { name });
    expect(a).toMatchObject({ status: "draft", prixMin: null, prixMax: null, lots: [], photos: [] });
    expect(b.slug).not.toBe(a.slug);
    const invalid = await promoteur.json("/pro/programmes", {
      method: "POST",
      json: { name: "X", postalCode: "4400", deliveryDate: "2027-Q4" },
    });
    expect(invalid.status).toBe(400);
    expect((await errorOf(invalid)).details!.map((d) => d.field).sort()).toEqual(
      ["deliveryDate", "description", "name", "postalCode", "ville"].sort(),
    );
    const ignored = await promoteur.json(`/pro/programmes/${a.id}`, {
      method: "PUT",
      json: { prixMin: 5, ville: "Rezé" },
    });
    expect((await ignored.json()).data).toMatchObject({ prixMin: null, ville: "Rezé" });
    const list = await (await promoteur.json("/pro/programmes?limit=1")).json();
    expect(list.data[0].id).toBe(b.id);
    expect(list.hasMore).toBe(true);
  });

  it("computes prixMin/prixMax from the lots on every change; a duplicate reference is 409", async () => {
    const programme = await createProgramme();
    const t2 = await addLot(programme.id, { reference: "A01", type: "T2", surface: 45.5, price: 210_000 });
    expect(t2.status).toBe(201);
    const lotA = (await t2.json()).data;
    expect(lotA).toMatchObject({ reference: "A01", status: "disponible", isComplete: false });
    const lotB = (
      await (
        await addLot(programme.id, {
          reference: "B02",
          type: "T4",
          surface: 88,
          price: 420_000,
          status: "reserve",
          isComplete: true,
        })
      ).json()
    ).data;
    expect(await getProgramme(programme.id)).toMatchObject({ prixMin: 210_000, prixMax: 420_000 });
    const duplicate = await addLot(programme.id, { reference: "A01", type: "T3", surface: 60, price: 300_000 });
    expect(duplicate.status).toBe(409);
    expect((await errorOf(duplicate)).code).toBe("DUPLICATE");
    // The same reference in another programme is fine.
    const other = await createProgramme();
    expect((await addLot(other.id, { reference: "A01", type: "T3", surface: 60, price: 300_000 })).status).toBe(201);

    const invalid = await addLot(programme.id, { reference: "", type: "T9", surface: 0, price: 12.5 });
    expect((await errorOf(invalid)).details!.map((d) => d.field).sort()).toEqual([
      "price",
      "reference",
      "surface",
      "type",
    ]);

    const updated = await promoteur.json(`/pro/lots/${lotA.id}`, {
      method: "PUT",
      json: { price: 190_000, status: "vendu" },
    });
    expect((await updated.json()).data).toMatchObject({ price: 190_000, status: "vendu" });
    expect(await getProgramme(programme.id)).toMatchObject({ prixMin: 190_000, prixMax: 420_000 });
    const renamed = await promoteur.json(`/pro/lots/${lotA.id}`, { method: "PUT", json: { reference: "B02" } });
    expect(renamed.status).toBe(409);
    expect((await promoteur.json(`/pro/lots/${lotB.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await getProgramme(programme.id)).toMatchObject({ prixMin: 190_000, prixMax: 190_000 });
    expect((await promoteur.json(`/pro/lots/${lotA.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await getProgramme(programme.id)).toMatchObject({ prixMin: null, prixMax: null });
  });

  it("follows draft → active → archived → active → draft, and only active programmes are public", async () => {
    const programme = await createProgramme();
    const put = (status: string) =>
      promoteur.json(`/pro/programmes/${programme.id}`, { method: "PUT", json: { status } });
    const v = visitor();
    expect((await put("archived")).status).toBe(409);
    expect((await v.fetch(`/programmes/${programme.slug}`)).status).toBe(404);
    expect((await put("active")).status).toBe(200);
    expect((await v.fetch(`/programmes/${programme.slug}`)).status).toBe(200);
    expect(await (await v.fetch("/programmes")).text()).toContain(`/programmes/${programme.slug}`);
    expect((await put("archived")).status).toBe(200);
    expect((await v.fetch(`/programmes/${programme.slug}`)).status).toBe(404);
    expect((await put("draft")).status).toBe(409);
    expect((await put("active")).status).toBe(200);
    expect((await put("draft")).status).toBe(200);
    expect((await v.fetch(`/programmes/${programme.slug}`)).status).toBe(404);
  });

  it("answers 404 for another developer's programme or lot whatever the body, and for malformed ids", async () => {
    const programme = await createProgramme();
    const lot = (
      await (await addLot(programme.id, { reference: "Z1", type: "T1", surface: 30, price: 150_000 })).json()
    ).data;
    for (const id of [programme.id, "abc", randomUUIDLike()]) {
      expect((await otherPromoteur.json(`/pro/programmes/${id}`)).status).toBe(404);
      expect((await otherPromoteur.json(`/pro/programmes/${id}`, { method: "PUT", json: { name: 3 } })).status).toBe(
        404,
      );
      expect((await otherPromoteur.json(`/pro/programmes/${id}`, { method: "DELETE" })).status).toBe(404);
      expect((await addLot(id, { reference: 1 }, otherPromoteur)).status).toBe(404);
      const photo = await upload(otherPromoteur, `/pro/programmes/${id}/photos`, [
        { name: "a.jpg", bytes: await jpeg() },
      ]);
      expect(photo.status).toBe(404);
    }
    for (const id of [lot.id, "abc"]) {
      expect((await otherPromoteur.json(`/pro/lots/${id}`, { method: "PUT", json: { price: "x" } })).status).toBe(404);
      expect((await otherPromoteur.json(`/pro/lots/${id}`, { method: "DELETE" })).status).toBe(404);
    }
    expect((await getProgramme(programme.id)).lots).toHaveLength(1);
  });

  it("deleting a lot or a programme removes the favorites pointing at it and the photo files", async () => {
    const programme = await createProgramme(promoteur, { status: "active" });
    const lot = (
      await (await addLot(programme.id, { reference: "F1", type: "T3", surface: 65, price: 280_000 })).json()
    ).data;
    const photo = await upload(promoteur, `/pro/programmes/${programme.id}/photos`, [
      { name: "a.jpg", bytes: await jpeg() },
    ]);
    expect((await photo.json()).data.photos).toHaveLength(1);
    expect(filesIn("programmes", programme.id)).toHaveLength(1);
    for (const body of [{ lotId: lot.id }, { programmeId: programme.id }]) {
      expect((await agence.json("/pro/favorites", { method: "POST", json: body })).status).toBe(201);
    }
    const favorites = async () => ({
      n: await db.proFavorite.count({ where: { OR: [{ programmeId: programme.id }, { lotId: lot.id }] } }),
    });
    expect(await favorites()).toEqual({ n: 2 });
    expect((await promoteur.json(`/pro/lots/${lot.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await favorites()).toEqual({ n: 1 });
    expect((await promoteur.json(`/pro/programmes/${programme.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await favorites()).toEqual({ n: 0 });
    expect(filesIn("programmes", programme.id)).toEqual([]);
    const listed = await (await agence.json("/pro/favorites")).json();
    expect(listed.data.map((f: { programmeId: string }) => f.programmeId)).not.toContain(programme.id);
  });

  it("adds, edits and deletes lots from the programme page without JavaScript, errors next to the fields", async () => {
    const programme = await createProgramme();
    const page = `/pro/programmes/${programme.id}`;
    const added = await promoteur.form(page, {
      intent: "add-lot",
      reference: "P1",
      type: "T2",
      surface: "44,5",
      price: "199 000",
      status: "disponible",
      isComplete: "false",
    });
    expect(added.status).toBe(302);
    const lot = (await getProgramme(programme.id)).lots[0] as { id: string; surface: number; price: number };
    expect(lot).toMatchObject({ surface: 44.5, price: 199_000 });
    const invalid = await promoteur.form(page, {
      intent: "add-lot",
      reference: "P2",
      type: "T2",
      surface: "-3",
      price: "",
    });
    expect(invalid.status).toBe(400);
    const html = await invalid.text();
    expect(html).toContain('value="P2"');
    expect(html).toContain('id="field-lot-new-surface-error"');
    const edited = await promoteur.form(page, {
      intent: "edit-lot",
      lotId: lot.id,
      reference: "P1",
      type: "T3",
      surface: "50",
      price: "250000",
      status: "reserve",
      isComplete: "true",
    });
    expect(edited.status).toBe(302);
    expect((await getProgramme(programme.id)).lots[0]).toMatchObject({
      type: "T3",
      status: "reserve",
      isComplete: true,
    });
    expect((await promoteur.form(page, { intent: "delete-lot", lotId: lot.id })).status).toBe(302);
    expect((await getProgramme(programme.id)).lots).toEqual([]);
  });
});

function randomUUIDLike() {
  return "0b6f7c1e-2a3b-4c5d-8e9f-0123456789ab";
}

// ---------------------------------------------------------------------------------------------
// Programme inquiries

describe("programme inquiries", () => {
  async function activeProgramme() {
    const programme = await createProgramme(promoteur, { status: "active" });
    const lot = (
      await (await addLot(programme.id, { reference: "D1", type: "T2", surface: 40, price: 180_000 })).json()
    ).data;
    return { programme, lot };
  }

  const inquiry = (overrides: Record<string, unknown>) => ({
    senderName: "Élodie Carpentier",
    senderEmail: `elodie-${unique()}@example.test`,
    senderPhone: "06 11 22 33 44",
    message: "Je souhaite recevoir la documentation du programme, merci.",
    ...overrides,
  });

  it("creates a lead in the developer's inbox with programme and lot summaries, encrypted at rest", async () => {
    const { programme, lot } = await activeProgramme();
    const name = `Zéphyrine ${unique()}`;
    const res = await visitor().json("/contact-requests", {
      method: "POST",
      json: inquiry({ programmeId: programme.id, lotId: lot.id, senderName: name }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()).data;
    expect(created).toMatchObject({
      property: null,
      propertyId: null,
      programme: { id: programme.id, slug: programme.slug },
      lot: { id: lot.id, reference: "D1" },
      status: "new_request",
    });
    const inbox = await (await promoteur.json("/pro/contact-requests?limit=50")).json();
    const listed = inbox.data.find((r: { id: string }) => r.id === created.id);
    expect(listed).toMatchObject({
      property: null,
      programme: { id: programme.id, slug: programme.slug, name: created.programme.name },
      lot: { id: lot.id, reference: "D1" },
      propertyTitle: created.programme.name,
    });
    // Same workflow as property inquiries.
    const read = await promoteur.json(`/pro/contact-requests/${created.id}`, {
      method: "PUT",
      json: { status: "read" },
    });
    expect((await read.json()).data.status).toBe("read");
    const back = await promoteur.json(`/pro/contact-requests/${created.id}`, {
      method: "PUT",
      json: { status: "new_request" },
    });
    expect(back.status).toBe(409);
    // Shown in the inbox page, and nobody else's.
    expect(await (await promoteur.fetch("/pro/contacts")).text()).toContain("lot D1");
    expect((await agence.json(`/pro/contacts/${created.id}`)).status).toBe(404);
    // Encrypted: the name is nowhere in the stored row in clear (nor in the SQLite file).
    const stored = await db.contactRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(name);
    if (server.env.DATABASE_URL.startsWith("file:")) {
      await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
      const file = fs.readFileSync(server.env.DATABASE_URL.replace(/^file:/, ""));
      expect(file.includes(Buffer.from(name))).toBe(false);
    }
  });

  it("needs exactly one of propertyId and programmeId, an active programme and a lot of it", async () => {
    const { programme } = await activeProgramme();
    const other = await activeProgramme();
    const property = await db.property.findFirstOrThrow({ where: { status: "active" }, select: { id: true } });
    const v = visitor();
    const both = await v.json("/contact-requests", {
      method: "POST",
      json: inquiry({ programmeId: programme.id, propertyId: property.id }),
    });
    expect(both.status).toBe(400);
    expect((await errorOf(both)).code).toBe("VALIDATION_ERROR");
    const neither = await v.json("/contact-requests", { method: "POST", json: inquiry({}) });
    expect(neither.status).toBe(400);
    const wrongLot = await v.json("/contact-requests", {
      method: "POST",
      json: inquiry({ programmeId: programme.id, lotId: other.lot.id }),
    });
    expect(wrongLot.status).toBe(400);
    expect((await errorOf(wrongLot)).details).toEqual([
      { field: "lotId", message: "Ce lot ne fait pas partie du programme." },
    ]);
    const draft = await createProgramme();
    const unknown = await visitor().json("/contact-requests", {
      method: "POST",
      json: inquiry({ programmeId: draft.id }),
    });
    expect(unknown.status).toBe(404);
    // The honeypot: the same 201, nothing stored.
    const count = () => db.contactRequest.count();
    const before = await count();
    const bot = await visitor().json("/contact-requests", {
      method: "POST",
      json: inquiry({ programmeId: programme.id, website: "http://spam.example" }),
    });
    expect(bot.status).toBe(201);
    expect(await count()).toBe(before);
  });

  it("posts natively from the programme page (no JavaScript) and keeps what was typed on errors", async () => {
    const { programme, lot } = await activeProgramme();
    const v = visitor();
    const page = await (await v.fetch(`/programmes/${programme.slug}`)).text();
    expect(page).toContain("Recevoir la documentation / Être rappelé");
    const invalid = await v.form(`/programmes/${programme.slug}`, {
      intent: "inquiry",
      programmeId: programme.id,
      lotId: lot.id,
      senderName: "Jo",
      senderEmail: "pas-un-email",
      message: "court",
    });
    expect(invalid.status).toBe(400);
    const html = await invalid.text();
    expect(html).toContain('value="pas-un-email"');
    expect(html).toContain('id="field-senderEmail-error"');
    const sent = await v.form(`/programmes/${programme.slug}`, {
      intent: "inquiry",
      programmeId: programme.id,
      lotId: lot.id,
      senderName: "Joséphine Martin",
      senderEmail: `jo-${unique()}@example.test`,
      message: "Pouvez-vous me rappeler au sujet de ce lot ?",
    });
    expect(sent.status).toBe(201);
    expect(await sent.text()).toContain("Votre demande a bien été envoyée.");
  });

  it("keeps the inquiry when its programme is deleted (title snapshot kept)", async () => {
    const { programme } = await activeProgramme();
    const res = await visitor().json("/contact-requests", {
      method: "POST",
      json: inquiry({ programmeId: programme.id }),
    });
    const created = (await res.json()).data;
    expect((await promoteur.json(`/pro/programmes/${programme.id}`, { method: "DELETE" })).status).toBe(204);
    const kept = (await (await promoteur.json(`/pro/contacts/${created.id}`)).json()).data;
    expect(kept).toMatchObject({ programme: null, lot: null, propertyTitle: created.programme.name });
  });
});

describe("navigation and dashboard per kind of pro", () => {
  it("shows each kind only its own sections", async () => {
    const nav = async (client: Client) => {
      const html = await (await client.fetch("/pro")).text();
      return {
        properties: html.includes('href="/pro/properties"'),
        programmes: html.includes('href="/pro/programmes"'),
        vehicles: html.includes('href="/pro/vehicles"'),
        favorites: html.includes('href="/pro/favorites"'),
      };
    };
    expect(await nav(garage)).toEqual({ properties: false, programmes: false, vehicles: true, favorites: false });
    expect(await nav(promoteur)).toEqual({ properties: false, programmes: true, vehicles: false, favorites: true });
    expect(await nav(agence)).toEqual({ properties: true, programmes: false, vehicles: false, favorites: true });
  });
});

describe("sitemap.xml", () => {
  it("lists active vehicles and programmes, and neither drafts nor vehicles taken off sale", async () => {
    const onSale = await createVehicle();
    expect((await setVehicleStatus(onSale.id, "active")).status).toBe(200);
    const draftVehicle = await createVehicle();
    const draftProgramme = await createProgramme();
    const xml = await (await new Client(server.baseUrl).fetch("/sitemap.xml")).text();
    expect(xml).toContain(`/vehicles/${onSale.id}</loc>`);
    expect(xml).not.toContain(`/vehicles/${draftVehicle.id}</loc>`);
    expect(xml).not.toContain(`/programmes/${draftProgramme.slug}</loc>`);

    expect((await setVehicleStatus(onSale.id, "sold")).status).toBe(200);
    const after = await (await new Client(server.baseUrl).fetch("/sitemap.xml")).text();
    expect(after).not.toContain(`/vehicles/${onSale.id}</loc>`);
  });
});
