import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { randomIp } from "./visitor";

/**
 * Property inquiries in a browser, with JavaScript on and off (seeds 001 and 000): a visitor writes
 * to the pro from a property page, and agence@vitrine.test works its inbox. Every test creates its
 * own listing and inquiries and never counts the shared inbox.
 */
const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": randomIp() });
});

/** An API client signed in as the demo agency (its own cookies, its own client address). */
async function agencyApi(baseURL: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { Origin: baseURL, "X-Forwarded-For": randomIp() },
  });
  const login = await api.post("/login", {
    form: { email: "agence@vitrine.test", password: "vitrine-demo" },
    maxRedirects: 0,
  });
  expect(login.status()).toBe(302);
  return api;
}

async function createActiveProperty(api: APIRequestContext, title: string) {
  const res = await api.post("/pro/properties", {
    headers: { Accept: "application/json" },
    data: {
      title,
      type: "appartement",
      transactionType: "vente",
      city: "Nantes",
      postalCode: "44000",
      price: 245000,
      status: "active",
    },
  });
  expect(res.status()).toBe(201);
  const { data } = await res.json();
  return data as { id: string; slug: string; title: string };
}

async function inquiriesOf(api: APIRequestContext, propertyId: string) {
  const res = await api.get("/pro/contact-requests?limit=100", { headers: { Accept: "application/json" } });
  expect(res.status()).toBe(200);
  const { data } = await res.json();
  return (data as { id: string; propertyId: string; senderName: string; status: string }[]).filter(
    (i) => i.propertyId === propertyId,
  );
}

async function login(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("vitrine-demo");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}

test("a visitor contacts the pro from a property page: inline errors keep the input, then a confirmation; bots see the same", async ({
  page,
  baseURL,
}, testInfo) => {
  const api = await agencyApi(baseURL!);
  const property = await createActiveProperty(api, `T3 lumineux ${testInfo.project.name} ${tag()}`);
  const name = `Léa Martin ${tag()}`;

  await page.goto(`/properties/${property.slug}`);
  const contact = page.locator("#contact");
  await expect(contact.getByRole("heading", { name: "Contacter le professionnel" })).toBeVisible();

  await contact.getByLabel("Nom", { exact: true }).fill("L");
  await contact.getByLabel("E-mail").fill("pas-une-adresse");
  await contact.getByLabel("Téléphone (facultatif)").fill("06 12");
  await contact.getByLabel("Message").fill("Bonjour");
  await contact.getByRole("button", { name: "Envoyer ma demande" }).click();

  await expect(contact.getByText("Votre nom doit contenir au moins 2 caractères.").first()).toBeVisible();
  await expect(
    contact.getByText("Indiquez une adresse e-mail valide (par exemple nom@exemple.fr).").first(),
  ).toBeVisible();
  await expect(contact.getByText("Le numéro de téléphone doit compter entre 6 et 20 chiffres.").first()).toBeVisible();
  await expect(contact.getByText("Votre message doit contenir au moins 10 caractères.").first()).toBeVisible();
  await expect(contact.getByRole("alert").first()).toContainText("Merci de corriger les 4 erreurs");
  await expect(contact.getByLabel("E-mail")).toHaveValue("pas-une-adresse");
  await expect(contact.getByLabel("Téléphone (facultatif)")).toHaveValue("06 12");
  await expect(contact.getByLabel("Message")).toHaveValue("Bonjour");
  expect(await inquiriesOf(api, property.id)).toHaveLength(0);

  await contact.getByLabel("Nom", { exact: true }).fill(name);
  await contact.getByLabel("E-mail").fill("lea.martin@example.fr");
  await contact.getByLabel("Téléphone (facultatif)").fill("06 12 34 56 78");
  await contact.getByLabel("Message").fill("Bonjour, je souhaiterais visiter ce T3 samedi matin. Merci !");
  await contact.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(contact.getByText("Votre demande a bien été envoyée.")).toBeVisible();
  await expect(contact.getByRole("button", { name: "Envoyer ma demande" })).toHaveCount(0);

  // A bot fills the hidden honeypot: same confirmation, nothing stored.
  await page.goto(`/properties/${property.slug}`);
  await expect(contact.locator('input[name="website"]')).toHaveAttribute("tabindex", "-1");
  await contact.getByLabel("Nom", { exact: true }).fill("Robot Spammeur");
  await contact.getByLabel("E-mail").fill("robot@spam.example");
  await contact.getByLabel("Message").fill("Achetez nos services de référencement !");
  await contact.locator('input[name="website"]').fill("http://spam.example", { force: true });
  await contact.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(contact.getByText("Votre demande a bien été envoyée.")).toBeVisible();

  const stored = await inquiriesOf(api, property.id);
  expect(stored.map((i) => i.senderName)).toEqual([name]);
  expect(stored[0].status).toBe("new_request");

  // Three submissions so far from this address; the limit is 5 a minute, the 6th gets a polite refusal.
  for (let attempt = 4; attempt <= 6; attempt++) {
    await page.goto(`/properties/${property.slug}`);
    await contact.getByRole("button", { name: "Envoyer ma demande" }).click();
    if (attempt < 6) await expect(contact.getByText("Indiquez votre nom.").first()).toBeVisible();
  }
  await expect(contact.getByText("Trop de demandes envoyées en peu de temps.")).toBeVisible();
  await api.dispose();
});

