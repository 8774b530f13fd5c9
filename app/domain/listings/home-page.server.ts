import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { contactedListings } from "~/utils/contacted.server";
import { activeCityFacets, latestActiveProperties } from "./listings.server";

/**
 * The loader of the home page (app/routes/_index.tsx): the latest listings, the cities the search
 * box suggests, and which of the listings shown the visitor already contacted. The route imports
 * this one server module of its own (see listings/property-page.server.ts).
 */
export async function homePageLoader({ request }: LoaderFunctionArgs) {
  const [latest, cities, contacted] = await Promise.all([
    latestActiveProperties(8),
    activeCityFacets(),
    contactedListings(request),
  ]);
  return json({
    latest,
    cities: cities.map((c) => c.city),
    contacted: latest.filter((p) => contacted.has(p.id)).map((p) => p.id),
  });
}
