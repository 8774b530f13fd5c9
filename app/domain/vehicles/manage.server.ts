/**
 * A dealership's side of its vehicles: CRUD and status. Ownership is in every query
 * (`where: { id, proId }`), so another dealership's vehicle does not exist (404). Deleting a
 * vehicle removes its photo files; the leads that named it keep their copied make, model, year and
 * price (their vehicle reference is set to null).
 */
import type { Prisma } from "~/generated/prisma/client";
import { deleteWithPhotos } from "~/domain/photos/photos.server";
import { invalidate } from "~/utils/cache.server";
import { db } from "~/utils/db.server";
import { DomainError, fieldIssues, pageOrder, toPage, type FieldIssue, type PageParams } from "~/utils/http.server";
import { provincesWithCities } from "./catalog.server";
import {
  CreateVehicleSchema,
  vehicleTransition,
  type CreateVehicleInput,
  type UpdateVehicleInput,
  type VehicleStatus,
} from "./rules";
import { matchKey } from "./validation";

const notFound = () => new DomainError("NOT_FOUND", "Vehicle not found");

/** A vehicle id from a URL: a positive integer, else null (a 404, never a 500). */
export function parseVehicleKey(raw: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

const vehicleSelect = {
  id: true,
  proId: true,
  make: true,
  model: true,
  year: true,
  price: true,
  mileage: true,
  description: true,
  fuel: true,
  transmission: true,
  colour: true,
  province: true,
  city: true,
  status: true,
  responsibleMemberId: true,
  createdAt: true,
  updatedAt: true,
  photos: {
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, path: true, width: true, height: true },
  },
} satisfies Prisma.VehicleSelect;

type VehicleRow = Prisma.VehicleGetPayload<{ select: typeof vehicleSelect }>;

/** The JSON record: photos as paths relative to UPLOADS_DIR, cover first. */
export function toApiVehicle(row: VehicleRow) {
  return { ...row, photos: row.photos.map((p) => p.path) };
}
export type ApiVehicle = ReturnType<typeof toApiVehicle>;

function changed() {
  return invalidate("vehicles:");
}

function invalidTransition(from: VehicleStatus, to: VehicleStatus) {
  return new DomainError("INVALID_TRANSITION", `Cannot change status from ${from} to ${to}`, [
    { field: "status", message: `Passage de « ${from} » à « ${to} » impossible.` },
  ]);
}

/** Rows strictly after the cursor in (createdAt DESC, id DESC) order; vehicle ids are integers. */
function afterVehicleCursor(cursor: PageParams["cursor"]): Prisma.VehicleWhereInput {
  if (!cursor) return {};
  const id = parseVehicleKey(cursor.id);
  if (id === null) {
    throw new DomainError("VALIDATION_ERROR", "Invalid pagination parameters", [
      { field: "cursor", message: "cursor is invalid" },
    ]);
  }
  return {
    createdAt: { lte: cursor.createdAt },
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: id } }],
  };
}

export async function listOwnVehicles(proId: string, page: PageParams) {
  const rows = await db.vehicle.findMany({
    where: { proId, ...afterVehicleCursor(page.cursor) },
    orderBy: pageOrder,
    take: page.limit + 1,
    select: vehicleSelect,
  });
  return toPage(rows, page.limit, toApiVehicle);
}

/** The dealership's own vehicle as stored (photos with ids), or null for anything else. */
export function findOwnVehicleRow(proId: string, rawId: string) {
  const id = parseVehicleKey(rawId);
  if (id === null) return Promise.resolve(null);
  return db.vehicle.findFirst({ where: { id, proId }, select: vehicleSelect });
}

export async function getOwnVehicle(proId: string, rawId: string) {
  const row = await findOwnVehicleRow(proId, rawId);
  if (!row) throw notFound();
  return toApiVehicle(row);
}

/**
 * Province and city with seed 004's rules: case-insensitive, replaced by the canonical names, the
 * city inside the province.
 */