test("the pro filters the inbox, pages through it, and moves inquiries from new to read to replied", async ({
  page,
  baseURL,
}, testInfo) => {
  const api = await agencyApi(baseURL!);
  const property = await createActiveProperty(api, `Maison avec jardin ${testInfo.project.name} ${tag()}`);
  const suffix = tag();
  const names = [`Alice Aubert ${suffix}`, `Bruno Blanc ${suffix}`, `Chloé Caron ${suffix}`];
  for (const senderName of names) {
    const res = await api.post("/contact-requests", {
      headers: { Accept: "application/json", "X-Forwarded-For": randomIp() },
      data: {
        propertyId: property.id,
        senderName,
        senderEmail: `${senderName
          .split(" ")[0]
          .normalize("NFD")
          .replace(/[^a-z]/gi, "")
          .toLowerCase()}.${suffix}@example.fr`,
        message: `Bonjour, je suis intéressé par la maison. ${senderName}`,
      },
    });
    expect(res.status()).toBe(201);
  }
  const [alice, bruno, chloe] = names;
  const row = (name: string) => page.locator("tbody tr").filter({ hasText: name });

  await login(page, "agence@vitrine.test");
  await page
    .getByRole("navigation", { name: "Espace professionnel" })
    .getByRole("link", { name: /Demandes/ })
    .click();
  await expect(page).toHaveURL(/\/pro\/contacts$/);
  await expect(page.getByRole("link", { name: "Biens" })).toHaveAttribute("aria-current", "page");

  // Filter: only new requests.
  await page
    .getByRole("navigation", { name: "Filtrer par statut" })
    .getByRole("link", { name: "Nouvelle demande" })
    .click();
  await expect(page).toHaveURL(/status=new_request/);
  for (const name of names) await expect(row(name)).toBeVisible();
  await expect(row(alice).locator(".badge")).toHaveText("Nouvelle demande");
  await expect(row(alice).getByRole("link", { name: property.title })).toBeVisible();
  const badges = await page.locator("tbody .badge").allTextContents();
  expect(new Set(badges)).toEqual(new Set(["Nouvelle demande"]));

  // Pages of two, newest first: Chloé and Bruno, then Alice on the older page, filter kept.
  await page.goto("/pro/contacts?status=new_request&limit=2");
  const firstPage = await page
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-inquiry-id")));
  expect(firstPage).toHaveLength(2);
  await page.getByRole("link", { name: "Plus anciennes" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page).toHaveURL(/status=new_request/);
  // With JavaScript the URL changes before the new rows render: wait for the older page itself.
  await expect(page.getByRole("link", { name: "Plus récentes" })).toBeVisible();
  const secondPage = await page
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-inquiry-id")));
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);

  // new → read with the row button; it leaves the "new" filter and shows under "Lu par le pro".
  await page.goto("/pro/contacts?status=new_request");
  await row(alice).getByRole("button", { name: "Marquer comme lu" }).click();
  await expect(row(alice)).toHaveCount(0);
  await expect(page).toHaveURL(/status=new_request/);
  await page
    .getByRole("navigation", { name: "Filtrer par statut" })
    .getByRole("link", { name: "Lu par le pro" })
    .click();
  await expect(row(alice).locator(".badge")).toHaveText("Lu par le pro");
  await expect(row(alice).getByRole("button", { name: "Marquer comme lu" })).toHaveCount(0);

  // new → replied directly from the row.
  await page.goto("/pro/contacts?status=new_request");
  await row(chloe).getByRole("button", { name: "Marquer comme répondu" }).click();
  await expect(row(chloe)).toHaveCount(0);

  // Opening a detail marks it read; it shows the full message, the sender, the reply form and a
  // link to answer with the pro's own mail application.
  await row(bruno).getByRole("link", { name: /Voir/ }).click();
  await expect(page.getByRole("heading", { name: `Demande de ${bruno}` })).toBeVisible();
  await expect(page.locator(".inquiry-detail .badge")).toHaveText("Lu par le pro");
  await expect(page.getByText(`Bonjour, je suis intéressé par la maison. ${bruno}`)).toBeVisible();
  await expect(page.getByLabel("Votre réponse")).toBeVisible();
  const reply = page.getByRole("link", { name: "Répondre avec ma messagerie" });
  await expect(reply).toHaveAttribute(
    "href",
    `mailto:bruno.${suffix}@example.fr?subject=${encodeURIComponent(`Votre demande : ${property.title}`)}`,
  );
  await page.getByRole("button", { name: "Marquer comme répondu" }).click();
  await expect(page.locator(".inquiry-detail .badge")).toHaveText("Répondu");
  await expect(page.getByRole("button", { name: /Marquer comme/ })).toHaveCount(0);

  const statuses = Object.fromEntries((await inquiriesOf(api, property.id)).map((i) => [i.senderName, i.status]));
  expect(statuses).toEqual({ [alice]: "read", [bruno]: "replied", [chloe]: "replied" });

  // Another pro cannot open it.
  const brunoInquiry = (await inquiriesOf(api, property.id)).find((i) => i.senderName === bruno)!;
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  // Signed out once the page says so: navigating away earlier would cancel the sign-out.
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await login(page, "promoteur@vitrine.test");
  const other = await page.goto(`/pro/contacts/${brunoInquiry.id}`);
  expect(other?.status()).toBe(404);
  await expect(page.getByText("Demande introuvable")).toBeVisible();
  await api.dispose();
});
