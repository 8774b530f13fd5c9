import robotsParser from "robots-parser";
import { describe, expect, it } from "vitest";
import { loader } from "./robots[.]txt";

/** robots.txt read by the parser Lighthouse uses, which follows Google's matching rules. */
async function robots() {
  const base = "http://localhost:3000";
  return robotsParser(`${base}/robots.txt`, await loader().text());
}

describe("robots.txt", () => {
  it("leaves the whole catalogue open to crawlers", async () => {
    const parsed = await robots();
    for (const path of [
      "/",
      "/properties",
      "/properties?city=lyon&sort=price-asc",
      "/properties/studio-meuble-proche-bastille",
      "/programmes",
      "/programmes/coeur-saint-sauveur-lille",
      "/vehicles",
      "/vehicles/12351",
      "/register",
      "/sitemap.xml",
    ]) {
      expect(parsed.isAllowed(`http://localhost:3000${path}`, "Googlebot"), path).toBe(true);
    }
  });

  it("closes the pro area, the admin, the API and pages with personal tokens", async () => {
    const parsed = await robots();
    for (const path of [
      "/pro",
      "/pro/contacts",
      "/pro/properties/new",
      "/admin",
      "/admin/identities",
      "/api/vehicles/selected",
      "/login",
      "/forgot-password",
      "/reset-password?token=abc",
      "/invitation?token=abc",
      "/confirmation",
      "/search/count",
    ]) {
      expect(parsed.isDisallowed(`http://localhost:3000${path}`, "Googlebot"), path).toBe(true);
    }
    expect(parsed.getSitemaps()).toEqual(["http://localhost:3000/sitemap.xml"]);
  });
});
