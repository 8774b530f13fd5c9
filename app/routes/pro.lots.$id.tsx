import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { deleteLot, findOwnLot, updateLot } from "~/domain/programmes/manage.server";
import { UpdateLotSchema } from "~/domain/programmes/rules";
import { requireProKind } from "~/utils/auth.server";
import { resourceRoute } from "~/utils/errors.server";
import { apiError, DomainError, fieldIssues, readBody, wantsJson } from "~/utils/http.server";

/**
 * GET|PUT|DELETE /pro/lots/:id (JSON). Another developer's lot is a 404 whatever the body; the
 * programme's prices follow every change. The programme page edits lots through its own forms.
 */
async function actionHandler({ request, params }: ActionFunctionArgs) {
  const pro = await requireProKind(request, "developer");
  const id = params.id ?? "";
  const lot = await findOwnLot(pro.id, id);
  if (!lot) throw new DomainError("NOT_FOUND", "Lot not found");
  if (request.method === "DELETE") {
    await deleteLot(pro.id, id);
    return new Response(null, { status: 204 });
  }
  if (request.method !== "PUT") return apiError("METHOD_NOT_ALLOWED", "Use PUT to update and DELETE to remove a lot");
  const parsed = UpdateLotSchema.safeParse(await readBody(request));
  if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid lot", fieldIssues(parsed.error));
  return json({ data: await updateLot(pro.id, id, parsed.data) });
}

async function loaderHandler({ request, params }: LoaderFunctionArgs) {
  const pro = await requireProKind(request, "developer");
  const lot = await findOwnLot(pro.id, params.id ?? "");
  if (!lot) throw new DomainError("NOT_FOUND", "Lot not found");
  if (!wantsJson(request)) return redirect(`/pro/programmes/${lot.programmeId}#lot-${lot.id}`);
  return json({ data: lot });
}

export const action = resourceRoute(actionHandler);
export const loader = resourceRoute(loaderHandler);
