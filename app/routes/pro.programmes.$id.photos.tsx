import { getOwnProgramme } from "~/domain/programmes/manage.server";
import { requireProKind } from "~/utils/auth.server";
import { photoUploadRoute } from "~/utils/photo-routes.server";

/** POST /pro/programmes/:id/photos (multipart; every file part is a photo) → `{data: programme}`. */
const route = /* @__PURE__ */ photoUploadRoute({
  kind: "programme",
  authorize: (request, options) => requireProKind(request, "developer", options),
  editPath: (id) => `/pro/programmes/${id}`,
  record: getOwnProgramme,
});

export const loader = route.loader;
export const action = route.action;
