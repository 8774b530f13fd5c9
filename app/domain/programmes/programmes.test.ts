import { beforeAll, describe, expect, it } from "vitest";
import { db, dbReady } from "~/utils/db.server";
import {
  getProgrammeBySlug,
  invalidateProgrammes,
  listProgrammes,
  listProgrammeVilles,
  parseProgrammeFilters,
  PROGRAMMES_PAGE_SIZE,
} from "./programmes.server";

const filtersOf = (query: string) => parseProgrammeFilters(new URL(`http://x/programmes?${query}`));

describe("parseProgrammeFilters", () => {
  it("reads ville and a price range, tolerating spaces and the euro sign", () => {
    expect(filtersOf("ville=Lyon&prixMin=200+000&prixMax=350000€").filters).toEqual({
      ville: "Lyon",
      prixMin: 200_000,
      prixMax: 350_000,
    });
    expect(filtersOf("ville=&prixMin=").filters).toEqual({});
  });

  it("reports bad values per field and leaves them out of the search", () => {
    const bad = filtersOf("prixMin=abc&prixMax=12");
    expect(bad.filters).toEqual({ prixMax: 12 });
    expect(bad.errors.prixMin).toEqual(["Indiquez un montant en euros, sans décimales."]);
    const reversed = filtersOf("prixMin=500000&prixMax=100000");
    expect(reversed.filters).toEqual({ prixMin: 500_000 });
    expect(reversed.errors.prixMax?.[0]).toContain("supérieur ou égal");
    expect(reversed.values).toEqual({ ville: "", prixMin: "500000", prixMax: "100000" });
  });
});

describe("programmes in the database", () => {
  beforeAll(async () => {
    await dbReady;
    const pro = await db.pro.create({
      data: {
        email: "prog@example.fr",
        name: "N",
        companyName: "Bâtir Ensemble",
        kind: "developer",
      },
    });
    const rows = [
      { slug: "quai-ouest", name: "Quai Ouest", ville: "Nantes", prixMin: 180_000, prixMax: 320_000 },
      { slug: "clos-des-vignes", name: "Clos des Vignes", ville: "Bordeaux", prixMin: 300_000, prixMax: 650_000 },
      { slug: "parc-monplaisir", name: "Parc Monplaisir", ville: "Lyon", prixMin: 240_000, prixMax: 410_000 },
    ];
    for (const [i, row] of rows.entries()) {
      await db.programme.create({
        data: {
          ...row,
          proId: pro.id,
          status: "active",
          description: "Résidence neuve.",
          createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
        },
      });
    }
  });

  it("filters by ville and by price-range overlap, newest first", async () => {
    const names = async (query: string) =>
      (await listProgrammes(filtersOf(query).filters, null)).data.map((p) => p.name);
    expect(await names("")).toEqual(["Parc Monplaisir", "Clos des Vignes", "Quai Ouest"]);
    expect(await names("ville=Lyon")).toEqual(["Parc Monplaisir"]);
    // Budget 100k–200k overlaps only Quai Ouest (from 180k).
    expect(await names("prixMin=100000&prixMax=200000")).toEqual(["Quai Ouest"]);
    // Budget from 500k overlaps only Clos des Vignes (up to 650k).
    expect(await names("prixMin=500000")).toEqual(["Clos des Vignes"]);
    expect(await names("prixMax=250000")).toEqual(["Parc Monplaisir", "Quai Ouest"]);
    expect(await listProgrammeVilles()).toEqual(["Bordeaux", "Lyon", "Nantes"]);
  });

  it("pages through the list with a cursor", async () => {
    const pro = await db.pro.findUniqueOrThrow({ where: { email: "prog@example.fr" } });
    for (let i = 0; i < PROGRAMMES_PAGE_SIZE; i++) {
      await db.programme.create({
        data: {
          proId: pro.id,
          slug: `residence-${i}`,
          name: `Résidence ${i}`,
          ville: "Rennes",
          prixMin: 200_000,
          prixMax: 300_000,
          status: "active",
          description: "Résidence neuve.",
          createdAt: new Date(Date.UTC(2025, 0, 1 + i)),
        },
      });
    }
    // New programmes show on the cached first page once invalidated.
    await invalidateProgrammes();
    const first = await listProgrammes({ ville: "Rennes" }, null);
    expect(first.data).toHaveLength(PROGRAMMES_PAGE_SIZE);
    expect(first.hasMore).toBe(false);
    const all = await listProgrammes({}, null);
    expect(all.hasMore).toBe(true);
    const second = await listProgrammes({}, filtersOf(`cursor=${all.cursor.next}`).cursor);
    const seen = [...all.data, ...second.data].map((p) => p.slug);
    expect(new Set(seen).size).toBe(PROGRAMMES_PAGE_SIZE + 3);
    expect(second.hasMore).toBe(false);
    await db.programme.deleteMany({ where: { ville: "Rennes" } });
    await invalidateProgrammes();
  });

  it("serves a programme from the cache until it is invalidated", async () => {
    const first = await getProgrammeBySlug("quai-ouest");
    expect(first).toMatchObject({ name: "Quai Ouest", developer: "Bâtir Ensemble", lots: [], photos: [] });
    await db.programme.update({ where: { slug: "quai-ouest" }, data: { name: "Quai Ouest II" } });
    expect((await getProgrammeBySlug("quai-ouest"))?.name).toBe("Quai Ouest");
    await invalidateProgrammes();
    expect((await getProgrammeBySlug("quai-ouest"))?.name).toBe("Quai Ouest II");
    expect(await getProgrammeBySlug("nulle-part")).toBeNull();
    expect(await getProgrammeBySlug("../etc/passwd")).toBeNull();
  });

  it("shows only active programmes to the public", async () => {
    await db.programme.update({ where: { slug: "clos-des-vignes" }, data: { status: "draft" } });
    await invalidateProgrammes();
    expect(await getProgrammeBySlug("clos-des-vignes")).toBeNull();
    expect((await listProgrammes({}, null)).data.map((p) => p.slug)).not.toContain("clos-des-vignes");
    await db.programme.update({ where: { slug: "clos-des-vignes" }, data: { status: "active" } });
    await invalidateProgrammes();
    expect(await getProgrammeBySlug("clos-des-vignes")).not.toBeNull();
  });
});
