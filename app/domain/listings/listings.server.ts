/**
 * Listings (seed 002): the pro's CRUD and the public queries. The page and the JSON endpoint of
 * an operation call the same function here. Ownership is always part of the query
 * (`where: { id, proId }`), so another pro's listing simply does not exist (404).
 */
import fs from "node:fs";
import path from "node:path";
import type { Prisma } from "~/generated/prisma/client";
import { cached, invalidate } from "~/utils/cache.server";
import { db, prismaErrorCode } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { afterCursor, DomainError, pageOrder, toPage, type FieldIssue, type PageParams } from "~/utils/http.server";
import { log } from "~/utils/logger.server";
import {
  crossFieldIssues,
  statusTransition,
  type CreatePropertyInput,
  type PropertyStatus,
  type SearchFilters,
  type UpdatePropertyInput,
} from "./rules";
import { hidePhotoFiles, settleHiddenPhotoFiles } from "~/domain/photos/photo-files.server";
import { cityKeyOf, slugCandidate, slugify } from "./slug";
import type { SearchSort } from "./search-options";

// ---- Shapes

const photoOrder = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

export const propertySelect = {
  id: true,
  proId: true,
  slug: true,
  source: true,
  title: true,
  description: true,
  type: true,
  transactionType: true,
  price: true,
  surface: true,
  rooms: true,
  bedrooms: true,
  bathrooms: true,
  floor: true,
  totalFloors: true,
  buildingYear: true,
  energyRating: true,
  gesRating: true,
  address: true,
  city: true,
  postalCode: true,
  department: true,
  region: true,
  latitude: true,
  longitude: true,
  status: true,
  /** Who receives this listing's leads (null: round-robin), SPEC "Teams". */
  responsibleMemberId: true,
  createdAt: true,
  updatedAt: true,
  photos: { orderBy: photoOrder, select: { id: true, path: true, width: true, height: true } },
} satisfies Prisma.PropertySelect;

export type PropertyRow = Prisma.PropertyGetPayload<{ select: typeof propertySelect }>;

/** The JSON record of seed 002: every field, `photos` as paths relative to UPLOADS_DIR (cover first). */
export function toApiProperty(row: PropertyRow) {
  const { photos, ...fields } = row;
  return { ...fields, photos: photos.map((p) => p.path) };
}

export type ApiProperty = ReturnType<typeof toApiProperty>;

const notFound = () => new DomainError("NOT_FOUND", "Property not found");

/** Everything cached about public listings starts with this prefix. */
const CACHE_PREFIX = "listings:";

/** Public pages show stale data for at most this long if an invalidation were ever missed. */
const PUBLIC_TTL = 60_000;

function listingsChanged(): Promise<void> {
  return invalidate(CACHE_PREFIX);
}

export function propertyFolder(propertyId: string) {
  return path.join(path.resolve(env().UPLOADS_DIR), "properties", propertyId);
}

// ---- Pro side

export async function listOwnProperties(proId: string, page: PageParams) {
  const rows = await db.property.findMany({
    where: { proId, ...afterCursor(page.cursor) },
    orderBy: pageOrder,
    take: page.limit + 1,
    select: propertySelect,
  });
  return toPage(rows, page.limit, toApiProperty);
}

/** The pro's own listing as stored (photos with their ids), or null: unknown, malformed or another pro's id. */
export function findOwnPropertyRow(proId: string, id: string): Promise<PropertyRow | null> {
  return db.property.findFirst({ where: { id, proId }, select: propertySelect });
}

/** The pro's own listing as the API shows it, or null. */
export async function findOwnProperty(proId: string, id: string) {
  const row = await findOwnPropertyRow(proId, id);
  return row ? toApiProperty(row) : null;
}

export async function getOwnProperty(proId: string, id: string) {
  const property = await findOwnProperty(proId, id);
  if (!property) throw notFound();
  return property;
}

function validationError(details: FieldIssue[]) {
  return new DomainError("VALIDATION_ERROR", "Invalid property", details);
}

function invalidTransition(from: PropertyStatus, to: PropertyStatus) {
  return new DomainError("INVALID_TRANSITION", `Cannot change status from ${from} to ${to}`, [
    { field: "status", message: `Passage de « ${from} » à « ${to} » impossible.` },
  ]);
}

