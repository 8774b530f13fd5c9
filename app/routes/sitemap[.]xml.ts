import { activeListingsForSitemap } from "~/domain/listings/listings.server";
import { programmesForSitemap } from "~/domain/programmes/programmes.server";
import { vehiclesForSitemap } from "~/domain/vehicles/catalog.server";
import { env } from "~/utils/env.server";

const escapeXml = (value: string) =>
  value.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/**
 * sitemap.xml: the entry pages and every active listing, programme and vehicle, with their last change.
 * The lists are cached (10 minutes, dropped when a listing changes); the response is too.
 */
export async function loader() {
  const origin = env().APP_URL;
  const [properties, programmes, vehicles] = await Promise.all([
    activeListingsForSitemap(),
    programmesForSitemap(),
    vehiclesForSitemap(),
  ]);
  const entries: { path: string; lastmod?: Date }[] = [
    { path: "/" },
    { path: "/properties" },
    { path: "/programmes" },
    { path: "/vehicles" },
    ...properties.map((p) => ({ path: `/properties/${encodeURIComponent(p.slug)}`, lastmod: p.updatedAt })),
    ...programmes.map((p) => ({ path: `/programmes/${encodeURIComponent(p.slug)}`, lastmod: p.updatedAt })),
    ...vehicles.map((v) => ({ path: `/vehicles/${v.id}`, lastmod: v.updatedAt })),
  ];
  const urls = entries
    .map(({ path, lastmod }) => {
      const loc = `<loc>${escapeXml(new URL(path, origin).toString())}</loc>`;
      return `  <url>${loc}${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}</url>`;
    })
    .join("\n");
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
  return new Response(body, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=600" },
  });
}
