/**
 * `npm run seed:large`: a reproducible large data set for the benchmark (issue 7): the demo accounts,
 * then ≥ 10,000 properties over 25 pros, 50,000 contact requests (≥ 8,000 for agence@vitrine.test so
 * its inbox has 400 pages of 20), programmes with lots, and vehicles. Deterministic (seeded PRNG).
 *
 * Writes to DATABASE_URL (default file:./data/bench.db) and UPLOADS_DIR (default ./data/bench-uploads),
 * after deleting that database: it never touches the development database unless told to.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

process.env.DATABASE_URL ||= "file:./data/bench.db";
process.env.UPLOADS_DIR ||= "./data/bench-uploads";
process.env.SEED = "none";

const started = Date.now();
// SQLite starts from a new file; a PostgreSQL database must be empty (createdb) beforehand.
if (process.env.DATABASE_URL.startsWith("file:")) {
  const dbFile = path.resolve(process.env.DATABASE_URL.replace(/^file:/, ""));
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });
}
fs.rmSync(process.env.UPLOADS_DIR, { recursive: true, force: true });
execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
  stdio: ["ignore", "ignore", "inherit"],
  env: process.env,
});

const { db } = await import("../app/utils/db.server");
const { encryptPII, hashPassword } = await import("../app/utils/crypto.server");
const { seedDemo } = await import("./seed");
const { cityKeyOf, slugify } = await import("../app/domain/listings/slug");
const { default: sharp } = await import("sharp");
const { allPhotoFiles, PHOTO_FULL_WIDTH, PHOTO_WIDTHS, photoVariantPath } =
  await import("../app/domain/media/photo-widths");
/** The width a photo file is stored at: `…-400w.webp` → 400, the stored path itself → 1200. */
const widthOf = (file: string) => Number(/-(\d+)w\.webp$/.exec(file)?.[1] ?? PHOTO_FULL_WIDTH);

await seedDemo();

// Mulberry32: the same data on every run.
let state = 0x5eed1234;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
const between = (min: number, max: number) => Math.floor(min + random() * (max - min + 1));

