import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db, dbProvider } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { decryptOptionalPII, decryptPII, verifyPassword } from "~/utils/crypto.server";
import { DEMO_INQUIRIES, DEMO_PASSWORD } from "./seed-data";
import { databaseIsEmpty, seedDemo } from "./seed";

// One seed for the whole file, on this file's own temporary database (tests/setup/per-file.ts).
beforeAll(async () => {
  expect(await databaseIsEmpty()).toBe(true);
  await seedDemo();
});

const uploads = () => path.resolve(env().UPLOADS_DIR);

describe("demo accounts", () => {
  it("creates the five accounts of the spec with their kinds, roles and identity states", async () => {
    const pros = await db.pro.findMany({ orderBy: { email: "asc" } });
    const byEmail = Object.fromEntries(pros.map((p) => [p.email, p]));
    expect(Object.keys(byEmail).sort()).toEqual([
      "admin@vitrine.test",
      "agence@vitrine.test",
      "garage@vitrine.test",
      "nouveau@vitrine.test",
      "promoteur@vitrine.test",
    ]);
    expect(byEmail["agence@vitrine.test"]).toMatchObject({ kind: "agency", role: "pro", identityStatus: "verified" });
    expect(byEmail["promoteur@vitrine.test"]).toMatchObject({
      kind: "developer",
      role: "pro",
      identityStatus: "verified",
    });
    expect(byEmail["garage@vitrine.test"]).toMatchObject({
      kind: "dealership",
      role: "pro",
      identityStatus: "verified",
    });
    expect(byEmail["nouveau@vitrine.test"]).toMatchObject({ kind: "agency", role: "pro", identityStatus: "missing" });
    expect(byEmail["admin@vitrine.test"]).toMatchObject({ kind: null, role: "admin", identityStatus: "verified" });
    for (const pro of pros) expect(pro.email).toBe(pro.email.toLowerCase());
  });

  it("gives every account the documented password, each hashed with its own salt", async () => {
    const members = await db.member.findMany();
    for (const member of members) expect(await verifyPassword(DEMO_PASSWORD, member.passwordHash)).toBe(true);
    expect(await verifyPassword("pas-le-bon-mdp", members[0].passwordHash)).toBe(false);
    expect(new Set(members.map((m) => m.passwordHash)).size).toBe(members.length);
  });

  it("no longer counts the database as empty", async () => {
    expect(await databaseIsEmpty()).toBe(false);
  });
});

