import type { PrismaClient } from "~/generated/prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../helpers/client";
import { openTestDb } from "../helpers/db";
import { startServer, type TestServer } from "../helpers/server";

type ProgrammeCard = { id: string; slug: string; name: string; ville: string; prixMin: number; prixMax: number };
type Lot = {
  id: string;
  reference: string;
  type: string;
  surface: number;
  price: number;
  status: string;
  isComplete: boolean;
};
type Programme = ProgrammeCard & { photos: string[]; description: string; lots: Lot[] };

const UNKNOWN = "3f2b8c4e-9d1a-4c6b-8e2f-7a5d4c3b2a10";

let server: TestServer;
/** A second client on the server's own database file, to look at the rows behind the answers. */
let serverDb: PrismaClient;
let promoteur: Client;
let agence: Client;
let programmes: Programme[];

const favoriteRows = (where: { id?: string | { in: string[] }; lotId?: string } = {}) =>
  serverDb.proFavorite.count({ where });

async function post(client: Client, body: unknown) {
  return client.json("/pro/favorites", { method: "POST", json: body });
}

beforeAll(async () => {
  server = await startServer({ seed: "demo" });
  serverDb = openTestDb(server.env.DATABASE_URL);
  promoteur = new Client(server.baseUrl);
  await promoteur.login("promoteur@vitrine.test");
  agence = new Client(server.baseUrl);
  await agence.login("agence@vitrine.test");

  const list = await (await fetch(`${server.baseUrl}/programmes`, { headers: { accept: "application/json" } })).json();
  programmes = [];
  for (const card of list.data as ProgrammeCard[]) {
    const detail = await fetch(`${server.baseUrl}/programmes/${card.slug}`, {
      headers: { accept: "application/json" },
    });
    programmes.push((await detail.json()).data);
  }
  programmes = programmes.filter((p) => p.lots.length >= 2);
  expect(programmes.length).toBeGreaterThanOrEqual(2);

  // Start both pros from an empty list, whatever the demo data saved for them.
  for (const client of [promoteur, agence]) {
    const { data } = await (await client.json("/pro/favorites")).json();
    for (const { id } of data) await client.json(`/pro/favorites/${id}`, { method: "DELETE" });
  }
});

/** The text as React writes it into HTML. */
const html = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");

afterAll(async () => {
  await serverDb?.$disconnect();
  await server?.stop();
});

