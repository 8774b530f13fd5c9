import { expect, test, type Page } from "@playwright/test";
import { randomIp } from "./visitor";

// Runs in the js and no-js projects at the same time, on the database other specs share: each
// project signs in as its own pro, picks items that pro has not saved, and removes what it adds.

type Lot = { id: string; reference: string };
type Programme = { id: string; slug: string; name: string; ville: string; lots: Lot[] };

async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path, { headers: { accept: "application/json" } });
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

/** A programme with a lot, neither of them saved yet by the signed-in pro. */
async function pickUnsaved(page: Page): Promise<{ programme: Programme; lot: Lot }> {
  const favorites = await api<{ data: { programmeId: string | null; lotId: string | null }[] }>(page, "/pro/favorites");
  const saved = new Set(favorites.data.flatMap((f) => [f.programmeId, f.lotId]));
  const list = await api<{ data: { slug: string; id: string }[] }>(page, "/programmes");
  for (const card of list.data) {
    if (saved.has(card.id)) continue;
    const { data: programme } = await api<{ data: Programme }>(page, `/programmes/${card.slug}`);
    const lot = programme.lots.find((l) => !saved.has(l.id));
    if (lot) return { programme, lot };
  }
  throw new Error("no unsaved programme with a lot in the demo data");
}

test("a pro saves a programme and a lot, finds them in their favorites and removes them from both places", async ({
  page,
}, testInfo) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": randomIp() });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Resource failures are checked by URL below (the browser's own favicon request is not ours).
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      errors.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  const email = testInfo.project.name === "js" ? "promoteur@vitrine.test" : "agence@vitrine.test";

  // A visitor browses the programmes: filters by town, opens one, is invited to sign in to save.
  await page.goto("/programmes");
  await expect(page.getByRole("heading", { level: 1, name: "Programmes neufs", exact: true })).toBeVisible();
  await expect(page.getByText(/à partir de/).first()).toBeVisible();
  const { data: cards } = await api<{ data: { slug: string }[] }>(page, "/programmes");
  const { data: first } = await api<{ data: Programme }>(page, `/programmes/${cards[0]!.slug}`);
  await page.getByLabel("Ville").selectOption(first.ville);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await page.getByRole("link").filter({ hasText: first.name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: first.name })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Référence" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Sauvegarder/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Connectez-vous pour sauvegarder" }).click();
  // The programme page has its own "E-mail" field (the inquiry form): wait for the login page.
  await expect(page).toHaveURL(/\/login\?/);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("vitrine-demo");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(new RegExp(`/programmes/${first.slug}$`));

  // Signed in: save a programme and one of its lots from the programme page.
  const { programme, lot } = await pickUnsaved(page);
  await page.goto(`/programmes/${programme.slug}`);
  await page.getByRole("button", { name: `Sauvegarder le programme ${programme.name}` }).click();
  await expect(page.getByText("Programme ajouté à vos favoris")).toBeVisible();
  await expect(
    page.getByRole("button", { name: `Retirer le programme ${programme.name} de vos favoris` }),
  ).toBeVisible();

  const lotRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: lot.reference, exact: true }) });
  await lotRow.getByRole("button", { name: /Sauvegarder/ }).click();
  await expect(page.getByText("Lot ajouté à vos favoris")).toBeVisible();
  await expect(lotRow.getByRole("button", { name: /Retirer/ })).toBeVisible();

  // Both are in the favorites, the lot with a link to its programme.
  await page.goto("/pro/favorites");
  await expect(page.getByRole("heading", { name: "Mes favoris" })).toBeVisible();
  const lotItem = page.getByRole("listitem").filter({ hasText: `Lot ${lot.reference}` });
  const programmeItem = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: `Retirer le programme ${programme.name} de vos favoris` }) });
  await expect(lotItem).toBeVisible();
  await expect(lotItem.getByRole("link", { name: programme.name })).toHaveAttribute(
    "href",
    `/programmes/${programme.slug}`,
  );
  await expect(programmeItem).toBeVisible();

  // Remove the lot here…
  await lotItem.getByRole("button", { name: `Retirer le lot ${lot.reference} de vos favoris` }).click();
  await expect(page.getByText("Lot retiré de vos favoris")).toBeVisible();
  await expect(page).toHaveURL(/\/pro\/favorites\?notice=lot-retire$/);
  await expect(lotItem).toHaveCount(0);
  await expect(programmeItem).toBeVisible();

  // …and the programme from its own page, which then offers to save both again.
  await programmeItem.getByRole("link", { name: programme.name }).click();
  await expect(page).toHaveURL(new RegExp(`/programmes/${programme.slug}$`));
  await page.getByRole("button", { name: `Retirer le programme ${programme.name} de vos favoris` }).click();
  await expect(page.getByText("Programme retiré de vos favoris")).toBeVisible();
  await expect(page.getByRole("button", { name: `Sauvegarder le programme ${programme.name}` })).toBeVisible();
  await expect(lotRow.getByRole("button", { name: /Sauvegarder/ })).toBeVisible();

  const after = await api<{ data: { programmeId: string | null; lotId: string | null }[] }>(page, "/pro/favorites");
  expect(after.data.filter((f) => f.programmeId === programme.id || f.lotId === lot.id)).toEqual([]);
  expect(errors).toEqual([]);
});
