import { db, prismaErrorCode, isCheckViolation } from "~/utils/db.server";
import { DomainError } from "~/utils/http.server";
import type { FavoriteTarget } from "./target";

export { parseFavoriteTarget, type FavoriteTarget } from "./target";

/** A saved programme or lot as the API and the pages show it (seed 003: the other side is null). */
export type Favorite = {
  id: string;
  proId: string;
  programmeId: string | null;
  lotId: string | null;
  createdAt: string;
  programme: {
    id: string;
    slug: string;
    name: string;
    ville: string;
    prixMin: number | null;
    prixMax: number | null;
    photos: string[];
  } | null;
  lot: {
    id: string;
    reference: string;
    type: string;
    surface: number;
    price: number;
    status: "disponible" | "reserve" | "vendu";
    isComplete: boolean;
    programme: { name: string; slug: string };
  } | null;
};

const favoriteSelect = {
  id: true,
  proId: true,
  programmeId: true,
  lotId: true,
  createdAt: true,
  programme: {
    select: {
      id: true,
      slug: true,
      name: true,
      ville: true,
      prixMin: true,
      prixMax: true,
      photos: { orderBy: { position: "asc" }, select: { path: true } },
    },
  },
  lot: {
    select: {
      id: true,
      reference: true,
      type: true,
      surface: true,
      price: true,
      status: true,
      isComplete: true,
      programme: { select: { name: true, slug: true } },
    },
  },
} as const;

type FavoriteRow = Awaited<ReturnType<typeof findRows>>[number];
const findRows = (where: { proId: string; id?: string }) =>
  db.proFavorite.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: favoriteSelect });

function toFavorite(row: FavoriteRow): Favorite {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    programme: row.programme ? { ...row.programme, photos: row.programme.photos.map((p) => p.path) } : null,
  };
}

/** All of a pro's favorites, newest first. */
export async function listFavorites(proId: string): Promise<Favorite[]> {
  return (await findRows({ proId })).map(toFavorite);
}

/** One of the pro's own favorites; another pro's or an unknown id is NOT_FOUND. */
export async function getFavorite(proId: string, id: string): Promise<Favorite> {
  const [row] = await findRows({ proId, id });
  if (!row) throw new DomainError("NOT_FOUND", "Favorite not found");
  return toFavorite(row);
}

/**
 * Saves a programme or a lot. The database is the judge: its unique indexes catch duplicates
 * (also two identical requests racing each other) and its foreign keys catch unknown targets,
 * so there is no check-then-insert window.
 */
export async function addFavorite(proId: string, target: FavoriteTarget): Promise<Favorite> {
  try {
    const row = await db.proFavorite.create({
      data: { proId, programmeId: target.programmeId ?? null, lotId: target.lotId ?? null },
      select: favoriteSelect,
    });
    return toFavorite(row);
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2002") throw new DomainError("DUPLICATE", "Already in favorites");
    // Seed 003 maps the foreign-key failure to 400 NOT_FOUND (the request, not the URL, is wrong).
    if (code === "P2003") {
      throw new DomainError("NOT_FOUND", target.programmeId ? "Programme not found" : "Lot not found", undefined, 400);
    }
    // The CHECK constraint (exactly one target), in either database's words.
    if (isCheckViolation(error)) {
      throw new DomainError("INVALID_FAVORITE", "Provide exactly one of programmeId or lotId");
    }
    throw error;
  }
}

/** Removes one of the pro's favorites; says which kind it was (for the confirmation message). */
export async function removeFavorite(proId: string, id: string): Promise<{ kind: "programme" | "lot" }> {
  const favorite = await db.proFavorite.findFirst({ where: { id, proId }, select: { programmeId: true } });
  if (!favorite) throw new DomainError("NOT_FOUND", "Favorite not found");
  // Ownership stays in the delete too; a concurrent removal leaves nothing to delete.
  const { count } = await db.proFavorite.deleteMany({ where: { id, proId } });
  if (!count) throw new DomainError("NOT_FOUND", "Favorite not found");
  return { kind: favorite.programmeId ? "programme" : "lot" };
}

/** Which of a programme and its lots the pro has saved: target id → favorite id. */
export async function savedInProgramme(proId: string, programmeId: string, lotIds: string[]) {
  const rows = await db.proFavorite.findMany({
    where: { proId, OR: [{ programmeId }, { lotId: { in: lotIds } }] },
    select: { id: true, programmeId: true, lotId: true },
  });
  const lots: Record<string, string> = {};
  let programme: string | null = null;
  for (const row of rows) {
    if (row.programmeId) programme = row.id;
    else if (row.lotId) lots[row.lotId] = row.id;
  }
  return { programme, lots };
}
