/**
 * GET /pro/vehicle-leads/:id and PUT /pro/vehicle-leads/:id {status?, assigneeId?} — one lead of the
 * dealership (an agent: only one assigned to them).
 * A native form may POST here too (intent=status): it is redirected back to the inbox tab.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { assignVehicleLead, changeVehicleLeadStatus, getVehicleLead } from "~/domain/vehicles/leads.server";
import { vehicleLeadsJson } from "~/domain/vehicles/lead-routes.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { apiError, readBody, wantsJson } from "~/utils/http.server";
import { withJsonErrors } from "~/utils/errors.server";

async function loaderHandler({ request, params }: LoaderFunctionArgs) {
  return vehicleLeadsJson(async () => {
    const pro = await requireVerifiedPro(request);
    return json({ data: await getVehicleLead(leadAccess(pro), params.id ?? "") });
  });
}

async function actionHandler({ request, params }: ActionFunctionArgs) {
  return vehicleLeadsJson(async () => {
    if (request.method !== "PUT" && request.method !== "POST") {
      return apiError("METHOD_NOT_ALLOWED", "Method not allowed", { headers: { Allow: "GET, PUT" } });
    }
    const pro = await requireVerifiedPro(request);
    const access = leadAccess(pro);
    const id = params.id ?? "";
    await getVehicleLead(access, id); // not visible to this member: 404 whatever the body
    const body = await readBody(request);
    // `assigneeId` reassigns (owners and managers); `status` moves it along the diagram.
    let lead = "assigneeId" in body ? await assignVehicleLead(access, id, body.assigneeId) : null;
    if (!lead || "status" in body) lead = await changeVehicleLeadStatus(access, id, body.status);
    if (request.method === "POST" && !wantsJson(request)) return redirect("/pro/contacts/vehicles");
    return json({ data: lead });
  });
}

export const loader = withJsonErrors(loaderHandler);
export const action = withJsonErrors(actionHandler);
