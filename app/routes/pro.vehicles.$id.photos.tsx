import { getOwnVehicle } from "~/domain/vehicles/manage.server";
import { requireProKind } from "~/utils/auth.server";
import { photoUploadRoute } from "~/utils/photo-routes.server";

/** POST /pro/vehicles/:id/photos (multipart; every file part is a photo) → `{data: vehicle}`. */
const route = /* @__PURE__ */ photoUploadRoute({
  kind: "vehicle",
  authorize: (request, options) => requireProKind(request, "dealership", options),
  editPath: (id) => `/pro/vehicles/${id}`,
  record: getOwnVehicle,
});

export const loader = route.loader;
export const action = route.action;