/**
 * Creates a listing for `proId`: source "manual", a unique slug from the title, status draft
 * unless given (a listing starts as a draft, so "active" is the draft → active step and "sold"
 * is refused like any transition the diagram does not have).
 */
export async function createProperty(proId: string, input: CreatePropertyInput) {
  const status = input.status ?? "draft";
  if (statusTransition("draft", status) === "invalid") throw invalidTransition("draft", status);
  const issues = crossFieldIssues(input);
  if (issues.length) throw validationError(issues);

  const { status: _status, ...fields } = input;
  const base = slugify(input.title);
  const taken = new Set(
    // A range rather than LIKE: it reads only the matching entries of the unique slug index.
    (
      await db.property.findMany({ where: { slug: { gte: base, lt: `${base}\u{10FFFF}` } }, select: { slug: true } })
    ).map((p) => p.slug),
  );
  let attempt = 1;
  for (let tries = 0; tries < 5; tries++) {
    while (taken.has(slugCandidate(base, attempt))) attempt++;
    // After a few lost races on the same title, a random suffix ends the contention.
    const slug = tries < 3 ? slugCandidate(base, attempt) : `${base}-${Math.random().toString(36).slice(2, 8)}`;
    try {
      const row = await db.property.create({
        data: { ...fields, proId, slug, source: "manual", status, cityKey: cityKeyOf(input.city) },
        select: propertySelect,
      });
      await listingsChanged();
      return toApiProperty(row);
    } catch (error) {
      if (prismaErrorCode(error) !== "P2002") throw error;
      taken.add(slug);
    }
  }
  throw new Error(`Could not find a free slug for ${base}`);
}

/**
 * Writes the fields given (never proId, slug or source). A status change must follow the diagram;
 * `photos` may only reorder or drop this listing's own photos, whose files are then deleted.
 * Photos uploaded while this runs are kept (they were not in the list the caller saw).
 */
export async function updateProperty(proId: string, id: string, input: UpdatePropertyInput) {
  const existing = await db.property.findFirst({ where: { id, proId }, select: propertySelect });
  if (!existing) throw notFound();

  const { photos: photoList, status, ...fields } = input;
  if (status && statusTransition(existing.status, status) === "invalid")
    throw invalidTransition(existing.status, status);

  const issues = crossFieldIssues({ ...existing, ...fields });
  let removed: string[] = [];
  if (photoList) {
    const own = new Set(existing.photos.map((p) => p.path));
    const seen = new Set<string>();
    photoList.forEach((p, index) => {
      if (!own.has(p)) issues.push({ field: `photos.${index}`, message: "Photo inconnue pour cette annonce." });
      else if (seen.has(p)) issues.push({ field: `photos.${index}`, message: "Photo en double." });
      seen.add(p);
    });
    removed = existing.photos.map((p) => p.path).filter((p) => !seen.has(p));
  }
  if (issues.length) throw validationError(issues);

  const data: Prisma.PropertyUpdateManyMutationInput = { ...fields, updatedAt: new Date() };
  if (fields.city !== undefined) data.cityKey = cityKeyOf(fields.city);
  if (status) data.status = status;

  // The status in the where clause makes the transition check and the write one atomic step.
  const writes: Prisma.PrismaPromise<unknown>[] = [
    db.property.updateMany({ where: { id, proId, status: existing.status }, data }),
  ];
  if (photoList) {
    photoList.forEach((p, position) =>
      writes.push(db.propertyPhoto.updateMany({ where: { propertyId: id, path: p }, data: { position } })),
    );
    if (removed.length) writes.push(db.propertyPhoto.deleteMany({ where: { propertyId: id, path: { in: removed } } }));
  }
  // Removed photos leave their public names first, so a crash never leaves a rowless photo served.
  await hidePhotoFiles(removed);
  let updated: { count: number };
  try {
    [updated] = (await db.$transaction(writes)) as [{ count: number }];
  } finally {
    await settleHiddenPhotoFiles(removed);
  }
  if (updated.count === 0) {
    // Deleted or its status changed in between: answer as if the request had come just after.
    const now = await db.property.findFirst({ where: { id, proId }, select: { status: true } });
    if (!now) throw notFound();
    throw invalidTransition(now.status, status ?? now.status);
  }
  await listingsChanged();
  return getOwnProperty(proId, id);
}

