import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { withNotice } from "~/components/programmes/favorite-notices";
import { getFavorite, removeFavorite } from "~/domain/favorites/favorites.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { readBody, typedValues, wantsJson } from "~/utils/http.server";
import { safeRedirect } from "~/utils/session.server";
import { pageRoute, resourceRoute } from "~/utils/errors.server";

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

export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request);
  if (!wantsJson(request)) return redirect("/pro/favorites");
  return json({ data: await getFavorite(pro.id, params.id ?? "") });
});

/** Where the "Retirer" button asked to come back to (a local path only). */
const backOf = (request: Request) => safeRedirect(typedValues(request).redirectTo, "/pro/favorites");

export const action = /* @__PURE__ */ pageRoute(
  async ({ request, params }: ActionFunctionArgs) => {
    const api = isApiCall(request);
    const pro = await requireVerifiedPro(request, { json: api });
    const id = params.id ?? "";
    if (api) {
      if (request.method !== "DELETE" && request.method !== "POST") {
        throw new DomainError("METHOD_NOT_ALLOWED", "Method not allowed");
      }
      await removeFavorite(pro.id, id);
      return json({ success: true });
    }
    const form = await readBody(request);
    if (form.intent !== "remove") return redirect(backOf(request));
    const { kind } = await removeFavorite(pro.id, id);
    return redirect(withNotice(backOf(request), kind === "programme" ? "programme-retire" : "lot-retire"));
  },
  {
    // DELETE is an API verb: its refusals stay JSON (below), only the "Retirer" form comes back with a notice.
    formError: (error, request) =>
      isApiCall(request)
        ? undefined
        : redirect(
            withNotice(backOf(request), error.code === "NOT_FOUND" ? "favori-introuvable" : "cible-introuvable"),
          ),
  },
);
