import { expect, test, type Page } from "@playwright/test";
import { randomIp } from "./visitor";

// The e2e server runs with ANONYMITY_WINDOW_SECONDS=3 and TRUST_PROXY: each test is its own visitor.
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": randomIp() });
});

async function login(page: Page, email: string, password = "vitrine-demo") {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

test("a visitor picks vehicles, fixes the form's errors and sees the confirmation", async ({ page }, testInfo) => {
  const js = testInfo.project.name === "js";
  const email = `naledi.${unique()}@example.com`;

  await page.goto("/vehicles");
  await expect(page.getByRole("heading", { name: "Véhicules d’occasion" })).toBeVisible();
  // Filters are a plain GET form.
  await page.getByLabel("Marque").selectOption("Toyota");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/make=Toyota/);
  const cards = page.locator(".vehicle-card");
  await expect(cards.first()).toContainText("Toyota");
  await expect(page.locator(".vehicle-card", { hasNotText: "Toyota" })).toHaveCount(0);

  const boxes = page.locator('input[name="vehicleId"]');
  const picked = [await boxes.nth(0).getAttribute("value"), await boxes.nth(1).getAttribute("value")];
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  if (js) await expect(page.getByText("2 véhicules sélectionnés sur 4 maximum")).toBeVisible();
  await page.getByRole("button", { name: "Contacter les vendeurs" }).first().click();

  await expect(page).toHaveURL(new RegExp(`/vehicles/contact\\?vehicleId=${picked[0]}&vehicleId=${picked[1]}`));
  await expect(page.getByRole("heading", { name: "Contacter les vendeurs" })).toBeVisible();
  await expect(page.locator(".chosen-vehicles li")).toHaveCount(2);

  // First attempt: several mistakes, all reported at once, everything typed kept.
  await page.getByLabel("Nom complet").fill("José Müller-O'Neil");
  await page.getByLabel("Adresse e-mail").fill("invalid.email.com");
  await page.locator("#field-phone").fill("021 555 1234");
  await page.getByLabel("Province").selectOption("Western Cape");
  if (js) {
    // With JavaScript the city list follows the province.
    await expect(page.locator("#field-city optgroup")).toHaveCount(1);
    await expect(page.locator("#field-city optgroup")).toHaveAttribute("label", "Western Cape");
  } else {
    await expect(page.locator("#field-city optgroup")).toHaveCount(9);
  }
  await page.getByLabel("WhatsApp").check();
  await page.getByLabel("Commentaires (facultatif)").fill("Le carnet d’entretien est-il complet ?");
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();

  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Merci de corriger les 3 erreurs");
  await expect(page.locator("#field-email-error")).toHaveText("Indiquez une adresse e-mail valide.");
  await expect(page.locator("#field-phone-error")).toHaveText(
    "Le numéro doit commencer par l’indicatif du pays (par exemple +27).",
  );
  await expect(page.locator("#field-city-error")).toHaveText("Ce champ est obligatoire.");
  await expect(page.getByLabel("Nom complet")).toHaveValue("José Müller-O'Neil");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue("invalid.email.com");
  await expect(page.getByLabel("Province")).toHaveValue("Western Cape");
  await expect(page.getByLabel("WhatsApp")).toBeChecked();
  await expect(page.getByLabel("Commentaires (facultatif)")).toHaveValue("Le carnet d’entretien est-il complet ?");
  await expect(page.locator(".chosen-vehicles li")).toHaveCount(2);

  // Fixed: the request goes through.
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.locator("#field-phone").fill("+27 21 555 1234");
  await page.getByLabel("Ville").selectOption("Cape Town");
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();

  await expect(page).toHaveURL(/\/confirmation\?id=\d+$/);
  await expect(page.getByRole("heading", { name: "Merci pour votre demande" })).toBeVisible();
  await expect(page.getByText("Nous vous contacterons très bientôt via WhatsApp.")).toBeVisible();
  const recap = page.locator(".request-summary");
  await expect(recap).toContainText("José Müller-O'Neil");
  await expect(recap).toContainText(email);
  await expect(recap).toContainText("+27215551234");
  await expect(recap).toContainText("Cape Town, Western Cape");
  await expect(recap.locator(".vehicle-list li")).toHaveCount(2);

  // Another browser opening the same address sees nothing personal.
  const url = page.url();
  const stranger = await page.context().browser()!.newContext({ javaScriptEnabled: js });
  const other = await stranger.newPage();
  await other.goto(url);
  await expect(other.getByRole("heading", { name: "Merci pour votre demande" })).toBeVisible();
  await expect(other.locator("main")).not.toContainText(email);
  await expect(other.locator("main")).not.toContainText("Müller");
  await stranger.close();
});

test("a dealership sees a request only after the window and follows it up", async ({ page, request }) => {
  const letters = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  const name = `Sipho Dlamini-${letters}`;
  const email = `sipho.${unique()}@example.com`;
  const ip = randomIp();
  const body = (fullName: string, mail: string) => ({
    fullName,
    email: mail,
    phone: "+27 83 456 7890",
    province: "Gauteng",
    city: "Pretoria",
    preferredContactMethod: "phone",
    additionalComments: "Disponible le samedi matin.",
    selectedVehicles: [{ vehicleId: 12346 }],
  });

  // The lead the dealership will see, sent through the JSON API.
  const created = await request.post("/api/contact-requests", {
    data: body(name, email),
    headers: { "X-Forwarded-For": ip },
  });
  expect(created.status()).toBe(201);
  const { contactRequestId } = await created.json();

  await login(page, "garage@vitrine.test");
  await page.goto("/pro/contacts/vehicles");
  await expect(
    page.getByRole("navigation", { name: "Type de demandes" }).getByRole("link", { name: "Véhicules" }),
  ).toBeVisible();
  const card = page.locator(".lead-card", { hasText: name });
  // Invisible during the 3-second window, then there (reloading like a dealer would).
  await expect(async () => {
    await page.reload();
    await expect(card).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(card).toContainText(`demande n° ${contactRequestId}`);
  await expect(card).toContainText(email);
  await expect(card).toContainText("+27834567890");
  await expect(card).toContainText("Toyota RAV4");
  await expect(card).toContainText("Pretoria, Gauteng");
  await expect(card.locator(".badge")).toHaveText("Nouvelle demande");

  await card.getByRole("button", { name: "Marquer comme lu" }).click();
  await expect(card.locator(".badge")).toHaveText("Lu par le pro");
  await card.getByRole("button", { name: "Marquer comme répondu" }).click();
  await expect(card.locator(".badge")).toHaveText("Répondu");
  // No status move is left (reassigning the lead stays possible for the owner).
  await expect(card.getByRole("button", { name: /Marquer comme/ })).toHaveCount(0);
});
