/**
 * The demo data set (SPEC "Demo data"): five accounts, the agency's listings with real photo files
 * and inquiries, the developer's programmes and lots, the dealership's vehicles (ids 100, 101, 12345
 * and 12346 as in seed 004's examples, active, with photos and a location) and South Africa's
 * provinces and cities.
 *
 * `npm start` calls `seedDemo()` on an empty database (scripts/prepare.ts); `npx tsx prisma/seed.ts`
 * does the same for the database in DATABASE_URL. Content is static (prisma/seed-data.ts); only ids,
 * dates relative to now and ciphertexts change between runs.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { PHOTO_WIDTHS, photoVariantPath } from "../app/domain/media/photo-widths";
import { cityKeyOf, slugCandidate, slugify } from "../app/domain/listings/slug";
import { db, dbReady } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { encryptPII, encryptOptionalPII, hashPassword } from "../app/utils/crypto.server";
import {
  DEMO_ACCOUNTS,
  DEMO_INQUIRIES,
  DEMO_PASSWORD,
  DEMO_PROGRAMMES,
  DEMO_TEAM,
  DEMO_PROPERTIES,
  DEMO_VEHICLES,
  PALETTES,
  PLACES,
  SA_PROVINCES,
  CAR_COLOURS,
  DEMO_PROGRAMME_INQUIRIES,
  buildingScene,
  carScene,
  houseScene,
  interiorScene,
  landScene,
  lotPrice,
  officeScene,
  shopScene,
  type DemoAccountKey,
  type DemoProperty,
  type Palette,
} from "./seed-data";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Photo size of the demo images: what the upload pipeline produces for a 3:2 photo. */
const PHOTO_WIDTH = 1200;
const PHOTO_HEIGHT = 800;

/** True when no account exists yet: the only state in which the demo data may be written. */
export async function databaseIsEmpty(): Promise<boolean> {
  await dbReady;
  return (await db.pro.count()) === 0;
}

/** Slugs as the listings domain makes them, unique within the seed. */
function uniqueSlug(title: string, taken: Set<string>): string {
  const base = slugify(title);
  let attempt = 1;
  while (taken.has(slugCandidate(base, attempt))) attempt++;
  const slug = slugCandidate(base, attempt);
  taken.add(slug);
  return slug;
}

// ---- Images: each scene/palette pair is rendered once, then its bytes are written to every file using it.

type SceneName = "house" | "building" | "land" | "shop" | "office" | "interior";
const SCENES: Record<SceneName, (p: Palette) => string> = {
  house: houseScene,
  building: buildingScene,
  land: landScene,
  shop: shopScene,
  office: officeScene,
  interior: interiorScene,
};

function imageRenderer() {
  const rendered = new Map<string, Promise<Buffer>>();
  return (scene: SceneName, palette: number): Promise<Buffer> => {
    const key = `${scene}:${palette}`;
    let bytes = rendered.get(key);
    if (!bytes) {
      const svg = SCENES[scene](PALETTES[palette % PALETTES.length]);
      // effort 2 encodes about four times faster than the default for ~10 % more bytes: seeding stays quick.
      bytes = sharp(Buffer.from(svg)).flatten().webp({ quality: 80, effort: 2 }).toBuffer();
      rendered.set(key, bytes);
    }
    return bytes;
  };
}

/** Which pictures a listing shows, cover first: its outside, then rooms (2 to 4 photos). */
function photoPlan(property: DemoProperty, index: number): { scene: SceneName; palette: number }[] {
  const count = 2 + (index % 3);
  const outside: Record<DemoProperty["type"], SceneName> = {
    appartement: "building",
    maison: "house",
    terrain: "land",
    commerce: "shop",
    bureau: "office",
  };
  const cover = { scene: outside[property.type], palette: index % 2 };
  const rest: { scene: SceneName; palette: number }[] =
    property.type === "terrain"
      ? [2, 3, 1].map((palette) => ({ scene: "land" as const, palette: (index + palette) % 4 }))
      : [
          { scene: "interior", palette: index % 4 },
          { scene: "interior", palette: (index + 1) % 4 },
          { scene: outside[property.type], palette: 2 + (index % 2) },
        ];
  return [cover, ...rest].slice(0, count);
}

