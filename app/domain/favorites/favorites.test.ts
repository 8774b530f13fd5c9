import { beforeAll, describe, expect, it } from "vitest";
import { db, dbReady } from "~/utils/db.server";
import { DomainError } from "~/utils/http.server";
import { addFavorite, getFavorite, listFavorites, removeFavorite, savedInProgramme } from "./favorites.server";
import { parseFavoriteTarget } from "./target";

const UUID = "8b0d3c1e-4f4e-4d47-9a53-0c0f5f1b2a10";

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => new Error("expected a DomainError"),
    (e: unknown) => e,
  );
  if (error instanceof DomainError) return error;
  throw error;
}

describe("parseFavoriteTarget", () => {
  it("accepts exactly one of programmeId or lotId, null counting as absent", () => {
    expect(parseFavoriteTarget({ programmeId: UUID })).toEqual({ programmeId: UUID });
    expect(parseFavoriteTarget({ lotId: UUID })).toEqual({ lotId: UUID });
    expect(parseFavoriteTarget({ programmeId: null, lotId: UUID })).toEqual({ lotId: UUID });
  });

  it("answers INVALID_FAVORITE for both or neither", () => {
    for (const body of [{ programmeId: UUID, lotId: UUID }, {}, { programmeId: null, lotId: null }]) {
      const error = domainError(() => parseFavoriteTarget(body));
      expect(error.code).toBe("INVALID_FAVORITE");
      expect(error.status).toBe(400);
    }
  });

  it("answers VALIDATION_ERROR for malformed ids, extra fields and non-objects", () => {
    const malformed = domainError(() => parseFavoriteTarget({ programmeId: "12" }));
    expect(malformed.code).toBe("VALIDATION_ERROR");
    expect(malformed.details).toEqual([{ field: "programmeId", message: "programmeId must be a UUID" }]);

    const numeric = domainError(() => parseFavoriteTarget({ lotId: 42 }));
    expect(numeric.details?.[0]?.field).toBe("lotId");

    const extra = domainError(() => parseFavoriteTarget({ programmeId: UUID, proId: UUID, note: "x" }));
    expect(extra.code).toBe("VALIDATION_ERROR");
    expect(extra.details).toEqual([
      { field: "proId", message: "Unknown field" },
      { field: "note", message: "Unknown field" },
    ]);

    for (const body of [null, [], "programmeId", 3]) {
      expect(domainError(() => parseFavoriteTarget(body)).code).toBe("VALIDATION_ERROR");
    }
  });
});

