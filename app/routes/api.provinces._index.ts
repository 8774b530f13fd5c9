/** GET /api/provinces — the provinces master data for the contact form's select. */
import { json } from "@remix-run/node";
import { listProvinces } from "~/domain/vehicles/catalog.server";
import { resourceRoute } from "~/utils/errors.server";

async function loaderHandler() {
  return json({ data: await listProvinces() }, { headers: { "Cache-Control": "public, max-age=300" } });
}

export const loader = resourceRoute(loaderHandler);