describe("GET/POST/DELETE /pro/favorites (seed 003)", () => {
  it("saves a programme and a lot, lists them newest first with their summaries, and removes them", async () => {
    const [programme, other] = programmes as [Programme, Programme];
    const lot = other.lots[0]!;

    const empty = await promoteur.json("/pro/favorites");
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ data: [] });

    const savedProgramme = await post(promoteur, { programmeId: programme.id });
    expect(savedProgramme.status).toBe(201);
    const programmeFavorite = (await savedProgramme.json()).data;
    expect(programmeFavorite).toEqual({
      id: expect.any(String),
      proId: expect.any(String),
      programmeId: programme.id,
      lotId: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      programme: {
        id: programme.id,
        slug: programme.slug,
        name: programme.name,
        ville: programme.ville,
        prixMin: programme.prixMin,
        prixMax: programme.prixMax,
        photos: programme.photos,
      },
      lot: null,
    });
    expect(Array.isArray(programmeFavorite.programme.photos)).toBe(true);

    await new Promise((r) => setTimeout(r, 5));
    const savedLot = await post(promoteur, { lotId: lot.id });
    expect(savedLot.status).toBe(201);
    const lotFavorite = (await savedLot.json()).data;
    expect(lotFavorite).toMatchObject({
      programmeId: null,
      lotId: lot.id,
      programme: null,
      lot: {
        id: lot.id,
        type: lot.type,
        surface: lot.surface,
        price: lot.price,
        status: lot.status,
        isComplete: lot.isComplete,
        programme: { name: other.name, slug: other.slug },
      },
    });

    const listed = await (await promoteur.json("/pro/favorites")).json();
    expect(listed.data.map((f: { id: string }) => f.id)).toEqual([lotFavorite.id, programmeFavorite.id]);
    expect(listed.data[0]).toEqual(lotFavorite);

    const one = await promoteur.json(`/pro/favorites/${lotFavorite.id}`);
    expect(await one.json()).toEqual({ data: lotFavorite });

    for (const id of [lotFavorite.id, programmeFavorite.id]) {
      const removed = await promoteur.json(`/pro/favorites/${id}`, { method: "DELETE" });
      expect(removed.status).toBe(200);
      expect(await removed.json()).toEqual({ success: true });
    }
    expect(await (await promoteur.json("/pro/favorites")).json()).toEqual({ data: [] });
    const again = await promoteur.json(`/pro/favorites/${lotFavorite.id}`, { method: "DELETE" });
    expect(again.status).toBe(404);
    expect((await again.json()).error.code).toBe("NOT_FOUND");
  });

  it("refuses bad bodies with the SPEC's status and code and stores nothing", async () => {
    const [programme] = programmes as [Programme];
    const lot = programme.lots[0]!;
    const before = await favoriteRows();
    const cases: [unknown, number, string, string?][] = [
      [{ programmeId: programme.id, lotId: lot.id }, 400, "INVALID_FAVORITE"],
      [{}, 400, "INVALID_FAVORITE"],
      [{ programmeId: null, lotId: null }, 400, "INVALID_FAVORITE"],
      [{ programmeId: "42" }, 400, "VALIDATION_ERROR", "programmeId"],
      [{ lotId: "not-a-uuid" }, 400, "VALIDATION_ERROR", "lotId"],
      [{ lotId: 12 }, 400, "VALIDATION_ERROR", "lotId"],
      [{ programmeId: programme.id, note: "à revoir" }, 400, "VALIDATION_ERROR", "note"],
      [{ programmeId: programme.id, proId: UNKNOWN }, 400, "VALIDATION_ERROR", "proId"],
      [[programme.id], 400, "VALIDATION_ERROR"],
      [{ programmeId: UNKNOWN }, 400, "NOT_FOUND"],
      [{ lotId: UNKNOWN }, 400, "NOT_FOUND"],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await post(promoteur, body);
      expect({ body, status: res.status }).toEqual({ body, status });
      const error = (await res.json()).error;
      expect({ body, code: error.code }).toEqual({ body, code });
      expect(typeof error.message).toBe("string");
      if (field) expect(error.details).toContainEqual({ field, message: expect.any(String) });
    }
    const notJson = await promoteur.fetch("/pro/favorites", {
      method: "POST",
      body: "{programmeId:",
      headers: { "content-type": "application/json", accept: "application/json" },
    });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe("VALIDATION_ERROR");
    expect(await favoriteRows()).toBe(before);
  });

  it("answers 409 DUPLICATE for an existing favorite, also to the second of two identical adds at once", async () => {
    const lot = programmes[1]!.lots[1]!;
    const responses = await Promise.all([post(promoteur, { lotId: lot.id }), post(promoteur, { lotId: lot.id })]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(bodies).toContainEqual({ error: { code: "DUPLICATE", message: "Already in favorites" } });
    expect(await favoriteRows({ lotId: lot.id })).toBe(1);

    const third = await post(promoteur, { lotId: lot.id });
    expect(third.status).toBe(409);
    expect((await third.json()).error.code).toBe("DUPLICATE");
    expect(await favoriteRows({ lotId: lot.id })).toBe(1);

    // The same programme saved by another pro is theirs, not a duplicate.
    const programme = programmes[1]!;
    const mine = await post(promoteur, { programmeId: programme.id });
    const theirs = await post(agence, { programmeId: programme.id });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    for (const [client, res] of [
      [promoteur, mine],
      [agence, theirs],
    ] as const) {
      await client.json(`/pro/favorites/${(await res.json()).data.id}`, { method: "DELETE" });
    }
    const saved = bodies.find((b) => "data" in b).data;
    await promoteur.json(`/pro/favorites/${saved.id}`, { method: "DELETE" });
  });

  it("has the database refuse a favorite with both targets or none (CHECK constraint)", async () => {
    const programme = programmes[0]!;
    const { id: proId } = await serverDb.pro.findUniqueOrThrow({ where: { email: "promoteur@vitrine.test" } });
    const insert = (programmeId: string | null, lotId: string | null) =>
      serverDb.$executeRaw`INSERT INTO "ProFavorite" ("id", "proId", "programmeId", "lotId") VALUES (${crypto.randomUUID()}, ${proId}, ${programmeId}, ${lotId})`;
    await expect(insert(programme.id, programme.lots[0]!.id)).rejects.toThrow(
      /CHECK constraint failed|violates check constraint/,
    );
    await expect(insert(null, null)).rejects.toThrow(/CHECK constraint failed|violates check constraint/);
  });

  it("keeps a favorite private to its pro: another pro gets 404 and the row stays", async () => {
    const created = await post(promoteur, { programmeId: programmes[0]!.id });
    const favorite = (await created.json()).data;

    const deleted = await agence.json(`/pro/favorites/${favorite.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(404);
    expect(await deleted.json()).toEqual({ error: { code: "NOT_FOUND", message: "Favorite not found" } });
    // A DELETE without an Accept header still gets JSON.
    const bare = await agence.fetch(`/pro/favorites/${favorite.id}`, { method: "DELETE" });
    expect(bare.status).toBe(404);
    expect((await bare.json()).error.code).toBe("NOT_FOUND");
    const read = await agence.json(`/pro/favorites/${favorite.id}`);
    expect(read.status).toBe(404);
    const list = await (await agence.json("/pro/favorites")).json();
    expect(list.data.map((f: { id: string }) => f.id)).not.toContain(favorite.id);
    expect(await favoriteRows({ id: favorite.id })).toBe(1);

    const unknown = await promoteur.json(`/pro/favorites/${UNKNOWN}`, { method: "DELETE" });
    expect(unknown.status).toBe(404);
    const junk = await promoteur.json(`/pro/favorites/pas-un-id`, { method: "DELETE" });
    expect(junk.status).toBe(404);

    expect((await promoteur.json(`/pro/favorites/${favorite.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await favoriteRows({ id: favorite.id })).toBe(0);
  });

  it("answers 401 without a session and 403 CNI_REQUIRED to an unverified pro", async () => {
    const anonymous = new Client(server.baseUrl);
    const nouveau = new Client(server.baseUrl);
    await nouveau.login("nouveau@vitrine.test");
    const before = await favoriteRows();
    for (const [client, status, code] of [
      [anonymous, 401, "UNAUTHORIZED"],
      [nouveau, 403, "CNI_REQUIRED"],
    ] as const) {
      const list = await client.json("/pro/favorites");
      const add = await post(client, { programmeId: programmes[0]!.id });
      const remove = await client.fetch(`/pro/favorites/${UNKNOWN}`, { method: "DELETE" });
      for (const res of [list, add, remove]) {
        expect(res.status).toBe(status);
        expect((await res.json()).error.code).toBe(code);
      }
    }
    expect(await favoriteRows()).toBe(before);
    // Pages send them to sign in, or to the identity check.
    expect((await anonymous.fetch("/pro/favorites")).headers.get("location")).toBe(
      "/login?redirectTo=%2Fpro%2Ffavorites",
    );
    expect((await nouveau.fetch("/pro/favorites")).headers.get("location")).toBe("/pro/identity");
  });
});