describe("the agency's listings", () => {
  it("has at least 40 properties with mixed statuses, types, transactions and cities", async () => {
    const agence = await db.pro.findUniqueOrThrow({ where: { email: "agence@vitrine.test" } });
    const properties = await db.property.findMany({ where: { proId: agence.id } });
    expect(properties.length).toBeGreaterThanOrEqual(40);
    expect(await db.property.count()).toBe(properties.length);

    const statuses = new Set(properties.map((p) => p.status));
    expect(statuses).toEqual(new Set(["draft", "active", "sold"]));
    expect(properties.filter((p) => p.status === "active").length).toBeGreaterThan(properties.length / 2);
    expect(new Set(properties.map((p) => p.type))).toEqual(
      new Set(["appartement", "maison", "terrain", "commerce", "bureau"]),
    );
    expect(new Set(properties.map((p) => p.transactionType))).toEqual(new Set(["vente", "location"]));
    expect(new Set(properties.map((p) => p.city)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(properties.map((p) => p.source))).toEqual(new Set(["manual", "feed"]));
  });

  it("stores consistent, plausible fields", async () => {
    const properties = await db.property.findMany();
    const slugs = new Set<string>();
    for (const p of properties) {
      expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      slugs.add(p.slug);
      expect(p.postalCode).toMatch(/^\d{5}$/);
      expect(p.cityKey).toBe(p.city.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
      expect(p.department).toBeTruthy();
      expect(p.region).toBeTruthy();
      expect(p.description?.length).toBeGreaterThan(50);
      expect(p.latitude).toBeGreaterThan(41);
      expect(p.latitude).toBeLessThan(51.2);
      expect(p.longitude).toBeGreaterThan(-5.2);
      expect(p.longitude).toBeLessThan(9.6);
      if (p.transactionType === "vente") {
        expect(p.price).toBeGreaterThanOrEqual(90_000);
        expect(p.price).toBeLessThanOrEqual(1_200_000);
      } else {
        expect(p.price).toBeGreaterThanOrEqual(500);
        expect(p.price).toBeLessThanOrEqual(3_500);
      }
      if (p.energyRating) expect("ABCDEFG").toContain(p.energyRating);
    }
    expect(slugs.size).toBe(properties.length);
    expect(properties.find((p) => p.title === "Appartement ancien au cœur de Dijon")?.slug).toBe(
      "appartement-ancien-au-coeur-de-dijon",
    );
    expect(properties.find((p) => p.city === "Saint-Étienne")?.cityKey).toBe("saint-etienne");
  });

  it("spreads creation dates over the past two months", async () => {
    const dates = (await db.property.findMany({ select: { createdAt: true } })).map((p) => p.createdAt.getTime());
    const now = Date.now();
    expect(Math.max(...dates)).toBeLessThan(now);
    expect(now - Math.min(...dates)).toBeGreaterThan(45 * 86_400_000);
    expect(now - Math.min(...dates)).toBeLessThan(75 * 86_400_000);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it("gives each property 2 to 4 photos that exist on disk as WebP within 1200 px", async () => {
    const properties = await db.property.findMany({ include: { photos: { orderBy: { position: "asc" } } } });
    const decoded: string[] = [];
    for (const property of properties) {
      expect(property.photos.length).toBeGreaterThanOrEqual(2);
      expect(property.photos.length).toBeLessThanOrEqual(4);
      expect(property.photos.map((p) => p.position)).toEqual(property.photos.map((_, i) => i));
      for (const photo of property.photos) {
        expect(photo.path).toMatch(new RegExp(`^properties/${property.id}/[0-9a-f-]{36}\\.webp$`));
        const file = path.join(uploads(), photo.path);
        expect(fs.existsSync(file)).toBe(true);
        const meta = await sharp(file).metadata();
        expect(meta.format).toBe("webp");
        expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1200);
        expect({ width: photo.width, height: photo.height }).toEqual({ width: meta.width, height: meta.height });
        decoded.push(photo.path);
      }
    }
    // Every file decodes completely, not just its header.
    for (const file of decoded.slice(0, 10)) {
      const { info } = await sharp(path.join(uploads(), file)).raw().toBuffer({ resolveWithObject: true });
      expect(info.width).toBe(1200);
    }
  });
});

describe("the agency's contact requests", () => {
  it("exist in all three statuses with consistent read and reply times", async () => {
    const requests = await db.contactRequest.findMany({
      where: { propertyId: { not: null } },
      include: { property: true, pro: true },
    });
    expect(requests.length).toBe(DEMO_INQUIRIES.length);
    expect(requests.length).toBeGreaterThanOrEqual(20);
    const counts = { new_request: 0, read: 0, replied: 0 };
    for (const r of requests) {
      counts[r.status]++;
      expect(r.pro.email).toBe("agence@vitrine.test");
      expect(r.property?.proId).toBe(r.proId);
      expect(r.property?.status).not.toBe("draft");
      expect(r.propertyTitle).toBe(r.property?.title);
      expect(r.createdAt.getTime()).toBeGreaterThanOrEqual(r.property!.createdAt.getTime());
      expect(r.createdAt.getTime()).toBeLessThan(Date.now());
      if (r.status === "new_request") {
        expect(r.readAt).toBeNull();
        expect(r.repliedAt).toBeNull();
      } else {
        expect(r.readAt!.getTime()).toBeGreaterThanOrEqual(r.createdAt.getTime());
      }
      if (r.status === "read") expect(r.repliedAt).toBeNull();
      if (r.status === "replied") expect(r.repliedAt!.getTime()).toBeGreaterThanOrEqual(r.readAt!.getTime());
    }
    expect(counts.new_request).toBeGreaterThanOrEqual(5);
    expect(counts.read).toBeGreaterThanOrEqual(5);
    expect(counts.replied).toBeGreaterThanOrEqual(5);
  });

  it("keeps sender details and messages encrypted at rest", async () => {
    const requests = await db.contactRequest.findMany({
      where: { propertyId: { not: null } },
      orderBy: { createdAt: "asc" },
    });
    const names = new Set(DEMO_INQUIRIES.map((q) => q.name));
    const emails = new Set(DEMO_INQUIRIES.map((q) => q.email));
    const phones = DEMO_INQUIRIES.flatMap((q) => (q.phone ? [q.phone] : []));
    for (const r of requests) {
      const stored = [r.senderNameEnc, r.senderEmailEnc, r.senderPhoneEnc ?? "", r.messageEnc].join(" ");
      for (const name of names) expect(stored).not.toContain(name);
      for (const email of emails) expect(stored).not.toContain(email);
      for (const phone of phones) expect(stored).not.toContain(phone);
      expect(names.has(decryptPII(r.senderNameEnc))).toBe(true);
      expect(emails.has(decryptPII(r.senderEmailEnc))).toBe(true);
      const phone = decryptOptionalPII(r.senderPhoneEnc);
      if (phone) expect(phones).toContain(phone);
      expect(decryptPII(r.messageEnc)).toMatch(/^Bonjour/);
    }
    expect(requests.some((r) => r.senderPhoneEnc === null)).toBe(true);
    expect(requests.some((r) => r.senderPhoneEnc !== null)).toBe(true);

    // The same check on the raw storage: no sender name in clear anywhere in the database (SQLite's
    // file; on PostgreSQL, every text column of the table as the server returns it).
    if (dbProvider === "sqlite") {
      await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
      const file = fs.readFileSync(env().DATABASE_URL.replace(/^file:/, ""));
      for (const name of names) expect(file.includes(Buffer.from(name))).toBe(false);
    } else {
      const rows = await db.$queryRaw<{ row: string }[]>`SELECT CAST(t AS TEXT) AS "row" FROM "ContactRequest" AS t`;
      const dump = rows.map((r) => r.row).join("\n");
      for (const name of names) expect(dump.includes(name)).toBe(false);
    }
  });
});

describe("the developer's programmes", () => {
  it("has at least 4 programmes with 4 to 10 lots, prices consistent with their lots", async () => {
    const promoteur = await db.pro.findUniqueOrThrow({ where: { email: "promoteur@vitrine.test" } });
    const programmes = await db.programme.findMany({
      where: { proId: promoteur.id },
      include: { lots: true, photos: { orderBy: { position: "asc" } } },
    });
    expect(programmes.length).toBeGreaterThanOrEqual(4);
    const lotStatuses = new Set<string>();
    const completeness = new Set<boolean>();
    for (const programme of programmes) {
      expect(programme.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(programme.description.length).toBeGreaterThan(50);
      expect(programme.lots.length).toBeGreaterThanOrEqual(4);
      expect(programme.lots.length).toBeLessThanOrEqual(10);
      const prices = programme.lots.map((l) => l.price);
      expect(programme.prixMin).toBe(Math.min(...prices));
      expect(programme.prixMax).toBe(Math.max(...prices));
      for (const lot of programme.lots) {
        expect(lot.reference).toMatch(/^[A-Z]\d{2}$/);
        expect(["T1", "T2", "T3", "T4", "T5", "maison"]).toContain(lot.type);
        expect(lot.surface).toBeGreaterThan(15);
        lotStatuses.add(lot.status);
        completeness.add(lot.isComplete);
      }
      expect(programme.status).toBe("active");
      expect(programme.postalCode).toMatch(/^\d{5}$/);
      expect(programme.deliveryDate).toMatch(/^20\d\d-T[1-4]$/);
      const photos = programme.photos.map((p) => p.path);
      expect(photos.length).toBeGreaterThan(0);
      for (const photo of photos) {
        expect(photo).toMatch(new RegExp(`^programmes/${programme.id}/[0-9a-f-]{36}\\.webp$`));
        expect((await sharp(path.join(uploads(), photo)).metadata()).format).toBe("webp");
      }
    }
    expect(lotStatuses).toEqual(new Set(["disponible", "reserve", "vendu"]));
    expect(completeness).toEqual(new Set([true, false]));
  });

  it("has documentation requests in the developer's inbox, some about one lot", async () => {
    const promoteur = await db.pro.findUniqueOrThrow({ where: { email: "promoteur@vitrine.test" } });
    const inquiries = await db.contactRequest.findMany({
      where: { proId: promoteur.id },
      include: { programme: true, lot: true },
    });
    expect(inquiries.length).toBeGreaterThanOrEqual(3);
    for (const inquiry of inquiries) {
      expect(inquiry.propertyId).toBeNull();
      expect(inquiry.programme?.proId).toBe(promoteur.id);
      expect(inquiry.propertyTitle).toBe(inquiry.programme?.name);
      if (inquiry.lot) expect(inquiry.lot.programmeId).toBe(inquiry.programmeId);
    }
    expect(inquiries.some((i) => i.lot)).toBe(true);
    expect(new Set(inquiries.map((i) => i.status)).size).toBeGreaterThan(1);
  });
});

describe("the dealership's vehicles", () => {
  it("includes the vehicles of seed 004's examples with their exact details", async () => {
    const garage = await db.pro.findUniqueOrThrow({ where: { email: "garage@vitrine.test" } });
    const pick = { id: true, make: true, model: true, year: true, price: true, proId: true, status: true } as const;
    const examples = await db.vehicle.findMany({
      where: { id: { in: [100, 101, 12345, 12346] } },
      select: pick,
      orderBy: { id: "asc" },
    });
    const expected = { proId: garage.id, status: "active" };
    expect(examples).toEqual([
      { id: 100, make: "Toyota", model: "Corolla", year: 2023, price: 350000, ...expected },
      { id: 101, make: "Honda", model: "Civic", year: 2023, price: 380000, ...expected },
      { id: 12345, make: "Toyota", model: "Starlet", year: 2022, price: 458171, ...expected },
      { id: 12346, make: "Toyota", model: "RAV4", year: 2022, price: 461457, ...expected },
    ]);
  });

  it("has a realistic stock, a few of them sold", async () => {
    const vehicles = await db.vehicle.findMany();
    expect(vehicles.length).toBeGreaterThanOrEqual(25);
    expect(vehicles.some((v) => v.status === "sold")).toBe(true);
    const provinces = await db.province.findMany({ include: { cities: true } });
    const photos = await db.vehiclePhoto.findMany({ orderBy: { position: "asc" } });
    for (const v of vehicles) {
      expect(v.year).toBeGreaterThanOrEqual(2015);
      expect(v.price).toBeGreaterThan(50_000);
      expect(v.mileage).toBeGreaterThanOrEqual(0);
      expect(v.fuel && v.transmission && v.colour).toBeTruthy();
      expect(["essence", "diesel", "hybride", "electrique", "gpl"]).toContain(v.fuel);
      expect(["active", "sold"]).toContain(v.status);
      // Province and city come from the master data, the city inside its province.
      expect(provinces.find((p) => p.name === v.province)?.cities.map((c) => c.name)).toContain(v.city);
      const own = photos.filter((p) => p.vehicleId === v.id);
      expect(own.length).toBeGreaterThan(0);
      for (const photo of own) {
        expect(photo.path).toMatch(new RegExp(`^vehicles/${v.id}/[0-9a-f-]{36}\\.webp$`));
        expect((await sharp(path.join(uploads(), photo.path)).metadata()).format).toBe("webp");
      }
    }
  });
});

describe("South African master data", () => {
  it("has the 9 provinces with at least 4 cities each, including the ones the examples use", async () => {
    const provinces = await db.province.findMany({ include: { cities: true } });
    expect(provinces.map((p) => p.name).sort()).toEqual([
      "Eastern Cape",
      "Free State",
      "Gauteng",
      "KwaZulu-Natal",
      "Limpopo",
      "Mpumalanga",
      "North West",
      "Northern Cape",
      "Western Cape",
    ]);
    for (const province of provinces) expect(province.cities.length).toBeGreaterThanOrEqual(4);
    const citiesOf = (name: string) => provinces.find((p) => p.name === name)!.cities.map((c) => c.name);
    expect(citiesOf("Western Cape")).toContain("Cape Town");
    expect(citiesOf("Gauteng")).toEqual(expect.arrayContaining(["Johannesburg", "Pretoria"]));
    expect(citiesOf("KwaZulu-Natal")).toContain("Durban");
  });
});
