/**
 * GET /pro/vehicle-leads/:id and PUT /pro/vehicle-leads/:id {status} — one lead of the dealership.
 * A native form may POST here too (intent=status): it is redirected back to the inbox tab.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { listReplies } from "~/domain/followup/replies.server";
import { changeVehicleLeadStatus, getVehicleLead } from "~/domain/vehicles/leads.server";
import { vehicleLeadsJson } from "~/domain/vehicles/lead-routes.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { apiError, readBody, wantsJson } from "~/utils/http.server";
import { withJsonErrors } from "~/utils/errors.server";

async function loaderHandler({ request, params }: LoaderFunctionArgs) {
  return vehicleLeadsJson(async () => {
    const pro = await requireVerifiedPro(request);
    const lead = await getVehicleLead(pro.id, params.id ?? "");
    const replies = await listReplies({ kind: "vehicle", id: lead.id });
    return json({ data: { ...lead, replies } }, { headers: { "Cache-Control": "no-store" } });
  });
}

async function actionHandler({ request, params }: ActionFunctionArgs) {
  return vehicleLeadsJson(async () => {
    if (request.method !== "PUT" && request.method !== "POST") {
      return apiError("METHOD_NOT_ALLOWED", "Method not allowed", { headers: { Allow: "GET, PUT" } });
    }
    const pro = await requireVerifiedPro(request);
    const body = await readBody(request);
    const lead = await changeVehicleLeadStatus(pro.id, params.id ?? "", body.status);
    if (request.method === "POST" && !wantsJson(request)) return redirect("/pro/contacts/vehicles");
    return json({ data: lead });
  });
}

export const loader = withJsonErrors(loaderHandler);
export const action = withJsonErrors(actionHandler);