describe("favorites in the database", () => {
  let pro: { id: string };
  let other: { id: string };
  let programme: { id: string; slug: string };
  let lots: { id: string }[];

  beforeAll(async () => {
    await dbReady;
    const makePro = (email: string) =>
      db.pro.create({
        data: {
          email,
          name: "N",
          companyName: "C",
          kind: "developer",
          identityStatus: "verified",
          members: { create: { email, passwordHash: "x", name: "N", role: "owner" } },
        },
      });
    pro = await makePro("fav-pro@example.fr");
    other = await makePro("fav-other@example.fr");
    programme = await db.programme.create({
      data: {
        proId: other.id,
        slug: "les-terrasses-du-parc",
        name: "Les Terrasses du Parc",
        ville: "Lyon",
        prixMin: 210_000,
        prixMax: 480_000,
        photos: {
          create: ["programmes/x/1.webp", "programmes/x/2.webp"].map((path, position) => ({
            path,
            position,
            width: 1200,
            height: 800,
          })),
        },
        description: "Résidence de 24 logements.",
      },
    });
    lots = await Promise.all(
      ["A01", "A02", "A03"].map((reference, i) =>
        db.lot.create({
          data: {
            programmeId: programme.id,
            reference,
            type: "T3",
            surface: 64.5,
            price: 250_000 + i,
            isComplete: i === 0,
          },
        }),
      ),
    );
  });

  it("adds a programme and a lot and lists them newest first with their summaries", async () => {
    const saved = await addFavorite(pro.id, { programmeId: programme.id });
    expect(saved).toMatchObject({
      proId: pro.id,
      programmeId: programme.id,
      lotId: null,
      lot: null,
      programme: {
        id: programme.id,
        slug: "les-terrasses-du-parc",
        name: "Les Terrasses du Parc",
        ville: "Lyon",
        prixMin: 210_000,
        prixMax: 480_000,
        photos: ["programmes/x/1.webp", "programmes/x/2.webp"],
      },
    });
    await new Promise((r) => setTimeout(r, 5));
    const lot = await addFavorite(pro.id, { lotId: lots[0]!.id });
    expect(lot).toMatchObject({
      programmeId: null,
      programme: null,
      lot: {
        id: lots[0]!.id,
        reference: "A01",
        type: "T3",
        surface: 64.5,
        price: 250_000,
        status: "disponible",
        isComplete: true,
        programme: { name: "Les Terrasses du Parc", slug: "les-terrasses-du-parc" },
      },
    });

    const list = await listFavorites(pro.id);
    expect(list.map((f) => f.id)).toEqual([lot.id, saved.id]);
    expect(await listFavorites(other.id)).toEqual([]);
    expect((await getFavorite(pro.id, lot.id)).id).toBe(lot.id);
    expect((await domainErrorOf(getFavorite(other.id, lot.id))).code).toBe("NOT_FOUND");

    expect(
      await savedInProgramme(
        pro.id,
        programme.id,
        lots.map((l) => l.id),
      ),
    ).toEqual({
      programme: saved.id,
      lots: { [lots[0]!.id]: lot.id },
    });
  });

  it("turns a duplicate into DUPLICATE, also when two identical adds race", async () => {
    const error = await domainErrorOf(addFavorite(pro.id, { programmeId: programme.id }));
    expect(error.code).toBe("DUPLICATE");
    expect(error.message).toBe("Already in favorites");
    expect(error.status).toBe(409);

    const results = await Promise.allSettled([
      addFavorite(pro.id, { lotId: lots[1]!.id }),
      addFavorite(pro.id, { lotId: lots[1]!.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DomainError);
    expect(rejected.reason.code).toBe("DUPLICATE");
    expect(await db.proFavorite.count({ where: { proId: pro.id, lotId: lots[1]!.id } })).toBe(1);
  });

  it("answers 400 NOT_FOUND for an unknown programme or lot and stores nothing", async () => {
    const before = await db.proFavorite.count();
    const programmeError = await domainErrorOf(addFavorite(pro.id, { programmeId: UUID }));
    expect([programmeError.code, programmeError.status, programmeError.message]).toEqual([
      "NOT_FOUND",
      400,
      "Programme not found",
    ]);
    const lotError = await domainErrorOf(addFavorite(pro.id, { lotId: UUID }));
    expect([lotError.code, lotError.status, lotError.message]).toEqual(["NOT_FOUND", 400, "Lot not found"]);
    expect(await db.proFavorite.count()).toBe(before);
  });

  it("lets the database refuse a row with both or no targets (CHECK constraint)", async () => {
    // SQLite's and PostgreSQL's wording of the same refusal.
    const CHECK_VIOLATION = /CHECK constraint failed|violates check constraint "ProFavorite_exactly_one_target"/;
    const insert = (programmeId: string | null, lotId: string | null) =>
      db.$executeRaw`INSERT INTO "ProFavorite" ("id", "proId", "programmeId", "lotId") VALUES (${crypto.randomUUID()}, ${pro.id}, ${programmeId}, ${lotId})`;
    await expect(insert(programme.id, lots[2]!.id)).rejects.toThrow(CHECK_VIOLATION);
    await expect(insert(null, null)).rejects.toThrow(CHECK_VIOLATION);
    // Through the domain the same refusal is an INVALID_FAVORITE, never a 500.
    const error = await domainErrorOf(
      addFavorite(pro.id, { programmeId: programme.id, lotId: lots[2]!.id } as unknown as { programmeId: string }),
    );
    expect(error.code).toBe("INVALID_FAVORITE");
  });

  it("removes only the pro's own favorite", async () => {
    const favorite = await addFavorite(pro.id, { lotId: lots[2]!.id });
    expect((await domainErrorOf(removeFavorite(other.id, favorite.id))).code).toBe("NOT_FOUND");
    expect(await db.proFavorite.count({ where: { id: favorite.id } })).toBe(1);
    expect(await removeFavorite(pro.id, favorite.id)).toEqual({ kind: "lot" });
    expect(await db.proFavorite.count({ where: { id: favorite.id } })).toBe(0);
    expect((await domainErrorOf(removeFavorite(pro.id, favorite.id))).code).toBe("NOT_FOUND");
    expect((await domainErrorOf(removeFavorite(pro.id, "not-a-uuid"))).code).toBe("NOT_FOUND");
  });
});
