import { env } from "~/utils/env.server";

/**
 * Paths crawlers must not visit: accounts, the pro area, the admin and the API, and every page whose
 * URL carries a personal token. Robots rules are prefix matches, so a section is closed with its
 * exact path (`$`) and its folder (`/…/`): a bare `Disallow: /pro` would also close `/properties`
 * and `/programmes`, the catalogue itself.
 */
export const CLOSED_TO_CRAWLERS = [
  "/pro$",
  "/pro/",
  "/admin$",
  "/admin/",
  "/api/",
  "/login",
  "/forgot-password",
  "/reset-password",
  "/invitation",
  "/confirmation",
  "/search/",
  "/design-system",
];

/** robots.txt: the public pages are open to crawlers; accounts, the pro area and the API are not. */
export function loader() {
  const body = [
    "User-agent: *",
    "Allow: /",
    ...CLOSED_TO_CRAWLERS.map((path) => `Disallow: ${path}`),
    "",
    `Sitemap: ${new URL("/sitemap.xml", env().APP_URL)}`,
    "",
  ].join("\n");
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
