/** GET /api/vehicles/selected?ids=1,2 — details of up to 4 chosen vehicles, in the order asked. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { vehiclesByIds } from "~/domain/vehicles/catalog.server";
import { MAX_VEHICLES, parseVehicleId } from "~/kit";
import { apiError } from "~/utils/http.server";
import { resourceRoute } from "~/utils/errors.server";

async function loaderHandler({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("ids");
  const parts = raw === null || raw.trim() === "" ? [] : raw.split(",");
  const ids = parts.map((part) => parseVehicleId(part));
  if (!parts.length || ids.some((id) => id === null)) {
    return apiError("VALIDATION_ERROR", "Invalid vehicle ids", {
      details: [{ field: "ids", message: "ids must be a comma-separated list of positive integers" }],
    });
  }
  if (ids.length > MAX_VEHICLES) {
    return apiError("VALIDATION_ERROR", "Too many vehicle ids", {
      details: [{ field: "ids", message: `At most ${MAX_VEHICLES} vehicles can be selected` }],
    });
  }
  const unique = [...new Set(ids as number[])];
  return json({ data: await vehiclesByIds(unique) });
}

export const loader = resourceRoute(loaderHandler);
