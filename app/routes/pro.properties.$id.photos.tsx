import { getOwnProperty } from "~/domain/listings/listings.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { photoUploadRoute } from "~/utils/photo-routes.server";

/** POST /pro/properties/:id/photos (multipart; every file part is a photo) → `{data: property}`. */
const route = /* @__PURE__ */ photoUploadRoute({
  kind: "property",
  authorize: requireVerifiedPro,
  editPath: (id) => `/pro/properties/${id}`,
  record: getOwnProperty,
});

export const loader = route.loader;
export const action = route.action;
