import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { appendPropertyPhotos } from "~/domain/listings/photos.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { pageRoute, resourceRoute } from "~/utils/errors.server";
import { toResponse, wantsJson } from "~/utils/http.server";

/**
 * POST /pro/properties/:id/photos (multipart; every file part is a photo) → `{data: property}`.
 * Resource route: JSON for integrators and for the edit page's progress-bar upload; a native form
 * post (JavaScript off) is redirected back to the edit page with a notice or an error code.
 */
export const action = /* @__PURE__ */ pageRoute(
  async ({ request, params }: ActionFunctionArgs) => {
    const pro = await requireVerifiedPro(request, { json: isApiCall(request) });
    const id = params.id ?? "";
    if (request.method !== "POST") throw new DomainError("METHOD_NOT_ALLOWED", "Use POST with multipart/form-data");
    const property = await appendPropertyPhotos(pro.id, id, request);
    return isApiCall(request) ? json({ data: property }) : redirect(`/pro/properties/${id}?notice=photos-added`);
  },
  {
    // A native form post (JavaScript off) goes back to the edit page, which explains the error code.
    formError: (error, request) =>
      isApiCall(request) || error.code === "NOT_FOUND"
        ? toResponse(error)
        : redirect(`/pro/properties/${idOf(request)}?photoError=${error.code}`),
  },
);

const isApiCall = (request: Request) => wantsJson(request) || request.headers.has("authorization");
const idOf = (request: Request) => new URL(request.url).pathname.split("/")[3] ?? "";

/** GET has nothing to show: the photos are managed from the edit page. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  await requireVerifiedPro(request);
  if (wantsJson(request)) throw new DomainError("METHOD_NOT_ALLOWED", "Use POST with multipart/form-data");
  return redirect(`/pro/properties/${params.id ?? ""}`);
});
