import { z } from "zod";
import { db } from "~/utils/db.server";
import { afterCursor, decodeCursor, pageOrder, toPage, type Cursor } from "~/utils/http.server";
import { cached, invalidate } from "~/utils/cache.server";

const photoOrder = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

// ---- Public list with filters.

export const PROGRAMMES_PAGE_SIZE = 12;

const price = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s€]/g, ""))
  .pipe(z.union([z.literal(""), z.string().regex(/^\d{1,10}$/, "Indiquez un montant en euros, sans décimales.")]))
  .transform((v) => (v === "" ? undefined : Number(v)));

const filtersSchema = z.object({
  ville: z
    .string()
    .trim()
    .max(100, "Ville trop longue.")
    .transform((v) => v || undefined),
  prixMin: price,
  prixMax: price,
});

export type ProgrammeFilters = { ville?: string; prixMin?: number; prixMax?: number };
export type ProgrammeFilterValues = { ville: string; prixMin: string; prixMax: string };

/**
 * Reads `?ville=&prixMin=&prixMax=` from the URL. An invalid value is reported for its field and
 * left out of the search, so the page still lists something useful.
 */
export function parseProgrammeFilters(url: URL) {
  const values: ProgrammeFilterValues = {
    ville: url.searchParams.get("ville") ?? "",
    prixMin: url.searchParams.get("prixMin") ?? "",
    prixMax: url.searchParams.get("prixMax") ?? "",
  };
  const filters: ProgrammeFilters = {};
  const errors: Record<string, string[]> = {};
  for (const field of ["ville", "prixMin", "prixMax"] as const) {
    const parsed = filtersSchema.shape[field].safeParse(values[field]);
    if (parsed.success) {
      if (parsed.data !== undefined) (filters as Record<string, unknown>)[field] = parsed.data;
    } else {
      errors[field] = [parsed.error.issues[0]?.message ?? "Valeur invalide."];
    }
  }
  if (filters.prixMin !== undefined && filters.prixMax !== undefined && filters.prixMin > filters.prixMax) {
    errors.prixMax = ["Le prix maximum doit être supérieur ou égal au prix minimum."];
    delete filters.prixMax;
  }
  const rawCursor = url.searchParams.get("cursor");
  const cursor = rawCursor ? decodeCursor(rawCursor) : null;
  return { values, filters, errors, cursor };
}

export type ProgrammeCard = {
  id: string;
  slug: string;
  name: string;
  ville: string;
  prixMin: number | null;
  prixMax: number | null;
  photo: string | null;
  lotCount: number;
  createdAt: string;
};

const cardSelect = {
  id: true,
  slug: true,
  name: true,
  ville: true,
  prixMin: true,
  prixMax: true,
  photos: { orderBy: photoOrder, take: 1, select: { path: true } },
  createdAt: true,
  _count: { select: { lots: true } },
} as const;

async function queryProgrammes(filters: ProgrammeFilters, cursor: Cursor | null) {
  const rows = await db.programme.findMany({
    where: {
      status: "active",
      ...(filters.ville ? { ville: filters.ville } : {}),
      // A programme matches a budget when its price range overlaps it.
      ...(filters.prixMin !== undefined ? { prixMax: { gte: filters.prixMin } } : {}),
      ...(filters.prixMax !== undefined ? { prixMin: { lte: filters.prixMax } } : {}),
      ...afterCursor(cursor),
    },
    orderBy: pageOrder,
    take: PROGRAMMES_PAGE_SIZE + 1,
    select: cardSelect,
  });
  return toPage(rows, PROGRAMMES_PAGE_SIZE, (row): ProgrammeCard => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    ville: row.ville,
    prixMin: row.prixMin,
    prixMax: row.prixMax,
    photo: row.photos[0]?.path ?? null,
    lotCount: row._count.lots,
    createdAt: row.createdAt.toISOString(),
  }));
}

// invalidateProgrammes() makes a change visible at once on every instance (utils/cache.server.ts).
const TTL_MS = 60_000;
const SWR_MS = 60_000;
const PREFIX = "programmes:";
const FIRST_PAGE_KEY = `${PREFIX}first-page`;
const VILLES_KEY = `${PREFIX}villes`;
const slugKey = (slug: string) => `${PREFIX}slug:${slug}`;
const SITEMAP_KEY = `${PREFIX}sitemap`;
const fromCache = <T>(key: string, getFreshValue: () => Promise<T>) =>
  cached({ key, ttl: TTL_MS, swr: SWR_MS, getFreshValue });

/** Newest first. The unfiltered first page — what most visitors open — is served from the cache. */
export function listProgrammes(filters: ProgrammeFilters, cursor: Cursor | null) {
  const unfiltered = filters.ville === undefined && filters.prixMin === undefined && filters.prixMax === undefined;
  if (unfiltered && !cursor) return fromCache(FIRST_PAGE_KEY, () => queryProgrammes({}, null));
  return queryProgrammes(filters, cursor);
}

/** The towns that have a programme, for the filter's select. */
export function listProgrammeVilles(): Promise<string[]> {
  return fromCache(VILLES_KEY, async () => {
    const rows = await db.programme.findMany({
      where: { status: "active" },
      distinct: ["ville"],
      select: { ville: true },
      orderBy: { ville: "asc" },
    });
    return rows.map((r) => r.ville);
  });
}

// ---- One programme with its lots.

export type LotRow = {
  id: string;
  reference: string;
  type: string;
  surface: number;
  price: number;
  status: "disponible" | "reserve" | "vendu";
  isComplete: boolean;
};

export type ProgrammeDetail = {
  id: string;
  slug: string;
  name: string;
  ville: string;
  postalCode: string;
  address: string | null;
  deliveryDate: string | null;
  prixMin: number | null;
  prixMax: number | null;
  photos: string[];
  description: string;
  developer: string;
  lots: LotRow[];
};

const SLUG = /^[A-Z0-9][\w-]*$/i;

export async function getProgrammeBySlug(slug: string): Promise<ProgrammeDetail | null> {
  // Only well-formed slugs reach the cache, so junk URLs cannot fill it.
  if (slug.length > 200 || !SLUG.test(slug)) return null;
  return fromCache(slugKey(slug), async () => {
    const row = await db.programme.findFirst({
      where: { slug, status: "active" },
      select: {
        id: true,
        slug: true,
        name: true,
        ville: true,
        postalCode: true,
        address: true,
        deliveryDate: true,
        prixMin: true,
        prixMax: true,
        photos: { orderBy: photoOrder, select: { path: true } },
        description: true,
        pro: { select: { companyName: true } },
        lots: {
          orderBy: [{ reference: "asc" }, { id: "asc" }],
          select: { id: true, reference: true, type: true, surface: true, price: true, status: true, isComplete: true },
        },
      },
    });
    if (!row) return null;
    const { pro, photos, ...rest } = row;
    return { ...rest, photos: photos.map((p) => p.path), developer: pro.companyName };
  });
}

/**
 * Call after writing a programme, its lots or its photos. Its page, the first page of the list and
 * the towns share one namespace: a single bump outdates them on every instance.
 */
export async function invalidateProgrammes(): Promise<void> {
  await invalidate(PREFIX);
}

/** Every programme's address and last change, for sitemap.xml (same namespace: invalidated with them). */
export function programmesForSitemap() {
  return cached({
    key: SITEMAP_KEY,
    ttl: 10 * 60_000,
    // Only what the public may see: drafts and archived programmes stay out of search engines.
    getFreshValue: () =>
      db.programme.findMany({
        where: { status: "active" },
        orderBy: pageOrder,
        select: { slug: true, updatedAt: true },
      }),
  });
}