const CITIES = [
  ["Paris", "75011", "Paris", "Île-de-France"],
  ["Lyon", "69003", "Rhône", "Auvergne-Rhône-Alpes"],
  ["Marseille", "13008", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur"],
  ["Bordeaux", "33000", "Gironde", "Nouvelle-Aquitaine"],
  ["Nantes", "44000", "Loire-Atlantique", "Pays de la Loire"],
  ["Toulouse", "31000", "Haute-Garonne", "Occitanie"],
  ["Lille", "59000", "Nord", "Hauts-de-France"],
  ["Rennes", "35000", "Ille-et-Vilaine", "Bretagne"],
  ["Strasbourg", "67000", "Bas-Rhin", "Grand Est"],
  ["Nice", "06000", "Alpes-Maritimes", "Provence-Alpes-Côte d'Azur"],
  ["Montpellier", "34000", "Hérault", "Occitanie"],
  ["Grenoble", "38000", "Isère", "Auvergne-Rhône-Alpes"],
  ["Annecy", "74000", "Haute-Savoie", "Auvergne-Rhône-Alpes"],
  ["Saint-Étienne", "42000", "Loire", "Auvergne-Rhône-Alpes"],
  ["Orléans", "45000", "Loiret", "Centre-Val de Loire"],
] as const;
const TYPES = ["appartement", "maison", "terrain", "commerce", "bureau"] as const;
const RATINGS = ["A", "B", "C", "D", "E", "F", "G"] as const;
const FIRST = ["Camille", "Léa", "Hugo", "Louis", "Chloé", "Nathan", "Inès", "Jules", "Manon", "Lucas", "Zoé", "Élise"];
const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"];

// One shared photo, hard-linked per property so every row has its own path, as the app expects,
// with its 400 and 800 px widths: the data set is what the pipeline writes, so the start-up width
// backfill has nothing to do and no bench run pays for it.
const photoSource = path.resolve(process.env.UPLOADS_DIR, "bench-source.webp");
fs.mkdirSync(path.dirname(photoSource), { recursive: true });
const sourceOf = (width: number) => (width === PHOTO_FULL_WIDTH ? photoSource : photoVariantPath(photoSource, width));
for (const width of [PHOTO_FULL_WIDTH, ...PHOTO_WIDTHS]) {
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#7fa7c9" } })
    .resize(width)
    .webp({ quality: 80 })
    .toFile(sourceOf(width));
}

const passwordHash = await hashPassword("vitrine-demo");
const agence = await db.pro.findUniqueOrThrow({ where: { email: "agence@vitrine.test" } });
const pros = [agence.id];
const proRows = Array.from({ length: 24 }, (_, i) => ({
  id: randomUUID(),
  email: `agence-${i + 1}@bench.vitrine.test`,
  name: `${pick(FIRST)} ${pick(LAST)}`,
  companyName: `Agence Bench ${i + 1}`,
  kind: "agency" as const,
  identityStatus: "verified" as const,
}));
await db.pro.createMany({ data: proRows });
// Each bench organisation's owner (docs/decisions/031).
await db.member.createMany({
  data: proRows.map((p) => ({ proId: p.id, email: p.email, passwordHash, name: p.name, role: "owner" as const })),
});
pros.push(...proRows.map((p) => p.id));

const PROPERTIES = 10_000;
const base = Date.now() - 400 * 24 * 3600 * 1000;
const properties: { id: string; proId: string; title: string; status: string }[] = [];
for (let offset = 0; offset < PROPERTIES; offset += 1000) {
  const rows = [];
  const photos = [];
  for (let i = offset; i < Math.min(PROPERTIES, offset + 1000); i++) {
    const [city, postalCode, department, region] = pick(CITIES);
    const type = pick(TYPES);
    const transactionType = random() < 0.75 ? "vente" : "location";
    const surface = type === "terrain" ? between(200, 3000) : between(18, 260);
    const rooms = type === "terrain" ? null : between(1, 8);
    const id = randomUUID();
    const title = `${type === "appartement" ? "Appartement" : type === "maison" ? "Maison" : type === "terrain" ? "Terrain" : type === "commerce" ? "Local commercial" : "Bureaux"} ${rooms ? `${rooms} pièces ` : ""}${surface} m² à ${city}`;
    const status = random() < 0.8 ? "active" : random() < 0.5 ? "draft" : "sold";
    const proId = i < 2000 ? agence.id : pick(pros);
    rows.push({
      id,
      proId,
      slug: `${slugify(title)}-${i}`,
      title,
      description: `Bien de ${surface} m² situé à ${city}, proche des commerces et des transports.`,
      type,
      transactionType,
      price: transactionType === "vente" ? between(60, 1500) * 1000 : between(450, 3500),
      surface,
      rooms,
      bedrooms: rooms ? Math.max(0, rooms - 1) : null,
      energyRating: pick(RATINGS),
      gesRating: pick(RATINGS),
      city,
      cityKey: cityKeyOf(city),
      postalCode,
      department,
      region,
      status,
      createdAt: new Date(base + i * 3_000_000),
    } as const);
    const relative = `properties/${id}/${randomUUID()}.webp`;
    fs.mkdirSync(path.resolve(process.env.UPLOADS_DIR, path.dirname(relative)), { recursive: true });
    for (const file of allPhotoFiles(relative)) {
      fs.linkSync(sourceOf(widthOf(file)), path.resolve(process.env.UPLOADS_DIR, file));
    }
    photos.push({ propertyId: id, path: relative, width: 1200, height: 800, position: 0 });
    properties.push({ id, proId, title, status });
  }
  await db.property.createMany({ data: rows });
  await db.propertyPhoto.createMany({ data: photos });
}

const REQUESTS = 50_000;
const STATUSES = ["new_request", "read", "replied"] as const;
const agenceProperties = properties.filter((p) => p.proId === agence.id);
/** Replied requests get a first response between 5 minutes and about a day later (dashboard figures). */
function answered(status: (typeof STATUSES)[number], createdAt: Date) {
  const firstResponseAt = status === "replied" ? new Date(createdAt.getTime() + between(5, 1500) * 60_000) : null;
  return { status, createdAt, firstResponseAt, repliedAt: firstResponseAt };
}
for (let offset = 0; offset < REQUESTS; offset += 2000) {
  const rows = [];
  for (let i = offset; i < Math.min(REQUESTS, offset + 2000); i++) {
    // The first 10,000 go to agence@vitrine.test: its inbox is the deep one the benchmark pages through.
    const property = i < 10_000 ? agenceProperties[i % agenceProperties.length] : properties[i % properties.length];
    const first = pick(FIRST);
    const last = pick(LAST);
    rows.push({
      propertyId: property.id,
      proId: property.proId,
      propertyTitle: property.title,
      senderNameEnc: encryptPII(`${first} ${last}`),
      senderEmailEnc: encryptPII(`${slugify(first)}.${slugify(last)}${i}@example.fr`),
      senderPhoneEnc:
        random() < 0.6
          ? encryptPII(`+33 6 ${between(10, 99)} ${between(10, 99)} ${between(10, 99)} ${between(10, 99)}`)
          : null,
      messageEnc: encryptPII("Bonjour, ce bien m'intéresse. Est-il toujours disponible ? Merci de me recontacter."),
      ...answered(pick(STATUSES), new Date(base + i * 600_000)),
    });
  }
  await db.contactRequest.createMany({ data: rows });
}

// Programmes, lots and vehicles on top of the demo ones.
const promoteur = await db.pro.findUniqueOrThrow({ where: { email: "promoteur@vitrine.test" } });
for (let p = 0; p < 100; p++) {
  const [ville] = pick(CITIES);
  const lots = Array.from({ length: between(6, 20) }, (_, l) => ({
    reference: `${String.fromCharCode(65 + (l % 6))}${l + 1}`,
    type: pick(["T1", "T2", "T3", "T4", "T5"]),
    surface: between(25, 120),
    price: between(150, 900) * 1000,
    status: pick(["disponible", "reserve", "vendu"] as const),
    isComplete: random() < 0.6,
  }));
  const prices = lots.map((l) => l.price);
  await db.programme.create({
    data: {
      proId: promoteur.id,
      slug: `programme-bench-${p + 1}`,
      name: `Résidence Bench ${p + 1}`,
      ville,
      prixMin: Math.min(...prices),
      prixMax: Math.max(...prices),
      description: `Programme neuf de ${lots.length} logements à ${ville}.`,
      lots: { create: lots },
    },
  });
}
const garage = await db.pro.findUniqueOrThrow({ where: { email: "garage@vitrine.test" } });
const MAKES = [
  ["Toyota", "Corolla"],
  ["Volkswagen", "Polo"],
  ["Ford", "Ranger"],
  ["Suzuki", "Swift"],
  ["Hyundai", "i20"],
] as const;
await db.vehicle.createMany({
  data: Array.from({ length: 2000 }, (_, i) => {
    const [make, model] = pick(MAKES);
    return {
      id: 200_000 + i,
      proId: garage.id,
      make,
      model,
      year: between(2012, 2025),
      price: between(90, 900) * 1000,
      mileage: between(0, 200_000),
    };
  }),
});

const counts = {
  properties: await db.property.count(),
  contactRequests: await db.contactRequest.count(),
  agenceInbox: await db.contactRequest.count({ where: { proId: agence.id } }),
  programmes: await db.programme.count(),
  lots: await db.lot.count(),
  vehicles: await db.vehicle.count(),
};
console.log(`[seed:large] ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await db.$disconnect();
