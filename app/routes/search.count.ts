import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { countActiveProperties } from "~/domain/listings/listings.server";
import { SEARCH_FILTER_KEYS, SearchFiltersSchema } from "~/domain/listings/rules";

/**
 * GET /search/count?city=…&type=… — how many active listings the filters match: the filter
 * panel's "Voir N annonces" follows the visitor's changes with it (JavaScript on). Filters that
 * do not validate answer `{ count: null }`: the form's own submit explains them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const raw = Object.fromEntries(SEARCH_FILTER_KEYS.map((k) => [k, url.searchParams.get(k) ?? ""]));
  const filters = SearchFiltersSchema.safeParse(raw);
  const count = filters.success ? await countActiveProperties(filters.data) : null;
  return json({ count }, { headers: { "Cache-Control": "public, max-age=60" } });
}
