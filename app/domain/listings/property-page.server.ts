import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { responseBadgeHours } from "~/domain/followup/stats.server";
import { contactedListings } from "~/utils/contacted.server";
import { apiError } from "~/utils/http.server";
import { formatDate } from "./format";
import { publicPropertyBySlug, similarActiveProperties } from "./listings.server";

/**
 * The loader of /properties/:slug (app/routes/properties.$slug.tsx): an active or sold listing
 * (drafts and unknown slugs are 404). It always returns `property.id`, `slug`, `title` and
 * `status`: the contact form uses them.
 *
 * It lives here so that the route imports one server module of its own: Remix's browser build
 * turns every server module a route imports into an empty module, and one shared with other routes
 * into a request of its own on the page's critical path (see siteFrame in utils/nav.server.ts).
 */
export async function propertyPageLoader({ request, params }: LoaderFunctionArgs) {
  const property = await publicPropertyBySlug(params.slug ?? "");
  if (!property) throw apiError("NOT_FOUND", "Property not found");
  const { pro, cityKey, ...rest } = property;
  const [similar, contacted, responseHours] = await Promise.all([
    similarActiveProperties({ id: property.id, cityKey, type: property.type }),
    contactedListings(request),
    responseBadgeHours(pro.id),
  ]);
  return json({
    property: rest,
    // Written here: formatting dates in the browser would load ICU's data while the page hydrates.
    published: { on: formatDate(property.createdAt), updatedOn: formatDate(property.updatedAt) },
    proName: pro.companyName,
    responseHours,
    similar,
    alreadyContacted: contacted.has(property.id),
    contacted: similar.filter((p) => contacted.has(p.id)).map((p) => p.id),
  });
}
