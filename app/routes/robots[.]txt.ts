import { env } from "~/utils/env.server";

/** robots.txt: the public pages are open to crawlers; accounts, the pro area and the API are not. */
export function loader() {
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /pro",
    "Disallow: /admin",
    "Disallow: /api/",
    "Disallow: /login",
    "Disallow: /confirmation",
    "Disallow: /search/",
    "Disallow: /design-system",
    "",
    `Sitemap: ${new URL("/sitemap.xml", env().APP_URL)}`,
    "",
  ].join("\n");
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
