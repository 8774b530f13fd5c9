/** Read side of the vehicle area: the public list, the master data and the selected vehicles. */
import { containsText, db } from "~/utils/db.server";
import type { ProvinceRef, VehicleRef } from "./validation";

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
  status: true,
} as const;

export type PublicVehicle = {
  id: number;
  make: string;
  model: string;
  year: number;
  price: number;
  mileage: number;
  fuel: string | null;
  transmission: string | null;
  colour: string | null;
  status: "available" | "sold";
};

export type VehicleFilters = { make?: string; model?: string; year?: number; maxPrice?: number };

export const VEHICLES_PER_PAGE = 24;

/**
 * Available vehicles, newest first, filtered; paginated by an opaque id cursor (ids only grow).
 * Make and model match exactly as stored (they come from the filter's own select lists).
 */
export async function listAvailableVehicles(filters: VehicleFilters, afterId: number | null) {
  const rows = await db.vehicle.findMany({
    where: {
      status: "available",
      ...(filters.make ? { make: filters.make } : {}),
      ...(filters.model ? { model: containsText(filters.model) } : {}),
      ...(filters.year ? { year: filters.year } : {}),
      ...(filters.maxPrice ? { price: { lte: filters.maxPrice } } : {}),
      ...(afterId ? { id: { lt: afterId } } : {}),
    },
    orderBy: { id: "desc" },
    take: VEHICLES_PER_PAGE + 1,
    select: publicVehicleSelect,
  });
  const hasMore = rows.length > VEHICLES_PER_PAGE;
  const vehicles = hasMore ? rows.slice(0, VEHICLES_PER_PAGE) : rows;
  return { vehicles, nextAfter: hasMore ? vehicles[vehicles.length - 1].id : null };
}

/** The makes on offer, for the filter's select. */
export async function availableMakes(): Promise<string[]> {
  const rows = await db.vehicle.findMany({
    where: { status: "available" },
    distinct: ["make"],
    select: { make: true },
    orderBy: { make: "asc" },
  });
  return rows.map((r) => r.make);
}

/** Vehicles by id, in the order asked, skipping unknown ids. */
export async function vehiclesByIds(ids: number[]): Promise<PublicVehicle[]> {
  if (!ids.length) return [];
  const rows = await db.vehicle.findMany({ where: { id: { in: ids } }, select: publicVehicleSelect });
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
