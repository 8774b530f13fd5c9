/** GET /api/provinces/:id/cities — the cities of one province; 404 for an unknown province. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { listCities } from "~/domain/vehicles/catalog.server";
import { apiError } from "~/utils/http.server";
import { resourceRoute } from "~/utils/errors.server";

async function loaderHandler({ params }: LoaderFunctionArgs) {
  const id = /^[1-9]\d{0,9}$/.test(params.id ?? "") ? Number(params.id) : null;
  const cities = id === null ? null : await listCities(id);
  if (!cities) return apiError("NOT_FOUND", "Province not found");
  return json({ data: cities }, { headers: { "Cache-Control": "public, max-age=300" } });
}

export const loader = resourceRoute(loaderHandler);
