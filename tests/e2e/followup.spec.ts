import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { randomIp } from "./visitor";

/**
 * Replying to a lead from Vitrine, with JavaScript on (sent in place: pending state, no navigation)
 * and off (a native form and a redirect), by the owner and by the agent a lead is assigned to. Each
 * test makes its own listing and inquiry.
 */
const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function agencyApi(baseURL: string, email = "agence@vitrine.test"): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { Origin: baseURL, "X-Forwarded-For": randomIp() },
  });
  const login = await api.post("/login", {
    form: { email, password: "vitrine-demo" },
    maxRedirects: 0,
  });
  expect(login.status()).toBe(302);
  return api;
}

async function newInquiry(api: APIRequestContext, baseURL: string) {
  const created = await api.post("/pro/properties", {
    headers: { Accept: "application/json" },
    data: {
      title: `Maison avec jardin ${tag()}`,
      type: "maison",
      transactionType: "vente",
      city: "Angers",
      postalCode: "49000",
      price: 320000,
      status: "active",
    },
  });
  expect(created.status()).toBe(201);
  const property = (await created.json()).data as { id: string; title: string };
  const buyer = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": randomIp() } });
  const sent = await buyer.post("/contact-requests", {
    headers: { Accept: "application/json" },
    data: {
      propertyId: property.id,
      senderName: "Lucie Martin",
      senderEmail: `lucie.${tag()}@example.fr`,
      message: "Bonjour, la maison est-elle toujours disponible ?",
      website: "",
    },
  });
  expect(sent.status()).toBe(201);
  const inquiryId = (await sent.json()).data.id as string;
  await buyer.dispose();
  return { property, inquiryId };
}

async function login(page: Page, email: string) {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": randomIp() });
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("vitrine-demo");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/pro/);
}

test("a pro replies to an inquiry from its page", async ({ page, baseURL, javaScriptEnabled }) => {
  const api = await agencyApi(baseURL!);
  const { inquiryId } = await newInquiry(api, baseURL!);
  await login(page, "agence@vitrine.test");
  await page.goto(`/pro/contacts/${inquiryId}`);
  await expect(page.getByText("Bonjour, la maison est-elle toujours disponible ?")).toBeVisible();

  // Empty: a field error, nothing sent.
  await page.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(page.locator("#reply-message-error")).toHaveText("Écrivez votre réponse.");

  const text = `Bonjour Lucie, visite possible samedi à 10 h. ${tag()}`;
  await page.getByLabel("Votre réponse").fill(text);
  const urlBefore = page.url();
  await page.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(page.locator(".conversation-reply").filter({ hasText: text })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Réponse envoyée" })).toBeVisible();
  if (javaScriptEnabled) {
    // Sent in place: no navigation, and a fresh empty form.
    expect(page.url()).toBe(urlBefore);
    await expect(page.getByLabel("Votre réponse")).toHaveValue("");
  } else {
    await expect(page).toHaveURL(/reponse=envoyee/);
  }
  await expect(page.locator(".facts").getByText("Répondu")).toBeVisible();

  const detail = await api.get(`/pro/contact-requests/${inquiryId}`, { headers: { Accept: "application/json" } });
  const { data } = await detail.json();
  expect(data.status).toBe("replied");
  expect(data.replies.map((r: { message: string }) => r.message)).toEqual([text]);
  await api.dispose();
});

test("an agent replies to a lead assigned to them, and cannot open a colleague's", async ({ page, baseURL }) => {
  const owner = await agencyApi(baseURL!);
  const mine = await newInquiry(owner, baseURL!);
  const colleagues = await newInquiry(owner, baseURL!);
  // The owner gives one lead to the agent and the other to the manager.
  const members = (await (await owner.get("/pro/team", { headers: { Accept: "application/json" } })).json()).data as {
    id: string;
    email: string;
  }[];
  const idOf = (email: string) => members.find((m) => m.email === email)!.id;
  for (const [inquiryId, email] of [
    [mine.inquiryId, "agent@vitrine.test"],
    [colleagues.inquiryId, "manager@vitrine.test"],
  ]) {
    const assigned = await owner.put(`/pro/contact-requests/${inquiryId}`, {
      headers: { Accept: "application/json" },
      data: { assigneeId: idOf(email) },
    });
    expect(assigned.status()).toBe(200);
  }

  await login(page, "agent@vitrine.test");
  const refused = await page.goto(`/pro/contacts/${colleagues.inquiryId}`);
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Demande introuvable" })).toBeVisible();

  await page.goto(`/pro/contacts/${mine.inquiryId}`);
  const text = `Bonjour Lucie, je suis votre conseillère. ${tag()}`;
  await page.getByLabel("Votre réponse").fill(text);
  await page.getByRole("button", { name: "Envoyer la réponse" }).click();
  const reply = page.locator(".conversation-reply").filter({ hasText: text });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText("Inès Bertrand (vous)");
  await owner.dispose();
});

test("the dashboard shows the team's figures and chart on a phone without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, "agence@vitrine.test");
  await page.goto("/pro?jours=90");
  await expect(page.getByRole("heading", { name: "Les demandes de l’équipe sur 90 jours" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Demandes reçues par jour/ })).toBeVisible();
  const perMember = page.getByTestId("stats-per-member");
  await expect(perMember.getByRole("rowheader", { name: "Inès Bertrand" })).toBeAttached();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.context().clearCookies(); // signed out
  await login(page, "agent@vitrine.test");
  await page.goto("/pro?jours=90");
  await expect(page.getByRole("heading", { name: "Vos demandes sur 90 jours" })).toBeVisible();
  await expect(page.getByTestId("stats-per-member")).toHaveCount(0);
});
