/**
 * A developer's side of programmes and lots: CRUD, status, computed prices. Ownership is in every
 * query (`where: { id, proId }`, a lot through its programme), so another developer's programme
 * or lot does not exist (404). Deleting a programme or a lot removes the favorites pointing at it
 * (foreign keys with ON DELETE CASCADE) and the programme's photo files.
 */
import type { Prisma } from "~/generated/prisma/client";
import { listPhotos, deleteWithPhotos } from "~/domain/photos/photos.server";
import { slugCandidate, slugify } from "~/domain/listings/slug";
import { db, prismaErrorCode } from "~/utils/db.server";
import { afterCursor, DomainError, pageOrder, toPage, type PageParams } from "~/utils/http.server";
import { invalidateProgrammes } from "./programmes.server";
import {
  programmeTransition,
  type CreateLotInput,
  type CreateProgrammeInput,
  type ProgrammeStatus,
  type UpdateLotInput,
  type UpdateProgrammeInput,
} from "./rules";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (id: string) => UUID.test(id);

const programmeNotFound = () => new DomainError("NOT_FOUND", "Programme not found");
const lotNotFound = () => new DomainError("NOT_FOUND", "Lot not found");

const lotSelect = {
  id: true,
  programmeId: true,
  reference: true,
  type: true,
  surface: true,
  price: true,
  status: true,
  isComplete: true,
  createdAt: true,
} satisfies Prisma.LotSelect;

const programmeSelect = {
  id: true,
  proId: true,
  slug: true,
  name: true,
  ville: true,
  postalCode: true,
  address: true,
  deliveryDate: true,
  status: true,
  prixMin: true,
  prixMax: true,
  description: true,
  responsibleMemberId: true,
  createdAt: true,
  updatedAt: true,
  photos: {
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, path: true, width: true, height: true },
  },
  lots: { orderBy: [{ reference: "asc" }, { id: "asc" }], select: lotSelect },
} satisfies Prisma.ProgrammeSelect;

type ProgrammeRow = Prisma.ProgrammeGetPayload<{ select: typeof programmeSelect }>;
export type LotRecord = Prisma.LotGetPayload<{ select: typeof lotSelect }>;

/** The JSON record: photos as paths (cover first), lots by reference. */
export function toApiProgramme(row: ProgrammeRow) {
  return { ...row, photos: row.photos.map((p) => p.path) };
}
export type ApiProgramme = ReturnType<typeof toApiProgramme>;

function invalidTransition(from: ProgrammeStatus, to: ProgrammeStatus) {
  return new DomainError("INVALID_TRANSITION", `Cannot change status from ${from} to ${to}`, [
    { field: "status", message: `Passage de « ${from} » à « ${to} » impossible.` },
  ]);
}

export async function listOwnProgrammes(proId: string, page: PageParams) {
  const rows = await db.programme.findMany({
    where: { proId, ...afterCursor(page.cursor) },
    orderBy: pageOrder,
    take: page.limit + 1,
    select: programmeSelect,
  });
  return toPage(rows, page.limit, toApiProgramme);
}

/** The developer's own programme as stored (photos with ids), or null. */
export function findOwnProgrammeRow(proId: string, id: string) {
  if (!isId(id)) return Promise.resolve(null);
  return db.programme.findFirst({ where: { id, proId }, select: programmeSelect });
}

export async function getOwnProgramme(proId: string, id: string) {
  const row = await findOwnProgrammeRow(proId, id);
  if (!row) throw programmeNotFound();
  return toApiProgramme(row);
}

/** Creates a programme (status draft unless given; "active" is the draft → active step). Slug from the name, unique. */
export async function createProgramme(proId: string, input: CreateProgrammeInput) {
  const status = input.status ?? "draft";
  if (programmeTransition("draft", status) === "invalid") throw invalidTransition("draft", status);
  const base = slugify(input.name);
  const taken = new Set(
    (
      await db.programme.findMany({ where: { slug: { gte: base, lt: `${base}\u{10FFFF}` } }, select: { slug: true } })
    ).map((p) => p.slug),
  );
  let attempt = 1;
  for (let tries = 0; tries < 5; tries++) {
    while (taken.has(slugCandidate(base, attempt))) attempt++;
    const slug = tries < 3 ? slugCandidate(base, attempt) : `${base}-${Math.random().toString(36).slice(2, 8)}`;
    try {
      const row = await db.programme.create({
        data: {
          proId,
          slug,
          name: input.name,
          ville: input.ville,
          postalCode: input.postalCode,
          description: input.description,
          address: input.address ?? null,
          deliveryDate: input.deliveryDate ?? null,
          status,
        },
        select: programmeSelect,
      });
      await invalidateProgrammes();
      return toApiProgramme(row);
    } catch (error) {
      if (prismaErrorCode(error) !== "P2002") throw error;
      taken.add(slug);
    }
  }
  throw new Error(`Could not find a free slug for ${base}`);
}