async function resolveLocation(province: string, city: string) {
  const provinces = await provincesWithCities();
  const issues: FieldIssue[] = [];
  const foundProvince = provinces.find((p) => matchKey(p.name) === matchKey(province));
  if (!foundProvince) issues.push({ field: "province", message: "Choisissez une province de la liste." });
  const foundCity = foundProvince?.cities.find((c) => matchKey(c) === matchKey(city));
  if (foundProvince && !foundCity) {
    issues.push({ field: "city", message: "Choisissez une ville de la province sélectionnée." });
  }
  return { issues, province: foundProvince?.name ?? province, city: foundCity ?? city };
}

/**
 * Validates a creation body: the field rules and, for the province and city that were given, the
 * master data — every error at once, so a form shows them all after one submit.
 */
export async function parseNewVehicle(body: Record<string, unknown>): Promise<CreateVehicleInput> {
  const parsed = CreateVehicleSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = fieldIssues(parsed.error);
  const { province, city } = body;
  if (typeof province === "string" && typeof city === "string" && province.trim() && city.trim()) {
    const location = await resolveLocation(province, city);
    issues.push(...location.issues.filter((i) => !issues.some((j) => j.field === i.field)));
  }
  throw validationError(issues);
}

function validationError(details: FieldIssue[]) {
  return new DomainError("VALIDATION_ERROR", "Invalid vehicle", details);
}

/** Creates a vehicle (status draft unless given; "active" is the draft → active step). */
export async function createVehicle(proId: string, input: CreateVehicleInput) {
  const status = input.status ?? "draft";
  if (vehicleTransition("draft", status) === "invalid") throw invalidTransition("draft", status);
  const location = await resolveLocation(input.province, input.city);
  if (location.issues.length) throw validationError(location.issues);
  const row = await db.vehicle.create({
    data: {
      proId,
      make: input.make,
      model: input.model,
      year: input.year,
      price: input.price,
      mileage: input.mileage,
      fuel: input.fuel,
      transmission: input.transmission,
      colour: input.colour ?? null,
      description: input.description ?? null,
      province: location.province,
      city: location.city,
      status,
    },
    select: vehicleSelect,
  });
  await changed();
  return toApiVehicle(row);
}

/** Writes the fields given; a status change must follow the diagram (checked and written in one statement). */
export async function updateVehicle(proId: string, rawId: string, input: UpdateVehicleInput) {
  const existing = await findOwnVehicleRow(proId, rawId);
  if (!existing) throw notFound();
  const { status, province, city, ...fields } = input;
  if (status && vehicleTransition(existing.status, status) === "invalid") {
    throw invalidTransition(existing.status, status);
  }
  const data: Prisma.VehicleUpdateManyMutationInput = { ...fields, updatedAt: new Date() };
  if (province !== undefined || city !== undefined) {
    const location = await resolveLocation(province ?? existing.province ?? "", city ?? existing.city ?? "");
    if (location.issues.length) throw validationError(location.issues);
    data.province = location.province;
    data.city = location.city;
  }
  if (status) data.status = status;
  const { count } = await db.vehicle.updateMany({ where: { id: existing.id, proId, status: existing.status }, data });
  if (count === 0) {
    const now = await db.vehicle.findFirst({ where: { id: existing.id, proId }, select: { status: true } });
    if (!now) throw notFound();
    throw invalidTransition(now.status, status ?? now.status);
  }
  await changed();
  return getOwnVehicle(proId, rawId);
}

/** Deletes the vehicle and its photos (rows and files); leads keep their copied vehicle details. */
export async function deleteVehicle(proId: string, rawId: string) {
  const id = parseVehicleKey(rawId);
  if (id === null) throw notFound();
  // Another pro's (or an unknown) vehicle is a 404 before anything is touched.
  if (!(await db.vehicle.findFirst({ where: { id, proId }, select: { id: true } }))) throw notFound();
  const count = await deleteWithPhotos("vehicle", id, () => db.vehicle.deleteMany({ where: { id, proId } }));
  if (count === 0) throw notFound();
  await changed();
}
