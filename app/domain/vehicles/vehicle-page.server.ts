import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { formatDate } from "~/domain/listings/format";
import { apiError, wantsJson } from "~/utils/http.server";
import { publicVehicle, vehiclesByIds } from "./catalog.server";
import { parseVehicleKey } from "./manage.server";
import { parseSelection } from "./selection";

/**
 * The loader of GET /vehicles/:id (app/routes/vehicles.$id.tsx): an active vehicle's page (photos,
 * facts, where to see it). Drafts, sold and unknown vehicles are a 404. Buyers never see which
 * dealership sells it (seed 004's anonymity): `publicVehicle` selects neither the pro nor its id.
 *
 * It lives here so that the route imports one server module of its own (see
 * listings/property-page.server.ts).
 */
export async function vehiclePageLoader({ request, params }: LoaderFunctionArgs) {
  const id = parseVehicleKey(params.id ?? "");
  const vehicle = id === null ? null : await publicVehicle(id);
  if (!vehicle) throw apiError("NOT_FOUND", "Vehicle not found");
  if (wantsJson(request)) return json({ data: { ...vehicle, photos: vehicle.photos.map((p) => p.path) } });
  const selected = await vehiclesByIds(parseSelection(new URL(request.url).searchParams.get("selected")));
  // The date is written here: formatting it in the browser would load ICU's data while the page hydrates.
  return json({ vehicle, publishedOn: formatDate(vehicle.createdAt), selection: selected.map((v) => v.id) });
}
