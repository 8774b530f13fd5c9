import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { randomIp } from "./visitor";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": randomIp() });
});

async function login(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("vitrine-demo");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/pro/);
}

async function photo(color: string) {
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
}

test("a pro publishes a listing with photos, a visitor finds it, then it is sold and deleted", async ({
  page,
  browser,
}, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const title = `Loft avec terrasse ${stamp}`;
  const city = `Vitrineville-${stamp}`;

  await login(page, "agence@vitrine.test");
  await page.goto("/pro/properties");
  await expect(page.getByRole("heading", { name: "Mes annonces" })).toBeVisible();
  await page.getByRole("link", { name: "Nouvelle annonce" }).click();
  await expect(page.getByRole("heading", { name: "Nouvelle annonce" })).toBeVisible();

  // Errors are shown inline in French, and what was typed stays.
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Code postal").fill("123");
  await page.getByLabel("Prix (€)").fill("beaucoup");
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page.getByText("Choisissez le type de bien.").first()).toBeVisible();
  await expect(page.getByText("Le code postal doit comporter 5 chiffres.").first()).toBeVisible();
  await expect(page.getByText("Indiquez la ville.").first()).toBeVisible();
  await expect(page.getByLabel("Titre")).toHaveValue(title);
  await expect(page.getByLabel("Prix (€)")).toHaveValue("beaucoup");

  await page.getByLabel("Type de bien").selectOption("appartement");
  await page.getByLabel("Transaction").selectOption("vente");
  await page.getByLabel("Prix (€)").fill("315 000");
  await page.getByLabel("Surface (m²)").fill("74,5");
  await page.getByLabel("Pièces").fill("3");
  await page.getByLabel("DPE (classe énergie)").selectOption("C");
  await page.getByLabel("GES (émissions)").selectOption("D");
  await page.getByLabel("Ville").fill(city);
  await page.getByLabel("Code postal").fill("69003");
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page.getByText("Brouillon créé.")).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Brouillon", { exact: true })).toBeVisible();

  // Several photos at once; then choose the cover and remove one.
  await page.getByLabel("Ajouter des photos").setInputFiles([
    { name: "sejour.jpg", mimeType: "image/jpeg", buffer: await photo("#c0392b") },
    { name: "cuisine.jpg", mimeType: "image/jpeg", buffer: await photo("#27ae60") },
    { name: "chambre.jpg", mimeType: "image/jpeg", buffer: await photo("#2980b9") },
  ]);
  await page.getByRole("button", { name: "Envoyer les photos" }).click();
  await expect(
    page.getByText(testInfo.project.name === "js" ? "3 photos ajoutées." : "Photos ajoutées."),
  ).toBeVisible();
  const photos = page.locator(".photo-list li");
  await expect(photos).toHaveCount(3);
  await expect(page.getByRole("heading", { name: "Photos (3/30)" })).toBeVisible();

  const third = await photos.nth(2).locator("img").getAttribute("src");
  await page.getByRole("button", { name: "Choisir comme couverture (photo 3)" }).click();
  await expect(page.getByText("Photo de couverture modifiée.")).toBeVisible();
  await expect(photos.first().locator("img")).toHaveAttribute("src", third!);
  // Removal asks for a confirmation first.
  await page.getByRole("link", { name: "Supprimer la photo 2…" }).click();
  await page.getByRole("button", { name: "Oui, supprimer" }).click();
  await expect(page.getByText("Photo supprimée.")).toBeVisible();
  await expect(photos).toHaveCount(2);

  // A non-image is refused and nothing is added.
  await page
    .getByLabel("Ajouter des photos")
    .setInputFiles({ name: "plan.jpg", mimeType: "image/jpeg", buffer: Buffer.from("pas une image") });
  await page.getByRole("button", { name: "Envoyer les photos" }).click();
  await expect(page.getByText(/aucune photo n’a été ajoutée/i)).toBeVisible();
  await expect(photos).toHaveCount(2);

  // Only the diagram's transitions are offered.
  await expect(page.getByRole("button", { name: "Marquer comme vendu" })).toHaveCount(0);
  await page.getByRole("button", { name: "Publier l’annonce" }).click();
  await expect(page.getByText("L’annonce est en ligne.")).toBeVisible();
  const editUrl = page.url().split("?")[0];

  // A visitor finds it through the home page's search.
  const visitor = await browser.newPage({ javaScriptEnabled: testInfo.project.name === "js" });
  await visitor.setExtraHTTPHeaders({ "X-Forwarded-For": randomIp() });
  await visitor.goto("/");
  await visitor.getByLabel("Ville").fill(city.toLowerCase());
  await visitor.getByRole("button", { name: "Rechercher" }).click();
  await expect(visitor).toHaveURL(/\/properties\?/);
  await visitor.getByRole("link", { name: new RegExp(title) }).click();
  await expect(visitor.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(visitor.getByRole("img", { name: "DPE : C" })).toBeVisible();
  await expect(visitor.getByRole("img", { name: "GES : D" })).toBeVisible();
  await expect(visitor.getByText("315 000 €").first()).toBeVisible();
  await expect(visitor.locator(".mosaic img")).toHaveCount(2);
  await expect(visitor.locator(".mosaic img").first()).toHaveAttribute("src", third!);
  await expect(visitor.locator("#contact")).toBeVisible();
  const publicUrl = visitor.url();

  // Sold: still public, marked "Vendu", no inquiries.
  await page.goto(editUrl);
  await page.getByRole("button", { name: "Marquer comme vendu" }).click();
  await expect(page.getByText("L’annonce est marquée comme vendue.")).toBeVisible();
  await visitor.goto(publicUrl);
  await expect(visitor.getByText("Vendu", { exact: true })).toBeVisible();
  await expect(visitor.locator("#contact form")).toHaveCount(0);

  // Deletion asks for confirmation, then the listing and its page are gone.
  await page.getByRole("link", { name: "Supprimer l’annonce…" }).click();
  await page.getByRole("button", { name: "Oui, supprimer l’annonce" }).click();
  await expect(page.getByText("L’annonce a été supprimée, ainsi que ses photos.")).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  const gone = await visitor.goto(publicUrl);
  expect(gone?.status()).toBe(404);
  await visitor.close();
});
