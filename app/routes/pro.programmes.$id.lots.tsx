import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { createLot, findOwnProgrammeRow } from "~/domain/programmes/manage.server";
import { CreateLotSchema } from "~/domain/programmes/rules";
import { requireProKind } from "~/utils/auth.server";
import { resourceRoute } from "~/utils/errors.server";
import { apiError, DomainError, fieldIssues, readBody, wantsJson } from "~/utils/http.server";

/**
 * POST /pro/programmes/:id/lots → 201 `{data: lot}`. Ownership of the programme is checked before
 * the body is read. The programme page adds lots through its own form (same domain function).
 */
async function actionHandler({ request, params }: ActionFunctionArgs) {
  const pro = await requireProKind(request, "developer");
  const id = params.id ?? "";
  if (request.method !== "POST") return apiError("METHOD_NOT_ALLOWED", "Use POST to add a lot");
  if (!(await findOwnProgrammeRow(pro.id, id))) throw new DomainError("NOT_FOUND", "Programme not found");
  const parsed = CreateLotSchema.safeParse(await readBody(request));
  if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid lot", fieldIssues(parsed.error));
  const lot = await createLot(pro.id, id, parsed.data);
  if (!wantsJson(request)) return redirect(`/pro/programmes/${id}?notice=lot-added#lots`);
  return json({ data: lot }, { status: 201 });
}

/** The lots are listed on the programme: GET answers with it. */
async function loaderHandler({ request, params }: LoaderFunctionArgs) {
  await requireProKind(request, "developer");
  if (wantsJson(request)) return apiError("METHOD_NOT_ALLOWED", "Use GET /pro/programmes/:id for the lots");
  return redirect(`/pro/programmes/${params.id ?? ""}#lots`);
}

export const action = resourceRoute(actionHandler);
export const loader = resourceRoute(loaderHandler);
