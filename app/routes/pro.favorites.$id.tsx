import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { withNotice } from "~/components/programmes/favorite-notices";
import { getFavorite, removeFavorite } from "~/domain/favorites/favorites.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { DomainError, toResponse, wantsJson } from "~/utils/http.server";
import { safeRedirect } from "~/utils/session.server";
import { withJsonErrors } from "~/utils/errors.server";

/**
 * Resource route for one favorite (no page of its own):
 * - `DELETE /pro/favorites/:id` → 200 `{"success": true}`; not yours or unknown → 404 NOT_FOUND.
 * - `POST` with `intent=remove` from the "Retirer" button (works without JavaScript) → back to
 *   /pro/favorites with a confirmation.
 * - `GET` → `{data: favorite}` for JSON clients; a browser is sent to the list.
 */

/** DELETE is an API verb: answer it in JSON even when the client did not ask for JSON explicitly. */
function isApiCall(request: Request) {
  return request.method === "DELETE" || wantsJson(request);
}

/** Auth decides between redirect and JSON error from the request's headers. */
function asJsonRequest(request: Request) {
  const headers = new Headers(request.headers);
  headers.set("accept", "application/json");
  return new Request(request.url, { method: "GET", headers });
}

async function loaderHandler({ request, params }: LoaderFunctionArgs) {
  if (!wantsJson(request)) {
    await requireVerifiedPro(request);
    return redirect("/pro/favorites");
  }
  const pro = await requireVerifiedPro(request);
  try {
    return json({ data: await getFavorite(pro.id, params.id ?? "") });
  } catch (error) {
    if (error instanceof DomainError) return toResponse(error);
    throw error;
  }
}

async function actionHandler({ request, params }: ActionFunctionArgs) {
  const api = isApiCall(request);
  const pro = await requireVerifiedPro(api ? asJsonRequest(request) : request);
  const id = params.id ?? "";

  if (api) {
    if (request.method !== "DELETE" && request.method !== "POST") {
      return toResponse(new DomainError("METHOD_NOT_ALLOWED", "Method not allowed"));
    }
    try {
      await removeFavorite(pro.id, id);
      return json({ success: true });
    } catch (error) {
      if (error instanceof DomainError) return toResponse(error);
      throw error;
    }
  }

  const form = await request.formData();
  const back = safeRedirect(form.get("redirectTo"), "/pro/favorites");
  if (form.get("intent") !== "remove") return redirect(back);
  try {
    const { kind } = await removeFavorite(pro.id, id);
    return redirect(withNotice(back, kind === "programme" ? "programme-retire" : "lot-retire"));
  } catch (error) {
    if (error instanceof DomainError) return redirect(withNotice(back, "favori-introuvable"));
    throw error;
  }
}

export const loader = withJsonErrors(loaderHandler);
export const action = withJsonErrors(actionHandler);
