/**
 * Read side of the vehicle area: the public catalogue (active vehicles only, never the
 * dealership's identity), the master data and the selected vehicles.
 */
import type { Prisma } from "~/generated/prisma/client";
import { cached } from "~/utils/cache.server";
import { containsText, db } from "~/utils/db.server";
import type { VehicleSort } from "./rules";
import type { ProvinceRef, VehicleRef } from "./validation";

const photoOrder = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

/** What a buyer may see of a vehicle: no proId, no dealership. */
export const publicVehicleSelect = {
  id: true,
  make: true,
  model: true,
  year: true,
  price: true,
  mileage: true,
  fuel: true,
  transmission: true,
  colour: true,
  province: true,
  city: true,
  status: true,
  createdAt: true,
} satisfies Prisma.VehicleSelect;

export type PublicVehicle = Prisma.VehicleGetPayload<{ select: typeof publicVehicleSelect }>;

const cardSelect = {
  ...publicVehicleSelect,
  photos: { orderBy: photoOrder, take: 1, select: { path: true, width: true, height: true } },
} satisfies Prisma.VehicleSelect;

export type VehicleFilters = { make?: string; model?: string; year?: number; maxPrice?: number };

export const VEHICLES_PER_PAGE = 12;
/** Deeper pages are refused: nobody pages this far, and it bounds the OFFSET. */
export const MAX_VEHICLE_PAGE = 500;

const ORDER: Record<VehicleSort, Prisma.VehicleOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  "price-asc": [{ price: "asc" }, { id: "desc" }],
  "price-desc": [{ price: "desc" }, { id: "desc" }],
  mileage: [{ mileage: "asc" }, { id: "desc" }],
};

function activeWhere(filters: VehicleFilters): Prisma.VehicleWhereInput {
  return {
    status: "active",
    ...(filters.make ? { make: filters.make } : {}),
    ...(filters.model ? { model: containsText(filters.model) } : {}),
    ...(filters.year ? { year: filters.year } : {}),
    ...(filters.maxPrice ? { price: { lte: filters.maxPrice } } : {}),
  };
}

/**
 * One page of active vehicles, filtered and sorted, with the total count. Page numbers (not a
 * cursor): the four sort orders and the selection kept in the URL make "page 2" the natural link.
 */
export async function listActiveVehicles(filters: VehicleFilters, sort: VehicleSort, page: number) {
  const where = activeWhere(filters);
  const [total, rows] = await Promise.all([
    db.vehicle.count({ where }),
    db.vehicle.findMany({
      where,
      orderBy: ORDER[sort],
      skip: (page - 1) * VEHICLES_PER_PAGE,
      take: VEHICLES_PER_PAGE,
      select: cardSelect,
    }),
  ]);
  return {
    vehicles: rows.map(({ photos, ...v }) => ({ ...v, cover: photos[0] ?? null })),
    total,
    pageCount: Math.max(1, Math.ceil(total / VEHICLES_PER_PAGE)),
  };
}

/** The makes on offer, for the filter's select. */
export function activeMakes(): Promise<string[]> {
  return cached({
    key: "vehicles:makes",
    ttl: 30_000,
    getFreshValue: async () => {
      const rows = await db.vehicle.findMany({
        where: { status: "active" },
        distinct: ["make"],
        select: { make: true },
        orderBy: { make: "asc" },
      });
      return rows.map((r) => r.make);
    },
  });
}

/** Active vehicles for sitemap.xml (cached; dropped with the other vehicle entries on any change). */
export function vehiclesForSitemap() {
  return cached({
    key: "vehicles:sitemap",
    ttl: 10 * 60_000,
    getFreshValue: () =>
      db.vehicle.findMany({
        where: { status: "active" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true, updatedAt: true },
      }),
  });
}

/** One active vehicle with its photos (the public detail page), or null: 404. */
export function publicVehicle(id: number) {
  return db.vehicle.findFirst({
    where: { id, status: "active" },
    select: {
      ...publicVehicleSelect,
      description: true,
      photos: { orderBy: photoOrder, select: { path: true, width: true, height: true } },
    },
  });
}

/** Active vehicles by id, in the order asked, skipping unknown and non-active ids. */
export async function vehiclesByIds(ids: number[]): Promise<PublicVehicle[]> {
  if (!ids.length) return [];
  const rows = await db.vehicle.findMany({ where: { id: { in: ids }, status: "active" }, select: publicVehicleSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** What validation needs to know about the chosen vehicles (owner included, never sent to visitors). */
export async function vehicleRefs(ids: number[]): Promise<VehicleRef[]> {
  if (!ids.length) return [];
  return db.vehicle.findMany({
    where: { id: { in: ids } },
    select: { id: true, proId: true, make: true, model: true, year: true, price: true, status: true },
  });
}

export async function listProvinces(): Promise<{ id: number; name: string }[]> {
  return db.province.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Null when the province does not exist. */
export async function listCities(provinceId: number): Promise<{ id: number; name: string }[] | null> {
  const province = await db.province.findUnique({
    where: { id: provinceId },
    select: { cities: { orderBy: { name: "asc" }, select: { id: true, name: true } } },
  });
  return province ? province.cities : null;
}

/** Every province with its cities (a few dozen rows): the form's selects and validation. */
export async function provincesWithCities(): Promise<(ProvinceRef & { id: number })[]> {
  const rows = await db.province.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, cities: { orderBy: { name: "asc" }, select: { name: true } } },
  });
  return rows.map((p) => ({ id: p.id, name: p.name, cities: p.cities.map((c) => c.name) }));
}
