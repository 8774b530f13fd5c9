import { expect, test } from "@playwright/test";
import { randomIp } from "./visitor";

// Phone-first behaviour: the header menu, the filter panel, the photo lightbox, and where the
// focus goes after a failed submit. Each test runs with JavaScript on ("js") and off ("no-js").

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": randomIp() });
});

const PHONE = { width: 360, height: 740 };
const jsOn = (name: string) => name === "js";

/** The first listing of the demo data with several photos (the seed gives 2 to 4 per listing). */
async function listingWithPhotos(page: import("@playwright/test").Page) {
  await page.goto("/properties?sort=price-desc");
  const href = await page.locator(".listing-card a").first().getAttribute("href");
  expect(href).toMatch(/^\/properties\//);
  return href!;
}

test("on a phone the header folds into a menu that opens and leads to every section", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeHidden();
  const menu = page.locator("details.mobile-menu");
  await expect(menu.getByText("Se connecter")).toBeHidden();
  await menu.locator("summary").click();
  const nav = page.getByRole("navigation", { name: "Menu" });
  await expect(nav.getByRole("link", { name: "Véhicules" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Espace pro" })).toBeVisible();
  await nav.getByRole("link", { name: "Programmes neufs" }).click();
  await expect(page).toHaveURL(/\/programmes$/);
  // The new page starts with the menu closed (JavaScript closes it on navigation; without it the
  // page is new).
  await expect(page.locator("details.mobile-menu")).not.toHaveAttribute("open", "");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("on a phone the search filters fold into a panel whose button shows the result count", async ({
  page,
}, testInfo) => {
  await page.setViewportSize(PHONE);
  await page.goto("/properties");
  const panel = page.locator("details.filter-panel");
  const city = page.getByLabel("Ville");
  await expect(city).toBeHidden();
  // The first result is on the first screen, not below the form.
  const firstCard = page.locator(".listing-card").first();
  expect((await firstCard.boundingBox())!.y).toBeLessThan(740);

  await panel.locator("summary").click();
  await expect(city).toBeVisible();
  const total = Number((await page.locator(".results-bar h2").textContent())!.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(1);
  const submit = panel.getByRole("button");
  if (jsOn(testInfo.project.name)) {
    // Only the label that fits is shown (and named): innerText, not textContent.
    await expect(submit).toHaveText(`Voir ${total} annonces`, { useInnerText: true });
    await expect(submit).toHaveAccessibleName(`Voir ${total} annonces`);
    await page.getByLabel("Type de bien").selectOption("maison");
    await expect(submit).not.toHaveText(`Voir ${total} annonces`, { useInnerText: true });
    await expect(submit).toHaveText(/^Voir \d+ annonces?$|^Aucune annonce$/, { useInnerText: true });
  } else {
    await expect(submit).toHaveText("Rechercher", { useInnerText: true });
    await page.getByLabel("Type de bien").selectOption("maison");
  }
  const expected = (await submit.innerText()).replace(/\D/g, "");
  await submit.click();
  await expect(page).toHaveURL(/type=maison/);
  const heading = page.locator(".results-bar h2");
  if (jsOn(testInfo.project.name))
    await expect(heading).toHaveText(`${expected} annonce${Number(expected) > 1 ? "s" : ""}`);
  await expect(page.locator(".listing-card").first()).toContainText("Maison");
});

test("result pages are numbered, sorted, and keep the filters", async ({ page }) => {
  await page.goto("/properties?transactionType=vente&sort=price-asc&page=1");
  const prices = await page.locator(".listing-card .price").allTextContents();
  const amounts = prices.map((p) => Number(p.replace(/\D/g, "")));
  expect(amounts.length).toBeGreaterThan(1);
  expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
  await expect(page.getByLabel("Trier par")).toHaveValue("price-asc");
  const pages = page.getByRole("navigation", { name: "Pages de résultats" });
  if (await pages.count()) {
    const second = pages.getByRole("link", { name: "Page 2" });
    const href = await second.getAttribute("href");
    expect(href).toContain("transactionType=vente");
    expect(href).toContain("sort=price-asc");
  }
  const bad = await page.goto("/properties?page=9999");
  expect(bad!.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("affinez votre recherche");
});

test("a listing's photos open in a lightbox with JavaScript, and are plain links without it", async ({
  page,
}, testInfo) => {
  const href = await listingWithPhotos(page);
  await page.goto(href);
  const links = page.locator(".mosaic li a");
  const count = await links.count();
  expect(count).toBeGreaterThan(1);
  const firstImage = page.locator(".mosaic li img").first();
  await expect(firstImage).toHaveAttribute("srcset", /-400w\.webp 400w, .*-800w\.webp 800w/);
  await expect(firstImage).toHaveAttribute("fetchpriority", "high");

  if (!jsOn(testInfo.project.name)) {
    // Every photo is listed and links to its full-size file.
    for (let i = 0; i < count; i++) {
      await expect(links.nth(i)).toBeVisible();
      await expect(links.nth(i)).toHaveAttribute("href", /^\/uploads\/properties\/.+\.webp$/);
    }
    const photo = await page.request.get((await links.nth(1).getAttribute("href"))!);
    expect(photo.headers()["content-type"]).toBe("image/webp");
    return;
  }

  const opener = links.first();
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Photos en grand" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`1 / ${count}`)).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Fermer les photos" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByText(`2 / ${count}`)).toBeVisible();
  await expect(dialog.getByRole("img")).toHaveAttribute("alt", new RegExp(`vue 2 sur ${count}`));
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(dialog.getByText(`${count} / ${count}`)).toBeVisible();
  await dialog.getByRole("button", { name: "Photo suivante" }).click();
  await expect(dialog.getByText(`1 / ${count}`)).toBeVisible();

  // Swipe left (a touch drag) moves to the next photo.
  const box = (await dialog.locator("figure").boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.8, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, y, { steps: 5 });
  await page.mouse.up();
  await expect(dialog.getByText(`2 / ${count}`)).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test("after a failed submit the error summary is shown, and with JavaScript it takes the focus", async ({
  page,
}, testInfo) => {
  await page.setViewportSize(PHONE);
  const href = await listingWithPhotos(page);
  await page.goto(href);
  const form = page.locator("form.inquiry-form");
  await form.getByLabel("E-mail").fill("pas-une-adresse");
  await form.getByRole("button", { name: "Envoyer ma demande" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /E-mail/ })).toBeVisible();
  if (jsOn(testInfo.project.name)) {
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
  }
  // The summary's links lead to the fields.
  await summary.getByRole("link", { name: /Nom/ }).click();
  await expect(page).toHaveURL(/#field-senderName$/);
});

test("robots.txt and sitemap.xml describe the public site", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.ok()).toBe(true);
  expect(await robots.text()).toMatch(/Disallow: \/pro[\s\S]*Sitemap: http.*\/sitemap\.xml/);
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.headers()["content-type"]).toContain("application/xml");
  const xml = await sitemap.text();
  expect(xml).toContain("<urlset");
  expect(xml).toMatch(/<loc>http[^<]+\/properties\/[a-z0-9-]+<\/loc><lastmod>/);
  expect(xml).toMatch(/\/programmes\/[a-z0-9-]+<\/loc>/);
});

test("a listing page tells search engines what it is", async ({ page }) => {
  const href = await listingWithPhotos(page);
  await page.goto(href);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${href}$`));
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /^http.*\/uploads\/.+\.webp$/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{40,}/);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(data["@type"]).toBe("RealEstateListing");
  expect(data.offers["@type"]).toBe("Offer");
  expect(data.offers.priceCurrency).toBe("EUR");
  // Each place once: never "Paris, Paris".
  const place = await page.locator(".listing-summary .place").textContent();
  const parts = place!.split(", ").map((p) => p.replace(/^\d{5} /, ""));
  expect(new Set(parts).size).toBe(parts.length);
});

test("a vehicle page tells search engines what it is, and never who sells it", async ({ page }) => {
  await page.goto("/vehicles?sort=price-desc");
  // Cards load the 400 or 800 px file on a phone, not the 1200 px one.
  await expect(page.locator(".vehicle-card img").first()).toHaveAttribute(
    "srcset",
    /-400w\.webp 400w, .*-800w\.webp 800w/,
  );
  const href = (await page.locator(".vehicle-card h2 a").first().getAttribute("href"))!.split("?")[0];
  expect(href).toMatch(/^\/vehicles\/\d+$/);
  await page.goto(href);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^http.*${href}$`));
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    "content",
    /^http.*\/uploads\/vehicles\/.+\.webp$/,
  );
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{40,}/);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(data["@type"]).toBe("Car");
  expect(data.brand.name).toBeTruthy();
  expect(data.vehicleModelDate).toMatch(/^\d{4}$/);
  expect(data.mileageFromOdometer.unitCode).toBe("KMT");
  expect(data.offers).toMatchObject({
    "@type": "Offer",
    priceCurrency: "ZAR",
    availability: "https://schema.org/InStock",
  });
  expect(data.offers.price).toBeGreaterThan(0);
  const breadcrumbs = page.getByRole("navigation", { name: "Fil d’Ariane" });
  await expect(breadcrumbs.getByRole("link", { name: "Véhicules" })).toHaveAttribute("href", "/vehicles");
  await expect(breadcrumbs.locator('[aria-current="page"]')).toHaveText(`${data.brand.name} ${data.model}`);
  await expect(page.locator(".mosaic li img").first()).toHaveAttribute("fetchpriority", "high");
  // The dealership stays anonymous: neither its name nor its address nor its id reach the page.
  const html = await page.content();
  for (const secret of ["Cape Auto Gallery", "garage@vitrine.test", "proId", "seller"])
    expect(html).not.toContain(secret);
});

test("on a phone a vehicle page keeps its next step at hand", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/vehicles");
  const href = (await page.locator(".vehicle-card h2 a").first().getAttribute("href"))!.split("?")[0];
  await page.goto(href);
  const sticky = page.locator(".sticky-contact");
  await expect(sticky).toBeInViewport();
  await sticky.getByRole("link", { name: "Ajouter à ma sélection" }).click();
  await expect(page).toHaveURL(new RegExp(`${href}\\?selected=\\d+`));
  await sticky.getByRole("link", { name: "Contacter" }).click();
  await expect(page).toHaveURL(/\/vehicles\/contact\?vehicleId=\d+/);
  await expect(page.locator(".chosen-vehicles li")).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

// Every pro page of each kind and role fits a 360 px phone: no sideways scroll, tables become
// cards. `first:` opens the first item of that list (an edit page).
const PRO_PAGES: Record<string, string[]> = {
  "garage@vitrine.test": [
    "/pro",
    "/pro/vehicles",
    "/pro/vehicles/new",
    "first:/pro/vehicles",
    "/pro/team",
    "/pro/contacts",
    "/pro/contacts/vehicles",
  ],
  "promoteur@vitrine.test": ["/pro", "/pro/programmes", "/pro/programmes/new", "first:/pro/programmes", "/pro/team"],
  "agence@vitrine.test": ["/pro", "/pro/properties", "/pro/team", "/pro/contacts", "/pro/settings"],
  "agent@vitrine.test": ["/pro", "/pro/properties", "/pro/contacts"],
};

for (const [email, paths] of Object.entries(PRO_PAGES)) {
  test(`no pro page of ${email.split("@")[0]} scrolls sideways on a phone`, async ({ page, request }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Mot de passe").fill("vitrine-demo");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/pro/);
    if (email === "garage@vitrine.test") {
      // A buyer's request with a long e-mail address, in the dealership's leads once the window is over.
      // Sent by a visitor (its own cookies), not by the signed-in dealership.
      const sent = await request.post("/api/contact-requests", {
        headers: { Accept: "application/json", "X-Forwarded-For": randomIp() },
        data: {
          fullName: "Naledi Dlamini",
          email: `naledi.dlamini.${Date.now()}${Math.floor(Math.random() * 1e6)}@example.com`,
          phone: "+27215551234",
          province: "Western Cape",
          city: "Cape Town",
          preferredContactMethod: "email",
          selectedVehicles: [{ vehicleId: 100 }],
        },
      });
      expect(sent.status()).toBe(201);
      await expect
        .poll(
          async () => {
            await page.goto("/pro/contacts/vehicles");
            return page.locator(".lead-list > li").count();
          },
          { timeout: 20_000 },
        )
        .toBeGreaterThan(0);
    }
    for (const entry of paths) {
      let path = entry;
      if (entry.startsWith("first:")) {
        const list = entry.slice("first:".length);
        await page.goto(list);
        path = (await page.locator(`main table a[href^="${list}/"]`).first().getAttribute("href"))!;
      }
      const response = await page.goto(path);
      expect(response!.status(), path).toBe(200);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);
    }
  });
}

test("a missing page keeps the site's header and offers a way back", async ({ page }) => {
  const response = await page.goto("/une-page-qui-n-existe-pas");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page.getByRole("link", { name: "Vitrine, accueil" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Retour à l’accueil" })).toBeVisible();
});
