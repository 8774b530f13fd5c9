import { expect, test, type Page } from "@playwright/test";
import { linkIn } from "./outbox";
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

async function linkFromOutbox(address: string, pathname: string): Promise<string> {
  let link: string | null = null;
  await expect.poll(() => (link = linkIn(address, pathname)), { message: `an e-mail to ${address}` }).not.toBeNull();
  return link!;
}

test("a pro who forgot their password gets a link by e-mail and chooses a new one", async ({ page }, testInfo) => {
  const email = `oubli-${testInfo.project.name}-${Date.now()}@example.fr`;
  const registered = await page.request.post("/register", {
    form: {
      companyName: "Agence des Oublis",
      name: "Paul Oubli",
      email,
      password: "ancien-mot-de-passe",
      kind: "agency",
    },
    maxRedirects: 0,
  });
  expect(registered.status()).toBe(302);
  await page.context().clearCookies();

  await page.goto("/login");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page.getByRole("heading", { name: "Mot de passe oublié" })).toBeVisible();
  await page.getByLabel("E-mail").fill("pas-une-adresse");
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByText("Adresse e-mail invalide.").first()).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByText("Si un compte existe pour cette adresse, un e-mail vient d’être envoyé.")).toBeVisible();

  const link = await linkFromOutbox(email, "/reset-password?token=");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choisir un nouveau mot de passe" })).toBeVisible();
  await page.getByLabel("Nouveau mot de passe").fill("court");
  await page.getByRole("button", { name: "Enregistrer et me connecter" }).click();
  await expect(page.getByText("Le mot de passe doit contenir au moins 10 caractères.").first()).toBeVisible();
  await page.getByLabel("Nouveau mot de passe").fill("nouveau-mot-de-passe");
  await page.getByRole("button", { name: "Enregistrer et me connecter" }).click();
  // Signed in: the unverified account lands on its identity page.
  await expect(page).toHaveURL(/\/pro\/identity$/);

  // The link served once.
  await page.goto(link);
  await expect(page.getByText("Ce lien n’est plus valable").first()).toBeVisible();

  await page.context().clearCookies();
  await login(page, email, "ancien-mot-de-passe");
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.").first()).toBeVisible();
  await login(page, email, "nouveau-mot-de-passe");
  await expect(page).toHaveURL(/\/pro\/identity$/);
});

test("an owner invites a colleague, who joins and sees only what an agent may", async ({ page, browser }, testInfo) => {
  const email = `collegue-${testInfo.project.name}-${Date.now()}@example.fr`;
  await login(page, "agence@vitrine.test");
  await expect(page).toHaveURL(/\/pro$/);
  await page.getByRole("link", { name: "Équipe" }).click();
  await expect(page.getByRole("heading", { name: "Équipe", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "manager@vitrine.test" })).toBeVisible();

  // An address that already has an account is refused clearly.
  await page.getByLabel("Nom").fill("Hugo Doublon");
  await page.getByLabel("E-mail").fill("agent@vitrine.test");
  await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(page.getByText("Un compte Vitrine existe déjà pour cette adresse e-mail").first()).toBeVisible();

  await page.getByLabel("Nom").fill("Léna Collègue");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Rôle", { exact: true }).selectOption("agent");
  await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(page.getByText(`Invitation envoyée à ${email}`)).toBeVisible();

  const link = await linkFromOutbox(email, "/invitation?token=");
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.name !== "no-js",
    extraHTTPHeaders: { "X-Forwarded-For": randomIp() },
  });
  const colleague = await context.newPage();
  await colleague.goto(link);
  await expect(colleague.getByText("Agence Lumière Immobilier")).toBeVisible();
  await colleague.getByLabel("Mot de passe").fill("mot-de-passe-de-lena");
  await colleague.getByRole("button", { name: "Rejoindre l’équipe" }).click();
  await expect(colleague).toHaveURL(/\/pro$/);
  await expect(colleague.getByRole("heading", { name: "Bonjour Léna Collègue" })).toBeVisible();
  await expect(colleague.getByRole("link", { name: "Équipe" })).toHaveCount(0);

  // Agents see their own leads only (none yet) and cannot manage the team.
  await colleague.goto("/pro/contacts?assignee=none");
  await expect(colleague.getByText("Aucune demande pour le moment.")).toBeVisible();
  const refused = await colleague.goto("/pro/team");
  expect(refused?.status()).toBe(403);
  await expect(colleague.getByText("Seul le propriétaire du compte peut gérer l’équipe.")).toBeVisible();
  await context.close();

  // The owner sees the new member and can deactivate them.
  await page.reload();
  const row = page.locator(`tr[data-member-email="${email}"]`);
  await expect(row).toContainText("Léna Collègue");
  await row.getByRole("button", { name: /Désactiver/ }).click();
  await expect(page.locator(`tr[data-member-email="${email}"]`)).toContainText("Désactivé");
});
