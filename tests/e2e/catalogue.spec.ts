import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { randomIp } from "./visitor";

// Runs in both projects: "js" (JavaScript on) and "no-js" (native forms only).
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": randomIp() });
});

async function login(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("vitrine-demo");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

const photo = (color: string) =>
  sharp({ create: { width: 1600, height: 1000, channels: 3, background: color } })
    .jpeg()
    .toBuffer();

test("a dealership adds a car with photos and publishes it; a visitor selects it with another car across two pages", async ({
  page,
  browser,
}, testInfo) => {
  test.slow(); // two actors and a dozen page loads each
  const js = testInfo.project.name === "js";
  const model = `MX-5 ${unique()}`;
  await login(page, "garage@vitrine.test");
  await page.goto("/pro");
  // A dealership's navigation: its vehicles, no listings and no favorites.
  const nav = page.getByRole("navigation", { name: "Espace pro" });
  await expect(nav.getByRole("link", { name: "Mes annonces" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Favoris" })).toHaveCount(0);
  await nav.getByRole("link", { name: "Mes véhicules" }).click();
  await page.getByRole("link", { name: "Nouveau véhicule" }).click();

  // A first attempt with a mistake keeps what was typed and shows the error next to the field.
  await page.locator("#field-make").fill("Mazda");
  await page.locator("#field-model").fill(model);
  await page.locator("#field-year").fill("1930");
  await page.locator("#field-price").fill("289 900");
  await page.locator("#field-mileage").fill("35000");
  await page.locator("#field-fuel").selectOption("essence");
  await page.locator("#field-transmission").selectOption("manuelle");
  await page.locator("#field-province").selectOption("Western Cape");
  await page.locator("#field-city").selectOption("Stellenbosch");
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page.locator("#field-year-error")).toContainText("L’année doit être comprise entre 1950");
  await expect(page.locator("#field-model")).toHaveValue(model);
  await page.locator("#field-year").fill("2019");
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page.getByText("Brouillon créé.")).toBeVisible();

  await page.getByLabel("Ajouter des photos").setInputFiles([
    { name: "profil.jpg", mimeType: "image/jpeg", buffer: await photo("#b71c1c") },
    { name: "face.jpg", mimeType: "image/jpeg", buffer: await photo("#0d47a1") },
  ]);
  await page.getByRole("button", { name: "Envoyer les photos" }).click();
  await expect(page.getByText(js ? "2 photos ajoutées." : "Photos ajoutées.")).toBeVisible();
  await expect(page.locator(".photo-list li")).toHaveCount(2);
  await page.getByRole("button", { name: "Après (photo 1)" }).click();
  await expect(page.getByText("Ordre des photos modifié.")).toBeVisible();
  await page.getByRole("button", { name: "Publier le véhicule" }).click();
  await expect(page.getByText("Le véhicule est en ligne.")).toBeVisible();
  const id = page.url().match(/\/pro\/vehicles\/(\d+)/)![1];

  // A visitor finds it (newest first, on the first page) and selects it, then a car of page 2.
  const visitor = await browser.newPage({ javaScriptEnabled: js });
  await visitor.setExtraHTTPHeaders({ "X-Forwarded-For": randomIp() });
  await visitor.goto("/vehicles");
  await expect(visitor.getByRole("button", { name: "Contacter les vendeurs" })).toBeDisabled();
  await expect(visitor.getByText("Ajoutez au moins un véhicule à votre sélection")).toBeVisible();
  await expect(visitor.getByText(/^\d+ véhicules disponibles/)).toBeVisible();
  const card = visitor.locator(".vehicle-card", { hasText: model });
  await expect(card.locator("img")).toHaveAttribute("src", new RegExp(`/uploads/vehicles/${id}/`));
  await card.getByRole("link", { name: /Ajouter à ma sélection/ }).click();
  await expect(visitor).toHaveURL(new RegExp(`selected=${id}`));
  await visitor.getByRole("link", { name: "Page suivante →" }).click();
  await expect(visitor).toHaveURL(/page=2/);
  await expect(visitor.getByRole("heading", { name: "Ma sélection (1/4)" })).toBeVisible();
  const other = visitor.locator(".vehicle-card").first();
  const otherTitle = (await other.locator("h2").innerText()).trim();
  await other.getByRole("link", { name: /Ajouter à ma sélection/ }).click();
  await expect(visitor.getByRole("heading", { name: "Ma sélection (2/4)" })).toBeVisible();
  // Filtering keeps the selection too.
  await visitor.getByLabel("Trier par").selectOption("price-desc");
  await visitor.getByRole("button", { name: "Appliquer" }).click();
  await expect(visitor).toHaveURL(/sort=price-desc/);
  const selection = visitor.locator(".selection-list");
  await expect(selection).toContainText(`Mazda ${model}`);
  await expect(selection).toContainText(otherTitle);

  // The vehicle's own page, then the contact form with both cars.
  await visitor.goto(`/vehicles/${id}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(model);
  await expect(visitor.getByText("À voir à Stellenbosch, Western Cape")).toBeVisible();
  await visitor.goBack();
  await visitor.getByRole("link", { name: "Contacter les vendeurs (2)" }).click();
  await expect(visitor.locator(".chosen-vehicles li")).toHaveCount(2);
  await visitor.close();
});

test("a developer creates a programme with lots and a visitor asks for its documentation", async ({
  page,
  browser,
}, testInfo) => {
  test.slow(); // two actors and a dozen page loads each
  const js = testInfo.project.name === "js";
  const name = `Résidence Les Tilleuls ${unique()}`;
  await login(page, "promoteur@vitrine.test");
  await page.goto("/pro");
  await page.getByRole("navigation", { name: "Espace pro" }).getByRole("link", { name: "Mes programmes" }).click();
  await page.getByRole("link", { name: "Nouveau programme" }).click();
  await page.locator("#field-name").fill(name);
  await page.locator("#field-description").fill("Vingt logements du T2 au T4 autour d’un jardin, à 5 minutes du tram.");
  await page.locator("#field-ville").fill("Angers");
  await page.locator("#field-postalCode").fill("49000");
  await page.locator("#field-deliveryDate").fill("2028-T2");
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page.getByText("Brouillon créé.")).toBeVisible();

  const addLot = async (reference: string, type: string, surface: string, price: string) => {
    await page.locator("#field-lot-new-reference").fill(reference);
    await page.locator("#field-lot-new-type").selectOption(type);
    await page.locator("#field-lot-new-surface").fill(surface);
    await page.locator("#field-lot-new-price").fill(price);
    await page.getByRole("button", { name: "Ajouter le lot" }).click();
    await expect(page.getByText("Lot ajouté.")).toBeVisible();
  };
  await addLot("A01", "T2", "43,5", "189 000");
  await addLot("B12", "T4", "86", "342000");
  // Prices come from the lots.
  await expect(page.getByText(/de 189\s000\s€ à 342\s000\s€/)).toBeVisible();
  // A duplicate reference is refused next to the field, what was typed is kept.
  await page.locator("#field-lot-new-reference").fill("A01");
  await page.locator("#field-lot-new-type").selectOption("T3");
  await page.locator("#field-lot-new-surface").fill("60");
  await page.locator("#field-lot-new-price").fill("250000");
  await page.getByRole("button", { name: "Ajouter le lot" }).click();
  await expect(page.locator("#field-lot-new-reference-error")).toContainText("existe déjà");
  await expect(page.locator("#field-lot-new-price")).toHaveValue("250000");

  await page.getByRole("button", { name: "Publier le programme" }).click();
  await expect(page.getByText("Le programme est en ligne.")).toBeVisible();
  const publicPath = await page.getByRole("link", { name: /^\/programmes\// }).getAttribute("href");

  const visitor = await browser.newPage({ javaScriptEnabled: js });
  await visitor.setExtraHTTPHeaders({ "X-Forwarded-For": randomIp() });
  await visitor.goto(publicPath!);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(name);
  const form = visitor.locator("#documentation");
  await form.getByLabel("Lot qui vous intéresse (facultatif)").selectOption({ label: "B12 — T4" });
  // Each project (JavaScript on and off) writes to the same inbox: one sender name each.
  const sender = js ? "Inès Caron" : "Inès Carpentier";
  await form.getByLabel("Nom").fill(sender);
  await form.getByLabel("E-mail").fill(`ines.${unique()}@example.com`);
  await form.getByLabel("Message").fill("Pouvez-vous m’envoyer le plan du T4 et la notice descriptive ?");
  await form.getByRole("button", { name: "Recevoir la documentation" }).click();
  await expect(visitor.getByText("Votre demande a bien été envoyée.")).toBeVisible();
  await visitor.close();

  // It lands in the developer's inbox with the programme and the lot.
  await page.goto("/pro/contacts");
  const row = page.locator("tr", { hasText: sender }).first();
  await expect(row).toContainText(name);
  await expect(row).toContainText("lot B12");
});
