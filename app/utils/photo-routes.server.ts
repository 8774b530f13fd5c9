import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { appendPhotos } from "~/domain/photos/photos.server";
import type { PhotoKind } from "~/domain/photos/rules";
import type { CurrentPro } from "./auth.server";
import { DomainError } from "./errors";
import { pageRoute, resourceRoute } from "./errors.server";
import { toResponse, wantsJson } from "./http.server";

/**
 * `POST <edit page>/photos` (multipart; every file part is a photo) → `{data: record}` for the
 * three kinds of photo owners (docs/decisions/028). JSON for integrators and for the progress-bar
 * upload; a native form post (JavaScript off) is redirected back to the edit page, which explains
 * the error code.
 */
export function photoUploadRoute(options: {
  kind: PhotoKind;
  /** Who may upload (requireVerifiedPro, or one kind of pro). */
  authorize: (request: Request, options: { json?: boolean }) => Promise<CurrentPro>;
  /** The edit page of an owner (from the URL's id). */
  editPath: (id: string) => string;
  /** The owner's JSON record after the upload. */
  record: (proId: string, id: string) => Promise<unknown>;
}) {
  const isApiCall = (request: Request) => wantsJson(request) || request.headers.has("authorization");
  const idOf = (request: Request) => new URL(request.url).pathname.split("/")[3] ?? "";

  const action = pageRoute(
    async ({ request, params }: ActionFunctionArgs) => {
      const pro = await options.authorize(request, { json: isApiCall(request) });
      const id = params.id ?? "";
      if (request.method !== "POST") throw new DomainError("METHOD_NOT_ALLOWED", "Use POST with multipart/form-data");
      await appendPhotos({ kind: options.kind, proId: pro.id, ownerId: id }, request);
      if (!isApiCall(request)) return redirect(`${options.editPath(id)}?notice=photos-added`);
      return json({ data: await options.record(pro.id, id) });
    },
    {
      formError: (error, request) =>
        isApiCall(request) || error.code === "NOT_FOUND"
          ? toResponse(error)
          : redirect(`${options.editPath(idOf(request))}?photoError=${error.code}`),
    },
  );

  /** GET has nothing to show: the photos are managed from the edit page. */
  const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
    await options.authorize(request, {});
    if (wantsJson(request)) throw new DomainError("METHOD_NOT_ALLOWED", "Use POST with multipart/form-data");
    return redirect(options.editPath(params.id ?? ""));
  });

  return { action, loader };
}