describe("programme pages and their Sauvegarder / Retirer forms", () => {
  it("lists programmes with filters and shows a programme with its lots; an unknown one is a 404", async () => {
    const [programme] = programmes as [Programme];
    const all = await (await fetch(`${server.baseUrl}/programmes`)).text();
    expect(all).toContain("Programmes neufs");
    for (const p of programmes) expect(all).toContain(html(p.name));
    expect(all).toContain("à partir de");

    const byTown = await (
      await fetch(`${server.baseUrl}/programmes?ville=${encodeURIComponent(programme.ville)}`, {
        headers: { accept: "application/json" },
      })
    ).json();
    expect(byTown.data.length).toBeGreaterThan(0);
    expect(byTown.data.every((p: ProgrammeCard) => p.ville === programme.ville)).toBe(true);

    const budget = await (
      await fetch(`${server.baseUrl}/programmes?prixMin=${programme.prixMax}&prixMax=${programme.prixMax + 1}`, {
        headers: { accept: "application/json" },
      })
    ).json();
    expect(budget.data.map((p: ProgrammeCard) => p.id)).toContain(programme.id);
    for (const p of budget.data as ProgrammeCard[]) {
      expect(p.prixMax).toBeGreaterThanOrEqual(programme.prixMax);
      expect(p.prixMin).toBeLessThanOrEqual(programme.prixMax + 1);
    }
    const tooLow = await (
      await fetch(`${server.baseUrl}/programmes?prixMax=1`, { headers: { accept: "application/json" } })
    ).json();
    expect(tooLow.data).toEqual([]);
    const badPrice = await (await fetch(`${server.baseUrl}/programmes?prixMin=beaucoup`)).text();
    expect(badPrice).toContain("Indiquez un montant en euros, sans décimales.");

    const page = await (await fetch(`${server.baseUrl}/programmes/${programme.slug}`)).text();
    expect(page).toContain("Référence");
    for (const lot of programme.lots) expect(page).toContain(html(lot.reference));
    expect(page).toMatch(/Dossier complet|Incomplet/);
    expect(page).toMatch(/Disponible|Réservé|Vendu/);
    // Visitors get a sign-in link instead of the buttons.
    expect(page).toContain("Connectez-vous pour sauvegarder");
    expect(page).not.toContain("Sauvegarder");

    const missing = await fetch(`${server.baseUrl}/programmes/programme-qui-n-existe-pas`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Page introuvable");
  });

  it("saves and removes with native form posts that come back with a confirmation", async () => {
    const programme = programmes[0]!;
    const lot = programme.lots[1]!;
    const path = `/programmes/${programme.slug}`;
    const form = (fields: Record<string, string>) => agence.form(path, fields);

    const before = await (await agence.fetch(path)).text();
    expect(before).toContain("Sauvegarder");

    const saved = await form({ intent: "save-programme", programmeId: programme.id });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`${path}?notice=programme-ajoute`);
    expect(await (await agence.fetch(saved.headers.get("location")!)).text()).toContain(
      "Programme ajouté à vos favoris",
    );

    const savedLot = await form({ intent: "save-lot", lotId: lot.id });
    expect(savedLot.headers.get("location")).toBe(`${path}?notice=lot-ajoute`);
    const twice = await form({ intent: "save-lot", lotId: lot.id });
    expect(twice.headers.get("location")).toBe(`${path}?notice=deja-favori`);

    const favorites = (await (await agence.json("/pro/favorites")).json()).data as {
      id: string;
      lotId: string | null;
      programmeId: string | null;
    }[];
    const lotFavorite = favorites.find((f) => f.lotId === lot.id)!;
    const programmeFavorite = favorites.find((f) => f.programmeId === programme.id)!;

    const after = await (await agence.fetch(path)).text();
    expect(after).toContain(`value="${lotFavorite.id}"`);
    expect(after).toContain(`le lot ${html(lot.reference)} de vos favoris`);

    const favoritesPage = await (await agence.fetch("/pro/favorites")).text();
    expect(favoritesPage).toContain(html(lot.reference));
    expect(favoritesPage).toContain(`href="${path}"`);

    // Retirer from the programme page, and from /pro/favorites (the form fallback of DELETE).
    const removedLot = await form({ intent: "remove", favoriteId: lotFavorite.id });
    expect(removedLot.headers.get("location")).toBe(`${path}?notice=lot-retire`);
    const removedProgramme = await agence.form(`/pro/favorites/${programmeFavorite.id}`, { intent: "remove" });
    expect(removedProgramme.headers.get("location")).toBe("/pro/favorites?notice=programme-retire");
    expect(await (await agence.fetch("/pro/favorites?notice=programme-retire")).text()).toContain(
      "Programme retiré de vos favoris",
    );
    expect(await favoriteRows({ id: { in: [lotFavorite.id, programmeFavorite.id] } })).toBe(0);

    // Another pro's favorite cannot be removed through the page either.
    const mine = (await (await post(promoteur, { lotId: lot.id })).json()).data;
    const refused = await form({ intent: "remove", favoriteId: mine.id });
    expect(refused.headers.get("location")).toBe(`${path}?notice=favori-introuvable`);
    expect(await favoriteRows({ id: mine.id })).toBe(1);
    await promoteur.json(`/pro/favorites/${mine.id}`, { method: "DELETE" });

    // A plain form post to /pro/favorites saves too and comes back to the list.
    const fromList = await agence.form("/pro/favorites", { programmeId: programme.id });
    expect(fromList.headers.get("location")).toBe("/pro/favorites?notice=programme-ajoute");
    const listed = (await (await agence.json("/pro/favorites")).json()).data as {
      id: string;
      programmeId: string | null;
    }[];
    const added = listed.find((f) => f.programmeId === programme.id)!;
    expect((await agence.form("/pro/favorites", { programmeId: programme.id })).headers.get("location")).toBe(
      "/pro/favorites?notice=deja-favori",
    );
    expect((await agence.json(`/pro/favorites/${added.id}`, { method: "DELETE" })).status).toBe(200);

    // Signed out, the form post leads to the login page and saves nothing.
    const anonymous = await new Client(server.baseUrl).form(path, {
      intent: "save-programme",
      programmeId: programme.id,
    });
    expect(anonymous.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
  });
});