/** Writes the fields given; a status change must follow the diagram (checked and written in one statement). */
export async function updateProgramme(proId: string, id: string, input: UpdateProgrammeInput) {
  const existing = await findOwnProgrammeRow(proId, id);
  if (!existing) throw programmeNotFound();
  const { status, ...fields } = input;
  if (status && programmeTransition(existing.status, status) === "invalid") {
    throw invalidTransition(existing.status, status);
  }
  const { count } = await db.programme.updateMany({
    where: { id, proId, status: existing.status },
    data: { ...fields, ...(status ? { status } : {}), updatedAt: new Date() },
  });
  if (count === 0) {
    const now = await db.programme.findFirst({ where: { id, proId }, select: { status: true } });
    if (!now) throw programmeNotFound();
    throw invalidTransition(now.status, status ?? now.status);
  }
  await invalidateProgrammes();
  return getOwnProgramme(proId, id);
}

/** Deletes the programme, its lots, photos (rows and files) and every favorite pointing at them. Inquiries stay. */
export async function deleteProgramme(proId: string, id: string) {
  if (!isId(id)) throw programmeNotFound();
  // Another pro's (or an unknown) programme is a 404 before anything is touched.
  if (!(await db.programme.findFirst({ where: { id, proId }, select: { id: true } }))) throw programmeNotFound();
  const count = await deleteWithPhotos("programme", id, () => db.programme.deleteMany({ where: { id, proId } }));
  if (count === 0) throw programmeNotFound();
  await invalidateProgrammes();
}

/**
 * prixMin/prixMax from the lots, in one statement: two lot writes at once cannot leave a stale
 * range (each recomputation reads every committed lot).
 */
async function recomputePrices(programmeId: string) {
  await db.$executeRaw`
    UPDATE "Programme"
    SET "prixMin" = (SELECT MIN("price") FROM "Lot" WHERE "programmeId" = ${programmeId}),
        "prixMax" = (SELECT MAX("price") FROM "Lot" WHERE "programmeId" = ${programmeId}),
        "updatedAt" = ${new Date()}
    WHERE "id" = ${programmeId}`;
  await invalidateProgrammes();
}

function duplicateReference(reference: string) {
  return new DomainError("DUPLICATE", "A lot with this reference already exists in this programme", [
    { field: "reference", message: `La référence « ${reference} » existe déjà dans ce programme.` },
  ]);
}

export async function createLot(proId: string, programmeId: string, input: CreateLotInput) {
  const owned = isId(programmeId)
    ? await db.programme.findFirst({ where: { id: programmeId, proId }, select: { id: true } })
    : null;
  if (!owned) throw programmeNotFound();
  try {
    const lot = await db.lot.create({
      data: {
        programmeId,
        reference: input.reference,
        type: input.type,
        surface: input.surface,
        price: input.price,
        status: input.status ?? "disponible",
        isComplete: input.isComplete ?? false,
      },
      select: lotSelect,
    });
    await recomputePrices(programmeId);
    return lot;
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2002") throw duplicateReference(input.reference);
    if (code === "P2003") throw programmeNotFound();
    throw error;
  }
}

/** The developer's own lot (through its programme), or null. */
export function findOwnLot(proId: string, id: string) {
  if (!isId(id)) return Promise.resolve(null);
  return db.lot.findFirst({ where: { id, programme: { proId } }, select: lotSelect });
}

export async function updateLot(proId: string, id: string, input: UpdateLotInput) {
  const lot = await findOwnLot(proId, id);
  if (!lot) throw lotNotFound();
  try {
    await db.lot.updateMany({ where: { id, programme: { proId } }, data: input });
  } catch (error) {
    if (prismaErrorCode(error) === "P2002") throw duplicateReference(input.reference ?? lot.reference);
    throw error;
  }
  await recomputePrices(lot.programmeId);
  const updated = await findOwnLot(proId, id);
  if (!updated) throw lotNotFound();
  return updated;
}

/** Deletes the lot and the favorites pointing at it; the programme's prices follow. */
export async function deleteLot(proId: string, id: string) {
  const lot = await findOwnLot(proId, id);
  if (!lot) throw lotNotFound();
  const { count } = await db.lot.deleteMany({ where: { id, programme: { proId } } });
  if (count === 0) throw lotNotFound();
  await recomputePrices(lot.programmeId);
  return lot;
}

/** The programme's photos for the photo manager. */
export function programmePhotos(programmeId: string) {
  return listPhotos("programme", programmeId);
}