/**
 * Deletes the listing and its photo files; its contact requests stay (property set to null). The
 * photos are taken off their public names before the rows go, so a crash in between leaves nothing
 * served that should not be (photo-files.server.ts).
 */
export async function deleteProperty(proId: string, id: string) {
  const owned = await db.property.findFirst({
    where: { id, proId },
    select: { photos: { select: { path: true } } },
  });
  if (!owned) throw notFound();
  const paths = owned.photos.map((p) => p.path);
  await hidePhotoFiles(paths);
  let count = 0;
  try {
    ({ count } = await db.property.deleteMany({ where: { id, proId } }));
  } finally {
    await settleHiddenPhotoFiles(paths);
  }
  if (count === 0) throw notFound();
  await listingsChanged();
  await fs.promises.rm(propertyFolder(id), { recursive: true, force: true }).catch((error) => {
    log.error("could not remove photo folder", { propertyId: id, error: String(error) });
  });
}

export function markListingsChanged(): Promise<void> {
  return listingsChanged();
}

// ---- Public side

const cardSelect = {
  id: true,
  slug: true,
  title: true,
  city: true,
  postalCode: true,
  price: true,
  surface: true,
  rooms: true,
  type: true,
  transactionType: true,
  status: true,
  createdAt: true,
  photos: { orderBy: photoOrder, take: 1, select: { path: true, width: true, height: true } },
} satisfies Prisma.PropertySelect;

export type ListingCard = Prisma.PropertyGetPayload<{ select: typeof cardSelect }>;

/** The latest active listings for the home page. */
export function latestActiveProperties(limit = 8): Promise<ListingCard[]> {
  return cached({
    key: `${CACHE_PREFIX}latest:${limit}`,
    ttl: PUBLIC_TTL,
    getFreshValue: () =>
      db.property.findMany({ where: { status: "active" }, orderBy: pageOrder, take: limit, select: cardSelect }),
  });
}

function searchWhere(filters: SearchFilters): Prisma.PropertyWhereInput {
  const where: Prisma.PropertyWhereInput = { status: "active" };
  if (filters.city) {
    // Prefix match on the normalised city ("saint" finds Saint-Étienne and Saint-Malo), written as a
    // range so that SQLite can use the (status, cityKey, createdAt) index; LIKE could not.
    const key = cityKeyOf(filters.city);
    const prefix = (value: string) => ({ cityKey: { gte: value, lt: `${value}\u{10FFFF}` } });
    const hyphenated = key.replace(/ /g, "-");
    where.OR = hyphenated === key ? [prefix(key)] : [prefix(key), prefix(hyphenated)];
  }
  if (filters.type) where.type = filters.type;
  if (filters.transactionType) where.transactionType = filters.transactionType;
  if (filters.minPrice != null || filters.maxPrice != null) {
    where.price = {
      ...(filters.minPrice != null ? { gte: filters.minPrice } : {}),
      ...(filters.maxPrice != null ? { lte: filters.maxPrice } : {}),
    };
  }
  if (filters.minSurface != null) where.surface = { gte: filters.minSurface };
  if (filters.minRooms != null) where.rooms = { gte: filters.minRooms };
  return where;
}

const SORT_ORDERS: Record<SearchSort, Prisma.PropertyOrderByWithRelationInput[]> = {
  recent: pageOrder,
  "price-asc": [{ price: { sort: "asc", nulls: "last" } }, ...pageOrder],
  "price-desc": [{ price: { sort: "desc", nulls: "last" } }, ...pageOrder],
  "surface-desc": [{ surface: { sort: "desc", nulls: "last" } }, ...pageOrder],
};

/**
 * One numbered page of active listings matching the filters, in the chosen order, with the total
 * (docs/decisions/041: page numbers for people, capped; the JSON lists keep their cursors).
 */
