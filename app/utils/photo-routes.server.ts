import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { appendPhotos } from "~/domain/photos/photos.server";
import type { PhotoKind } from "~/domain/photos/rules";
import type { CurrentPro } from "./auth.server";
import { withJsonErrors } from "./errors.server";
import { apiError, DomainError, toResponse, wantsJson } from "./http.server";

/**
 * `POST <edit page>/photos` (multipart; every file part is a photo) → `{data: record}` for the
 * three kinds of photo owners. JSON for integrators and for the progress-bar upload; a native form
 * post (JavaScript off) is redirected back to the edit page with a notice or an error code.
 */
export function photoUploadRoute(options: {
  kind: PhotoKind;
  /** Who may upload (requireVerifiedPro, or one kind of pro). */
  authorize: (request: Request) => Promise<CurrentPro>;
  editPath: (id: string) => string;
  /** The owner's JSON record after the upload. */
  record: (proId: string, id: string) => Promise<unknown>;
}) {
  async function actionHandler({ request, params }: ActionFunctionArgs) {
    const pro = await options.authorize(request);
    const id = params.id ?? "";
    const asJson = wantsJson(request) || request.headers.has("authorization");
    if (request.method !== "POST") return apiError("METHOD_NOT_ALLOWED", "Use POST with multipart/form-data");
    try {
      await appendPhotos({ kind: options.kind, proId: pro.id, ownerId: id }, request);
      if (!asJson) return redirect(`${options.editPath(id)}?notice=photos-added`);
      return json({ data: await options.record(pro.id, id) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (asJson || error.code === "NOT_FOUND") return toResponse(error);
      return redirect(`${options.editPath(id)}?photoError=${error.code}`);
    }
  }

  /** GET has nothing to show: the photos are managed from the edit page. */
  async function loaderHandler({ request, params }: LoaderFunctionArgs) {
    await options.authorize(request);
    if (wantsJson(request)) return apiError("METHOD_NOT_ALLOWED", "Use POST with multipart/form-data");
    return redirect(options.editPath(params.id ?? ""));
  }

  return { action: withJsonErrors(actionHandler), loader: withJsonErrors(loaderHandler) };
}
