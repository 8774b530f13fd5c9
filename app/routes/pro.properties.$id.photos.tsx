import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { appendPropertyPhotos } from "~/domain/listings/photos.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { apiError, DomainError, toResponse, wantsJson } from "~/utils/http.server";
import { withJsonErrors } from "~/utils/errors.server";

/**
 * POST /pro/properties/:id/photos (multipart; every file part is a photo) → `{data: property}`.
 * Resource route: JSON for integrators and for the edit page's progress-bar upload; a native form
 * post (JavaScript off) is redirected back to the edit page with a notice or an error code.
 */
async function actionHandler({ request, params }: ActionFunctionArgs) {
  const pro = await requireVerifiedPro(request);
  const id = params.id ?? "";
  const asJson = wantsJson(request) || request.headers.has("authorization");
  if (request.method !== "POST") return apiError("METHOD_NOT_ALLOWED", "Use POST with multipart/form-data");
  try {
    const property = await appendPropertyPhotos(pro.id, id, request);
    return asJson ? json({ data: property }) : redirect(`/pro/properties/${id}?notice=photos-added`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (asJson || error.code === "NOT_FOUND") return toResponse(error);
    return redirect(`/pro/properties/${id}?photoError=${error.code}`);
  }
}

/** GET has nothing to show: the photos are managed from the edit page. */
async function loaderHandler({ request, params }: LoaderFunctionArgs) {
  await requireVerifiedPro(request);
  if (wantsJson(request)) return apiError("METHOD_NOT_ALLOWED", "Use POST with multipart/form-data");
  return redirect(`/pro/properties/${params.id ?? ""}`);
}

export const loader = withJsonErrors(loaderHandler);
export const action = withJsonErrors(actionHandler);