export function searchActiveProperties(
  filters: SearchFilters,
  { sort, page, limit }: { sort: SearchSort; page: number; limit: number },
) {
  return cached({
    key: `${CACHE_PREFIX}search:${JSON.stringify([filters, sort, page, limit])}`,
    ttl: PUBLIC_TTL,
    getFreshValue: async () => {
      const where = searchWhere(filters);
      const [total, data] = await Promise.all([
        countActiveProperties(filters),
        db.property.findMany({
          where,
          orderBy: SORT_ORDERS[sort],
          skip: (page - 1) * limit,
          take: limit,
          select: cardSelect,
        }),
      ]);
      return { data, total, pageCount: Math.max(1, Math.ceil(total / limit)) };
    },
  });
}

/** How many active listings match: the count the filter panel's button and the results show. */
export function countActiveProperties(filters: SearchFilters) {
  return cached({
    key: `${CACHE_PREFIX}count:${JSON.stringify(filters)}`,
    ttl: PUBLIC_TTL,
    getFreshValue: () => db.property.count({ where: searchWhere(filters) }),
  });
}

/** Active listings like this one (same city, then same type), for the bottom of its page. */
export function similarActiveProperties(listing: { id: string; cityKey: string; type: string }, limit = 4) {
  return cached({
    key: `${CACHE_PREFIX}similar:${listing.id}:${limit}`,
    ttl: PUBLIC_TTL,
    getFreshValue: async () => {
      const sameCity = await db.property.findMany({
        where: { status: "active", cityKey: listing.cityKey, id: { not: listing.id } },
        orderBy: pageOrder,
        take: limit,
        select: cardSelect,
      });
      if (sameCity.length >= limit) return sameCity;
      const sameType = await db.property.findMany({
        where: {
          status: "active",
          type: listing.type as Prisma.PropertyWhereInput["type"],
          id: { notIn: [listing.id, ...sameCity.map((p) => p.id)] },
        },
        orderBy: pageOrder,
        take: limit - sameCity.length,
        select: cardSelect,
      });
      return [...sameCity, ...sameType];
    },
  });
}

/** Every active listing's address and last change, for sitemap.xml. */
export function activeListingsForSitemap() {
  return cached({
    key: `${CACHE_PREFIX}sitemap`,
    ttl: 10 * 60_000,
    getFreshValue: () =>
      db.property.findMany({
        where: { status: "active" },
        orderBy: pageOrder,
        select: { slug: true, updatedAt: true },
      }),
  });
}

/** Cities that have active listings, with their counts (the search form's suggestions). */
export function activeCityFacets(): Promise<{ city: string; count: number }[]> {
  return cached({
    key: `${CACHE_PREFIX}facets:cities`,
    ttl: PUBLIC_TTL,
    getFreshValue: async () => {
      const groups = await db.property.groupBy({
        by: ["cityKey"],
        where: { status: "active" },
        _count: { _all: true },
        _min: { city: true },
        orderBy: { cityKey: "asc" },
      });
      return groups.map((g) => ({ city: g._min.city ?? g.cityKey, count: g._count._all }));
    },
  });
}

/**
 * What a public listing page shows, and so all its JSON face publishes: not the owner's id, not
 * where the listing came from (`source`), not the exact coordinates.
 */
const { proId: _proId, source: _source, latitude: _latitude, longitude: _longitude, ...publicFields } = propertySelect;
const publicPropertySelect = publicFields satisfies Prisma.PropertySelect;

/** Longer than any slug `slugify` makes (80 characters and a suffix). */
const MAX_SLUG_LENGTH = 120;

/** A public listing page: active or sold; drafts (and unknown slugs) are null, i.e. 404. */
export async function publicPropertyBySlug(slug: string) {
  // Only plausible slugs reach the cache, so junk URLs cannot fill it.
  if (slug.length > MAX_SLUG_LENGTH) return null;
  return cached({
    key: `${CACHE_PREFIX}slug:${slug}`,
    ttl: PUBLIC_TTL,
    getFreshValue: async () => {
      const row = await db.property.findFirst({
        where: { slug, status: { in: ["active", "sold"] } },
        select: { ...publicPropertySelect, cityKey: true, pro: { select: { id: true, companyName: true } } },
      });
      return row ?? null;
    },
  });
}