type PlannedFile = { relative: string; image: Promise<Buffer> };

/** The smaller widths of a rendered scene, made once per scene like the pipeline makes them per upload. */
const narrower = new WeakMap<Promise<Buffer>, Map<number, Promise<Buffer>>>();
function variant(image: Promise<Buffer>, width: number) {
  let widths = narrower.get(image);
  if (!widths) narrower.set(image, (widths = new Map()));
  let bytes = widths.get(width);
  if (!bytes) {
    bytes = image.then((full) => sharp(full).resize({ width }).webp({ quality: 80, effort: 2 }).toBuffer());
    widths.set(width, bytes);
  }
  return bytes;
}

async function writeFiles(root: string, files: PlannedFile[]) {
  const dirs = new Set(files.map((f) => path.dirname(path.join(root, f.relative))));
  await Promise.all([...dirs].map((dir) => fs.mkdir(dir, { recursive: true })));
  const all = files.flatMap((f) => [
    f,
    ...PHOTO_WIDTHS.map((width) => ({ relative: photoVariantPath(f.relative, width), image: variant(f.image, width) })),
  ]);
  await Promise.all(all.map(async (f) => fs.writeFile(path.join(root, f.relative), await f.image)));
}

// ---- The data set.

export async function seedDemo(): Promise<void> {
  await dbReady;
  const now = Date.now();
  const uploadsRoot = path.resolve(env().UPLOADS_DIR);
  const render = imageRenderer();
  const files: PlannedFile[] = [];
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);

  // Accounts: one scrypt hash each (own salt); they compute while the images render.
  const keys = Object.keys(DEMO_ACCOUNTS) as DemoAccountKey[];
  const hashing = Promise.all([...keys, ...DEMO_TEAM].map(() => hashPassword(DEMO_PASSWORD)));
  const ids = Object.fromEntries(keys.map((key) => [key, randomUUID()])) as Record<DemoAccountKey, string>;
  // Each account is an organisation whose owner signs in with the account's address; the agency
  // also has a manager and an agent.
  const memberIds = Object.fromEntries(
    [...keys, ...DEMO_TEAM.map((m) => m.key)].map((key) => [key, randomUUID()]),
  ) as Record<DemoAccountKey | (typeof DEMO_TEAM)[number]["key"], string>;
  const memberRows = (hashes: string[]) => [
    ...keys.map((key, i) => ({
      id: memberIds[key],
      proId: ids[key],
      email: DEMO_ACCOUNTS[key].email.toLowerCase(),
      passwordHash: hashes[i],
      name: DEMO_ACCOUNTS[key].name,
      role: "owner" as const,
      createdAt: at(DEMO_ACCOUNTS[key].age),
    })),
    ...DEMO_TEAM.map((m, i) => ({
      id: memberIds[m.key],
      proId: ids.agence,
      email: m.email,
      passwordHash: hashes[keys.length + i],
      name: m.name,
      role: m.role,
      createdAt: at(DEMO_ACCOUNTS.agence.age - 10 - i),
    })),
  ];
  const accountRows = () =>
    keys.map((key) => {
      const account = DEMO_ACCOUNTS[key];
      const createdAt = at(account.age);
      const reviewed = account.identityStatus === "verified" && account.role === "pro";
      return {
        id: ids[key],
        email: account.email.toLowerCase(),
        name: account.name,
        companyName: account.companyName,
        kind: account.kind,
        role: account.role,
        identityStatus: account.identityStatus,
        identitySubmittedAt: reviewed ? new Date(createdAt.getTime() + 2 * HOUR) : null,
        identityReviewedAt: reviewed ? new Date(createdAt.getTime() + 20 * HOUR) : null,
        identityReviewedById: reviewed ? ids.admin : null,
        createdAt,
        updatedAt: reviewed ? new Date(createdAt.getTime() + 20 * HOUR) : createdAt,
      };
    });

  // The agency's listings, newest first, over the past ~60 days.
  const slugs = new Set<string>();
  const properties = DEMO_PROPERTIES.map((p, i) => {
    const place = PLACES[p.place];
    const createdAt = new Date(now - (0.6 + i * 1.3) * DAY - (i % 5) * 3 * HOUR);
    // A little spread so that listings in one town do not sit on the same point of a map.
    const jitter = (((i * 37) % 19) - 9) / 1000;
    return {
      id: randomUUID(),
      proId: ids.agence,
      slug: uniqueSlug(p.title, slugs),
      source: p.source ?? "manual",
      title: p.title,
      description: p.description,
      type: p.type,
      transactionType: p.transactionType,
      price: p.price,
      surface: p.surface,
      rooms: p.rooms ?? null,
      bedrooms: p.bedrooms ?? null,
      bathrooms: p.bathrooms ?? null,
      floor: p.floor ?? null,
      totalFloors: p.totalFloors ?? null,
      buildingYear: p.buildingYear ?? null,
      energyRating: p.type === "terrain" ? null : (p.energyRating ?? null),
      gesRating: p.type === "terrain" ? null : (p.gesRating ?? null),
      address: p.address,
      city: place.city,
      cityKey: cityKeyOf(place.city),
      postalCode: place.postalCode,
      department: place.department,
      region: place.region,
      latitude: Number((place.lat + jitter).toFixed(5)),
      longitude: Number((place.lng - jitter * 1.3).toFixed(5)),
      status: p.status,
      createdAt,
      updatedAt: p.status === "sold" ? new Date(Math.min(now - HOUR, createdAt.getTime() + 12 * DAY)) : createdAt,
    };
  });

  const photos = DEMO_PROPERTIES.flatMap((p, i) => {
    const property = properties[i];
    return photoPlan(p, i).map((shot, position) => {
      const relative = `properties/${property.id}/${randomUUID()}.webp`;
      files.push({ relative, image: render(shot.scene, shot.palette) });
      return {
        propertyId: property.id,
        path: relative,
        width: PHOTO_WIDTH,
        height: PHOTO_HEIGHT,
        position,
        createdAt: new Date(property.createdAt.getTime() + (position + 1) * 60_000),
      };
    });
  });

  // Inquiries: new ones are the most recent, replied ones the oldest; read/replied times follow creation.
  const shareOfAge = { new_request: 0.9, read: 0.6, replied: 0.3 } as const;
  const contactRequests = DEMO_INQUIRIES.map((q, i) => {
    const property = properties[q.property];
    const age = now - property.createdAt.getTime();
    const createdAt = new Date(property.createdAt.getTime() + age * (shareOfAge[q.status] + ((i % 4) - 1.5) * 0.02));
    const later = (hours: number, from: Date) => new Date(Math.min(now - 60_000, from.getTime() + hours * HOUR));
    const readAt = q.status === "new_request" ? null : later(2 + (i % 6) * 3, createdAt);
    const repliedAt = q.status === "replied" && readAt ? later(1 + (i % 3), readAt) : null;
    return {
      id: randomUUID(),
      propertyId: property.id,
      proId: ids.agence,
      propertyTitle: property.title,
      senderNameEnc: encryptPII(q.name),
      senderEmailEnc: encryptPII(q.email.toLowerCase()),
      senderPhoneEnc: encryptOptionalPII(q.phone),
      messageEnc: encryptPII(q.message),
      status: q.status,
      // Some leads for each of the team, the rest in the pool (SPEC "Demo data").
      assigneeId: i % 3 === 0 ? memberIds.agent : i % 3 === 1 ? memberIds.manager : null,
      readAt,
      repliedAt,
      // Answered outside Vitrine (by phone): the response clock stops at the move to replied.
      firstResponseAt: repliedAt,
      createdAt,
      updatedAt: repliedAt ?? readAt ?? createdAt,
    };
  });

  // The developer's programmes: public (active), prices computed from the lots, photos are files like the listings'.
  const programmes = DEMO_PROGRAMMES.map((programme, k) => {
    const id = randomUUID();
    const createdAt = at(50 - k * 9);
    const houses = programme.lots.some((lot) => lot.type === "maison");
    const shots: { scene: SceneName; palette: number }[] = [
      { scene: houses ? "house" : "building", palette: (k + 2) % 4 },
      { scene: "interior", palette: k % 4 },
      { scene: houses ? "building" : "interior", palette: (k + 3) % 4 },
    ];
    const photos = shots.map((shot, position) => {
      const relative = `programmes/${id}/${randomUUID()}.webp`;
      files.push({ relative, image: render(shot.scene, shot.palette) });
      return { programmeId: id, path: relative, width: PHOTO_WIDTH, height: PHOTO_HEIGHT, position, createdAt };
    });
    const lots = programme.lots.map((lot) => ({
      id: randomUUID(),
      programmeId: id,
      reference: lot.reference,
      type: lot.type,
      surface: lot.surface,
      price: lotPrice(lot, programme.pricePerSqm),
      status: lot.status,
      isComplete: lot.isComplete,
      createdAt,
    }));
    const prices = lots.map((lot) => lot.price);
    return {
      row: {
        id,
        proId: ids.promoteur,
        slug: slugify(`${programme.name} ${programme.ville}`),
        name: programme.name,
        ville: programme.ville,
        postalCode: programme.postalCode,
        address: programme.address,
        deliveryDate: programme.deliveryDate,
        status: "active" as const,
        prixMin: prices.length ? Math.min(...prices) : null,
        prixMax: prices.length ? Math.max(...prices) : null,
        description: programme.description,
        createdAt,
        updatedAt: createdAt,
      },
      photos,
      lots,
    };
  });

  // Documentation requests in the developer's inbox, about a programme and sometimes one of its lots.
  const programmeInquiries = DEMO_PROGRAMME_INQUIRIES.map((q, i) => {
    const programme = programmes[q.programme];
    const lot = q.lot === undefined ? null : programme.lots.find((l) => l.reference === q.lot)!;
    const createdAt = new Date(now - (q.hoursAgo ?? 6 + i * 20) * HOUR);
    const readAt = q.status === "new_request" ? null : new Date(createdAt.getTime() + 3 * HOUR);
    const repliedAt = q.status === "replied" && readAt ? new Date(readAt.getTime() + HOUR) : null;
    return {
      id: randomUUID(),
      propertyId: null,
      programmeId: programme.row.id,
      lotId: lot?.id ?? null,
      proId: ids.promoteur,
      propertyTitle: programme.row.name,
      senderNameEnc: encryptPII(q.name),
      senderEmailEnc: encryptPII(q.email.toLowerCase()),
      senderPhoneEnc: encryptOptionalPII(q.phone),
      messageEnc: encryptPII(q.message),
      status: q.status,
      readAt,
      repliedAt,
      createdAt,
      updatedAt: repliedAt ?? readAt ?? createdAt,
    };
  });

  // Vehicles: the highest ids are the newest arrivals; on sale (active) unless sold, each seen in a
  // city of the master data, with two generated photos in its colour.
  const locations: [string, string][] = [
    ["Gauteng", "Johannesburg"],
    ["Western Cape", "Cape Town"],
    ["Gauteng", "Pretoria"],
    ["KwaZulu-Natal", "Durban"],
    ["Eastern Cape", "Gqeberha"],
    ["Free State", "Bloemfontein"],
  ];
  const carImages = new Map<string, Promise<Buffer>>();
  const carImage = (colour: string, view: "side" | "front", palette: number) => {
    const key = `${colour}:${view}:${palette}`;
    if (!carImages.has(key)) {
      const svg = carScene(PALETTES[palette % PALETTES.length], CAR_COLOURS[colour] ?? "#78909c", view);
      carImages.set(key, sharp(Buffer.from(svg)).flatten().webp({ quality: 80, effort: 2 }).toBuffer());
    }
    return carImages.get(key)!;
  };
  const vehiclePhotos: { vehicleId: number; path: string; width: number; height: number; position: number }[] = [];
  const vehicles = DEMO_VEHICLES.map((v, i) => {
    const [province, city] = locations[i % locations.length];
    (["side", "front"] as const).forEach((view, position) => {
      const relative = `vehicles/${v.id}/${randomUUID()}.webp`;
      files.push({ relative, image: carImage(v.colour, view, i % 2) });
      vehiclePhotos.push({ vehicleId: v.id, path: relative, width: PHOTO_WIDTH, height: PHOTO_HEIGHT, position });
    });
    const createdAt = at(70 - i * 2);
    return {
      id: v.id,
      proId: ids.garage,
      make: v.make,
      model: v.model,
      year: v.year,
      price: v.price,
      mileage: v.mileage,
      fuel: v.fuel,
      transmission: v.transmission,
      colour: v.colour,
      province,
      city,
      description: `${v.make} ${v.model} de ${v.year}, ${v.colour.toLowerCase()}, entretenue en concession. Visible sur rendez-vous à ${city}.`,
      status: v.status ?? "active",
      createdAt,
      updatedAt: createdAt,
    };
  });

  const provinceNames = Object.keys(SA_PROVINCES).sort();
  const provinces = provinceNames.map((name, i) => ({ id: i + 1, name }));
  const cities = provinces.flatMap((province) =>
    SA_PROVINCES[province.name].map((name) => ({ provinceId: province.id, name })),
  );

  const hashes = await hashing;
  const pros = accountRows();
  const members = memberRows(hashes);

  // Files first, rows second: a failure in between leaves files that the cleanup below removes.
  await writeFiles(uploadsRoot, files);
  try {
    await db.$transaction(
      async (tx) => {
        await tx.pro.createMany({ data: pros });
        await tx.member.createMany({ data: members });
        await tx.property.createMany({ data: properties });
        await tx.propertyPhoto.createMany({ data: photos });
        await tx.contactRequest.createMany({ data: contactRequests });
        await tx.programme.createMany({ data: programmes.map((p) => p.row) });
        await tx.programmePhoto.createMany({ data: programmes.flatMap((p) => p.photos) });
        await tx.lot.createMany({ data: programmes.flatMap((p) => p.lots) });
        await tx.contactRequest.createMany({ data: programmeInquiries });
        await tx.vehicle.createMany({ data: vehicles });
        await tx.vehiclePhoto.createMany({ data: vehiclePhotos });
        await tx.province.createMany({ data: provinces });
        await tx.city.createMany({ data: cities });
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    const dirs = new Set(files.map((f) => path.dirname(path.join(uploadsRoot, f.relative))));
    await Promise.all([...dirs].map((dir) => fs.rm(dir, { recursive: true, force: true })));
    throw error;
  }
}

/** One line saying what the demo data set holds (for the command line). */
async function summary(): Promise<string> {
  const [pros, properties, photos, inquiries, programmes, lots, vehicles, provinces, cities] = await Promise.all([
    db.pro.count(),
    db.property.count(),
    db.propertyPhoto.count(),
    db.contactRequest.count(),
    db.programme.count(),
    db.lot.count(),
    db.vehicle.count(),
    db.province.count(),
    db.city.count(),
  ]);
  return (
    `${pros} accounts, ${properties} properties (${photos} photos), ${inquiries} contact requests, ` +
    `${programmes} programmes (${lots} lots), ${vehicles} vehicles, ${provinces} provinces (${cities} cities)`
  );
}

const runDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (runDirectly) {
  const started = Date.now();
  try {
    if (await databaseIsEmpty()) {
      await seedDemo();
      console.log(`[seed] demo data: ${await summary()} in ${Date.now() - started} ms (password: ${DEMO_PASSWORD})`);
    } else {
      console.log("[seed] the database already has accounts: nothing seeded");
    }
  } finally {
    await db.$disconnect();
  }
}
