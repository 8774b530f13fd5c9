import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { randomIp } from "./visitor";

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": randomIp() });
});

async function login(page: Page, email: string, password = "vitrine-demo") {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

test("a new pro registers, is held at the identity gate, and reaches the dashboard once approved", async ({
  page,
  browser,
}, testInfo) => {
  const email = `nouvelle-agence-${testInfo.project.name}-${Date.now()}@example.fr`;
  const company = `Agence Horizon ${testInfo.project.name} ${Date.now()}`;

  await page.goto("/");
  await page.getByRole("link", { name: "Espace pro" }).click();
  await expect(page.getByRole("heading", { name: "Créer un compte professionnel" })).toBeVisible();

  // Errors first: all shown inline, typed values kept.
  await page.getByLabel("Société").fill(company);
  await page.getByLabel("Votre nom").fill("Inès Moreau");
  await page.getByLabel("E-mail").fill("pas-une-adresse");
  await page.getByLabel("Mot de passe").fill("court");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Adresse e-mail invalide.").first()).toBeVisible();
  await expect(page.getByText("Le mot de passe doit contenir au moins 10 caractères.").first()).toBeVisible();
  await expect(page.getByText("Choisissez votre activité.").first()).toBeVisible();
  await expect(page.getByLabel("Société")).toHaveValue(company);

  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("mot-de-passe-solide");
  await page.getByLabel("Activité").selectOption("agency");
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  await expect(page).toHaveURL(/\/pro\/identity$/);
  await expect(page.getByRole("heading", { name: "Vérification de votre identité" })).toBeVisible();

  // The dashboard is gated.
  await page.goto("/pro");
  await expect(page).toHaveURL(/\/pro\/identity$/);

  // A fake image is refused.
  await page.getByLabel("Pièce d’identité").setInputFiles({
    name: "cni.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("ceci n'est pas une image"),
  });
  await page.getByRole("button", { name: "Envoyer le document" }).click();
  await expect(
    page.getByText("Le fichier doit être une image JPEG, PNG, WebP ou un PDF valide.").first(),
  ).toBeVisible();

  const jpeg = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#c0c8d0" } })
    .jpeg()
    .toBuffer();
  await page.getByLabel("Pièce d’identité").setInputFiles({ name: "cni.jpg", mimeType: "image/jpeg", buffer: jpeg });
  await page.getByRole("button", { name: "Envoyer le document" }).click();
  await expect(page.getByText("en cours de vérification")).toBeVisible();

  // The admin approves it in another browser.
  const adminContext = await browser.newContext({
    javaScriptEnabled: testInfo.project.name !== "no-js",
    extraHTTPHeaders: { "X-Forwarded-For": randomIp() },
  });
  const admin = await adminContext.newPage();
  await login(admin, "admin@vitrine.test");
  await expect(admin).toHaveURL(/\/admin\/identities$/);
  const card = admin.getByRole("region", { name: company });
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: "Valider" }).click();
  await expect(admin.getByText("Identité validée.")).toBeVisible();
  await adminContext.close();

  await page.goto("/pro");
  await expect(page.getByRole("heading", { name: "Bonjour Inès Moreau" })).toBeVisible();

  // Sign out.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await page.goto("/pro");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fpro$/);
});

test("sign-in failures say the same thing for a wrong password and an unknown e-mail", async ({ page }) => {
  await login(page, "agence@vitrine.test", "pas-le-bon-mot-de-passe");
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.").first()).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue("agence@vitrine.test");
  await login(page, "inconnu@vitrine.test", "pas-le-bon-mot-de-passe");
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.").first()).toBeVisible();
  await login(page, "", "");
  await expect(page.getByText("Indiquez votre adresse e-mail.").first()).toBeVisible();
});

test("a signed-in pro returns to the page they asked for", async ({ page }) => {
  await page.goto("/pro/settings");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fpro%2Fsettings$/);
  await page.getByLabel("E-mail").fill("promoteur@vitrine.test");
  await page.getByLabel("Mot de passe").fill("vitrine-demo");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/pro\/settings$/);
  await page.getByLabel("Nom du nouveau jeton").fill("Export CRM");
  await page.getByRole("button", { name: "Créer un jeton" }).click();
  await expect(page.getByTestId("new-token")).toContainText("vtr_");
});
